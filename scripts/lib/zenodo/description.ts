import type { RecordMetadata } from '../records/types.ts';

/**
 * A record's Zenodo description: Zenodo shows HTML (sanitised), so the abstract's paragraphs
 * become `<p>` elements with the text escaped, followed by where the record is preserved.
 */
export function describeRecord(
  record: Pick<RecordMetadata, 'abstract' | 'results' | 'version'>,
  context: { recordId: string; pageUrl: string; archiveName: string },
): string {
  const paragraphs = paragraphsOf(record.abstract);
  if (record.results?.summary)
    paragraphs.push(...paragraphsOf(`Results: ${record.results.summary}`));
  paragraphs.push(
    `Preserved in ${escapeHtml(context.archiveName)} as <a href="${escapeHtml(context.pageUrl)}">${escapeHtml(context.recordId)}</a>, version ${escapeHtml(record.version)}.`,
  );
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => escapeHtml(paragraph.replace(/\s+/g, ' ').trim()))
    .filter(Boolean);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
