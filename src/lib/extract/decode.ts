/**
 * Decode stage: raw bytes → text, or a clear English reason to reject the file.
 *
 * - UTF-8 with or without BOM (strict validation first: the fast native path);
 * - UTF-16 LE/BE with BOM, and BOM-less UTF-16 recognised by its NUL-byte pattern;
 * - invalid UTF-8 → Windows-1252 (a superset of Latin-1 for printable text). When a file is
 *   mostly valid UTF-8 with a few stray Windows-1252 bytes, the valid sequences are kept and
 *   only the invalid bytes are read as Windows-1252;
 * - double-encoded UTF-8 ("dÃ©fense", "lâ€™Ukraine") is repaired sequence by sequence;
 * - rejects empty, whitespace-only and binary files. The binary heuristic scans only the first
 *   8 KiB; decoding covers the whole file. Everything is linear in the file size.
 */
import { createCodeUnitReader } from './text/code-units.ts';

export type DecodeResult =
  { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'; warnings: string[] } | { ok: false; reason: string };

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SNIFF_BYTES = 8192;
/** Share of control characters (in the first 8 KiB) above which a file is considered binary. */
const CONTROL_RATIO_MAX = 0.1;
/** Share of NUL bytes on one parity needed to recognise BOM-less UTF-16. */
const UTF16_NUL_RATIO = 0.3;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const cp1252 = new TextDecoder('windows-1252');

/** The 256 characters of Windows-1252, indexed by byte. */
const CP1252_CHARS: string = cp1252.decode(Uint8Array.from({ length: 256 }, (_, i) => i));
/** Windows-1252 character (code unit) → byte, for the bytes 0x80–0xFF. */
const CP1252_BYTE = new Map<number, number>();
for (let b = 0x80; b <= 0xff; b++) CP1252_BYTE.set(CP1252_CHARS.charCodeAt(b), b);

const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive (or DOCX/ODT)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'OLE2 document (DOC/XLS)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'RIFF media', bytes: [0x52, 0x49, 0x46, 0x46] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function fail(reason: string): DecodeResult {
  return { ok: false, reason };
}

/** Decodes one file's bytes; never throws. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return fail('empty file');
  const warnings: string[] = [];

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return fail('unsupported encoding: UTF-32 byte order mark');
  }

  let text: string;
  let encoding: Encoding;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const decoded = decodeUtf8OrFallback(bytes.subarray(3), warnings, 3);
    text = decoded.text;
    encoding = decoded.encoding === 'utf-8' ? 'utf-8-bom' : decoded.encoding;
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = decodeUtf16(bytes.subarray(2), 'utf-16le', warnings);
    encoding = 'utf-16le';
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = decodeUtf16(bytes.subarray(2), 'utf-16be', warnings);
    encoding = 'utf-16be';
  } else {
    const sniff = bytes.subarray(0, SNIFF_BYTES);
    const nul = sniff.indexOf(0) < 0 ? { total: 0, even: 0, odd: 0 } : countNul(sniff);
    if (nul.total > 0) {
      const pattern = utf16Pattern(sniff, nul.even, nul.odd);
      if (!pattern) return fail(`binary content: ${nul.total} NUL bytes in the first 8 KiB`);
      warnings.push(`no byte order mark; detected ${pattern === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} from the NUL-byte pattern`);
      text = decodeUtf16(bytes, pattern, warnings);
      encoding = pattern;
    } else {
      for (const magic of MAGIC) {
        if (startsWith(bytes, magic.bytes)) return fail(`binary content: ${magic.name} signature`);
      }
      const decoded = decodeUtf8OrFallback(bytes, warnings, 0);
      text = decoded.text;
      encoding = decoded.encoding;
    }
  }

  // Clean text (the common case) is cleared by one scan instead of one per check below.
  const suspect = isSuspect(text);
  const c1 = suspect ? mapC1Controls(text) : { text, count: 0 };
  if (c1.count > 0) {
    text = c1.text;
    warnings.push(`mapped ${c1.count} C1 control character${c1.count > 1 ? 's' : ''} to their Windows-1252 meaning (e.g. U+0092 → ’)`);
  }

  const controls = suspect ? countControls(text) : { count: 0, ratio: 0 };
  if (controls.ratio > CONTROL_RATIO_MAX) {
    return fail(`binary content: ${Math.round(controls.ratio * 100)}% control characters in the first 8 KiB`);
  }
  if (!HAS_VISIBLE.test(text)) return fail('whitespace-only file');

  const repaired = suspect ? repairMojibake(text) : { text, count: 0 };
  if (repaired.count > 0) {
    text = repaired.text;
    warnings.push(`repaired ${repaired.count} double-encoded UTF-8 sequence${repaired.count > 1 ? 's' : ''} (mojibake such as "Ã©")`);
  }
  const replacement = countChar(text, 0xfffd);
  if (replacement > 0) {
    warnings.push(`text contains ${replacement} U+FFFD replacement character${replacement > 1 ? 's' : ''} (lossy earlier conversion)`);
  }
  return { ok: true, text, encoding, warnings };
}

const C1 = /[\u0080-\u009f]/g;

/**
 * Text that went through a Latin-1 (not Windows-1252) conversion carries C1 controls where the
 * Windows-1252 punctuation was (U+0092 for ’, U+0096 for –, U+009C for œ): map them back.
 */
function mapC1Controls(text: string): { text: string; count: number } {
  C1.lastIndex = 0;
  if (!C1.test(text)) return { text, count: 0 };
  let count = 0;
  const out = text.replace(C1, (ch) => {
    const mapped = CP1252_CHARS[ch.charCodeAt(0)];
    if (mapped.charCodeAt(0) < 0xa0) return ch; // undefined in Windows-1252: left for the control check
    count++;
    return mapped;
  });
  return { text: out, count };
}

const HAS_VISIBLE = /[^\s\u200b-\u200d\u2060\u00ad]/;

function countChar(text: string, code: number): number {
  const ch = String.fromCharCode(code);
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countNul(bytes: Uint8Array): { total: number; even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i & 1) odd++;
      else even++;
    }
  }
  return { total: even + odd, even, odd };
}

/** UTF-16 without BOM: mostly-ASCII text has a NUL high byte in (nearly) every code unit. */
function utf16Pattern(bytes: Uint8Array, even: number, odd: number): 'utf-16le' | 'utf-16be' | null {
  const units = bytes.length >> 1;
  if (units < 2) return null;
  if (odd / units >= UTF16_NUL_RATIO && even / units <= 0.05) return 'utf-16le';
  if (even / units >= UTF16_NUL_RATIO && odd / units <= 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', warnings: string[]): string {
  let body = bytes;
  if (body.length & 1) {
    warnings.push('odd number of bytes for UTF-16; the last byte was ignored');
    body = body.subarray(0, body.length - 1);
  }
  // A BOM after a BOM-less detection is stripped by the decoder too (ignoreBOM: false).
  return new TextDecoder(encoding).decode(body);
}

/** Control characters other than tab/newline/CR/FF, as a share of the first 8 KiB of text. */
const ANY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

function countControls(text: string): { count: number; ratio: number } {
  const end = Math.min(text.length, SNIFF_BYTES);
  if (end === 0) return { count: 0, ratio: 0 };
  const head = text.length > end ? text.slice(0, end) : text;
  if (!ANY_CONTROL.test(head)) return { count: 0, ratio: 0 }; // the common case, without a JS loop
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) count++;
  }
  return { count, ratio: count / end };
}

function decodeUtf8OrFallback(bytes: Uint8Array, warnings: string[], offset: number): { text: string; encoding: Encoding } {
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' };
  } catch {
    // fall through: invalid UTF-8
  }
  const scan = scanUtf8(bytes);
  if (scan.validMultibyte === 0) {
    warnings.push(`invalid UTF-8 at byte ${scan.firstInvalid + offset}; decoded as Windows-1252`);
    return { text: cp1252.decode(bytes), encoding: 'windows-1252' };
  }
  if (scan.validMultibyte < scan.invalid) {
    warnings.push(
      `invalid UTF-8 at byte ${scan.firstInvalid + offset} (${scan.invalid} invalid bytes, ${scan.validMultibyte} valid multi-byte sequences); decoded as Windows-1252`,
    );
    return { text: cp1252.decode(bytes), encoding: 'windows-1252' };
  }
  warnings.push(
    `mixed encoding: ${scan.invalid} byte${scan.invalid > 1 ? 's' : ''} invalid as UTF-8 (first at byte ${scan.firstInvalid + offset}) read as Windows-1252; ${scan.validMultibyte} valid UTF-8 sequences kept`,
  );
  return { text: decodeMixed(bytes), encoding: 'utf-8' };
}

/** Length of the valid UTF-8 sequence starting at i, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => k < n && bytes[k] >= lo && bytes[k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b === 0xe0) return cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b === 0xed) return cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
  if (b === 0xf0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b === 0xf4) return cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

/**
 * Walks the bytes as UTF-8: calls onInvalid(i) for each byte that starts no valid sequence (it
 * then counts as one byte) and returns the number of valid multibyte sequences.
 */
function walkUtf8(bytes: Uint8Array, onInvalid: (i: number) => void): number {
  let validMultibyte = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      validMultibyte++;
      i += len;
    } else {
      onInvalid(i);
      i++;
    }
  }
  return validMultibyte;
}

function scanUtf8(bytes: Uint8Array): { invalid: number; validMultibyte: number; firstInvalid: number } {
  let invalid = 0;
  let firstInvalid = -1;
  const validMultibyte = walkUtf8(bytes, (i) => {
    if (firstInvalid < 0) firstInvalid = i;
    invalid++;
  });
  return { invalid, validMultibyte, firstInvalid };
}

/** Valid UTF-8 runs decoded as UTF-8, every invalid byte as its Windows-1252 character. */
function decodeMixed(bytes: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  walkUtf8(bytes, (i) => {
    if (i > runStart) parts.push(utf8Lenient.decode(bytes.subarray(runStart, i)));
    parts.push(CP1252_CHARS[bytes[i]]);
    runStart = i + 1;
  });
  if (runStart < bytes.length) parts.push(utf8Lenient.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/** A UTF-8 lead byte read as Windows-1252 (Â..ô) followed by a character whose byte is 0x80–0xBF. */
const MOJIBAKE_HINT_SRC =
  '[\\u00c2-\\u00f4][\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201a\\u201c-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122]';
const MOJIBAKE_HINT = new RegExp(MOJIBAKE_HINT_SRC);

/*
 * Anything mapC1Controls, countControls or repairMojibake acts on: a control character (C1
 * included) or a mojibake lead pair (MOJIBAKE_HINT). Text without one needs none of them.
 * Kept as two code-unit tables (first: 1 control, 2 mojibake lead; second: a mojibake follower):
 * a scan of a typed array is ~3× faster than the equivalent regex.
 */
const SUSPECT_FIRST = new Uint8Array(0x10000);
const SUSPECT_SECOND = new Uint8Array(0x10000);
{
  const control = /^[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]$/;
  const lead = new RegExp(`^${MOJIBAKE_HINT_SRC.slice(0, MOJIBAKE_HINT_SRC.indexOf(']') + 1)}$`);
  const follower = new RegExp(`^${MOJIBAKE_HINT_SRC.slice(MOJIBAKE_HINT_SRC.indexOf(']') + 1)}$`);
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (control.test(ch)) SUSPECT_FIRST[c] = 1;
    else if (lead.test(ch)) SUSPECT_FIRST[c] = 2;
    if (follower.test(ch)) SUSPECT_SECOND[c] = 1;
  }
}
const readUnits = createCodeUnitReader();

/** Whether `text` holds a control character or a mojibake lead pair (see the tables above). */
function isSuspect(text: string): boolean {
  const u = readUnits(text);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const f = SUSPECT_FIRST[u[i]];
    if (f === 1 || (f === 2 && i + 1 < n && SUSPECT_SECOND[u[i + 1]] === 1)) return true;
  }
  return false;
}

/** Whether a repaired code point is plausible in French news (Latin letters, punctuation, symbols). */
function plausibleRepair(cp: number): boolean {
  return (cp >= 0xa0 && cp <= 0x2ff) || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x20a0 && cp <= 0x20cf) || (cp >= 0x2100 && cp <= 0x214f);
}

/**
 * Repairs UTF-8 that was decoded as Windows-1252 and re-encoded ("dÃ©fense" → "défense").
 * Each candidate sequence is re-read as bytes and kept only when it forms one valid UTF-8
 * character in a plausible range, so genuine text is never touched. Linear time.
 */
export function repairMojibake(text: string): { text: string; count: number } {
  if (!MOJIBAKE_HINT.test(text)) return { text, count: 0 };
  const parts: string[] = [];
  let count = 0;
  let copyFrom = 0;
  const buf = new Uint8Array(4);
  for (let i = 0; i < text.length; i++) {
    const lead = text.charCodeAt(i);
    if (lead < 0xc2 || lead > 0xf4) continue;
    const need = lead <= 0xdf ? 1 : lead <= 0xef ? 2 : 3;
    if (i + need >= text.length) continue;
    buf[0] = lead;
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const b = CP1252_BYTE.get(text.charCodeAt(i + k));
      if (b === undefined || b < 0x80 || b > 0xbf) {
        ok = false;
        break;
      }
      buf[k] = b;
    }
    if (!ok || utf8SequenceLength(buf.subarray(0, need + 1), 0) !== need + 1) continue;
    const decoded = utf8Lenient.decode(buf.subarray(0, need + 1));
    const cp = decoded.codePointAt(0) ?? 0;
    if (!plausibleRepair(cp)) continue;
    if (i > copyFrom) parts.push(text.slice(copyFrom, i));
    parts.push(decoded);
    count++;
    copyFrom = i + need + 1;
    i += need;
  }
  if (count === 0) return { text, count: 0 };
  if (copyFrom < text.length) parts.push(text.slice(copyFrom));
  return { text: parts.join(''), count };
}
