/** The events knowledge base loader: strict, errors name the file and the field. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvents } from '../src/lib/events/load.ts';
import { compileKb } from '../src/lib/extract/dates/kb.ts';

const event = (over: Record<string, unknown> = {}) => ({
  id: 'nato-summit-test-2023',
  kind: 'summit',
  date: '2023-07-11',
  end: '2023-07-12',
  title: { fr: 'Sommet de test', en: 'Test summit' },
  phrases: { fr: ['sommet de test'], en: [] },
  source: { url: 'https://example.org/summit', title: 'Reference' },
  ...over,
});

function dir(files: Record<string, unknown>): string {
  const d = mkdtempSync(join(tmpdir(), 'events-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), typeof content === 'string' ? content : JSON.stringify(content));
  return d;
}

describe('loadEvents', () => {
  it('reads every file of the folder, in name order', () => {
    const events = loadEvents(dir({ 'b.json': { events: [event({ id: 'b-event' })] }, 'a.json': { events: [event()] }, 'notes.txt': 'ignored' }));
    expect(events.map((e) => e.id)).toEqual(['nato-summit-test-2023', 'b-event']);
    expect(events[0]).toMatchObject({ existsSince: false, entities: [] });
  });

  it('rejects a bad field, naming the file, the field and the event', () => {
    const d = dir({ 'summits.json': { events: [event(), event({ id: 'bad-url', source: { url: 'http://example.org', title: 'Reference' } })] } });
    expect(() => loadEvents(d)).toThrow(/summits\.json: field events\.1\.source\.url \(event "bad-url"\)/);
    expect(() => loadEvents(dir({ 'x.json': { events: [event({ date: '2023-02-30' })] } }))).toThrow(
      /x\.json: field events\.0\.date .*not a real calendar day/,
    );
    expect(() => loadEvents(dir({ 'x.json': { events: [event({ end: '2023-07-01' })] } }))).toThrow(/x\.json: field events\.0\.end .*end is before date/);
  });

  it('rejects invalid JSON and an id defined twice', () => {
    expect(() => loadEvents(dir({ 'x.json': '{ "events": [' }))).toThrow(/x\.json is not valid JSON/);
    expect(() => loadEvents(dir({ 'a.json': { events: [event()] }, 'b.json': { events: [event()] } }))).toThrow(
      /b\.json: field id: "nato-summit-test-2023" is already defined in .*a\.json/,
    );
  });

  it('reads the project knowledge base, whose phrases all compile to a matcher', () => {
    const events = loadEvents();
    expect(events.length).toBeGreaterThan(100);
    const kb = compileKb(events);
    expect(kb.events.length).toBe(events.length);
    expect(kb.gateWords.length).toBeGreaterThan(50);
  });
});

describe('phrases under another name of the organisation they contain', () => {
  it("'sommet de l'Otan à Vilnius' also matches with the long form, or the alliance's other names", async () => {
    const { findEvents } = await import('../src/lib/extract/dates/kb.ts');
    const { foldKeep } = await import('../src/lib/extract/dates/text.ts');
    const { eventSchema } = await import('../src/lib/events/schema.ts');
    const vilnius = eventSchema.parse(event({ phrases: { fr: ["sommet de l'Otan à Vilnius"], en: [] } }));
    const kb = compileKb([vilnius], [['Otan', "Organisation du traité de l'Atlantique Nord", 'Alliance atlantique']]);
    const found = (s: string) => findEvents(kb, foldKeep(s)).map((m) => m.events.map((e) => e.id));
    expect(found("Au sommet de l'Organisation du traité de l'Atlantique Nord à Vilnius, mardi.")).toEqual([['nato-summit-test-2023']]);
    expect(found("Au sommet de l'Alliance atlantique à Vilnius.")).toEqual([['nato-summit-test-2023']]);
    // Without the groups of names, only the phrase as written.
    const plain = compileKb([vilnius]);
    expect(findEvents(plain, foldKeep("Au sommet de l'Alliance atlantique à Vilnius."))).toEqual([]);
  });
});
