/**
 * Reads the events knowledge base (src/data/events/*.json), validated with the one schema
 * (schema.ts). Strict: a file that is not JSON, does not match the schema, or reuses an id is an
 * error naming the file and the field. The only module of the date stage that touches the file
 * system; scripts load once and pass the events to the pure stages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eventFileSchema, type WarEvent } from './schema.ts';
import { compileKb, type CompiledKb } from '../extract/dates/kb.ts';
import type { DatingContext } from '../extract/dates/index.ts';
import { getDefaultCompiledGazetteer } from '../gazetteer/load.ts';

export const DEFAULT_EVENTS_DIR = path.resolve(import.meta.dirname, '../../data/events');

/** Every event of every `*.json` file of `dir`, files in name order, events in file order. */
export function loadEvents(dir: string = DEFAULT_EVENTS_DIR): WarEvent[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new Error(`Events directory ${dir} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  if (names.length === 0) throw new Error(`Events directory ${dir} holds no .json file`);
  const events: WarEvent[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`Events file ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    const result = eventFileSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length ? issue.path.join('.') : '(root)';
      const list = (parsed as { events?: { id?: unknown }[] })?.events;
      const index = issue.path[0] === 'events' && typeof issue.path[1] === 'number' ? issue.path[1] : -1;
      const id = index >= 0 && typeof list?.[index]?.id === 'string' ? ` (event "${list[index].id}")` : '';
      throw new Error(`Events file ${file}: field ${where}${id}: ${issue.message}`);
    }
    for (const event of result.data.events) {
      const other = seen.get(event.id);
      if (other) throw new Error(`Events file ${file}: field id: "${event.id}" is already defined in ${other}`);
      seen.set(event.id, file);
      events.push(event);
    }
  }
  return events;
}

let memo: WarEvent[] | null = null;

/** The default knowledge base, read once per process. */
export function getDefaultEvents(): WarEvent[] {
  memo ??= loadEvents();
  return memo;
}

/** First day of the archive period unless ARCHIVE_FROM says otherwise. */
export const DEFAULT_ARCHIVE_FROM = '2014-01-01';
/** Start of the Russian full-scale invasion: where the archive's articles concentrate (estimate prior, never a bound). */
export const ARCHIVE_FOCUS_FROM = '2022-02-24';

/**
 * The build day (YYYY-MM-DD, UTC): from SOURCE_DATE_EPOCH (seconds) when set, so that rebuilds
 * of the same sources are byte-identical; else the clock's UTC day.
 */
export function buildDayOf(env: Record<string, string | undefined>, now: Date): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

/** The archive period: ARCHIVE_FROM (default 2014-01-01) to the build day. */
export function archivePeriodOf(env: Record<string, string | undefined>, now: Date): { from: string; to: string } {
  const from = env.ARCHIVE_FROM?.trim() || DEFAULT_ARCHIVE_FROM;
  const to = buildDayOf(env, now);
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from) || Number.isNaN(Date.parse(from))) throw new Error(`ARCHIVE_FROM must be YYYY-MM-DD, got "${from}"`);
  if (from > to) throw new Error(`ARCHIVE_FROM ${from} is after the build day ${to}`);
  return { from, to };
}

const contexts = new Map<string, DatingContext>();

/** What the date stage needs, for scripts: the compiled default knowledge base and the period from the environment. */
export function getDatingContext(env: Record<string, string | undefined> = process.env, now: Date = new Date()): DatingContext {
  const period = archivePeriodOf(env, now);
  const key = `${period.from}/${period.to}`;
  let ctx = contexts.get(key);
  if (!ctx) contexts.set(key, (ctx = { kb: (compiledMemo ??= compileKb(getDefaultEvents(), organizationNames())), period, focusFrom: ARCHIVE_FOCUS_FROM }));
  return ctx;
}

let compiledMemo: CompiledKb | null = null;

/** The names of each organisation of the gazetteer (name, English name, aliases): an event phrase naming one also matches with the others. */
export function organizationNames(): string[][] {
  return getDefaultCompiledGazetteer().data.organizations.map((o) => [o.name, o.nameEn, ...o.aliases].filter((n): n is string => Boolean(n)));
}
