/** Text and attribute values for XML. */
export function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 does not allow at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

/** `<name attr="v">text</name>`, or nothing for an absent value. */
export function element(
  name: string,
  value: string | undefined,
  attributes: { [key: string]: string | undefined } = {},
): string {
  if (value === undefined || value === '') return '';
  return `<${name}${attrs(attributes)}>${xmlEscape(value)}</${name}>`;
}

export function attrs(attributes: { [key: string]: string | undefined }): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlEscape(value)}"`)
    .join('');
}
