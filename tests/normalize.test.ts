import { describe, expect, it } from 'vitest';
import { NFC_STABLE, normalizeText } from '../src/lib/extract/normalize.ts';

describe('normalizeText', () => {
  it('composes decomposed accents to NFC', () => {
    expect(normalizeText('De\u0301fense ae\u0301rienne')).toBe('Défense aérienne');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('Ligne un\r\nLigne deux\rLigne trois')).toBe('Ligne un\nLigne deux\nLigne trois');
  });

  it('removes zero-width characters, soft hyphens and BOMs', () => {
    expect(normalizeText('\ufeffLes mis\u00adsiles\u200b Sca\u200dlp\u2060')).toBe('Les missiles Scalp');
  });

  it('straightens every apostrophe variant', () => {
    expect(normalizeText('l’Ukraine, l‘OTAN, lʼarmée, d′armes')).toBe("l'Ukraine, l'OTAN, l'armée, d'armes");
  });

  it('turns curly double quotes and doubled curly single quotes into straight double quotes', () => {
    expect(normalizeText('“plus lourd” et „neu” puis ‘‘neutralité totale’’')).toBe('"plus lourd" et "neu" puis "neutralité totale"');
  });

  it('keeps guillemets with exactly one regular space inside, whatever was there', () => {
    expect(normalizeText('«\u00a0Scalp\u00a0»')).toBe('« Scalp »');
    expect(normalizeText('«\u202fScalp\u202f»')).toBe('« Scalp »');
    expect(normalizeText('«\u2009Scalp\u2009»')).toBe('« Scalp »');
    expect(normalizeText('«Scalp»')).toBe('« Scalp »');
    expect(normalizeText('«   Scalp »')).toBe('« Scalp »');
  });

  it('turns NBSP, NNBSP, thin spaces and tabs elsewhere into one regular space', () => {
    expect(normalizeText('utile\u00a0? 40\u202f000 obus,\u2009soit\tplus')).toBe('utile ? 40 000 obus, soit plus');
  });

  it('collapses space runs and removes spaces at line edges', () => {
    expect(normalizeText('  Le   ministre   a dit.   \n   Puis il est parti.  ')).toBe('Le ministre a dit.\nPuis il est parti.');
  });

  it('keeps one blank line between paragraphs and trims blank lines at both ends', () => {
    expect(normalizeText('\n\n \nPremier.\n\n\n\n  \nSecond.\n \n\n')).toBe('Premier.\n\nSecond.');
  });

  it('turns a lone Unicode paragraph separator into a blank line', () => {
    expect(normalizeText('Un.\u2029Deux.')).toBe('Un.\n\nDeux.');
  });

  it('drops stray control characters but keeps every word', () => {
    expect(normalizeText('Le\u0007 ministre\u0000 a dit "Lecornuil".')).toBe('Le ministre a dit "Lecornuil".');
  });

  it('drops the space a guillemet would leave at a line edge', () => {
    expect(normalizeText('Il a dit «\nScalp\n» hier')).toBe('Il a dit «\nScalp\n» hier');
    expect(normalizeText('«\u00a0\n»')).toBe('«\n»');
  });

  it('treats whitespace-only lines as blank and a trailing CR as nothing', () => {
    expect(normalizeText('Un.\r\n \t \r\n\u00a0\r\nDeux.\r')).toBe('Un.\n\nDeux.');
  });

  it('turns an acute accent or backtick between letters into an apostrophe, and only there', () => {
    expect(normalizeText('l´Ukraine et d`armes, mais ` seul et 5´')).toBe("l'Ukraine et d'armes, mais ` seul et 5´");
  });

  it('is idempotent', () => {
    const once = normalizeText('«\u00a0Scalp\u00a0» l’envoi\r\n\r\n\r\n“oui”\t ');
    expect(normalizeText(once)).toBe(once);
  });

  it('stays linear on a 200 KB single line', () => {
    const line = 'a\u00a0 '.repeat(70_000);
    expect(normalizeText(line)).toBe('a '.repeat(70_000).trim());
  });
});

describe('NFC shortcut', () => {
  const stable: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (NFC_STABLE[c]) stable.push(c);

  it('accepts only code units that NFC leaves alone and that are not combining marks', () => {
    expect(stable.length).toBeGreaterThan(0x300);
    for (const c of stable) {
      expect(c < 0x300 || (c >= 0x2000 && c < 0x20d0)).toBe(true);
      const ch = String.fromCharCode(c);
      expect(ch.normalize('NFC')).toBe(ch);
      expect(/\p{M}/u.test(ch)).toBe(false);
    }
    // The singletons U+2000 and U+2001 normalise to U+2002 and U+2003: not accepted.
    expect(NFC_STABLE[0x2000]).toBe(0);
    expect(NFC_STABLE[0x2001]).toBe(0);
    expect(NFC_STABLE[0x0301]).toBe(0);
  });

  it('leaves every pair of accepted code units unchanged under NFC', () => {
    const chars = stable.map((c) => String.fromCharCode(c));
    let bad = 0;
    for (const a of chars) for (const b of chars) if ((a + b).normalize('NFC') !== a + b) bad++;
    expect(bad).toBe(0);
  });

  it('leaves longer random strings of accepted code units unchanged under NFC', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % stable.length;
    for (let k = 0; k < 20000; k++) {
      let s = '';
      for (let j = 0; j < 2 + (k % 7); j++) s += String.fromCharCode(stable[next()]);
      expect(s.normalize('NFC')).toBe(s);
    }
  });

  it('gives the same output with and without the shortcut on text that needs composition', () => {
    expect(normalizeText('Le canon Ce\u0301sar livre\u0301')).toBe('Le canon César livré');
    expect(normalizeText('a\u2000b')).toBe(normalizeText('a\u2002b'));
    expect(normalizeText('Kyiv  \u041a\u0438\u0457\u0432 \u00ab\u00a0x\u00bb \u0391')).toBe('Kyiv \u041a\u0438\u0457\u0432 \u00ab x \u00bb \u0391');
    expect(normalizeText('  \u0391\u0301  b\u0301 ')).toBe('\u0386 b\u0301');
    expect(normalizeText('Kharkiv\u00a0: l\u2019arme\u00e9')).toBe("Kharkiv : l'armeé");
  });
});
