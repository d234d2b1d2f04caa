import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatMarkdown } from '../../scripts/lib/diagnostics/format/markdown.ts';
import type { Diagnostic } from '../../scripts/lib/diagnostics/diagnostic.ts';

const diagnostic: Diagnostic = {
  code: 'CAPSULE_SCHEMA_REQUIRED',
  severity: 'error',
  file: 'content/cms/x/record.yaml',
  line: 3,
  column: 1,
  pointer: '/title',
  message: 'The record is missing the required field `title`.',
  hint: 'Add `title:`.',
};

describe('Markdown report', () => {
  it('tabulates each problem with its place and its fix, after a summary line', () => {
    const text = formatMarkdown([diagnostic], { records: 2, errors: 1, warnings: 0 });
    expect(text).toContain('**✖ 1 error in 2 records checked.**');
    expect(text).toContain(
      '| ✖ error | `content/cms/x/record.yaml:3` | `CAPSULE_SCHEMA_REQUIRED` The record is missing',
    );
  });

  it('escapes record text so it cannot inject Markdown or HTML', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [link](javascript:x) | pipe')).toBe(
      '\\<img src=x onerror=alert\\(1\\)\\> \\[link\\]\\(javascript:x\\) \\| pipe',
    );
  });

  it('says all is valid when there is nothing to report', () => {
    expect(formatMarkdown([], { records: 3, errors: 0, warnings: 0 })).toBe(
      '**✔ 3 records checked: all valid.**\n\n',
    );
  });
});
