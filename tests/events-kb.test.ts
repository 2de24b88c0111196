/**
 * The events knowledge base (src/data/events/*.json) as data: every file matches the one schema,
 * ids are unique, entity ids exist in the gazetteer, dates lie in the archive's span, no folded
 * phrase names two events on different days, and the categories date inference relies on are
 * covered (every NATO summit, every Ramstein meeting, first pledge and first delivery of the main
 * systems, the named coalitions…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventFileSchema, type WarEvent } from '../src/lib/events/schema.ts';
import { compileKb, findEvents, phraseKey } from '../src/lib/extract/dates/kb.ts';
import { foldKeep } from '../src/lib/extract/dates/text.ts';

const DIR = join(import.meta.dirname, '../src/data/events');
const GAZ = join(import.meta.dirname, '../src/data/gazetteer');

const files = readdirSync(DIR)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((name) => ({ name, raw: JSON.parse(readFileSync(join(DIR, name), 'utf8')) as unknown }));

const events: (WarEvent & { file: string })[] = files.flatMap(({ name, raw }) => {
  const parsed = eventFileSchema.safeParse(raw);
  return parsed.success ? parsed.data.events.map((e) => ({ ...e, file: name })) : [];
});

const gazetteerIds = new Set(
  readdirSync(GAZ)
    .filter((n) => n.endsWith('.json'))
    .flatMap((n) => (JSON.parse(readFileSync(join(GAZ, n), 'utf8')) as { id: string }[]).map((e) => e.id)),
);

/** A phrase as the matcher keys it (folded; spaces, hyphens and apostrophe variants unified). */
const fold = (s: string): string => phraseKey(s.replace(/[«»"“”]/g, ' '));

const byId = new Map(events.map((e) => [e.id, e]));
const has = (e: WarEvent, ...ids: string[]) => ids.every((id) => e.entities.includes(id));
const phrasesOf = (e: WarEvent) => [...e.phrases.fr, ...e.phrases.en].map(fold);

describe('events knowledge base: files and fields', () => {
  it('holds one file per kind, each matching the schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const { name, raw } of files) {
      const parsed = eventFileSchema.safeParse(raw);
      expect(parsed.success, `${name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
    }
  });

  it('files group events by kind (a file holds a single kind)', () => {
    for (const { name } of files) {
      const kinds = new Set(events.filter((e) => e.file === name).map((e) => e.kind));
      expect(kinds.size, name).toBe(1);
    }
  });

  it('holds several hundred events with ids unique across files', () => {
    expect(events.length).toBeGreaterThanOrEqual(300);
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const e of events) {
      if (seen.has(e.id)) dupes.push(`${e.id} (${seen.get(e.id)} and ${e.file})`);
      seen.set(e.id, e.file);
    }
    expect(dupes).toEqual([]);
  });

  it('names only entities the gazetteer knows', () => {
    const unknown = events.flatMap((e) => e.entities.filter((id) => !gazetteerIds.has(id)).map((id) => `${e.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('dates every event within 2014-01-01..2026-12-31', () => {
    const out = events.filter((e) => e.date < '2014-01-01' || (e.end ?? e.date) > '2026-12-31').map((e) => e.id);
    expect(out).toEqual([]);
  });

  it('gives every event a public https source with a title, and a multi-day event a plausible span', () => {
    for (const e of events) {
      expect(e.source.url, e.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      if (e.end) {
        const days = (Date.parse(e.end) - Date.parse(e.date)) / 86_400_000;
        expect(days, e.id).toBeGreaterThan(0);
        expect(days, e.id).toBeLessThanOrEqual(400);
      }
    }
  });
});

describe('events knowledge base: phrases', () => {
  it('never attaches one folded phrase to two events on different days', () => {
    const owner = new Map<string, WarEvent>();
    const clashes: string[] = [];
    for (const e of events) {
      for (const p of new Set(phrasesOf(e))) {
        const other = owner.get(p);
        if (other && other.id !== e.id && other.date !== e.date) clashes.push(`"${p}": ${other.id} / ${e.id}`);
        else owner.set(p, e);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps phrases specific: no bare generic word, no duplicate within an event', () => {
    const generic = new Set(['ramstein', "l'otan", 'otan', 'sommet', 'la guerre', 'guerre', "l'ukraine", 'ukraine', 'g7', 'nato']);
    for (const e of events) {
      const folded = phrasesOf(e);
      expect(
        folded.filter((p) => generic.has(p)),
        e.id,
      ).toEqual([]);
      expect(new Set(e.phrases.fr.map(fold)).size, `${e.id} repeats a French phrase`).toBe(e.phrases.fr.length);
    }
  });

  it('writes French phrases with their accents, as printed (not pre-folded)', () => {
    const accented = events.filter((e) => e.phrases.fr.some((p) => /[àâçéèêëîïôûùüÿœ]/i.test(p))).length;
    expect(accented / events.length).toBeGreaterThan(0.3);
  });
});

describe('events knowledge base: coverage', () => {
  const summits = events.filter((e) => e.kind === 'summit');
  const inYear = (list: WarEvent[], y: number) => list.filter((e) => e.date.startsWith(String(y)));

  it('has every NATO summit from Wales 2014 to The Hague 2025', () => {
    const nato = summits.filter((e) => has(e, 'nato'));
    for (const [y, city] of [
      [2014, 'galles'],
      [2016, 'varsovie'],
      [2017, 'bruxelles'],
      [2018, 'bruxelles'],
      [2019, 'londres'],
      [2021, 'bruxelles'],
      [2022, 'madrid'],
      [2023, 'vilnius'],
      [2024, 'washington'],
      [2025, 'la haye'],
    ] as const) {
      expect(
        inYear(nato, y).some((e) => phrasesOf(e).some((p) => p.includes(city))),
        `${city} ${y}`,
      ).toBe(true);
    }
    expect(byId.get('nato-summit-vilnius-2023')?.date).toBe('2023-07-11');
    expect(byId.get('nato-summit-the-hague-2025')?.date).toBe('2025-06-24');
  });

  it('has a G7 summit every year from 2014 to 2025 except 2020 (cancelled)', () => {
    const g7 = summits.filter((e) => has(e, 'g7'));
    for (let y = 2014; y <= 2025; y++) if (y !== 2020) expect(inYear(g7, y).length, `G7 ${y}`).toBeGreaterThanOrEqual(1);
  });

  it('has the European Council decisions on Ukraine', () => {
    expect(byId.get('eu-candidate-status-2022')?.date).toBe('2022-06-23');
    expect(byId.get('eu-accession-talks-decision-2023')?.date).toBe('2023-12-14');
    expect(byId.get('eu-ukraine-facility-2024')?.date).toBe('2024-02-01');
    expect(summits.filter((e) => has(e, 'european-council')).length).toBeGreaterThanOrEqual(12);
  });

  it('has every Ukraine Defense Contact Group meeting since Ramstein, 2022-04-26, about one a month', () => {
    const meetings = events.filter((e) => e.kind === 'contact-group' && !e.existsSince).sort((a, b) => a.date.localeCompare(b.date));
    expect(meetings.length).toBeGreaterThanOrEqual(25);
    expect(meetings[0].date).toBe('2022-04-26');
    for (let i = 1; i < meetings.length; i++) {
      const gap = (Date.parse(meetings[i].date) - Date.parse(meetings[i - 1].date)) / 86_400_000;
      // the longest pause: September 2024 → January 2025 (the October leaders' meeting was cancelled)
      expect(gap, meetings[i].id).toBeGreaterThanOrEqual(14);
      expect(gap, meetings[i].id).toBeLessThanOrEqual(130);
    }
    expect(meetings.every((e) => has(e, 'ukraine-defense-contact-group'))).toBe(true);
    const format = events.find((e) => e.kind === 'contact-group' && e.existsSince);
    expect(format?.date).toBe('2022-04-26');
    expect(phrasesOf(format!)).toContain('format ramstein');
  });

  it('has a pledge and a first delivery for each main weapon system', () => {
    const systems = [
      'himars',
      'm777',
      'caesar',
      'patriot',
      'leopard-2',
      'challenger-2',
      'm1-abrams',
      'bradley',
      'marder',
      'amx-10-rc',
      'scalp-storm-shadow',
      'atacms',
      'f-16',
      'mirage-2000',
      'samp-t',
      'iris-t-slm',
      'nasams',
      'gepard',
      'javelin',
      'nlaw',
      'bayraktar-tb2',
      'pzh-2000',
    ];
    for (const id of systems) {
      expect(
        events.some((e) => e.kind === 'pledge' && has(e, id)),
        `pledge ${id}`,
      ).toBe(true);
      expect(
        events.some((e) => e.kind === 'delivery' && has(e, id)),
        `delivery ${id}`,
      ).toBe(true);
    }
    // A system is delivered after it is pledged (ATACMS were shipped in secret and announced afterwards).
    for (const id of systems.filter((s) => s !== 'atacms')) {
      const first = (k: string) =>
        events
          .filter((e) => e.kind === k && has(e, id))
          .map((e) => e.date)
          .sort()[0];
      expect(first('delivery') >= first('pledge'), id).toBe(true);
    }
  });

  it('has the named coalitions and aid mechanisms, marked as existing only since their launch', () => {
    for (const org of [
      'artillery-coalition',
      'air-force-capability-coalition',
      'coalition-of-the-willing',
      'purl',
      'czech-ammunition-initiative',
      'maritime-capability-coalition',
      'it-coalition',
      'european-sky-shield-initiative',
      'nsatu',
      'international-fund-for-ukraine',
    ]) {
      const found = events.filter((e) => e.kind === 'initiative' && has(e, org));
      expect(found.length, org).toBeGreaterThanOrEqual(1);
      expect(
        found.some((e) => e.existsSince),
        org,
      ).toBe(true);
    }
    expect(byId.get('lend-lease-act-2022')?.date).toBe('2022-05-09');
    expect(byId.get('us-supplemental-2024')?.date).toBe('2024-04-24');
    expect(events.some((e) => e.kind === 'initiative' && has(e, 'drone-coalition'))).toBe(true);
    // Every EU sanctions package, 1st (2022-02-23) to 19th (2025-10-23), in order.
    const packages = events.filter((e) => e.id.startsWith('eu-sanctions-package-')).sort((a, b) => a.id.localeCompare(b.id));
    expect(packages.length).toBeGreaterThanOrEqual(19);
    expect(packages.map((e) => e.date)).toEqual([...packages.map((e) => e.date)].sort());
  });

  it('has the landmark battles, strikes, talks and political days articles use', () => {
    const expected: Record<string, string> = {
      'invasion-2022': '2022-02-24',
      'crimea-annexation-2014': '2014-03-18',
      'kherson-liberation-2022': '2022-11-11',
      'bakhmut-fall-2023': '2023-05-20',
      'avdiivka-fall-2024': '2024-02-17',
      'kursk-incursion-2024': '2024-08-06',
      'kakhovka-2023': '2023-06-06',
      'wagner-mutiny-2023': '2023-06-23',
      'spiderweb-2025': '2025-06-01',
      'kremlin-drone-2023': '2023-05-03',
      'minsk-2-2015': '2015-02-12',
      'istanbul-talks-2022': '2022-03-29',
      'grain-deal-2022': '2022-07-22',
      'alaska-summit-2025': '2025-08-15',
      'jeddah-talks-2025': '2025-03-11',
      'oval-office-2025': '2025-02-28',
      'trump-inauguration-2025': '2025-01-20',
      'zelensky-inauguration-2019': '2019-05-20',
      'us-aid-pause-2025': '2025-03-03',
    };
    for (const [id, date] of Object.entries(expected)) expect(byId.get(id)?.date, id).toBe(date);
    for (const kind of ['war', 'summit', 'contact-group', 'pledge', 'delivery', 'initiative', 'battle', 'strike', 'negotiation', 'politics']) {
      expect(events.filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('events knowledge base: how French articles name events', () => {
  const kb = compileKb(events);
  /** The ids of the events the matcher finds in a sentence (written for this test, not taken from any article). */
  const named = (sentence: string) => findEvents(kb, foldKeep(sentence)).flatMap((m) => m.events.map((e) => e.id));

  it.each([
    ["Au premier jour du sommet de l'Otan à Vilnius, les alliés ont promis des munitions.", 'nato-summit-vilnius-2023'],
    ["Le sommet de l'OTAN de La Haye a fixé l'objectif des 5 %.", 'nato-summit-the-hague-2025'],
    ['En marge de la réunion de Ramstein, Berlin a annoncé un nouveau paquet.', 'udcg-format'],
    ['Lors de la 25e réunion du groupe de contact, Lloyd Austin a fait ses adieux.', 'udcg-25-2025-01-09'],
    ['La coalition des volontaires se réunit de nouveau à Paris.', 'coalition-of-the-willing-term'],
    ["Depuis l'altercation dans le Bureau ovale, les relations se sont tendues.", 'oval-office-2025'],
    ['Après la chute de Bakhmout, Kiev a changé de stratégie.', 'bakhmut-fall-2023'],
    ["Près de trois ans après le début de l'invasion russe, le front reste figé.", 'invasion-2022'],
    ["L'initiative tchèque a déjà permis de livrer des centaines de milliers d'obus.", 'czech-ammunition-initiative-2024'],
    ['Les premières frappes de Storm Shadow ont visé Louhansk.', 'storm-shadow-first-use-2023'],
    ['Le 18e paquet de sanctions de l’UE vise la flotte fantôme.', 'eu-sanctions-package-18'],
    ["Depuis le sommet d'Alaska, Washington temporise.", 'alaska-summit-2025'],
    ['La mutinerie de Wagner a ébranlé le Kremlin.', 'wagner-mutiny-2023'],
    ['Le mécanisme PURL finance des Patriot américains.', 'purl-2025'],
    ['Le sommet du G7 de Kananaskis a été écourté par le départ de Trump.', 'g7-summit-kananaskis-2025'],
    // The longer, 2014 name wins over the shorter name of the 2022 invasion.
    ["Depuis l'invasion de la Crimée, Kiev réclame des armes.", 'crimea-annexation-2014'],
    ['Il se bat depuis le début du conflit en 2014.', 'donbas-war-start-2014'],
    // Verbal forms of an event, not only its nominal name.
    ["Washington a suspendu les livraisons de missiles d'interception faute de stocks.", 'us-arms-pause-july-2025'],
    ['Le défilé militaire de Pékin a réuni Xi, Poutine et Kim.', 'beijing-victory-parade-2025'],
    ['Moscou et Pékin revendiquent un partenariat sans limites.', 'putin-xi-beijing-2022-02'],
  ])('"%s" names %s', (sentence, id) => {
    expect(named(sentence)).toContain(id);
  });

  it('tells a generic summit name apart by its place, and leaves bare recurring names to the format', () => {
    // "sommet du G7" alone names every G7 summit; the matcher keeps them all for the article's words to choose.
    const g7 = findEvents(kb, foldKeep('Le sommet du G7 a commencé.'))[0];
    expect(g7.events.length).toBeGreaterThanOrEqual(10);
    expect(g7.events.every((e) => e.entities.includes('g7'))).toBe(true);
    // A bare Ramstein meeting is the format (a lower bound), never one dated meeting.
    expect(named('La réunion de Ramstein a eu lieu hier.')).toEqual(['udcg-format']);
  });

  it('never reads the 2014 names as the 2022 invasion', () => {
    expect(named("Depuis l'invasion de la Crimée, Kiev réclame des armes.")).not.toContain('invasion-2022');
    expect(named('Il se bat depuis le début du conflit en 2014.')).not.toContain('invasion-2022');
  });

  it('keeps the 2022 counteroffensives apart from the 2023 one', () => {
    const kharkiv = named('La contre-offensive ukrainienne dans la région de Kharkiv a surpris Moscou.');
    expect(kharkiv).toContain('kharkiv-counteroffensive-2022');
    expect(kharkiv).not.toContain('counteroffensive-2023');
    expect(named('La contre-offensive de Kherson progresse lentement.')).toEqual(['kherson-counteroffensive-2022']);
    expect(named("La contre-offensive de l'été 2023 n'a pas percé.")).toEqual(['counteroffensive-2023']);
  });

  it('does not date a repeated event to its first occurrence', () => {
    // The Crimean bridge was attacked in 2022, 2023 and 2025; a bare name belongs to none of them.
    expect(named('Une nouvelle attaque du pont de Crimée a eu lieu cette nuit.')).toEqual([]);
    expect(named("L'explosion du pont de Crimée en octobre 2022 avait choqué Moscou.")).toEqual(['kerch-bridge-2022']);
    // Weapons named by their origin are the weapons, not the day they were pledged.
    expect(named('Les MiG-29 polonais sont en service.')).toEqual([]);
  });

  it('does not name an event in unrelated text', () => {
    expect(named("Le sommet de la montagne était enneigé et la réunion du conseil municipal s'est tenue mardi.")).toEqual([]);
    expect(named('La guerre en Ukraine continue ; les livraisons d’armes aussi.')).toEqual([]);
  });
});
