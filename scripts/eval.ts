/**
 * `npm run eval`: measures extraction accuracy against the annotated test set
 * (tests/eval/gold.json: the five seeds + hand-written unseen articles).
 *
 *   npm run eval                      table of micro P/R/F1 per field and split, title/source/date scores
 *   npm run eval -- --verbose         + every false positive / false negative per file
 *   npm run eval -- --json out.json   + write the metrics object to a file
 *   npm run eval -- --check           exit non-zero when a target is missed (see TARGETS)
 *   npm run eval -- --only e05        restrict to gold entries whose file path contains "e05"
 *   npm run eval -- --real DIR        date figures on a folder of real articles scored like its score.mjs
 *                                     (DIR/gold.json with true_date / true_window per file, DIR/articles/):
 *                                     e.g. --real ../shared/eval-real; the same figures are printed for
 *                                     the seeds and the self-written set (see dateFigures)
 *
 * Matching rules (also in tests/eval/README.md):
 * - entity ids are compared after stripping a leading "new:"; a gold "new:<slug>" also matches a
 *   predicted entity whose display name slugifies to <slug> (pattern-found names absent from the gazetteer);
 * - predicted people/organisations = result.people/organizations ∪ result.newNames of that type;
 * - deliveries match on (supplier, recipient, weapon); a null supplier/recipient in gold means
 *   "the article does not say" and accepts any predicted value; quantity and status are not scored;
 * - dates: contained when earliest ≤ real ≤ latest (null bound = unbounded); window width is
 *   latest − earliest + 1 days (Infinity when a bound is missing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFromBytes } from '../src/lib/extract/pipeline.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { getDatingContext } from '../src/lib/events/load.ts';
import type { CompiledGazetteer } from '../src/lib/gazetteer/types.ts';
import type { ExtractionResult } from '../src/lib/extract/types.ts';
import { nameSlug } from '../src/lib/extract/text/fold.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DEFAULT_GOLD = path.join(ROOT, 'tests/eval/gold.json');
/** A blind set written without reading the engine; scored as unseen articles too. */
export const HOLDOUT_GOLD = path.join(ROOT, 'tests/eval/holdout/gold.json');

/* ------------------------------------------------------------------ gold shape */

export type Split = 'seed' | 'unseen';
export const ENTITY_FIELDS = ['weapons', 'countries', 'people', 'organizations'] as const;
export type EntityField = (typeof ENTITY_FIELDS)[number];
export const SCORED_FIELDS = [...ENTITY_FIELDS, 'deliveries'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface GoldDelivery {
  supplier: string | null;
  recipient: string | null;
  weapon: string;
  quantity?: number | null;
  status?: string;
}

export interface GoldEntry {
  /** Path relative to the repository root. */
  file: string;
  split: Split;
  /** Present only for articles that carry a headline (or a frontmatter title). */
  title?: string;
  /** Outlet id (src/data/gazetteer/outlets.json) or null when the article names no source. */
  source?: string | null;
  date: { real: string; approx?: boolean; note?: string };
  weapons: string[];
  countries: string[];
  people: string[];
  organizations: string[];
  deliveries?: GoldDelivery[];
}

/** Reads and validates the gold file; throws with the entry index on malformed data. */
export function loadGold(goldPath?: string): GoldEntry[] {
  if (goldPath === undefined) {
    return [DEFAULT_GOLD, HOLDOUT_GOLD].filter((p) => fs.existsSync(p)).flatMap((p) => loadGold(p));
  }
  const raw: unknown = JSON.parse(fs.readFileSync(goldPath, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${goldPath}: expected a JSON array`);
  raw.forEach((e: Record<string, unknown>, i) => {
    const where = `${goldPath} entry ${i}${typeof e?.file === 'string' ? ` (${e.file})` : ''}`;
    if (typeof e?.file !== 'string') throw new Error(`${where}: "file" must be a string`);
    if (e.split === 'holdout') e.split = 'unseen';
    if (e.split !== 'seed' && e.split !== 'unseen') throw new Error(`${where}: "split" must be "seed", "unseen" or "holdout"`);
    const date = e.date as Record<string, unknown> | undefined;
    if (!date || typeof date.real !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date.real)) {
      throw new Error(`${where}: "date.real" must be YYYY-MM-DD`);
    }
    for (const f of ENTITY_FIELDS) {
      if (!Array.isArray(e[f]) || !(e[f] as unknown[]).every((x) => typeof x === 'string')) {
        throw new Error(`${where}: "${f}" must be an array of ids`);
      }
    }
    if (e.deliveries !== undefined && !Array.isArray(e.deliveries)) throw new Error(`${where}: "deliveries" must be an array`);
  });
  return raw as GoldEntry[];
}

/* ------------------------------------------------------------------ metrics shape */

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SplitMetrics {
  files: number;
  errors: number;
  fields: Record<ScoredField, FieldScore>;
  title: {
    /** Gold entries with a headline/frontmatter title. */
    total: number;
    exact: number;
    normalised: number;
    exactRate: number;
    normalisedRate: number;
    /** Articles without a headline whose title was (correctly) flagged titleGenerated. */
    noHeadline: number;
    generatedFlagged: number;
  };
  source: { total: number; correct: number; accuracy: number };
  date: {
    total: number;
    contained: number;
    containment: number;
    /** Median of (latest − earliest + 1) in days; Infinity when half or more windows are unbounded; null without articles. */
    medianWidthDays: number | null;
    unbounded: number;
    /** Articles whose best-estimate value equals the real date. */
    exactValue: number;
    /** Median |value − real| in days over articles with a value. */
    medianValueErrorDays: number | null;
  };
}

export interface FileReport {
  file: string;
  split: Split;
  error?: string;
  fields: Record<ScoredField, { tp: string[]; fp: string[]; fn: string[] }>;
  title?: { gold: string; got: string; exact: boolean; normalised: boolean };
  titleGenerated?: boolean;
  source: { gold: string | null; got: string | null; correct: boolean };
  date: { real: string; earliest: string | null; latest: string | null; value: string | null; contained: boolean; widthDays: number; basis?: string };
}

export interface TargetResult {
  name: string;
  actual: number;
  target: number;
  pass: boolean;
}

export interface EvalMetrics {
  gold: string;
  splits: Record<Split | 'all', SplitMetrics>;
  files: FileReport[];
  /** Non-"new:" gold ids that the gazetteer does not know (annotation drift). */
  unknownGoldIds: { file: string; field: string; id: string }[];
  targets: TargetResult[];
  pass: boolean;
}

export interface EvalOptions {
  goldPath?: string;
  /** Repository root that gold file paths are relative to. */
  root?: string;
  /** Only gold entries whose file contains one of these substrings. */
  only?: string[];
  cg?: CompiledGazetteer;
  extract?: (bytes: Uint8Array, file: string, cg: CompiledGazetteer) => ExtractionResult;
}

/* ------------------------------------------------------------------ targets */

export const TARGETS = {
  seed: { recall: 1, precision: 0.95, fields: ['weapons', 'countries', 'people'] as EntityField[] },
  unseen: { f1: { weapons: 0.9, countries: 0.9, people: 0.85, organizations: 0.85 } as Partial<Record<EntityField, number>> },
  dateContainment: 1,
};

/* ------------------------------------------------------------------ helpers */

/** Lower case, accents stripped, typographic quotes/apostrophes unified, spaces collapsed. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[«»“”„"]/g, '"')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Title comparison form: folded, quotes and spaces around punctuation removed, trailing dot dropped. */
export function normaliseTitle(s: string): string {
  return foldText(s)
    .replace(/"/g, '')
    .replace(/\s*([:;,!?])\s*/g, '$1 ')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
}

/** Comparison key of an id: without the "new:" prefix. */
export function idKey(id: string): string {
  return id.startsWith('new:') ? id.slice(4) : id;
}

function score(tp: number, fp: number, fn: number): FieldScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface Predicted {
  id: string;
  keys: Set<string>;
}

/** Predicted entities of one field, deduplicated by key, each with the keys it may match. */
function predictedEntities(result: ExtractionResult, field: EntityField): Predicted[] {
  const refs: { id: string; name: string }[] = [...(result[field] ?? [])];
  if (field === 'people' || field === 'organizations') {
    const type = field === 'people' ? 'person' : 'organization';
    for (const n of result.newNames ?? []) {
      if (n.type === type) refs.push({ id: `new:${nameSlug(n.name)}`, name: n.name });
    }
  }
  const out: Predicted[] = [];
  const seen = new Set<string>();
  for (const r of refs) {
    const key = idKey(r.id);
    if (seen.has(key)) continue;
    seen.add(key);
    const keys = new Set([key]);
    if (r.id.startsWith('new:') && r.name) keys.add(nameSlug(r.name));
    out.push({ id: r.id, keys });
  }
  return out;
}

/** One-to-one matching of gold ids against predicted entities. */
function matchEntities(gold: string[], predicted: Predicted[]): { tp: string[]; fp: string[]; fn: string[] } {
  const used = new Set<number>();
  const tp: string[] = [];
  const fn: string[] = [];
  for (const g of [...new Set(gold)]) {
    const key = idKey(g);
    const i = predicted.findIndex((p, j) => !used.has(j) && p.keys.has(key));
    if (i >= 0) {
      used.add(i);
      tp.push(g);
    } else fn.push(g);
  }
  const fp = predicted.filter((_, j) => !used.has(j)).map((p) => p.id);
  return { tp, fp, fn };
}

function deliveryLabel(d: { supplier: string | null; recipient: string | null; weapon: string }): string {
  return `${d.supplier ?? '?'}→${d.recipient ?? '?'}:${d.weapon}`;
}

function matchDeliveries(gold: GoldDelivery[], result: ExtractionResult): { tp: string[]; fp: string[]; fn: string[] } {
  const predicted: { supplier: string | null; recipient: string | null; weapon: string }[] = [];
  const seen = new Set<string>();
  for (const d of result.deliveries ?? []) {
    const t = { supplier: d.supplier ? idKey(d.supplier) : null, recipient: d.recipient ? idKey(d.recipient) : null, weapon: idKey(d.weapon) };
    const label = deliveryLabel(t);
    if (!seen.has(label)) {
      seen.add(label);
      predicted.push(t);
    }
  }
  const goldUnique = new Map<string, GoldDelivery>();
  for (const g of gold) goldUnique.set(deliveryLabel(g), g);
  // Exact gold first so that a wildcard gold does not steal the prediction an exact one needs.
  const ordered = [...goldUnique.values()].sort(
    (a, b) => Number(a.supplier === null || a.recipient === null) - Number(b.supplier === null || b.recipient === null),
  );
  const used = new Set<number>();
  const tp: string[] = [];
  const fn: string[] = [];
  for (const g of ordered) {
    const i = predicted.findIndex(
      (p, j) =>
        !used.has(j) &&
        p.weapon === idKey(g.weapon) &&
        (g.supplier === null || p.supplier === idKey(g.supplier)) &&
        (g.recipient === null || p.recipient === idKey(g.recipient)),
    );
    if (i >= 0) {
      used.add(i);
      tp.push(deliveryLabel(g));
    } else fn.push(deliveryLabel(g));
  }
  const fp = predicted.filter((_, j) => !used.has(j)).map(deliveryLabel);
  return { tp, fp, fn };
}

/** Resolves the predicted source to an outlet id (by id, name, alias or URL domain), else a slug. */
function sourceId(result: ExtractionResult, cg: CompiledGazetteer): string | null {
  const src = result.source;
  if (!src || (!src.name && !src.url)) return null;
  const outlets = cg.data.outlets ?? [];
  const name = src.name ? foldText(src.name) : '';
  if (name) {
    for (const o of outlets) {
      if (o.id === src.name || [o.name, ...(o.aliases ?? [])].some((a) => foldText(a) === name)) return o.id;
    }
  }
  const url = src.url ?? result.url;
  if (url) {
    const host = url
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/^www\./i, '')
      .split(/[/?#]/)[0]
      .toLowerCase();
    for (const o of outlets) {
      if ((o.domains ?? []).some((d) => host === d || host.endsWith(`.${d}`))) return o.id;
    }
  }
  return src.name ? nameSlug(src.name) : null;
}

function emptyFieldReport(): FileReport['fields'] {
  return Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: [], fp: [], fn: [] }])) as unknown as FileReport['fields'];
}

/* ------------------------------------------------------------------ evaluation */

function evaluateEntry(g: GoldEntry, root: string, cg: CompiledGazetteer, extract: NonNullable<EvalOptions['extract']>): FileReport {
  const report: FileReport = {
    file: g.file,
    split: g.split,
    fields: emptyFieldReport(),
    source: { gold: g.source ?? null, got: null, correct: false },
    date: { real: g.date.real, earliest: null, latest: null, value: null, contained: false, widthDays: Infinity },
  };
  let result: ExtractionResult;
  try {
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, g.file)));
    result = extract(bytes, g.file, cg);
  } catch (err) {
    report.error = (err as Error).message ?? String(err);
    for (const f of ENTITY_FIELDS) report.fields[f].fn = [...new Set(g[f])];
    report.fields.deliveries.fn = (g.deliveries ?? []).map(deliveryLabel);
    if (g.title !== undefined) report.title = { gold: g.title, got: '', exact: false, normalised: false };
    report.source.correct = false;
    return report;
  }

  for (const f of ENTITY_FIELDS) report.fields[f] = matchEntities(g[f], predictedEntities(result, f));
  report.fields.deliveries = matchDeliveries(g.deliveries ?? [], result);

  if (g.title !== undefined) {
    const got = result.title ?? '';
    report.title = { gold: g.title, got, exact: got.trim() === g.title.trim(), normalised: normaliseTitle(got) === normaliseTitle(g.title) };
  } else {
    report.titleGenerated = result.titleGenerated === true;
  }

  const got = sourceId(result, cg);
  report.source = { gold: g.source ?? null, got, correct: got === (g.source ?? null) };

  const d = result.date;
  const earliest = d?.earliest ?? null;
  const latest = d?.latest ?? null;
  const real = g.date.real;
  report.date = {
    real,
    earliest,
    latest,
    value: d?.value ?? null,
    basis: d?.basis,
    contained: (earliest === null || earliest <= real) && (latest === null || real <= latest),
    widthDays: earliest !== null && latest !== null ? daysBetween(earliest, latest) + 1 : Infinity,
  };
  return report;
}

function aggregate(reports: FileReport[], gold: GoldEntry[]): SplitMetrics {
  const fields = {} as Record<ScoredField, FieldScore>;
  for (const f of SCORED_FIELDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of reports) {
      tp += r.fields[f].tp.length;
      fp += r.fields[f].fp.length;
      fn += r.fields[f].fn.length;
    }
    fields[f] = score(tp, fp, fn);
  }
  const titled = reports.filter((r) => r.title);
  const untitled = reports.filter((r) => !r.title && !r.error);
  const widths = reports.map((r) => r.date.widthDays);
  const valueErrors = reports.filter((r) => r.date.value).map((r) => Math.abs(daysBetween(r.date.real, r.date.value as string)));
  const contained = reports.filter((r) => r.date.contained).length;
  const sourceCorrect = reports.filter((r) => r.source.correct).length;
  void gold;
  return {
    files: reports.length,
    errors: reports.filter((r) => r.error).length,
    fields,
    title: {
      total: titled.length,
      exact: titled.filter((r) => r.title?.exact).length,
      normalised: titled.filter((r) => r.title?.normalised).length,
      exactRate: titled.length ? titled.filter((r) => r.title?.exact).length / titled.length : 1,
      normalisedRate: titled.length ? titled.filter((r) => r.title?.normalised).length / titled.length : 1,
      noHeadline: untitled.length,
      generatedFlagged: untitled.filter((r) => r.titleGenerated).length,
    },
    source: { total: reports.length, correct: sourceCorrect, accuracy: reports.length ? sourceCorrect / reports.length : 1 },
    date: {
      total: reports.length,
      contained,
      containment: reports.length ? contained / reports.length : 1,
      medianWidthDays: median(widths),
      unbounded: widths.filter((w) => !Number.isFinite(w)).length,
      exactValue: reports.filter((r) => r.date.value === r.date.real).length,
      medianValueErrorDays: median(valueErrors),
    },
  };
}

function checkTargets(splits: EvalMetrics['splits']): TargetResult[] {
  const out: TargetResult[] = [];
  const push = (name: string, actual: number, target: number) => out.push({ name, actual, target, pass: actual >= target - 1e-9 });
  if (splits.seed.files > 0) {
    for (const f of TARGETS.seed.fields) {
      push(`seed ${f} recall`, splits.seed.fields[f].recall, TARGETS.seed.recall);
      push(`seed ${f} precision`, splits.seed.fields[f].precision, TARGETS.seed.precision);
    }
  }
  if (splits.unseen.files > 0) {
    for (const [f, t] of Object.entries(TARGETS.unseen.f1)) push(`unseen ${f} F1`, splits.unseen.fields[f as EntityField].f1, t as number);
  }
  push('date containment (all)', splits.all.date.containment, TARGETS.dateContainment);
  return out;
}

/** Gold ids (not "new:") that the gazetteer does not define: annotation/gazetteer drift. */
function unknownIds(gold: GoldEntry[], cg: CompiledGazetteer): EvalMetrics['unknownGoldIds'] {
  const out: EvalMetrics['unknownGoldIds'] = [];
  const expected: Record<string, string> = { weapons: 'weapon', countries: 'country', people: 'person', organizations: 'organization' };
  for (const g of gold) {
    for (const f of ENTITY_FIELDS) {
      for (const id of g[f]) if (!id.startsWith('new:') && cg.typeOf(id) !== expected[f]) out.push({ file: g.file, field: f, id });
    }
    for (const d of g.deliveries ?? []) {
      if (cg.typeOf(d.weapon) !== 'weapon') out.push({ file: g.file, field: 'deliveries.weapon', id: d.weapon });
      for (const p of [d.supplier, d.recipient]) if (p !== null && !cg.typeOf(p)) out.push({ file: g.file, field: 'deliveries.party', id: p });
    }
    if (g.source && !(cg.data.outlets ?? []).some((o) => o.id === g.source)) out.push({ file: g.file, field: 'source', id: g.source });
  }
  return out;
}

/** Runs extraction on every gold article and returns the metrics (never throws on extraction errors). */
export function runEval(options: EvalOptions = {}): EvalMetrics {
  const goldPath = options.goldPath;
  const root = options.root ?? ROOT;
  let gold = loadGold(goldPath);
  if (options.only?.length) gold = gold.filter((g) => options.only!.some((s) => g.file.includes(s)));
  const cg = options.cg ?? getDefaultCompiledGazetteer();
  const extract = options.extract ?? defaultExtract();
  const files = gold.map((g) => evaluateEntry(g, root, cg, extract));
  const splits = {
    seed: aggregate(
      files.filter((r) => r.split === 'seed'),
      gold,
    ),
    unseen: aggregate(
      files.filter((r) => r.split === 'unseen'),
      gold,
    ),
    all: aggregate(files, gold),
  };
  const targets = checkTargets(splits);
  const goldName = goldPath ? path.relative(root, goldPath) : [DEFAULT_GOLD, HOLDOUT_GOLD].map((p) => path.relative(root, p)).join(' + ');
  return { gold: goldName, splits, files, unknownGoldIds: unknownIds(gold, cg), targets, pass: targets.every((t) => t.pass) };
}

/* ------------------------------------------------------------------ report */

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
const days = (x: number | null) => (x === null ? '—' : Number.isFinite(x) ? `${x}` : '∞');

export function formatReport(m: EvalMetrics, verbose = false): string {
  const lines: string[] = [];
  const { seed, unseen, all } = m.splits;
  lines.push(`Extraction eval — ${all.files} articles (${seed.files} seed, ${unseen.files} unseen) from ${m.gold}`);
  if (all.errors) lines.push(`  ! ${all.errors} article(s) failed to extract (counted as all-missed)`);
  lines.push('');
  const head = (s: string) => s.padEnd(18);
  const cell = (f: FieldScore) => `${pct(f.precision)} ${pct(f.recall)} ${pct(f.f1)}  (${f.tp}/${f.fp}/${f.fn})`.padEnd(38);
  const sub = '     P      R     F1  (tp/fp/fn)'.padEnd(38);
  lines.push(`${head('')}${'seed'.padEnd(38)}${'unseen'.padEnd(38)}all`);
  lines.push(`${head('field')}${sub}${sub}    F1`);
  for (const f of SCORED_FIELDS) lines.push(`${head(f)}${cell(seed.fields[f])}${cell(unseen.fields[f])}${pct(all.fields[f].f1)}`);
  lines.push('');
  const row = (label: string, fn: (s: SplitMetrics) => string) => lines.push(`${head(label)}${fn(seed).padEnd(38)}${fn(unseen).padEnd(38)}${fn(all)}`);
  row('title exact', (s) => `${s.title.exact}/${s.title.total} ${pct(s.title.exactRate)}`);
  row('title normalised', (s) => `${s.title.normalised}/${s.title.total} ${pct(s.title.normalisedRate)}`);
  row('no-headline flag', (s) => `${s.title.generatedFlagged}/${s.title.noHeadline}`);
  row('source', (s) => `${s.source.correct}/${s.source.total} ${pct(s.source.accuracy)}`);
  row('date contained', (s) => `${s.date.contained}/${s.date.total} ${pct(s.date.containment)}`);
  row('date width (med)', (s) => `${days(s.date.medianWidthDays)} days, ${s.date.unbounded} unbounded`);
  row('date value', (s) => `${s.date.exactValue}/${s.date.total} exact, med err ${days(s.date.medianValueErrorDays)} d`);
  lines.push('');
  lines.push('Targets:');
  for (const t of m.targets) lines.push(`  ${t.pass ? 'ok  ' : 'MISS'} ${t.name.padEnd(28)} ${pct(t.actual)} (target ${pct(t.target)})`);
  lines.push(`  => ${m.pass ? 'all targets met' : 'targets missed'}`);
  if (m.unknownGoldIds.length) {
    lines.push('');
    lines.push(
      `Gold ids unknown to the gazetteer (${m.unknownGoldIds.length}): ${m.unknownGoldIds.map((u) => `${u.id} [${u.field}, ${path.basename(u.file)}]`).join(', ')}`,
    );
  }
  if (verbose) {
    lines.push('');
    lines.push('Per file:');
    for (const r of m.files) {
      lines.push(`• ${r.file} (${r.split})${r.error ? `  ERROR: ${r.error}` : ''}`);
      for (const f of SCORED_FIELDS) {
        const { fp, fn } = r.fields[f];
        if (fp.length || fn.length) lines.push(`    ${f.padEnd(14)} FP: ${fp.join(', ') || '—'}   FN: ${fn.join(', ') || '—'}`);
      }
      if (r.title && !r.title.normalised)
        lines.push(`    title          gold: ${JSON.stringify(r.title.gold)}\n                   got:  ${JSON.stringify(r.title.got)}`);
      if (r.titleGenerated === false) lines.push('    title          no headline in gold, but titleGenerated=false');
      if (!r.source.correct) lines.push(`    source         gold: ${r.source.gold ?? 'null'}  got: ${r.source.got ?? 'null'}`);
      const d = r.date;
      lines.push(
        `    date ${d.contained ? 'ok  ' : 'MISS'}      real ${d.real}  window [${d.earliest ?? '−∞'} … ${d.latest ?? '+∞'}] (${days(d.widthDays)} d)  value ${d.value ?? '—'}${d.basis ? ` (${d.basis})` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

/* ------------------------------------------------------------------ date figures (as the real-set scorer) */

/** Extraction as `npm run extract` runs it: events knowledge base + archive period ending on the build day. */
function defaultExtract(): NonNullable<EvalOptions['extract']> {
  const dating = getDatingContext();
  return (bytes, file, cg) => extractFromBytes(bytes, file, cg, dating);
}

/** One dated article: the extracted window and estimate, and the true day (or the window known to hold it). */
export interface DateRow {
  file: string;
  earliest: string | null;
  latest: string | null;
  value: string | null;
  /** [first, last] possible true day (equal when the day is known). */
  truth: [string, string];
}

/** The date figures of score.mjs (shared real set), with its definitions, for any set. */
export interface DateFigures {
  total: number;
  /** Windows holding the truth (an open side counts as unbounded). */
  contained: number;
  bounded: number;
  medianWidthDays: number | null;
  unknown: number;
  medianErrorDays: number | null;
  p80ErrorDays: number | null;
  yearRight: number;
  within7Days: number;
  /** Estimates before 2014 or after the build day. */
  absurd: number;
  wrong: string[];
}

const upperMedian = (a: number[]) => (a.length ? [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] : null);
const quantile = (a: number[], q: number) => (a.length ? [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * q))] : null);

export function dateFigures(rows: DateRow[], buildDay: string): DateFigures {
  const f: DateFigures = {
    total: rows.length,
    contained: 0,
    bounded: 0,
    medianWidthDays: null,
    unknown: 0,
    medianErrorDays: null,
    p80ErrorDays: null,
    yearRight: 0,
    within7Days: 0,
    absurd: 0,
    wrong: [],
  };
  const widths: number[] = [];
  const errors: number[] = [];
  for (const r of rows) {
    const [tlo, thi] = r.truth;
    const mid = tlo === thi ? tlo : new Date((Date.parse(tlo) + Date.parse(thi)) / 2).toISOString().slice(0, 10);
    const { earliest: lo, latest: hi, value: v } = r;
    if (!v && !lo && !hi) {
      f.unknown++;
      continue;
    }
    const ok = (!lo || lo <= tlo) && (!hi || hi >= thi) && Boolean(lo || hi || v === mid);
    if (ok) f.contained++;
    else f.wrong.push(`${r.file} [${lo ?? '…'}..${hi ?? '…'}] vs ${tlo === thi ? tlo : `${tlo}..${thi}`}`);
    if (lo && hi) {
      f.bounded++;
      widths.push((Date.parse(hi) - Date.parse(lo)) / 864e5);
    }
    if (v) {
      const err = Math.abs((Date.parse(v) - Date.parse(mid)) / 864e5);
      errors.push(err);
      if (v.slice(0, 4) === mid.slice(0, 4)) f.yearRight++;
      if (err <= 7) f.within7Days++;
      if (v < '2014-01-01' || v > buildDay) f.absurd++;
    }
  }
  f.medianWidthDays = upperMedian(widths);
  f.medianErrorDays = upperMedian(errors);
  f.p80ErrorDays = quantile(errors, 0.8);
  return f;
}

/** The one-line summary, worded as score.mjs words it. */
export function formatDateFigures(name: string, d: DateFigures): string {
  return `${name}: ${d.total} articles: window holds truth ${d.contained}, bounded both sides ${d.bounded} (median width ${d.medianWidthDays} d), unknown ${d.unknown}; estimate: median error ${d.medianErrorDays} d, p80 ${d.p80ErrorDays} d, year right ${d.yearRight}, within 7 days ${d.within7Days}, absurd ${d.absurd}`;
}

/** Rows of the gold sets of this project (the real day is the truth). */
export function goldDateRows(m: EvalMetrics, split: Split): DateRow[] {
  return m.files
    .filter((r) => r.split === split && !r.error)
    .map((r) => ({ file: r.file, earliest: r.date.earliest, latest: r.date.latest, value: r.date.value, truth: [r.date.real, r.date.real] }));
}

/**
 * Rows of a real-article folder in the shared format: `gold.json` ({ articles: { FILE: { true_date?,
 * true_window } } }) beside `articles/FILE`. Extracted in process, as `npm run extract` does.
 */
export function realDateRows(dir: string, cg: CompiledGazetteer = getDefaultCompiledGazetteer(), extract = defaultExtract()): DateRow[] {
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as {
    articles: Record<string, { true_date?: string; true_window?: [string, string] }>;
  };
  const rows: DateRow[] = [];
  for (const [file, g] of Object.entries(gold.articles)) {
    const truth: [string, string] | null = g.true_date ? [g.true_date, g.true_date] : (g.true_window ?? null);
    if (!truth) continue;
    let d: { earliest: string | null; latest: string | null; value: string | null } = { earliest: null, latest: null, value: null };
    try {
      d = extract(new Uint8Array(fs.readFileSync(path.join(dir, 'articles', file))), path.join(dir, 'articles', file), cg).date;
    } catch {
      // Counted as unknown, as the scorer counts a file without output.
    }
    rows.push({ file, earliest: d.earliest, latest: d.latest, value: d.value, truth });
  }
  return rows;
}

/* ------------------------------------------------------------------ CLI */

function jsonSafe(m: EvalMetrics): unknown {
  return JSON.parse(JSON.stringify(m, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
}

export function main(argv: string[] = process.argv.slice(2)): number {
  const opts: EvalOptions = {};
  let verbose = false;
  let check = false;
  let jsonOut: string | null = null;
  let realDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--check') check = true;
    else if (a === '--json') jsonOut = argv[++i] ?? null;
    else if (a.startsWith('--json=')) jsonOut = a.slice(7);
    else if (a === '--gold') opts.goldPath = path.resolve(argv[++i]);
    else if (a === '--only') (opts.only ??= []).push(argv[++i]);
    else if (a === '--real') realDir = path.resolve(argv[++i] ?? '');
    else if (a.startsWith('--real=')) realDir = path.resolve(a.slice(7));
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run eval -- [--verbose] [--json FILE] [--check] [--only SUBSTRING] [--gold FILE] [--real DIR]');
      return 0;
    } else {
      console.error(`eval: unknown argument ${a}`);
      return 2;
    }
  }
  const metrics = runEval(opts);
  console.log(formatReport(metrics, verbose));
  const buildDay = getDatingContext().period.to;
  console.log('');
  console.log(`Date figures (definitions of the real-set scorer, build day ${buildDay}):`);
  console.log(`  ${formatDateFigures('seeds', dateFigures(goldDateRows(metrics, 'seed'), buildDay))}`);
  console.log(`  ${formatDateFigures('self-written', dateFigures(goldDateRows(metrics, 'unseen'), buildDay))}`);
  if (realDir) {
    if (!fs.existsSync(path.join(realDir, 'gold.json'))) {
      console.error(`eval: ${realDir}/gold.json not found`);
      return 2;
    }
    const real = dateFigures(realDateRows(realDir), buildDay);
    console.log(`  ${formatDateFigures(`real (${path.basename(realDir)})`, real)}`);
    if (verbose && real.wrong.length) console.log(`    wrong windows: ${real.wrong.join('; ')}`);
  }
  if (jsonOut) {
    fs.writeFileSync(jsonOut, `${JSON.stringify(jsonSafe(metrics), null, 2)}\n`);
    console.log(`\nmetrics written to ${jsonOut}`);
  }
  return check && !metrics.pass ? 1 : 0;
}

const isMain =
  (import.meta as { main?: boolean }).main === true || (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (isMain) process.exitCode = main();
