/** A one-paragraph SegmentedDoc for stage tests, sentences split on . ! ? (no abbreviation rules). */
import type { SegmentedDoc } from '../../src/lib/extract/types.ts';

export function simpleDoc(body: string): SegmentedDoc {
  const sentences = [];
  const re = /[^.!?]+(?:[.!?]+|$)\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) && m[0].length) {
    const text = m[0].trimEnd();
    sentences.push({ text, start: m.index, end: m.index + text.length, paragraph: 0 });
  }
  return { body, paragraphs: [{ text: body, start: 0, end: body.length }], sentences };
}
