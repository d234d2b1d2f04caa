import type { RecordMetadata } from '../records/types.ts';

/**
 * How to cite a record: a BibTeX entry (@misc for the preserved record itself, since what is
 * cited is the archive record, not the paper) and a one-line text citation.
 */
export interface CitationContext {
  id: string;
  url: string;
  publisher: string;
}

export function bibtexKey(id: string, metadata: RecordMetadata): string {
  const family = (metadata.people[0]?.family_name ?? 'record')
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '');
  const year = (metadata.updated ?? metadata.created).slice(0, 4);
  const slug =
    id
      .split('/')
      .at(-1)
      ?.replace(/[^a-z0-9]/g, '') ?? 'record';
  return `${family || 'record'}${year}${slug}`;
}

export function bibtex(metadata: RecordMetadata, context: CitationContext): string {
  const fields: Array<[string, string | undefined]> = [
    ['title', `{${escapeBibtex(metadata.title)}}`],
    ['author', authors(metadata)],
    ['year', (metadata.updated ?? metadata.created).slice(0, 4)],
    ['publisher', escapeBibtex(context.publisher)],
    ['version', escapeBibtex(metadata.version)],
    ['doi', metadata.doi],
    ['url', metadata.doi ? `https://doi.org/${metadata.doi}` : context.url],
    ['howpublished', 'Preserved analysis record'],
    ['note', `Archive record ${context.id}`],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name.padEnd(12)} = {${value}}`)
    .join(',\n');
  return `@misc{${bibtexKey(context.id, metadata)},\n${body}\n}\n`;
}

export function textCitation(metadata: RecordMetadata, context: CitationContext): string {
  const people = metadata.people;
  const names = people
    .slice(0, 3)
    .map((person) =>
      person.given_name
        ? `${person.family_name}, ${initials(person.given_name)}`
        : person.family_name,
    );
  const who =
    metadata.collaboration ?? (people.length > 3 ? `${names.join('; ')} et al.` : names.join('; '));
  const year = (metadata.updated ?? metadata.created).slice(0, 4);
  const where = metadata.doi ? `https://doi.org/${metadata.doi}` : context.url;
  return `${who} (${year}). ${metadata.title} (version ${metadata.version}) [Preserved analysis]. ${context.publisher}. ${where}`;
}

function authors(metadata: RecordMetadata): string {
  return metadata.people
    .map((person) =>
      person.given_name
        ? `${escapeBibtex(person.family_name)}, ${escapeBibtex(person.given_name)}`
        : `{${escapeBibtex(person.family_name)}}`,
    )
    .join(' and ');
}

function initials(given: string): string {
  return given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part[0]}.`)
    .join(' ');
}

const BIBTEX_ESCAPES: { [char: string]: string } = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes what (La)TeX treats specially, so a title cannot unbalance braces or run a command. */
export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/g, (char) => BIBTEX_ESCAPES[char] ?? char);
}
