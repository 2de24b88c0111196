/**
 * Large build outputs written in pieces. The open-data files hold every article (at 10,000
 * articles: articles.json 117 MB, deliveries.csv 63 MB): built as one string, each cost the page
 * process the whole string (twice as many bytes when a character outside Latin-1 is in it) plus
 * the records it was built from, and V8's string limit (2^29 − 24 characters) would fail the
 * export near 46,000 articles. A Response whose body is a stream of the same text in chunks gives
 * the same bytes (Astro's build reads the body whole, as bytes, before writing the file).
 */

/** Characters per encoded chunk. */
const CHUNK = 1 << 16;

/** A response whose body is the concatenation of `parts`, produced as the body is read. */
export function streamedResponse(parts: Iterable<string>, contentType: string): Response {
  const iterator = parts[Symbol.iterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      for (let next = iterator.next(); ; next = iterator.next()) {
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
        if (chunk.length >= CHUNK) {
          controller.enqueue(encoder.encode(chunk));
          return;
        }
      }
    },
  });
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

/**
 * `JSON.stringify({ ...head, [key]: items })`, in pieces: the head's fields, then one item at a
 * time (`item` is called as the text is read, so only one item's record exists at once).
 */
export function* jsonWithArray<T>(head: Record<string, unknown>, key: string, items: Iterable<T>, item: (value: T) => unknown): Generator<string> {
  const start = JSON.stringify(head);
  yield `${start.length > 2 ? `${start.slice(0, -1)},` : '{'}${JSON.stringify(key)}:[`;
  let first = true;
  for (const value of items) {
    yield (first ? '' : ',') + JSON.stringify(item(value) ?? null);
    first = false;
  }
  yield ']}';
}
