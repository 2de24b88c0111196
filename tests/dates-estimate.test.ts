/**
 * Inference with the events knowledge base and the estimate: the most likely day, not a window
 * edge. Sentences written for these tests (fixture knowledge base in dates-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { eventConstraints, eventRole } from '../src/lib/extract/dates/events.ts';
import { compileKb, findEvents } from '../src/lib/extract/dates/kb.ts';
import { foldKeep } from '../src/lib/extract/dates/text.ts';
import { FIXTURE_EVENTS, dating, doc, gazetteer, isoSet, kb } from './dates-fixtures.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';

const cg = gazetteer();
const infer = (body: string, to = '2026-06-30') => inferDate(doc(body), [], cg, { dating: dating(to) });

describe('events named in a sentence', () => {
  it('an event reported as the news pins the day: "mardi, au premier jour du sommet"', () => {
    const body = "Le président a annoncé mardi, au premier jour du sommet de l'Otan, l'envoi de missiles à Kiev. Les alliés sont réunis à Vilnius.";
    const w = infer(body);
    expect(w.value).toBe('2023-07-11'); // the summit's first day was a Tuesday
    // The news of the day: one of the summit's days or the week after it.
    expect([w.earliest, w.latest]).toEqual(['2023-07-11', '2023-07-19']);
    const clue = w.evidence.find((e) => e.rule === 'event-reported');
    expect(clue?.event).toEqual({
      id: 'nato-summit-vilnius-2023',
      title: "Sommet de l'Otan à Vilnius",
      url: 'https://www.nato.int/cps/en/natohq/official_texts_217320.htm',
    });
  });

  it('a generic name ("le sommet de l\'Otan") is told apart by the article\'s other words', () => {
    const washington = infer("Lors du sommet de l'Otan, jeudi, les alliés ont promis des F-16. La rencontre se tenait à Washington.");
    expect(washington.evidence.find((e) => e.rule === 'event-reported')?.event?.id).toBe('nato-summit-washington-2024');
    expect(washington.value).toBe('2024-07-11'); // the Thursday of that summit
  });

  it('an event cited as past bounds from below, one announced as ahead bounds from above', () => {
    const past = infer('La prise de la ville a eu lieu après le sommet de Vilnius, et les combats continuent.');
    expect(past.earliest).toBe('2023-07-11');
    const ahead = infer('Les alliés préparent le prochain sommet de Washington, où de nouvelles aides devraient être annoncées.');
    expect(ahead.latest).toBe('2024-07-11');
    expect(ahead.evidence.find((e) => e.rule === 'event-ahead')?.event?.id).toBe('nato-summit-washington-2024');
  });

  it('classifies the role from the words around the name', () => {
    const role = (s: string, name: string) => {
      const f = foldKeep(s);
      const i = f.indexOf(foldKeep(name));
      return eventRole(f, s.toLowerCase(), i, i + name.length, false);
    };
    expect(role('Avant le sommet de Vilnius, les alliés discutent encore.', 'sommet de Vilnius')).toBe('future');
    expect(role('Le sommet de Vilnius, prévu en juillet, sera décisif.', 'sommet de Vilnius')).toBe('future');
    expect(role('En marge du sommet de Vilnius, Kiev a obtenu des promesses.', 'sommet de Vilnius')).toBe('reporting');
    expect(role('Depuis le sommet de Vilnius, peu de choses ont changé.', 'sommet de Vilnius')).toBe('past');
    // A weekday elsewhere in the sentence does not make a reference point the news.
    expect(role('Depuis le sommet de Vilnius, Kiev a reçu des chars, a dit mardi le ministre.', 'sommet de Vilnius')).toBe('past');
    expect(role('Le ministre a annoncé mardi, lors du sommet de Vilnius, un envoi de chars.', 'sommet de Vilnius')).toBe('reporting');
    // What is promised lies ahead, not the event the sentence names beside it.
    expect(role("Les Européens dénoncent l'invasion et promettent des obus.", "l'invasion")).toBe('past');
    expect(role('Lors du sommet de Vilnius, les alliés promettent des avions.', 'sommet de Vilnius')).toBe('reporting');
    // An intention with its infinitive, or a future verb, does put it ahead.
    expect(role('Les alliés comptent annoncer des avions au sommet de Vilnius.', 'sommet de Vilnius')).toBe('future');
    expect(role('Les alliés annonceront des avions au sommet de Vilnius.', 'sommet de Vilnius')).toBe('future');
  });

  it('a name shared by several events with no telling word keeps them all (bounded by the earliest)', () => {
    const [c] = eventConstraints(doc('Les alliés discutent. Les chars arrivent. La réunion de Ramstein a permis des annonces.').sentences, kb()).filter(
      (x) => x.evidence.rule === 'event-past',
    );
    expect(c.note).toBe('udcg-01-2022-04-26 | udcg-02-2022-05-23');
    expect(isoSet(c.set)).toEqual([['2022-04-26', null]]);
    expect(c.event).toBeUndefined();
  });

  it('matches phrases across case, accents, apostrophes and hyphens, on word boundaries only', () => {
    const k = compileKb(FIXTURE_EVENTS);
    expect(findEvents(k, foldKeep("LE SOMMET DE L’OTAN À VILNIUS s'ouvre")).map((m) => m.events[0].id)).toEqual(['nato-summit-vilnius-2023']);
    expect(findEvents(k, foldKeep('la coalition des volontairesque'))).toEqual([]);
  });
});

describe('the estimate is the most likely day', () => {
  it('follows the latest reported fact, not the middle of the window', () => {
    const w = infer("Depuis le début de l'invasion, Kiev réclame des chars. Le 14 février 2024, Berlin a annoncé un nouvel envoi.");
    expect(w.earliest).toBe('2024-02-14');
    expect(w.latest).toBe('2026-06-30');
    expect(w.value).toBe('2024-02-15');
  });

  it('moves to the weekday the article names after its fact', () => {
    const w = infer('Le 14 février 2024, Berlin a annoncé un nouvel envoi, a confirmé vendredi le ministre.');
    expect(w.value).toBe('2024-02-16'); // the Friday after Wednesday 14 February
  });

  it('resolves a year-less date to the single year the window allows ("le 23 mai")', () => {
    const w = infer("La coalition des volontaires s'est réunie le 23 mai à Londres.", '2026-03-01');
    expect(w.value).toBe('2025-05-24');
    expect(w.evidence.map((e) => e.rule)).toContain('yearless-date');
  });

  it('resolves a weekday-pinned date ("lundi 19 juin") once the window leaves one year', () => {
    const w = infer("Depuis le début de l'invasion, l'Ukraine demande de l'aide. Le système a été livré, a annoncé lundi 19 juin le président.");
    expect(w.value).toBe('2023-06-19');
  });

  it('takes a weekday-pinned date announced just ahead as the article\'s own day ("lundi 14 juillet")', () => {
    const w = infer("La coalition des volontaires se réunira lundi 14 juillet à Paris, a indiqué l'Élysée.");
    // Monday 14 July: 2025 is the only one after the coalition's creation and before the build day.
    expect(w).toMatchObject({ value: '2025-07-14', earliest: '2025-06-30', latest: '2025-07-14' });
    // (a date named with its weekday is written within two weeks of it)
  });

  it('reports conflicting evidence instead of averaging it', () => {
    const w = infer(
      "La coalition des volontaires a tenu sa réunion. Le 3 janvier 2023, des chars ont été livrés. Avant le sommet de Vilnius, rien n'est décidé.",
    );
    expect(w.evidence.filter((e) => e.rule === 'conflict').length).toBeGreaterThan(0);
    expect(w.earliest).toBe('2025-03-02');
    expect(w.value! >= '2025-03-02').toBe(true);
  });
});

describe('the weakest clue: a recorded event on the weapons and actors the article names', () => {
  const real = getDefaultCompiledGazetteer();
  const pledge = (id: string, date: string, entities: string[]) => ({
    id,
    kind: 'pledge' as const,
    date,
    title: { fr: `Annonce ${id}`, en: `Pledge ${id}` },
    phrases: { fr: [`annonce ${id}`], en: [] },
    entities,
    existsSince: false,
    source: { url: 'https://example.org/pledge', title: 'Reference' },
  });
  const ctx = {
    kb: compileKb([
      ...FIXTURE_EVENTS,
      pledge('danish-caesar', '2023-01-19', ['caesar', 'denmark']),
      pledge('french-caesar', '2022-04-22', ['caesar', 'france', 'emmanuel-macron']),
    ]),
    period: { from: '2014-01-01', to: '2026-06-30' },
  };
  const mention = (body: string, text: string, id: string, type: 'weapon' | 'country' | 'person') => {
    const start = body.indexOf(text);
    return { id, type, text, start, end: start + text.length };
  };

  it('estimates an article that dates nothing at the event sharing most of its entities, bound-free', () => {
    const body = 'Le Danemark cède ses canons Caesar, selon Copenhague.';
    const w = inferDate(doc(body), [mention(body, 'Danemark', 'denmark', 'country'), mention(body, 'Caesar', 'caesar', 'weapon')], real, { dating: ctx });
    expect(w).toMatchObject({ value: '2023-01-20', earliest: '2014-01-01', latest: '2026-06-30', basis: 'period' });
    expect(w.evidence.find((e) => e.rule === 'event-entities')?.event?.id).toBe('danish-caesar');
  });

  it('is ignored as soon as the text dates a fact, and needs a weapon among the shared entities', () => {
    const body = 'Le 3 mars 2024, le Danemark a cédé ses canons Caesar.';
    const w = inferDate(doc(body), [mention(body, 'Danemark', 'denmark', 'country'), mention(body, 'Caesar', 'caesar', 'weapon')], real, { dating: ctx });
    expect(w.value).toBe('2024-03-04');
    const body2 = 'Emmanuel Macron et la France soutiennent Kiev.';
    const w2 = inferDate(doc(body2), [mention(body2, 'Emmanuel Macron', 'emmanuel-macron', 'person'), mention(body2, 'France', 'france', 'country')], real, {
      dating: ctx,
    });
    expect(w2.evidence.some((e) => e.rule === 'event-entities')).toBe(false);
  });
});

describe('an event about to open', () => {
  it('bounds from above and is the clue of the day when the text says when ("qui s\'ouvre mardi")', () => {
    const w = infer("Le sommet de Vilnius, qui s'ouvre mardi, doit décider de l'adhésion de l'Ukraine.");
    expect(w.latest).toBe('2023-07-12');
    expect(w.value).toBe('2023-07-11');
    expect(w.evidence.find((e) => e.rule === 'event-ahead')?.event?.id).toBe('nato-summit-vilnius-2023');
  });
});

describe('deliveries against the pledges and deliveries of the knowledge base', () => {
  const real = getDefaultCompiledGazetteer();
  const ev = (id: string, kind: 'pledge' | 'delivery', date: string, entities: string[], title = `Événement ${id}`) => ({
    id,
    kind,
    date,
    title: { fr: title, en: title },
    phrases: { fr: [`phrase ${id}`], en: [] },
    entities,
    existsSince: false,
    source: { url: `https://example.org/${id}`, title: 'Reference' },
  });
  const kbEvents = [
    ev('us-patriot-pledge', 'pledge', '2022-12-21', ['patriot', 'united-states']),
    ev('de-patriot-pledge', 'pledge', '2023-01-05', ['patriot', 'germany']),
    ev('de-third-patriot', 'pledge', '2024-04-13', ['patriot', 'germany'], 'Troisième système Patriot allemand'),
    ev('patriot-first-arrival', 'delivery', '2023-04-19', ['patriot', 'germany', 'netherlands', 'united-states']),
  ];
  const ctx = { kb: compileKb([...FIXTURE_EVENTS, ...kbEvents]), period: { from: '2014-01-01', to: '2026-06-30' } };
  const delivery = (body: string, supplier: string, status: 'delivered' | 'announced' | 'pledged' | 'requested') => ({
    supplier,
    recipient: 'ukraine',
    weapon: 'patriot',
    quantity: null,
    status,
    evidence: { text: body, offset: 0 },
  });

  it('bounds by the first pledge of the weapon, even when the text reads as a delivery ("donnés")', () => {
    const body = 'Des soldats ukrainiens se forment sur des systèmes Patriot donnés par les Pays-Bas.';
    const w = inferDate(doc(body), [], real, { dating: ctx, deliveries: [delivery(body, 'netherlands', 'delivered')] });
    expect(w.earliest).toBe('2022-12-21');
    expect(w.evidence.find((e) => e.rule === 'pledge-after-first')?.event?.id).toBe('us-patriot-pledge');
    // The clue of a delivery is the first delivery: the article most likely follows it.
    expect(w.value).toBe('2023-04-20');
  });

  it('takes as clue the pledge of that supplier the article\'s words point to ("un troisième système")', () => {
    const body = "L'Allemagne va livrer un troisième système Patriot à l'Ukraine, a annoncé le ministre.";
    const w = inferDate(doc(body), [], real, { dating: ctx, deliveries: [delivery(body, 'germany', 'announced')] });
    expect(w.value).toBe('2024-04-14');
    expect(w.evidence.find((e) => e.rule === 'pledge-reported')?.event?.id).toBe('de-third-patriot');
  });

  it('reads a promise ("a promis") like an announcement, but not a request', () => {
    const body = "Le chancelier a promis un troisième système Patriot à l'Ukraine.";
    const promised = inferDate(doc(body), [], real, { dating: ctx, deliveries: [delivery(body, 'germany', 'pledged')] });
    expect(promised.earliest).toBe('2022-12-21');
    expect(promised.value).toBe('2024-04-14');
    const asked = inferDate(doc(body), [], real, { dating: ctx, deliveries: [delivery(body, 'germany', 'requested')] });
    expect(asked.evidence.some((e) => e.rule === 'pledge-after-first')).toBe(false);
  });
});

describe('the lead and the archive focus', () => {
  it('an initiative named in the lead is the news: the estimate follows its creation', () => {
    const w = infer('La coalition des volontaires tient sa première réunion à Paris. Les ministres discutent des garanties.');
    expect(w.value).toBe('2025-03-03');
  });

  it('a weekday date with two readings in the window is read in the full-scale war', () => {
    const body = 'Le Pentagone a confirmé la livraison, a déclaré jeudi 13 juillet un porte-parole.';
    const w = inferDate(doc(body), [], cg, { dating: { ...dating('2024-07-31'), focusFrom: '2022-02-24' } });
    // Thursday 13 July: 2017 and 2023 are both in the archive period; 2023 is the war's.
    expect(w.value).toBe('2023-07-13');
  });
});

describe('a date named with its weekday', () => {
  it('keeps the article within two weeks after it, with or without its year', () => {
    const withYear = infer('Le système a été livré, a annoncé lundi 19 juin 2023 le président.');
    expect(withYear).toMatchObject({ value: '2023-06-19', earliest: '2023-06-19', latest: '2023-07-03' });
    const without = infer("Depuis le début de l'invasion, Kiev demande de l'aide. Le système a été livré, a annoncé lundi 19 juin le président.");
    expect(without).toMatchObject({ value: '2023-06-19', earliest: '2023-06-19', latest: '2023-07-03' });
  });
});

describe('a year-less dateline', () => {
  it('is the publication day, in the year the other facts point to', () => {
    const body = "Kiev, le 21 novembre (Ukrinform). La coalition des volontaires a promis de nouvelles livraisons d'obus.";
    const w = infer(body);
    // The coalition exists since March 2025 and the build day is 2026-06-30: only 21 November 2025 fits.
    expect(w.value).toBe('2025-11-21');
    expect(w.evidence[0].rule).toBe('dateline-yearless');
  });
});

describe('an event ahead of the article', () => {
  it('is read from the words before its name ("en amont du", "à la veille du", "à quelques jours du")', () => {
    for (const lead of ['En amont du', 'À la veille du', 'À quelques jours du']) {
      const w = infer(`${lead} sommet de Vilnius, les alliés discutent des garanties.`);
      expect(w.latest, lead).toBe('2023-07-12');
    }
  });
});

describe('an article that dates nothing: the days its actors were in the news', () => {
  const news = (id: string, date: string, entities: string[]) => ({
    id,
    kind: 'summit' as const,
    date,
    title: { fr: `Réunion ${id}`, en: `Meeting ${id}` },
    phrases: { fr: [`reunion ${id}`], en: [] },
    entities,
    existsSince: false,
    source: { url: 'https://example.org/meeting', title: 'Reference' },
  });
  // Slovakia is in the news once, in 2023; the United States every year.
  const events = [
    news('sk-1', '2023-03-17', ['slovakia', 'eduard-heger']),
    ...['2019-06-01', '2022-06-01', '2024-06-01', '2025-06-01', '2025-09-01', '2026-01-01'].map((d, i) => news(`us-${i}`, d, ['united-states'])),
  ];
  const ctx = { kb: compileKb([...FIXTURE_EVENTS, ...events]), period: { from: '2014-01-01', to: '2026-06-30' }, focusFrom: '2022-02-24' };
  const mention = (body: string, text: string, id: string, type: 'country' | 'person') => {
    const start = body.indexOf(text);
    return { id, type, text, start, end: start + text.length };
  };

  it('is estimated at the weighted middle of those days (a rare actor weighs more), never bounded by them', () => {
    const body = 'La Slovaquie et les États-Unis discutent de défense aérienne.';
    const w = inferDate(doc(body), [mention(body, 'Slovaquie', 'slovakia', 'country'), mention(body, 'États-Unis', 'united-states', 'country')], cg, {
      dating: ctx,
    });
    expect(w).toMatchObject({ earliest: '2014-01-01', latest: '2026-06-30', basis: 'period' });
    expect(w.value).toBe('2023-03-17');
  });

  it('keeps to the terms of the officeholders it names, even named without their title', () => {
    // Trump's news in the knowledge base: 2023 (out of office, under Biden) and 2025 (second term).
    const withTrump = compileKb([
      ...FIXTURE_EVENTS,
      news('us-2023', '2023-03-01', ['united-states', 'donald-trump']),
      news('us-2025', '2025-07-14', ['united-states', 'donald-trump']),
    ]);
    const body = "Donald Trump et l'Ukraine : la Russie dénonce les livraisons américaines.";
    const mentions = [
      { id: 'donald-trump', type: 'person' as const, text: 'Donald Trump', start: 0, end: 12 },
      mention(body, 'américaines', 'united-states', 'country'),
    ];
    const w = inferDate(doc(body), mentions, cg, { dating: { ...ctx, kb: withTrump } });
    expect(w.value).toBe('2025-07-14');
    // Without a recorded event, the middle of his terms within the war part of the window.
    const bare = inferDate(doc(body), mentions.slice(0, 1), cg, { dating: { ...ctx, kb: compileKb(FIXTURE_EVENTS) } });
    expect(bare.value).toBe('2025-10-10');
    // Called a candidate, he holds no office: his terms say nothing.
    const body2 = 'Le candidat républicain Donald Trump critique les livraisons américaines.';
    const at = body2.indexOf('Donald Trump');
    const candidate = inferDate(
      doc(body2),
      [
        { id: 'donald-trump', type: 'person' as const, text: 'Donald Trump', start: at, end: at + 12 },
        mention(body2, 'américaines', 'united-states', 'country'),
      ],
      cg,
      { dating: { ...ctx, kb: withTrump } },
    );
    expect(candidate.value).toBe('2023-03-01');
  });

  it('without any recorded actor, is the middle of the war part of the window', () => {
    const body = 'Des discussions se poursuivent sur la défense aérienne.';
    const w = inferDate(doc(body), [], cg, { dating: ctx });
    expect(w.value).toBe('2024-04-27');
  });
});
