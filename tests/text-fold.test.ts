import { describe, expect, it } from 'vitest';
import { CH_WORD, charClass, fold, foldKeep, foldSlice, foldWord, nameSlug } from '../src/lib/extract/text/fold.ts';
import { createCodeUnitScratch } from '../src/lib/extract/text/code-units.ts';
import { getAliasIndex } from '../src/lib/gazetteer/compile.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';

describe('fold (keys)', () => {
  it('lower-cases and strips diacritics', () => {
    expect(fold('ÉTATS-UNIS')).toBe('etats unis');
    expect(fold('Défense aérienne')).toBe('defense aerienne');
  });

  it('expands ligatures œ, æ and ß', () => {
    expect(fold('Cœur Ægée')).toBe('coeur aegee');
    expect(fold('Œuvre')).toBe('oeuvre');
    expect(fold('Straße')).toBe('strasse');
  });

  it('normalises apostrophes and collapses hyphens and whitespace to one space', () => {
    expect(fold('L’Agence  France-Presse')).toBe("l'agence france presse");
    expect(fold('lʼarmée')).toBe("l'armee");
    expect(fold('franco - allemand\t\n KNDS')).toBe('franco allemand knds');
  });
});

/** Every BMP code unit that is a letter or digit for the tokenizer, surrogates excluded. */
function wordUnits(): string[] {
  const out: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (charClass(c) & CH_WORD) out.push(String.fromCharCode(c));
  }
  return out;
}

describe('the folds agree where their purposes overlap', () => {
  const units = wordUnits();

  it('the token folds give the key fold of every letter and digit', () => {
    const bad = units.filter((ch) => foldWord(ch) !== fold(ch) || foldSlice(`a${ch}b`, 1, 2) !== fold(ch));
    // U+02BC (modifier letter apostrophe) is a letter for \p{L} but an apostrophe for fold; normalisation
    // turns it into "'" before tokenising, so a token never holds it.
    expect(bad.map((ch) => ch.charCodeAt(0).toString(16))).toEqual(['2bc']);
  });

  it('the token folds agree with the key fold on whole words', () => {
    for (const w of ['Zelensky', 'ÉTATS', 'Œuvre', 'Mevlüt', 'Çavuşoğlu', 'İlham', 'Ærø', 'HIMARS', 'Kyïv']) {
      expect(foldWord(w), w).toBe(fold(w));
      expect(foldSlice(` ${w} `, 1, w.length + 1), w).toBe(fold(w));
    }
  });

  it('the length-keeping fold keeps every length and equals the key fold wherever that is one unit', () => {
    const bad: string[] = [];
    for (const ch of units) {
      const k = foldKeep(ch);
      if (k.length !== 1) bad.push(ch);
      else if (fold(ch).length === 1 && k !== fold(ch)) bad.push(ch);
    }
    expect(bad).toEqual([]);
    expect(foldKeep('İlham Œuvre')).toBe('ilham œuvre');
    expect(foldKeep('l’armée lʼarmée l‘armée')).toBe("l'armee l'armee l'armee");
    const mixed = 'Les Pays-Bas transfèrent des F-16 à l’Ukraine 🇺🇦 \ud800 ﬁn';
    expect(foldKeep(mixed)).toHaveLength(mixed.length);
  });

  it('gazetteer keys match what the text folds give for the same name', () => {
    const index = getAliasIndex(getDefaultCompiledGazetteer());
    for (const name of ['Œuvre', 'Sébastien Lecornu', 'États-Unis', 'Mevlüt Çavuşoğlu']) {
      const tokens = name.split(/[\s-]+/);
      expect(tokens.map(foldWord).join(' ')).toBe(fold(name));
    }
    // Every alias key of the compiled gazetteer is a fixed point of fold: looking a phrase up with
    // fold(phrase) finds it.
    const notFixed = [...index.byKey.keys()].filter((k) => fold(k) !== k);
    expect(notFixed).toEqual([]);
  });
});

describe('nameSlug', () => {
  it('makes ASCII kebab-case ids from names', () => {
    expect(nameSlug('Arvydas Anušauskas')).toBe('arvydas-anusauskas');
    expect(nameSlug('Marie-Agnes Strack-Zimmermann')).toBe('marie-agnes-strack-zimmermann');
    expect(nameSlug('Œuvre de l’État')).toBe('oeuvre-de-l-etat');
  });
});

describe('code-unit scratch', () => {
  it('copies every unit, lone surrogates included, and decodes edits in place', () => {
    const scratch = createCodeUnitScratch(2);
    const text = 'aé\ud800z';
    const u = scratch.read(text);
    expect([...u.subarray(0, 4)]).toEqual([0x61, 0xe9, 0xd800, 0x7a]);
    u[0] = 0x41;
    expect(scratch.decode(4)).toBe('Aé\ud800z');
  });
});
