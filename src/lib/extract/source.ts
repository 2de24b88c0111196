/**
 * Source stage: who published or supplied the article, from frontmatter, attribution lines set
 * aside by the clean stage ("Source: AA", "La source: www.rt.com", "Sources : Reuters, AFP",
 * "Avec AFP", "(AFP)", "— Ukrinform") or an agency mark in the dateline ("PARIS (AFP) -").
 *
 * Names and domains are mapped to the outlet's display name (case- and accent-insensitive;
 * domains with or without "www.", with or without a path, sub-domains included). Several names
 * are joined with ", "; unknown names are kept verbatim (trimmed, at most 80 characters).
 * `url` is set only when a URL or a domain was given (a bare domain becomes https://domain/).
 */
import type { OutletProfile } from '../gazetteer/types.ts';
import { fold } from './text/fold.ts';
import type { SourceRef } from './types.ts';

const NAME_MAX = 80;

interface OutletIndex {
  byName: Map<string, OutletProfile>;
  byDomain: Map<string, OutletProfile>;
}

const indexCache = new WeakMap<readonly OutletProfile[], OutletIndex>();

function indexOutlets(outlets: readonly OutletProfile[]): OutletIndex {
  const cached = indexCache.get(outlets);
  if (cached) return cached;
  const byName = new Map<string, OutletProfile>();
  const byDomain = new Map<string, OutletProfile>();
  for (const outlet of outlets) {
    for (const key of [outlet.name, outlet.id, ...outlet.aliases]) {
      const folded = fold(key);
      if (folded && !byName.has(folded)) byName.set(folded, outlet);
    }
    for (const domain of outlet.domains) {
      const host = domain.toLowerCase().replace(/^www\./, '');
      if (!byDomain.has(host)) byDomain.set(host, outlet);
      const bare = fold(host);
      if (!byName.has(bare)) byName.set(bare, outlet);
    }
  }
  const index = { byName, byDomain };
  indexCache.set(outlets, index);
  return index;
}

/* ---------- Parsing one attribution ---------- */

const LEADING_MARKS = /^[\s—–\-•(]+/;
const TRAILING_MARKS = /[\s.)]+$/;
const SOURCE_LABEL = /^(?:la |les )?sources?\s*:?\s*/i;
const WITH_LABEL = /^(?:(?:par\s+)?.{1,60}?\s+)?avec\s+(?:l'|les\s+)?/i;
const BY_EDITORS = /^par\s+(?:la |notre )?rédaction$/i;
const LIST_SEPARATORS = /\s*[,;]\s*|\s+(?:et|and|&|\+)\s+|\s+\/\s+/i;
const URLISH = /^(?:https?:\/\/)?(?:[\p{L}\d-]+\.)+\p{L}{2,}(?::\d+)?(?:[/?#]\S*)?$/iu;
const GENERIC = new Set(['agences', 'agence', 'les agences', 'agencies', 'médias', 'medias', 'presse', 'divers', 'internet', 'réseaux sociaux']);
const ARTICLE_PREFIX = /^(?:l'|le |la |les |the )/;

interface Parsed {
  names: string[];
  url: string | null;
}

function hostOf(urlish: string): string {
  return urlish
    .replace(/^https?:\/\//i, '')
    .replace(/[/?#:].*$/, '')
    .toLowerCase();
}

function lookupDomain(host: string, index: OutletIndex): OutletProfile | undefined {
  let h = host.replace(/^www\./, '');
  for (;;) {
    const hit = index.byDomain.get(h);
    if (hit) return hit;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return undefined; // keep at least "name.tld"
    h = h.slice(dot + 1);
  }
}

function lookupName(name: string, index: OutletIndex): OutletProfile | undefined {
  const folded = fold(name);
  return index.byName.get(folded) ?? index.byName.get(folded.replace(ARTICLE_PREFIX, ''));
}

function truncateName(name: string): string {
  if (name.length <= NAME_MAX) return name;
  const cut = name.slice(0, NAME_MAX);
  const space = cut.lastIndexOf(' ');
  return (space > NAME_MAX / 2 ? cut.slice(0, space) : cut).trim();
}

/** The value part of an attribution line: "Source: AA" → "AA", "Avec AFP" → "AFP", "(AFP)" → "AFP". */
function attributionValue(line: string): string {
  let v = line.trim().replace(LEADING_MARKS, '').replace(TRAILING_MARKS, '');
  if (BY_EDITORS.test(v)) return '';
  const label = SOURCE_LABEL.exec(v);
  if (label && label[0].length > 0 && /^(?:la |les )?sources?/i.test(v)) return v.slice(label[0].length).trim();
  const withLabel = WITH_LABEL.exec(v);
  if (withLabel) v = v.slice(withLabel[0].length);
  return v.trim();
}

function parseValue(value: string, index: OutletIndex): Parsed {
  const names: string[] = [];
  let url: string | null = null;
  const add = (name: string): void => {
    if (!names.includes(name)) names.push(name);
  };
  for (const raw of value.split(LIST_SEPARATORS)) {
    const part = raw.trim().replace(TRAILING_MARKS, '').replace(LEADING_MARKS, '');
    if (!part) continue;
    if (URLISH.test(part)) {
      const host = hostOf(part);
      const outlet = lookupDomain(host, index);
      add(outlet ? outlet.name : host.replace(/^www\./, ''));
      url ??= /^https?:\/\//i.test(part) ? part : part.includes('/') ? `https://${part}` : `https://${host}/`;
      continue;
    }
    // "AFP/Reuters" without spaces: split on the slash when each side is a name.
    const pieces = part.includes('/') ? part.split('/') : [part];
    for (const piece of pieces) {
      const name = piece.trim();
      if (!name || GENERIC.has(name.toLowerCase())) continue;
      const outlet = lookupName(name, index);
      add(outlet ? outlet.name : truncateName(name));
    }
  }
  return { names, url };
}

/**
 * Resolves the article's source. Frontmatter wins (source name, else the outlet of its URL's
 * domain), then the attribution lines in order. Returns null when nothing names a source.
 */
export function resolveSource(attributions: string[], outlets: OutletProfile[], frontmatter?: { source?: string; url?: string }): SourceRef | null {
  const index = indexOutlets(outlets);
  const fmUrl = frontmatter?.url?.trim() || null;

  const fromLines: Parsed = { names: [], url: null };
  for (const line of attributions) {
    const parsed = parseValue(attributionValue(line), index);
    for (const name of parsed.names) if (!fromLines.names.includes(name)) fromLines.names.push(name);
    fromLines.url ??= parsed.url;
  }

  const fmSource = frontmatter?.source?.trim();
  if (fmSource) {
    const parsed = parseValue(fmSource, index);
    if (parsed.names.length > 0) return { name: parsed.names.join(', '), url: fmUrl ?? parsed.url ?? fromLines.url };
  }
  if (fmUrl && URLISH.test(fmUrl)) {
    const outlet = lookupDomain(hostOf(fmUrl), index);
    if (outlet) return { name: outlet.name, url: fmUrl };
  }
  if (fromLines.names.length > 0) return { name: fromLines.names.join(', '), url: fmUrl ?? fromLines.url };
  if (fmUrl && URLISH.test(fmUrl)) return { name: hostOf(fmUrl).replace(/^www\./, ''), url: fmUrl };
  return null;
}

/* ---------- Agency mark in a dateline ---------- */

/**
 * "PARIS, 18 janvier (AFP) -", "KIEV (Reuters) —", "Moscou (AA) -", "RAMSTEIN (Allemagne), 26 avr
 * 2022 (AFP) -": a parenthesised agency before a dash (one earlier parenthesised region allowed).
 */
const DATELINE_PAREN = /^[^()\n]{0,60}?(?:\([^()\n]{1,40}\)[^()\n]{0,60}?)?\(([^()\n]{2,40})\)\s*[-–—:]\s/u;
/** "Kyiv, le 21 novembre (Ukrinform). La Russie…": city, comma, a short date, agency, full stop. */
const DATELINE_PAREN_STOP = /^\p{Lu}[\p{L}'’ -]{1,40}(?:\s*\([^()\n]{1,40}\))?,\s*(?:le\s+)?[\p{L}\d .]{1,40}?\(([^()\n]{2,40})\)\.\s+\p{Lu}/u;
/** "MOSCOU, 12 mars - RIA Novosti." : an agency name after the dash (known outlets only). */
const DATELINE_AFTER_DASH = /^\p{Lu}[^\n]{0,60}?\s[-–—]\s([\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*){0,2})[.,]\s/u;
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&.-]{1,9}$/u;
const CAPITALISED_WORD = /^[\p{Lu}][\p{Ll}]+(?:[- ][\p{Lu}][\p{Ll}]+)?$/u;
const NOT_AGENCY = /^(?:vidéo|video|photo|photos|audio|archives?|mis à jour|update|\d)/i;

/**
 * Finds a news-agency mark in the dateline of the first paragraph ("PARIS (AFP) - …").
 * Known outlets are mapped to their display name; an unknown acronym or single capitalised word
 * in the dateline parentheses is kept as written.
 */
export function findDatelineSource(firstParagraph: string, outlets: OutletProfile[] = []): SourceRef | null {
  const head = firstParagraph.slice(0, 200);
  const index = indexOutlets(outlets);
  const m = DATELINE_PAREN.exec(head) ?? DATELINE_PAREN_STOP.exec(head);
  if (m) {
    const inner = m[1].split(',')[0].trim();
    if (inner && !NOT_AGENCY.test(inner)) {
      const outlet = lookupName(inner, index);
      if (outlet) return { name: outlet.name, url: null };
      if (ACRONYM.test(inner) || CAPITALISED_WORD.test(inner)) return { name: inner, url: null };
    }
  }
  const d = DATELINE_AFTER_DASH.exec(head);
  if (d) {
    const outlet = lookupName(d[1], index);
    if (outlet) return { name: outlet.name, url: null };
  }
  return null;
}

/* ---------- Outlet bylines ---------- */

/** "Par Euronews", "Par la rédaction de Franceinfo", "By Reuters staff", "Par Jean Dupont, Le Monde". */
const BYLINE_HEAD = /^(?:par|by)\s+(?:(?:la |notre )?rédaction\s+(?:de |d'|du )?)?/i;
const BYLINE_PARTS = /\s*[,;|•·]\s*|\s+(?:et|and|avec|pour|for|–|—|-)\s+/i;
const BYLINE_NOISE = /\s+(?:staff|avec agences|et agences)$/i;

/**
 * The outlet named in an author byline set aside by the clean stage. Only known outlets count: a
 * person's byline ("Par Jean Dupont") is not a source.
 */
export function findBylineSource(bylines: readonly string[], outlets: OutletProfile[] = []): SourceRef | null {
  if (!bylines.length) return null;
  const index = indexOutlets(outlets);
  for (const line of bylines) {
    const head = BYLINE_HEAD.exec(line.trim());
    if (!head) continue;
    const rest = line.trim().slice(head[0].length).replace(TRAILING_MARKS, '').replace(BYLINE_NOISE, '');
    for (const part of rest.split(BYLINE_PARTS)) {
      const name = part.trim();
      if (!name) continue;
      const outlet = lookupName(name, index) ?? (URLISH.test(name) ? lookupDomain(hostOf(name), index) : undefined);
      if (outlet) return { name: outlet.name, url: null };
    }
  }
  return null;
}

/** A last paragraph that is only a known outlet's name ("Ukrinform", "AFP."). */
export function findTrailingSource(lastParagraph: string, outlets: OutletProfile[] = []): SourceRef | null {
  const t = lastParagraph.trim().replace(LEADING_MARKS, '').replace(TRAILING_MARKS, '');
  if (!t || t.length > 40) return null;
  const outlet = lookupName(t, indexOutlets(outlets));
  return outlet ? { name: outlet.name, url: null } : null;
}
