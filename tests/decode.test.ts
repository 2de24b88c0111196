import { describe, expect, it } from 'vitest';
import { decodeBytes, repairMojibake } from '../src/lib/extract/decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}
/** Windows-1252 bytes for a string of Latin-1 characters plus ’ (0x92). */
function cp1252(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => (ch === '’' ? 0x92 : ch === '€' ? 0x80 : ch.charCodeAt(0))));
}

const FRENCH = 'La France livre des canons Caesar à l’Ukraine, a déclaré le ministre.';

function ok(bytes: Uint8Array) {
  const r = decodeBytes(bytes);
  if (!r.ok) throw new Error(`rejected: ${r.reason}`);
  return r;
}

describe('decodeBytes', () => {
  it('decodes plain UTF-8 without warnings', () => {
    const r = ok(utf8(FRENCH));
    expect(r.text).toBe(FRENCH);
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([]);
  });

  it('strips a UTF-8 byte order mark and reports utf-8-bom', () => {
    const r = ok(concat([0xef, 0xbb, 0xbf], utf8(FRENCH)));
    expect(r.text).toBe(FRENCH);
    expect(r.encoding).toBe('utf-8-bom');
  });

  it('decodes UTF-16LE and UTF-16BE with a byte order mark', () => {
    const le = ok(concat([0xff, 0xfe], utf16(FRENCH, false)));
    expect(le.text).toBe(FRENCH);
    expect(le.encoding).toBe('utf-16le');
    const be = ok(concat([0xfe, 0xff], utf16(FRENCH, true)));
    expect(be.text).toBe(FRENCH);
    expect(be.encoding).toBe('utf-16be');
  });

  it('detects BOM-less UTF-16 from the NUL-byte pattern and says so', () => {
    const le = ok(utf16(FRENCH, false));
    expect(le.text).toBe(FRENCH);
    expect(le.encoding).toBe('utf-16le');
    expect(le.warnings[0]).toMatch(/no byte order mark; detected UTF-16LE/);
    const be = ok(utf16(FRENCH, true));
    expect(be.text).toBe(FRENCH);
    expect(be.encoding).toBe('utf-16be');
  });

  it('falls back to Windows-1252 for invalid UTF-8 (Latin-1 accents, curly apostrophe)', () => {
    const r = ok(cp1252(FRENCH));
    expect(r.text).toBe(FRENCH);
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings[0]).toMatch(/invalid UTF-8 at byte \d+; decoded as Windows-1252/);
  });

  it('keeps valid UTF-8 and reads only the stray bytes as Windows-1252 in a mixed file', () => {
    const r = ok(concat(utf8('Le ministre a déclaré: « Scalp » '), [0xe9, 0x74, 0xe9], utf8(' et défense aérienne.')));
    expect(r.text).toBe('Le ministre a déclaré: « Scalp » été et défense aérienne.');
    expect(r.warnings.join(' ')).toMatch(/mixed encoding: 2 bytes invalid as UTF-8/);
  });

  it('repairs double-encoded UTF-8 (mojibake) and warns', () => {
    const r = ok(utf8('Le ministre franÃ§ais de la DÃ©fense a parlÃ© Ã\u00a0 lâ€™Ukraine.'));
    expect(r.text).toBe('Le ministre français de la Défense a parlé à l’Ukraine.');
    expect(r.warnings.join(' ')).toMatch(/repaired 5 double-encoded UTF-8 sequences/);
  });

  it('leaves genuine accented text alone when looking for mojibake', () => {
    const text = 'Ô combien, « à » — État, coût, île, Noël, São Paulo, aïeul.';
    expect(repairMojibake(text)).toEqual({ text, count: 0 });
  });

  it('maps C1 control characters left by a Latin-1 conversion to Windows-1252 punctuation', () => {
    const r = ok(utf8('l\u0092Ukraine et l\u0092OTAN \u0096 rien d\u0092autre'));
    expect(r.text).toBe('l’Ukraine et l’OTAN – rien d’autre');
    expect(r.warnings.join(' ')).toMatch(/mapped 4 C1 control characters/);
  });

  it('rejects an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
  });

  it('rejects a whitespace-only file, including NBSP, BOM and blank lines', () => {
    expect(decodeBytes(utf8(' \n\t\r\n  \u00a0\n'))).toEqual({ ok: false, reason: 'whitespace-only file' });
    expect(decodeBytes(concat([0xef, 0xbb, 0xbf], utf8('\n\n')))).toEqual({ ok: false, reason: 'whitespace-only file' });
  });

  it('rejects binary content with NUL bytes outside a UTF-16 pattern, counting them', () => {
    const bytes = new Uint8Array(400);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const nul = bytes.filter((b) => b === 0).length;
    const r = decodeBytes(bytes);
    expect(r).toEqual({ ok: false, reason: `binary content: ${nul} NUL bytes in the first 8 KiB` });
  });

  it('rejects text with a high share of control characters', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^binary content: \d+% control characters in the first 8 KiB$/);
  });

  it('rejects known binary signatures such as PDF', () => {
    expect(decodeBytes(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({ ok: false, reason: 'binary content: PDF document signature' });
  });

  it('rejects UTF-32 with a clear reason', () => {
    const r = decodeBytes(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
    expect(r).toEqual({ ok: false, reason: 'unsupported encoding: UTF-32 byte order mark' });
  });

  it('decodes a 5 MB file and a 200 KB single line completely', () => {
    const para = `${FRENCH} Les livraisons se poursuivent.\n`;
    const big = para.repeat(Math.ceil(5_000_000 / para.length));
    const r = ok(utf8(big));
    expect(r.text.length).toBe(big.length);
    const line = 'a é '.repeat(50_000);
    const r2 = ok(cp1252(line));
    expect(r2.text).toBe(line);
  });
});
