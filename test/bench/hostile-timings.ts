import { loadArchive } from '../../scripts/lib/records/load-archive.ts';
import { loadSchemas } from '../../scripts/lib/schemas/load-schemas.ts';
import { validateArchive } from '../../scripts/lib/validate/validate-archive.ts';
import { HOSTILE_CASES } from '../fixtures/hostile-cases.ts';
import { makeArchive } from '../helpers/temp-archive.ts';

/** Times read + parse + validate of each hostile-input case (the issue asks: each under a second). */
export async function HOSTILE_TIMINGS(
  _scratch: string,
): Promise<Array<{ case: string; code: string; ms: number; refused: boolean }>> {
  const rows = [];
  for (const hostile of HOSTILE_CASES) {
    const archive = await makeArchive(hostile.files);
    try {
      await hostile.prepare?.(archive);
      const started = performance.now();
      const report = await validateArchive(
        await loadArchive(archive.root),
        await loadSchemas(archive.root),
      );
      const ms = Math.round((performance.now() - started) * 10) / 10;
      rows.push({
        case: hostile.name,
        code: hostile.code,
        ms,
        refused: report.diagnostics.some((d) => d.code === hostile.code),
      });
    } finally {
      await archive.cleanup();
    }
  }
  return rows;
}
