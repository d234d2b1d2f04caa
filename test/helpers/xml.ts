import { DOMParser } from '@xmldom/xmldom';

/** Parses XML strictly: any well-formedness error or warning fails the test that reads it. */
export function parseXml(text: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      errors.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return document as unknown as Document;
}
