import { describe, expect, it } from 'vitest';
import { headlineFromLead, splitHeadline, stripDateline } from '../src/lib/extract/title.ts';

const BODY = "Le secrétaire d'Etat américain Antony Blinken s'est rendu mardi sur le site de Nexter.\n\nSecond paragraphe.";

describe('splitHeadline', () => {
  it('splits off a one-line headline followed by a blank line and more text', () => {
    const headline = 'Aide à l\'Ukraine: Lecornu salue le partenariat "très efficace" entre Paris et Washington';
    expect(splitHeadline(`${headline}\n\n${BODY}`)).toEqual({ headline, rest: BODY });
  });

  it('accepts headlines ending with ?, ! or a closing quote', () => {
    for (const headline of ['Faut-il livrer des Taurus à Kiev ?', 'Les Caesar arrivent enfin !', 'Lecornu : « Nous livrerons des Scalp »']) {
      expect(splitHeadline(`${headline}\n\n${BODY}`).headline).toBe(headline);
    }
  });

  it('rejects a first paragraph that ends with a period (a lead sentence)', () => {
    const text = `Les autorités françaises ont annoncé jeudi l'envoi de 40 missiles.\n\n${BODY}`;
    expect(splitHeadline(text)).toEqual({ headline: null, rest: text });
  });

  it('rejects a first paragraph longer than 160 characters', () => {
    const long = `Les autorités françaises ont annoncé jeudi l'envoi de 40 missiles de croisière Scalp ainsi que de six autres obusiers automoteurs Caesar dans le cadre d'une coalition`;
    expect(long.length).toBeGreaterThan(160);
    expect(splitHeadline(`${long}\n\n${BODY}`).headline).toBeNull();
  });

  it('rejects a headline with nothing after it', () => {
    expect(splitHeadline('La France livre des Caesar').headline).toBeNull();
    expect(splitHeadline('La France livre des Caesar\n\n  ').headline).toBeNull();
  });

  it('rejects a first paragraph of two lines or two sentences', () => {
    expect(splitHeadline(`La France livre des Caesar\naux forces ukrainiennes\n\n${BODY}`).headline).toBeNull();
    expect(splitHeadline(`Ukraine. La France livre des Caesar\n\n${BODY}`).headline).toBeNull();
  });

  it('rejects boilerplate, bylines, metadata and fragments', () => {
    for (const first of ['Source: AA', 'Par Jean Dupont', 'Publié le 12 mars 2024 à 10h00', '12 mars 2024', 'Selon le ministère,', 'Défense']) {
      expect(splitHeadline(`${first}\n\n${BODY}`).headline).toBeNull();
    }
  });

  it('keeps an abbreviation inside a one-sentence headline', () => {
    expect(splitHeadline(`M. Macron promet des Scalp à Kiev\n\n${BODY}`).headline).toBe('M. Macron promet des Scalp à Kiev');
  });
});

describe('stripDateline', () => {
  it('removes agency datelines', () => {
    expect(stripDateline('PARIS, 18 janvier (AFP) - La France va livrer des Caesar.')).toBe('La France va livrer des Caesar.');
    expect(stripDateline('KIEV (Reuters) — Kiev a reçu des Patriot.')).toBe('Kiev a reçu des Patriot.');
    expect(stripDateline('Kiev, 18 janvier 2024 — Les livraisons continuent.')).toBe('Les livraisons continuent.');
  });

  it('removes a live-blog timestamp and an agency named after the dateline dash', () => {
    expect(stripDateline("10h30 : La Norvège annonce l'envoi de deux NASAMS.")).toBe("La Norvège annonce l'envoi de deux NASAMS.");
    expect(stripDateline('MOSCOU, 12 mars - RIA Novosti. Le ministère russe a parlé.')).toBe('Le ministère russe a parlé.');
  });

  it('leaves a sentence without a dateline alone', () => {
    const s = 'Le ministre français - très ému - a confirmé la livraison.';
    expect(stripDateline(s)).toBe(s);
  });
});

describe('headlineFromLead', () => {
  it('uses a short lead without its final period', () => {
    expect(headlineFromLead("La France livre douze canons Caesar à l'Ukraine.")).toBe("La France livre douze canons Caesar à l'Ukraine");
  });

  it('strips a leading dateline', () => {
    expect(headlineFromLead('PARIS, 18 janvier (AFP) - La France va livrer des Caesar.')).toBe('La France va livrer des Caesar');
  });

  it('cuts a long lead before ", ainsi que" rather than at a plain comma', () => {
    const lead =
      "Les autorités françaises ont annoncé jeudi l'envoi de 40 missiles de croisière « Scalp », ainsi que de six autres obusiers automoteurs Caesar, dans le cadre d'une nouvelle coalition d'artillerie pour l'Ukraine.";
    expect(headlineFromLead(lead)).toBe("Les autorités françaises ont annoncé jeudi l'envoi de 40 missiles de croisière « Scalp »");
  });

  it('cuts before ", qui", ", selon" or ", alors que" when they fit', () => {
    const lead =
      "Le ministre de la Défense a confirmé la livraison de douze canons Caesar aux forces ukrainiennes, selon un communiqué publié mardi soir par l'Élysée.";
    expect(headlineFromLead(lead)).toBe('Le ministre de la Défense a confirmé la livraison de douze canons Caesar aux forces ukrainiennes');
  });

  it('cuts at " — " or ";"', () => {
    const lead =
      "La Norvège livrera deux systèmes NASAMS supplémentaires à l'Ukraine avant la fin de l'année — une décision saluée par Kiev et par les alliés de l'OTAN.";
    expect(headlineFromLead(lead)).toBe("La Norvège livrera deux systèmes NASAMS supplémentaires à l'Ukraine avant la fin de l'année");
  });

  it('falls back to a word cut with "…" and never ends on a dangling word', () => {
    const lead =
      "Le ministre ukrainien de la défense Rustem Umerov a déclaré jeudi qu'il s'était entretenu avec le ministre français de la défense Sébastien Lecornu sur l'expansion de la production.";
    const h = headlineFromLead(lead);
    expect(h.endsWith('…')).toBe(true);
    expect(h.length).toBeLessThanOrEqual(110);
    expect(h).toBe("Le ministre ukrainien de la défense Rustem Umerov a déclaré jeudi qu'il s'était entretenu avec le ministre…");
  });

  it('never leaves an unbalanced guillemet', () => {
    const lead =
      "Le président a affirmé que la France allait « continuer à soutenir l'Ukraine aussi longtemps qu'il le faudra et quoi qu'il en coûte pour l'Europe entière » devant les députés.";
    const h = headlineFromLead(lead);
    expect((h.match(/«/g) ?? []).length).toBe((h.match(/»/g) ?? []).length);
    expect(h).toBe('Le président a affirmé que la France allait…');
  });

  it('honours a custom maximum length', () => {
    const h = headlineFromLead('La France et le Royaume-Uni livrent ensemble des missiles de croisière aux forces ukrainiennes.', 40);
    expect(h.length).toBeLessThanOrEqual(40);
    expect(h).toBe('La France et le Royaume-Uni livrent…');
  });
});
