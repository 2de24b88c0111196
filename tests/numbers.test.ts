import { describe, expect, it } from 'vitest';
import { findQuantities, parseQuantity, quantityBefore } from '../src/lib/extract/numbers.ts';

describe('parseQuantity', () => {
  it('reads digits with French thousands separators and decimal commas', () => {
    expect(parseQuantity('40')).toEqual({ value: 40, text: '40' });
    expect(parseQuantity('1 500')).toEqual({ value: 1500, text: '1 500' });
    expect(parseQuantity('1.500')).toEqual({ value: 1500, text: '1.500' });
    expect(parseQuantity('2,5 milliards')).toEqual({ value: 2_500_000_000, text: '2,5 milliards' });
    expect(parseQuantity('100 000')).toEqual({ value: 100000, text: '100 000' });
  });

  it('reads number words, including compounds', () => {
    expect(parseQuantity('six')?.value).toBe(6);
    expect(parseQuantity('douze')?.value).toBe(12);
    expect(parseQuantity('vingt')?.value).toBe(20);
    expect(parseQuantity('vingt-cinq')?.value).toBe(25);
    expect(parseQuantity('soixante-dix')?.value).toBe(70);
    expect(parseQuantity('quatre-vingt-dix')?.value).toBe(90);
    expect(parseQuantity('cent')?.value).toBe(100);
    expect(parseQuantity('deux cents')?.value).toBe(200);
    expect(parseQuantity('trois mille')?.value).toBe(3000);
  });

  it('reads approximate and vague amounts', () => {
    expect(parseQuantity('une douzaine')).toEqual({ value: 12, text: 'une douzaine' });
    expect(parseQuantity('des dizaines')).toEqual({ value: null, text: 'des dizaines' });
    expect(parseQuantity('des centaines')).toEqual({ value: null, text: 'des centaines' });
    expect(parseQuantity('des milliers')).toEqual({ value: null, text: 'des milliers' });
    expect(parseQuantity('plusieurs')).toEqual({ value: null, text: 'plusieurs' });
  });

  it('reads un/une as one only before a weapon noun', () => {
    expect(parseQuantity('une batterie')).toEqual({ value: 1, text: 'une' });
    expect(parseQuantity('une nouvelle batterie')).toEqual({ value: 1, text: 'une' });
    expect(parseQuantity('un total')).toBeNull();
    expect(parseQuantity('une réunion')).toBeNull();
  });

  it('returns null for words that are not quantities', () => {
    expect(parseQuantity('obusiers')).toBeNull();
    expect(parseQuantity('')).toBeNull();
  });
});

describe('findQuantities', () => {
  it('finds every quantity with offsets', () => {
    const text = 'La France a livré 12 canons, puis une douzaine de drones et des centaines de bombes.';
    const found = findQuantities(text);
    expect(found.map((q) => [q.text, q.value])).toEqual([
      ['12', 12],
      ['une douzaine', 12],
      ['des centaines', null],
    ]);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('quantityBefore', () => {
  const at = (text: string, weapon: string) => quantityBefore(text, text.indexOf(weapon));

  it('takes the number that governs the weapon phrase', () => {
    expect(at("l'envoi de 40 missiles de croisière « Scalp »", 'Scalp')).toMatchObject({ value: 40, text: '40' });
    expect(at('ainsi que de six autres obusiers automoteurs Caesar', 'Caesar')).toMatchObject({ value: 6, text: 'six' });
    expect(at('livrera 1 500 obus et une nouvelle batterie Patriot', 'Patriot')).toMatchObject({ value: 1, text: 'une' });
  });

  it('keeps vague amounts as text with a null value', () => {
    expect(at('Paris livrerait des centaines de bombes propulsées A2SM à Kiev', 'A2SM')).toMatchObject({ value: null, text: 'des centaines' });
    expect(at('de grandes quantités de missiles Javelin', 'Javelin')).toMatchObject({ value: null, text: 'de grandes quantités' });
  });

  it('does not reach across a verb, a preposition or a clause', () => {
    expect(at('Les 23 pays ont livré des Caesar', 'Caesar')).toBeNull();
    expect(at('Depuis 2022, la France a fourni des canons Caesar', 'Caesar')).toBeNull();
    expect(at('12 pays, dont la France, envoient des Caesar', 'Caesar')).toBeNull();
    expect(at('Kiev a reçu des Caesar', 'Caesar')).toBeNull();
  });
});
