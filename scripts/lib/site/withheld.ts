/**
 * Where a record's metadata as one audience reads it lacks what the record holds: the JSON
 * pointers (into the record) of the fields and list items that redaction withheld. The record's
 * API document lists them, so that the form, editing the record from that site, can say what it
 * cannot show and what a pull request from it would drop.
 */
export function withheldPointers(original: unknown, redacted: unknown, pointer = ''): string[] {
  if (Array.isArray(original)) {
    if (!Array.isArray(redacted)) return [pointer];
    if (original.length === redacted.length)
      return original.flatMap((item, index) =>
        withheldPointers(item, redacted[index], `${pointer}/${index}`),
      );
    // A filtered list (related records): the items no longer there.
    const kept = redacted.map((item) => JSON.stringify(item));
    return original.flatMap((item, index) => {
      const at = kept.indexOf(JSON.stringify(item));
      if (at === -1) return [`${pointer}/${index}`];
      kept[at] = '\u0000';
      return [];
    });
  }
  if (original !== null && typeof original === 'object') {
    if (redacted === null || typeof redacted !== 'object' || Array.isArray(redacted))
      return [pointer];
    return Object.entries(original).flatMap(([key, value]) => {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return key in redacted
        ? withheldPointers(value, (redacted as { [key: string]: unknown })[key], at)
        : [at];
    });
  }
  return [];
}
