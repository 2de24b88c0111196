/**
 * A string's UTF-16 code units in a reused typed array, copied natively (Buffer#write 'utf16le' keeps
 * every unit, lone surrogates included). Reading a typed array is several times cheaper than
 * charCodeAt on the sliced and cons strings the stages pass around, so character loops over whole
 * texts read this copy instead.
 */
import { Buffer } from 'node:buffer';

export type CodeUnitReader = (text: string) => Uint16Array;

/** A reader with its own scratch: the array it returns is valid until that reader's next call. */
export function createCodeUnitReader(initialUnits = 1 << 13): CodeUnitReader {
  let bytes = Buffer.alloc(initialUnits * 2);
  let view = new Uint16Array(bytes.buffer, bytes.byteOffset, initialUnits);
  return (text: string): Uint16Array => {
    if (view.length < text.length) {
      bytes = Buffer.alloc(text.length * 4);
      view = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length * 2);
    }
    bytes.write(text, 0, 'utf16le');
    return view;
  };
}
