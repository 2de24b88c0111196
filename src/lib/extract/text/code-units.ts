/**
 * A string's UTF-16 code units in a reused typed array, copied natively (Buffer#write 'utf16le' keeps
 * every unit, lone surrogates included). Reading a typed array is several times cheaper than
 * charCodeAt on the sliced and cons strings the stages pass around, so character loops over whole
 * texts read this copy instead. The only place in the project that copies a string to code units.
 */
import { Buffer } from 'node:buffer';

/** A reused scratch of code units: each reader (stage) owns one. */
export interface CodeUnitScratch {
  /** The code units of `text` (the scratch array, valid until the next call on this scratch). */
  read(text: string): Uint16Array;
  /** The first `length` units of the scratch (as edited in place since `read`) as a string. */
  decode(length: number): string;
}

export function createCodeUnitScratch(initialUnits = 1 << 13): CodeUnitScratch {
  let bytes = Buffer.alloc(initialUnits * 2);
  let view = new Uint16Array(bytes.buffer, bytes.byteOffset, initialUnits);
  return {
    read(text: string): Uint16Array {
      if (view.length < text.length) {
        bytes = Buffer.alloc(text.length * 4);
        view = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length * 2);
      }
      bytes.write(text, 0, 'utf16le');
      return view;
    },
    // Buffer decoding keeps every unit as is (lone surrogates too), unlike TextDecoder.
    decode: (length: number): string => bytes.toString('utf16le', 0, length * 2),
  };
}

export type CodeUnitReader = (text: string) => Uint16Array;

/** A reader with its own scratch: the array it returns is valid until that reader's next call. */
export function createCodeUnitReader(initialUnits = 1 << 13): CodeUnitReader {
  const scratch = createCodeUnitScratch(initialUnits);
  return (text) => scratch.read(text);
}
