import { describe, expect, it } from 'vitest';
import { escapeText, reportMarkdown } from '../../../scripts/lib/forges/report/markdown.ts';
import {
  ReportFormatError,
  parseValidationReport,
} from '../../../scripts/lib/forges/report/read-report.ts';
import { validationReport } from '../../helpers/validation-report.ts';

describe('the report as Markdown', () => {
  it('cannot be made to link, embed, mention or break the table by a record’s text', () => {
    expect(
      escapeText('![x](https://evil.example/p.png) <img src=x> @capsule-archive/cms-conveners a|b'),
    ).toBe(
      '\\!\\[x\\]\\(https:/\u200b/evil.example/p.png\\) &lt;img src=x&gt; @\u200bcapsule-archive/cms-conveners a\\|b',
    );
    expect(escapeText('`title` should be `a|b`, not\nthis')).toBe(
      '`title` should be `a\\|b`, not this',
    );
  });

  it('lists the problems, what passed, and the scope of a changed-only check', () => {
    const report = {
      ...validationReport(1, { warnings: 1, checked: ['cms/a', 'cms/b', 'atlas/c'], draft: true }),
      scope: {
        changedSince: 'origin/main',
        base: 'f'.repeat(40),
        files: ['content/cms/a/record.yaml', 'content/cms/b/x', 'content/atlas/c/y'],
      },
    };
    const text = reportMarkdown(report, { commit: 'a'.repeat(40) });
    expect(text).toContain(
      '**1 error and 1 warning in 3 records checked.** (draft: missing required fields are warnings)',
    );
    expect(text).toContain(
      'Checked the 3 records touched by 3 changed files since `origin/main` (`ffffffffff`)',
    );
    expect(text).toContain(
      "| ❌ | `content/cms/a/record.yaml:1` | `keywords[0]` should be text, but it is a number \\(0\\). <sub>CAPSULE_SCHEMA_TYPE</sub> | Quote it: `'0'`. |",
    );
    expect(text).toContain('| ⚠️ | `content/cms/a/record.yaml:2` |');
    expect(text).toContain('**Passed** (2 of 3): `cms/b`, `atlas/c`');
  });

  it('stays under the length limit and says how many problems it left out', () => {
    const text = reportMarkdown(validationReport(2000), {
      maxLength: 20_000,
      detailsUrl: 'https://ci.example/run/1',
    });
    expect(text.length).toBeLessThanOrEqual(20_000);
    const shown = text.split('\n').filter((line) => line.startsWith('| ❌')).length;
    expect(shown).toBeGreaterThan(50);
    expect(text).toContain(
      `…and ${2000 - shown} more problems not shown here: see [the full report](https://ci.example/run/1).`,
    );
  });
});

describe('reading a report from an artifact', () => {
  const valid = JSON.stringify(validationReport(2));

  it('accepts what capsule validate writes', () => {
    expect(parseValidationReport(valid).diagnostics).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{', 'The report is not JSON'],
    [
      'an unknown code',
      valid.replace(/CAPSULE_SCHEMA_TYPE/g, 'RM_RF'),
      'is not a Capsule diagnostic code',
    ],
    [
      'a path outside the repository',
      valid.replace(/content\/cms/g, '/etc'),
      'is not a path inside the repository',
    ],
    ['counts that lie', valid.replace('"errors":2', '"errors":0'), 'do not match the diagnostics'],
    [
      'a huge message',
      valid.replace('should be text', 'x'.repeat(5000)),
      'longer than 4000 characters',
    ],
    [
      'a line that is not a number',
      valid.replace('"line":1', '"line":"1"'),
      'line must be a positive whole number',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseValidationReport(text)).toThrow(ReportFormatError);
    expect(() => parseValidationReport(text)).toThrow(message);
  });
});
