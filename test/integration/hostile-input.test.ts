import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, RECORD } from '../fixtures/hostile-cases.ts';
import { makeArchive } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * Hostile input: each case of the corpus is refused with exit code 1 and a diagnostic with the
 * right code and line — never a crash, a hang, or a polluted prototype. bench:validate times them.
 */
const archives: TempArchive[] = [];
afterAll(async () => {
  await Promise.all(archives.map((archive) => archive.cleanup()));
});

describe('hostile input', () => {
  for (const hostile of HOSTILE_CASES) {
    it(`refuses ${hostile.name}`, async () => {
      const archive = await makeArchive(hostile.files);
      archives.push(archive);
      await hostile.prepare?.(archive);
      const result = await runCli(['validate', '--format', 'json'], { cwd: archive.root });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as {
        diagnostics: Array<{ code: string; file: string; line: number }>;
      };
      const file =
        hostile.file ??
        Object.keys(hostile.files).find((name) => name.includes('/evil/')) ??
        RECORD;
      expect(report.diagnostics).toContainEqual(
        expect.objectContaining({ code: hostile.code, file, line: hostile.line }),
      );
      expect(({} as { polluted?: unknown; isAdmin?: unknown }).polluted).toBeUndefined();
    });
  }
});
