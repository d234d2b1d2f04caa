import type { RecordMetadata } from '../records/types.ts';
import { citationName, creditOf } from './credit.ts';
import type { ExportContext } from './context.ts';
import { doiUrl } from './context.ts';
import { licenceInfo } from './licenses.ts';

/**
 * A BibTeX entry citing the record: `@misc` (what every BibTeX style knows) with the creators as
 * authors ("Family, Given and ..."), the collaboration as a corporate author when it is the only
 * one, DOI and landing page. Special characters are escaped; other text stays UTF-8, which biber
 * and BibTeX with inputenc read.
 */
export function bibtex(record: RecordMetadata, context: ExportContext): string {
  const credit = creditOf(record);
  const authors = credit.creators.map((person) => escape(citationName(person)));
  if (authors.length === 0 && credit.collaboration)
    authors.push(`{${escape(credit.collaboration)}}`);
  const doi = record.doi;
  const fields: Array<[string, string | undefined]> = [
    ['author', authors.join(' and ') || undefined],
    ['title', `{${escape(record.title.replace(/\s+/g, ' ').trim())}}`],
    ['year', context.published.slice(0, 4)],
    ['month', String(Number(context.published.slice(5, 7)))],
    ['publisher', escape(context.publisher)],
    ['howpublished', `\\url{${doi ? doiUrl(doi) : context.pageUrl}}`],
    ['version', escape(record.version)],
    ['doi', doi],
    ['url', context.pageUrl],
    ['keywords', record.keywords?.map(escape).join(', ')],
    [
      'note',
      `Analysis preservation record${record.collaboration ? ` of the ${escape(record.collaboration)}` : ''}; licence ${licenceInfo(record.license ?? context.defaultLicense ?? 'CC-BY-4.0').id}`,
    ],
  ];
  const lines = fields
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(
      ([name, value]) => `  ${name.padEnd(12)} = ${/^\d+$/.test(value) ? value : `{${value}}`},`,
    );
  return `@misc{${citationKey(context.recordId, context.published)},\n${lines.join('\n')}\n}\n`;
}

/** `cms/higgs-tautau-2016` published 2019 → `cms:higgs-tautau-2016:2019`: stable and unique in the archive. */
export function citationKey(recordId: string, published: string): string {
  return `${recordId.replace(/\//g, ':').replace(/[^A-Za-z0-9:_-]/g, '-')}:${published.slice(0, 4)}`;
}

const SPECIALS: { [char: string]: string } = {
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

export function escape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => SPECIALS[char] ?? char);
}
