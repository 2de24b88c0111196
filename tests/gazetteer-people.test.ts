import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFICE_ROLES } from '../src/lib/gazetteer/types.ts';
import type { Office, OfficeRole, PersonProfile } from '../src/lib/gazetteer/types.ts';

const file = join(import.meta.dirname, '..', 'src', 'data', 'gazetteer', 'people.json');
const people = JSON.parse(readFileSync(file, 'utf8')) as PersonProfile[];

/** Accent- and case-insensitive key, as the matchers use. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/g, "'").toLowerCase().trim();

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Every surface form that a matcher may look up for a person. */
const forms = (p: PersonProfile): string[] => [p.name, p.nameEn, ...p.aliases, ...(p.variants ?? []), ...p.surnames];

/** Index: folded form -> ids of the people carrying it. */
const formIndex = new Map<string, Set<string>>();
for (const p of people) {
  for (const f of forms(p)) {
    const k = fold(f);
    if (!formIndex.has(k)) formIndex.set(k, new Set());
    formIndex.get(k)!.add(p.id);
  }
}

/** Resolve a surface form to the single person carrying it (undefined if none or ambiguous). */
function resolve(form: string): string | undefined {
  const ids = formIndex.get(fold(form));
  return ids && ids.size === 1 ? [...ids][0] : undefined;
}

const byId = new Map(people.map((p) => [p.id, p]));
const person = (id: string): PersonProfile => {
  const p = byId.get(id);
  if (!p) throw new Error(`missing person ${id}`);
  return p;
};
const office = (id: string, role: OfficeRole, of: string): Office[] => person(id).offices.filter((o) => o.role === role && o.of === of);

/** Office holder on a given day (single-holder roles only). */
function holdersOn(role: OfficeRole, of: string, day: string): string[] {
  return people.filter((p) => p.offices.some((o) => o.role === role && o.of === of && o.start <= day && (o.end === null || day <= o.end))).map((p) => p.id);
}

describe('people gazetteer: shape', () => {
  it('has at least 130 people', () => {
    expect(people.length).toBeGreaterThanOrEqual(130);
  });

  it('uses unique lowercase kebab-case ASCII ids', () => {
    const bad = people.filter((p) => !KEBAB.test(p.id)).map((p) => p.id);
    expect(bad).toEqual([]);
    const ids = people.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fills every required field with non-empty strings', () => {
    for (const p of people) {
      expect(p.name.trim(), p.id).not.toBe('');
      expect(p.nameEn.trim(), p.id).not.toBe('');
      expect(Array.isArray(p.aliases), p.id).toBe(true);
      expect(Array.isArray(p.surnames), p.id).toBe(true);
      expect(Array.isArray(p.offices), p.id).toBe(true);
      expect(KEBAB.test(p.country), `${p.id} country ${p.country}`).toBe(true);
      for (const f of forms(p)) expect(f.trim().length, `${p.id}: "${f}"`).toBeGreaterThan(1);
    }
  });

  it('lists the display name among the aliases', () => {
    const missing = people.filter((p) => !p.aliases.some((a) => fold(a) === fold(p.name))).map((p) => p.id);
    expect(missing).toEqual([]);
  });

  it('contains no Cyrillic look-alike letters in any surface form', () => {
    const bad = people.flatMap((p) =>
      forms(p)
        .filter((f) => /[\u0400-\u04FF]/.test(f))
        .map((f) => `${p.id}: ${f}`),
    );
    expect(bad).toEqual([]);
  });

  it('does not list forbidden one-word surnames that are common words or first names', () => {
    const forbidden = [
      'michel',
      'costa',
      'miller',
      'kim',
      'xi',
      'johnson',
      'borne',
      'le maire',
      'philippe',
      'marin',
      'may',
      'rasmussen',
      'hollande',
      'conte',
      'breton',
    ];
    const found = people.flatMap((p) => p.surnames.filter((s) => forbidden.includes(fold(s))).map((s) => `${p.id}: ${s}`));
    expect(found).toEqual([]);
  });
});

describe('people gazetteer: offices', () => {
  const all = people.flatMap((p) => p.offices.map((o) => ({ id: p.id, o })));

  it('uses only roles from OFFICE_ROLES', () => {
    const roles = new Set<string>(OFFICE_ROLES);
    const bad = all.filter(({ o }) => !roles.has(o.role)).map(({ id, o }) => `${id}: ${o.role}`);
    expect(bad).toEqual([]);
  });

  it('has a French title and a kebab-case country or organisation id on every office', () => {
    for (const { id, o } of all) {
      expect(o.title.trim(), id).not.toBe('');
      expect(KEBAB.test(o.of), `${id}: ${o.of}`).toBe(true);
    }
  });

  it('writes real YYYY-MM-DD dates with start on or before end', () => {
    for (const { id, o } of all) {
      expect(isCalendarDate(o.start), `${id} start ${o.start}`).toBe(true);
      if (o.end !== null) {
        expect(isCalendarDate(o.end), `${id} end ${o.end}`).toBe(true);
        expect(o.start <= o.end, `${id} ${o.role} ${o.start} > ${o.end}`).toBe(true);
      }
    }
  });

  it('never has two people in a single-holder office on the same day (hand-overs may share one day)', () => {
    const single: OfficeRole[] = [
      'head-of-government',
      'defence-minister',
      'foreign-minister',
      'secretary-general',
      'commission-president',
      'council-president',
      'high-representative',
    ];
    const overlaps: string[] = [];
    const rows = all.filter(({ o }) => single.includes(o.role));
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = rows[i],
          b = rows[j];
        if (a.id === b.id || a.o.role !== b.o.role || a.o.of !== b.o.of) continue;
        const aEnd = a.o.end ?? '9999-12-31';
        const bEnd = b.o.end ?? '9999-12-31';
        // Strict overlap: more than the hand-over day in common.
        if (a.o.start < bEnd && b.o.start < aEnd) overlaps.push(`${a.o.role}/${a.o.of}: ${a.id} × ${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
  });
});

describe('people gazetteer: names', () => {
  it('never gives the same surname, alias or variant to two people (case- and accent-insensitive)', () => {
    const shared = [...formIndex].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k}: ${[...ids].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it.each([
    ['Zelensky', 'volodymyr-zelensky'],
    ['Zelenskyy', 'volodymyr-zelensky'],
    ['Zelenskiy', 'volodymyr-zelensky'],
    ['Zelenski', 'volodymyr-zelensky'],
    ['Volodimir Zelensky', 'volodymyr-zelensky'],
    ['Vladimir Zelensky', 'volodymyr-zelensky'],
    ['Zelenskyi', 'volodymyr-zelensky'],
    ['Umerov', 'rustem-umerov'],
    ['Oumerov', 'rustem-umerov'],
    ['Roustem Oumerov', 'rustem-umerov'],
    ['Serguey Lavrov', 'sergey-lavrov'],
    ['Sergueï Lavrov', 'sergey-lavrov'],
    ['Sergei Lavrov', 'sergey-lavrov'],
    ['Lavrov', 'sergey-lavrov'],
    ['Dmitry Kuleba', 'dmytro-kuleba'],
    ['Dmitro Kouleba', 'dmytro-kuleba'],
    ['Kouleba', 'dmytro-kuleba'],
    ['Zaloujny', 'valerii-zaluzhnyi'],
    ['Zaluzhnyi', 'valerii-zaluzhnyi'],
    ['Syrskyï', 'oleksandr-syrskyi'],
    ['Syrsky', 'oleksandr-syrskyi'],
    ['Chmyhal', 'denys-shmyhal'],
    ['Poutine', 'vladimir-putin'],
    ['Choïgou', 'sergey-shoigu'],
    ['Choigou', 'sergey-shoigu'],
    ['Sebastien Lecornu', 'sebastien-lecornu'],
    ['LECORNU', 'sebastien-lecornu'],
    ['Séjourné', 'stephane-sejourne'],
    ['Truss', 'liz-truss'],
    ['Heger', 'eduard-heger'],
    ['Stoltenberg', 'jens-stoltenberg'],
    ['Blinken', 'antony-blinken'],
    ['Peskov', 'dmitry-peskov'],
    ['Charles Michel', 'charles-michel'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['Xi Jinping', 'xi-jinping'],
    ['Erdogan', 'recep-tayyip-erdogan'],
    ['Rau', 'zbigniew-rau'],
  ])('resolves "%s" to %s', (form, id) => {
    expect(resolve(form)).toBe(id);
  });

  it('leaves ambiguous bare forms unresolved', () => {
    for (const form of ['Johnson', 'Michel', 'Costa', 'Miller', 'Kim', 'Rasmussen']) expect(resolve(form), form).toBeUndefined();
  });
});

describe('people gazetteer: tenures', () => {
  it('starts Umerov as Ukraine defence minister on 2023-09-06 and ends it on 2025-07-17', () => {
    const [o] = office('rustem-umerov', 'defence-minister', 'ukraine');
    expect(o.start).toBe('2023-09-06');
    expect(o.end).toBe('2025-07-17');
  });

  it('ends Blinken as US secretary of state on 2025-01-20', () => {
    const [o] = office('antony-blinken', 'foreign-minister', 'united-states');
    expect(o.start).toBe('2021-01-26');
    expect(o.end).toBe('2025-01-20');
  });

  it('ends Stoltenberg as NATO secretary general on 2024-10-01, when Rutte starts', () => {
    expect(office('jens-stoltenberg', 'secretary-general', 'nato')[0]).toMatchObject({ start: '2014-10-01', end: '2024-10-01' });
    expect(office('mark-rutte', 'secretary-general', 'nato')[0]).toMatchObject({ start: '2024-10-01', end: null });
  });

  it('records the reference tenures given in the brief', () => {
    expect(office('sergey-lavrov', 'foreign-minister', 'russia')[0]).toMatchObject({ start: '2004-03-09', end: null });
    expect(office('sergey-shoigu', 'defence-minister', 'russia')[0]).toMatchObject({ start: '2012-11-06', end: '2024-05-12' });
    expect(office('dmytro-kuleba', 'foreign-minister', 'ukraine')[0]).toMatchObject({ start: '2020-03-04', end: '2024-09-05' });
    expect(office('liz-truss', 'foreign-minister', 'united-kingdom')[0]).toMatchObject({ start: '2021-09-15', end: '2022-09-06' });
    expect(office('liz-truss', 'head-of-government', 'united-kingdom')[0]).toMatchObject({ start: '2022-09-06', end: '2022-10-25' });
    expect(office('eduard-heger', 'head-of-government', 'slovakia')[0]).toMatchObject({ start: '2021-04-01', end: '2023-05-15' });
    expect(office('stephane-sejourne', 'foreign-minister', 'france')[0]).toMatchObject({ start: '2024-01-11', end: '2024-09-21' });
    expect(office('sebastien-lecornu', 'head-of-government', 'france')[0]).toMatchObject({ start: '2025-09-09', end: null });
    expect(office('sebastien-lecornu', 'defence-minister', 'france')[0].start).toBe('2022-05-20');
  });

  it('names France\'s armed forces minister "ministre des Armées et des Anciens combattants" from October 2025', () => {
    const [o] = office('catherine-vautrin', 'defence-minister', 'france');
    expect(o).toMatchObject({ title: 'ministre des Armées et des Anciens combattants', start: '2025-10-12', end: null });
    expect(office('sebastien-lecornu', 'defence-minister', 'france')[0].title).toBe('ministre des Armées');
  });

  it('splits Hegseth\'s tenure by title ("secrétaire à la Guerre" from 2025-09-05)', () => {
    const titles = office('pete-hegseth', 'defence-minister', 'united-states').map((o) => [o.title, o.start, o.end]);
    expect(titles).toEqual([
      ['secrétaire à la Défense', '2025-01-25', '2025-09-04'],
      ['secrétaire à la Guerre', '2025-09-05', null],
    ]);
  });

  it('answers "who was Ukraine\'s defence minister" across the war', () => {
    expect(holdersOn('defence-minister', 'ukraine', '2022-03-01')).toEqual(['oleksii-reznikov']);
    expect(holdersOn('defence-minister', 'ukraine', '2024-06-01')).toEqual(['rustem-umerov']);
    expect(holdersOn('defence-minister', 'ukraine', '2025-10-01')).toEqual(['denys-shmyhal']);
    expect(holdersOn('defence-minister', 'ukraine', '2026-03-01')).toEqual(['mykhailo-fedorov']);
  });

  it('answers "who was France\'s prime minister" on sample days', () => {
    expect(holdersOn('head-of-government', 'france', '2022-06-01')).toEqual(['elisabeth-borne']);
    expect(holdersOn('head-of-government', 'france', '2024-03-01')).toEqual(['gabriel-attal']);
    expect(holdersOn('head-of-government', 'france', '2024-11-01')).toEqual(['michel-barnier']);
    expect(holdersOn('head-of-government', 'france', '2025-03-01')).toEqual(['francois-bayrou']);
    expect(holdersOn('head-of-government', 'france', '2025-11-01')).toEqual(['sebastien-lecornu']);
  });

  it('records the 2026 hand-overs (Iran, Hungary, Netherlands, Czech Republic, Ukraine)', () => {
    expect(holdersOn('head-of-state', 'iran', '2026-01-15')).toEqual(['ali-khamenei']);
    expect(holdersOn('head-of-state', 'iran', '2026-04-01')).toEqual(['mojtaba-khamenei']);
    expect(holdersOn('head-of-government', 'hungary', '2026-06-01')).toEqual(['peter-magyar']);
    expect(holdersOn('head-of-government', 'netherlands', '2026-03-01')).toEqual(['rob-jetten']);
    expect(holdersOn('head-of-government', 'czech-republic', '2026-01-01')).toEqual(['andrej-babis']);
    expect(holdersOn('chief-of-staff', 'ukraine', '2026-02-01')).toEqual(['kyrylo-budanov']);
  });

  it('covers every head of state or government of the main suppliers on 2024-01-01', () => {
    const countries = [
      'ukraine',
      'russia',
      'united-states',
      'france',
      'united-kingdom',
      'germany',
      'poland',
      'netherlands',
      'denmark',
      'norway',
      'sweden',
      'finland',
      'canada',
      'italy',
      'spain',
      'belgium',
      'czech-republic',
      'slovakia',
      'estonia',
      'latvia',
      'lithuania',
      'australia',
      'turkey',
      'japan',
    ];
    const missing = countries.filter((c) => holdersOn('head-of-state', c, '2024-01-01').length + holdersOn('head-of-government', c, '2024-01-01').length === 0);
    expect(missing).toEqual([]);
  });
});
