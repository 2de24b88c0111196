import { describe, expect, it } from 'vitest';
import type { OutletProfile } from '../src/lib/gazetteer/types.ts';
import { findBylineSource, findDatelineSource, findTrailingSource, resolveSource } from '../src/lib/extract/source.ts';

const OUTLETS: OutletProfile[] = [
  { id: 'anadolu', name: 'Anadolu', aliases: ['AA', 'Anadolu Ajansı', 'Agence Anadolu'], domains: ['aa.com.tr'], country: 'turkey' },
  { id: 'rt', name: 'RT', aliases: ['RT France', 'Russia Today'], domains: ['rt.com'], country: 'russia' },
  { id: 'afp', name: 'AFP', aliases: ['Agence France-Presse', 'Agence France Presse'], domains: ['afp.com'], country: 'france' },
  { id: 'reuters', name: 'Reuters', aliases: [], domains: ['reuters.com'] },
  { id: 'ukrinform', name: 'Ukrinform', aliases: ['Укрінформ'], domains: ['ukrinform.fr', 'ukrinform.net'] },
];

describe('resolveSource', () => {
  it('maps "Source: AA" to the outlet display name without a URL', () => {
    expect(resolveSource(['Source: AA'], OUTLETS)).toEqual({ name: 'Anadolu', url: null });
  });

  it('maps a domain with www. to the outlet and normalises it to an https URL', () => {
    expect(resolveSource(['La source: www.rt.com'], OUTLETS)).toEqual({ name: 'RT', url: 'https://www.rt.com/' });
    expect(resolveSource(['Source : rt.com'], OUTLETS)).toEqual({ name: 'RT', url: 'https://rt.com/' });
  });

  it('keeps a full URL and maps sub-domains and paths to the outlet', () => {
    expect(resolveSource(['Source : https://francais.rt.com/international/12345-otan'], OUTLETS)).toEqual({
      name: 'RT',
      url: 'https://francais.rt.com/international/12345-otan',
    });
    expect(resolveSource(['Source: ukrinform.fr/rubric-defense/3800000'], OUTLETS)).toEqual({
      name: 'Ukrinform',
      url: 'https://ukrinform.fr/rubric-defense/3800000',
    });
  });

  it('joins several sources with ", " using display names, case- and accent-insensitively', () => {
    expect(resolveSource(['Sources : reuters, Agence France Presse'], OUTLETS)).toEqual({ name: 'Reuters, AFP', url: null });
    expect(resolveSource(['Sources : AFP/Reuters'], OUTLETS)).toEqual({ name: 'AFP, Reuters', url: null });
    expect(resolveSource(['Avec AFP et Reuters'], OUTLETS)).toEqual({ name: 'AFP, Reuters', url: null });
  });

  it('reads agency credits: "Avec AFP", "(AFP)", "— Ukrinform", "Par la rédaction avec AFP"', () => {
    expect(resolveSource(['Avec AFP'], OUTLETS)?.name).toBe('AFP');
    expect(resolveSource(['(AFP)'], OUTLETS)?.name).toBe('AFP');
    expect(resolveSource(['— Ukrinform'], OUTLETS)?.name).toBe('Ukrinform');
    expect(resolveSource(['Par la rédaction avec AFP'], OUTLETS)?.name).toBe('AFP');
    expect(resolveSource(["Avec l'AFP"], OUTLETS)?.name).toBe('AFP');
  });

  it('keeps unknown names verbatim, trimmed and at most 80 characters', () => {
    expect(resolveSource(['Source :   Ministère ukrainien de la Défense  '], OUTLETS)).toEqual({
      name: 'Ministère ukrainien de la Défense',
      url: null,
    });
    const long = `Source : ${'Agence de presse régionale très longue '.repeat(4)}`;
    const r = resolveSource([long], OUTLETS);
    expect(r!.name.length).toBeLessThanOrEqual(80);
    expect(r!.name.startsWith('Agence de presse régionale')).toBe(true);
  });

  it('keeps an unknown domain as the name with its URL', () => {
    expect(resolveSource(['La source: www.example-news.fr'], OUTLETS)).toEqual({ name: 'example-news.fr', url: 'https://www.example-news.fr/' });
  });

  it('lets frontmatter win: source name first, then the outlet of the URL domain', () => {
    expect(resolveSource(['Source: AA'], OUTLETS, { source: 'Reuters' })).toEqual({ name: 'Reuters', url: null });
    expect(resolveSource(['Source: AA'], OUTLETS, { source: 'Reuters', url: 'https://www.reuters.com/world/x' })).toEqual({
      name: 'Reuters',
      url: 'https://www.reuters.com/world/x',
    });
    expect(resolveSource([], OUTLETS, { url: 'https://www.aa.com.tr/fr/monde/x/123' })).toEqual({
      name: 'Anadolu',
      url: 'https://www.aa.com.tr/fr/monde/x/123',
    });
  });

  it('uses attribution names with a frontmatter URL from an unknown domain', () => {
    expect(resolveSource(['Source: AA'], OUTLETS, { url: 'https://example.org/a' })).toEqual({ name: 'Anadolu', url: 'https://example.org/a' });
    expect(resolveSource([], OUTLETS, { url: 'https://www.example.org/a' })).toEqual({ name: 'example.org', url: 'https://www.example.org/a' });
  });

  it('returns null when nothing names a source', () => {
    expect(resolveSource([], OUTLETS)).toBeNull();
    expect(resolveSource(['Avec agences'], OUTLETS)).toBeNull();
    expect(resolveSource([], OUTLETS, {})).toBeNull();
  });
});

describe('findDatelineSource', () => {
  it('finds a parenthesised agency in a dateline', () => {
    expect(findDatelineSource('PARIS, 18 janvier (AFP) - La France va livrer des Caesar.', OUTLETS)).toEqual({ name: 'AFP', url: null });
    expect(findDatelineSource('KIEV (Reuters) — Kiev a reçu des Patriot.', OUTLETS)).toEqual({ name: 'Reuters', url: null });
    expect(findDatelineSource('Ankara (AA) - La Turquie a livré des drones.', OUTLETS)).toEqual({ name: 'Anadolu', url: null });
  });

  it('keeps an unknown agency acronym as written', () => {
    expect(findDatelineSource('BERNE (ATS) - La Suisse refuse.', OUTLETS)).toEqual({ name: 'ATS', url: null });
  });

  it('finds a known agency named after the dash', () => {
    expect(findDatelineSource('KYIV, 12 mars - Ukrinform. Les forces ukrainiennes ont reçu des obus.', OUTLETS)).toEqual({
      name: 'Ukrinform',
      url: null,
    });
  });

  it('ignores parentheses that are not a dateline agency', () => {
    expect(findDatelineSource("Les missiles (Scalp) ont été livrés à l'Ukraine la semaine dernière.", OUTLETS)).toBeNull();
    expect(findDatelineSource('Le ministre (photo) - à gauche - a parlé.', OUTLETS)).toBeNull();
    expect(findDatelineSource('La France livre des Caesar.', OUTLETS)).toBeNull();
  });
});

describe('dateline agencies in more styles', () => {
  it('skips a parenthesised region before the agency: "RAMSTEIN (Allemagne), 26 avr 2022 (AFP) -"', () => {
    expect(findDatelineSource("RAMSTEIN (Allemagne), 26 avr 2022 (AFP) - L'Allemagne a donné son feu vert.", OUTLETS)).toEqual({ name: 'AFP', url: null });
    expect(findDatelineSource('LINKÖPING (Suède), 22 octobre 2025 (AFP) - Kiev signe.', OUTLETS)).toEqual({ name: 'AFP', url: null });
  });

  it('reads an agency closed by a full stop: "Kyiv, le 21 novembre (Ukrinform). La Russie…"', () => {
    expect(findDatelineSource('Kyiv, le 21 novembre (Ukrinform). La Russie a frappé Dnipro.', OUTLETS)).toEqual({ name: 'Ukrinform', url: null });
    expect(findDatelineSource('Les missiles (Scalp). Ils ont été livrés.', OUTLETS)).toBeNull();
  });

  it('reads Reuters, Belga and ATS marks', () => {
    const outlets: OutletProfile[] = [...OUTLETS, { id: 'belga', name: 'Belga', aliases: [], domains: ['belga.be'] }];
    expect(findDatelineSource('WASHINGTON, 3 mai (Reuters) - Les États-Unis ont annoncé.', outlets)?.name).toBe('Reuters');
    expect(findDatelineSource('BRUXELLES, 7 juin 2024 (Belga) — La Belgique livrera des F-16.', outlets)?.name).toBe('Belga');
    expect(findDatelineSource('GENÈVE (ATS) - La Suisse refuse la réexportation.', outlets)?.name).toBe('ATS');
  });
});

describe('findBylineSource', () => {
  const outlets: OutletProfile[] = [
    ...OUTLETS,
    { id: 'euronews', name: 'Euronews', aliases: [], domains: ['euronews.com'] },
    { id: 'le-monde', name: 'Le Monde', aliases: [], domains: ['lemonde.fr'] },
    { id: 'franceinfo', name: 'franceinfo', aliases: ['France Info'], domains: ['francetvinfo.fr'] },
  ];

  it('maps an outlet byline to the outlet: "Par Euronews", "Par la rédaction de France Info", "Par Jean Dupont, Le Monde"', () => {
    expect(findBylineSource(['Par Euronews'], outlets)).toEqual({ name: 'Euronews', url: null });
    expect(findBylineSource(['Par la rédaction de France Info'], outlets)).toEqual({ name: 'franceinfo', url: null });
    expect(findBylineSource(['Par Jean Dupont, Le Monde'], outlets)).toEqual({ name: 'Le Monde', url: null });
    expect(findBylineSource(['By Reuters staff'], outlets)).toEqual({ name: 'Reuters', url: null });
  });

  it('does not take a person for a source', () => {
    expect(findBylineSource(['Par Jean Dupont'], outlets)).toBeNull();
    expect(findBylineSource(['Par Marek Novák, correspondant à Prague'], outlets)).toBeNull();
    expect(findBylineSource([], outlets)).toBeNull();
  });
});

describe('more attribution styles', () => {
  it('reads "Le Monde avec AFP" as the credited agency', () => {
    expect(resolveSource(['Le Monde avec AFP'], OUTLETS)).toEqual({ name: 'AFP', url: null });
  });

  it('reads an outlet named alone on the last paragraph', () => {
    expect(findTrailingSource('Ukrinform', OUTLETS)).toEqual({ name: 'Ukrinform', url: null });
    expect(findTrailingSource('— AFP.', OUTLETS)).toEqual({ name: 'AFP', url: null });
    expect(findTrailingSource('Les forces ukrainiennes ont reçu des obus.', OUTLETS)).toBeNull();
  });

  it('maps "Source : https://…" to the outlet of the domain', () => {
    expect(resolveSource(['Source : https://www.ukrinform.fr/rubric-ato/3930000-dnipro.html'], OUTLETS)).toEqual({
      name: 'Ukrinform',
      url: 'https://www.ukrinform.fr/rubric-ato/3930000-dnipro.html',
    });
  });
});
