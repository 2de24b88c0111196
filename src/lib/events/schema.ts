/**
 * The events knowledge base (src/data/events/*.json): dated events of the war and of military aid
 * that articles use as landmarks ("au sommet de Vilnius", "depuis la réunion de Ramstein").
 * Date inference reads it to bound and pin publication dates; the site links each clue to the
 * event's source. This schema is the one definition; the TypeScript types are derived from it.
 */
import { z } from 'zod';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar day');

export const EVENT_KINDS = [
  'war', // invasion, annexation, mobilisation: the frame of the war itself
  'summit', // NATO, EU (European Council), G7, bilateral summits
  'contact-group', // Ukraine Defense Contact Group ("Ramstein") meetings
  'pledge', // a government announces or decides to supply a system
  'delivery', // first delivery / arrival / first use of a supplied system
  'initiative', // named coalitions and funding schemes (coalition d'artillerie, initiative tchèque, PURL…)
  'battle', // battles, offensives, sieges, captures of towns
  'strike', // landmark strikes, attacks and incidents
  'negotiation', // talks, agreements, peace plans, ceasefires
  'politics', // elections, inaugurations, office changes, votes on aid packages
] as const;

export const eventSchema = z
  .object({
    /** Stable ASCII kebab-case id, unique across all files, e.g. "nato-summit-vilnius-2023". */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected kebab-case ASCII'),
    kind: z.enum(EVENT_KINDS),
    /** First (or only) day of the event, UTC calendar day. */
    date: isoDay,
    /** Last day of a multi-day event (summit, battle); omitted for a one-day event. */
    end: isoDay.optional(),
    /** Display names for the site. */
    title: z.object({ fr: z.string().min(3), en: z.string().min(3) }),
    /**
     * Ways articles name the event, written naturally (accents, capitals, apostrophes as in
     * print); matching folds case, accents and apostrophes. French first; English optional.
     */
    phrases: z.object({ fr: z.array(z.string().min(3)).min(1), en: z.array(z.string().min(3)).default([]) }),
    /** Gazetteer ids the event involves (countries, organisations, people, weapons). */
    entities: z.array(z.string()).default([]),
    /**
     * True when the phrases name something that did not exist before `date` (a coalition, an
     * initiative, a post-invasion format): any mention then proves the article is not older.
     */
    existsSince: z.boolean().default(false),
    /** Public reference attesting the date. */
    source: z.object({ url: z.url({ protocol: /^https$/ }), title: z.string().min(3) }),
  })
  .refine((e) => !e.end || e.end >= e.date, { message: 'end is before date', path: ['end'] });

/** One file of src/data/events/: a list of events, usually of one kind. */
export const eventFileSchema = z.object({
  $comment: z.string().optional(),
  events: z.array(eventSchema),
});

export type WarEvent = z.infer<typeof eventSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];
