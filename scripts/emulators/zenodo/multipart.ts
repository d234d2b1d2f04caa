/** Just enough multipart/form-data parsing for the old deposition files API. */
export interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

export function parseMultipart(contentType: string | undefined, body: Buffer): Part[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // CRLF after the delimiter, before the next
    const split = chunk.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = chunk.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined)
        parts.push({
          name,
          ...(filename !== undefined ? { filename } : {}),
          data: chunk.subarray(split + 4),
        });
    }
    start = next;
  }
  return parts;
}
