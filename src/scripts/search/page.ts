/**
 * The search page (/recherche/): Pagefind's JS API driven from the URL.
 * - State (q, facet selections, sort) lives in the query string, so reload/share/back/forward all
 *   work. Typing searches as you type (short debounce) and only replaces the current entry; a
 *   submit, leaving the box or any filter/sort change commits it as a new history entry.
 * - With no words and no filter nothing is searched: the facets show their counts over the whole
 *   archive from recherche/facettes.json (built from the content collection), then Pagefind's
 *   script, WebAssembly and metadata load in idle time (or at once when the reader turns to the
 *   search box), never its filter index.
 * - Facets: OR within a facet, AND across facets. A facet's counts are computed with every
 *   OTHER facet's selection applied (one extra search per facet that has a selection).
 * - Per-result counts need Pagefind's filter index, which grows with the archive (hundreds of KB
 *   at 10 000 articles), so a search does not load it: a facet shows counts once its part of the
 *   index is loaded — the facets in use (the search needs them) and, as soon as the reader turns
 *   to the facets (pointer resting on them, focus, touch), all of them, counted by a second
 *   Pagefind in its own worker (see loadCounting).
 * - Only the results on screen are loaded (`data()` in pages of PAGE_SIZE), so a query costs the
 *   same at 10 000 articles as at 10.
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../components/search/filters.ts';
import { parseSearchQuery, searchQuery, type SearchState } from '../../components/search/search-url.ts';
import type { FacetCounts, FacetList } from '../../components/search/facets.ts';
import { SEARCH_RANKING } from '../../components/search/ranking.ts';
import { SEARCH_TEXT, fill } from './text.ts';
import { readyToSearch, searchTerm } from './term.ts';

const PAGE_SIZE = 10;
/**
 * Pause after the last keystroke before searching: short enough to feel instant (the budget is
 * 300 ms from the last keystroke to results). The index chunks are preloaded meanwhile.
 */
const TYPING_DEBOUNCE_MS = 60;
/** Words shorter than this are not preloaded while typing (a one- or two-letter prefix spans many chunks). */
const PRELOAD_MIN_CHARS = 3;
/** Values shown per facet before "show all". */
const FACET_PREVIEW = 10;
/** How long the pointer rests on the facets before their per-result counts are loaded. */
const FACET_REST_MS = 150;

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  preload(term: string, o?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o?: Record<string, unknown>): Promise<PagefindResponse | null>;
}

const app = document.getElementById('search-app') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const moreButton = document.getElementById('search-more') as HTMLButtonElement;
const clearButton = document.getElementById('search-clear') as HTMLButtonElement;
const facetsSection = document.getElementById('search-facets-section') as HTMLElement;
const facetNote = document.getElementById('search-facets-note') as HTMLElement;
const base = app.dataset.base ?? '/';

let state: SearchState = parseSearchQuery(location.search);
/** Facets the reader expanded to all values. */
const expanded = new Set<SearchFilter>();
/** Incremented per run: a slower, older search never overwrites a newer one. */
let generation = 0;
/** The search Pagefind is running (settled when none). */
let searching: Promise<unknown> = Promise.resolve();
let current: { results: PagefindResult[]; shown: number } = { results: [], shown: 0 };
/** What the facets last showed (redrawn as is when a facet is expanded or collapsed). */
let lastCounts: Partial<FacetCounts> = {};
let lastTotals: Totals | undefined;

let pagefindPromise: Promise<Pagefind> | undefined;
/** Pagefind, initialised (its entry, metadata and WebAssembly; no filter index). */
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 30, ranking: SEARCH_RANKING });
    await pagefind.init();
    return pagefind;
  })();
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/** The archive's facet counts, and each facet's values in French alphabetical order (rank). */
interface Totals {
  counts: FacetCounts;
  rank: Record<SearchFilter, Map<string, number>>;
}
let totalsPromise: Promise<Totals> | undefined;
/** Facet counts over the whole archive, computed at build time (recherche/facettes.json). */
function loadTotals(): Promise<Totals> {
  totalsPromise ??= fetch(`${base}recherche/facettes.json`).then(async (response) => {
    if (!response.ok) throw new Error(`facettes.json: HTTP ${response.status}`);
    const { facets } = (await response.json()) as { facets: FacetList };
    const counts = {} as FacetCounts;
    const rank = {} as Totals['rank'];
    for (const key of SEARCH_FILTERS) {
      counts[key] = Object.fromEntries(facets[key] ?? []);
      rank[key] = new Map((facets[key] ?? []).map(([value], i) => [value, i]));
    }
    return { counts, rank };
  });
  totalsPromise.catch(() => (totalsPromise = undefined));
  return totalsPromise;
}

/**
 * "12 345" as French prints it (narrow no-break space between thousands), without Intl: the
 * first Intl.NumberFormat or Intl.Collator of a page costs tens of ms of main thread in Chromium.
 */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/**
 * Per-result counts come from a second Pagefind, loaded when the reader turns to the facets, that
 * holds the whole filter index: a Pagefind with filter chunks loaded counts every value of every
 * loaded facet against every result, on each search (seconds for a broad query at 10 000
 * articles), so the Pagefind that finds the results never loads more than the facets in use.
 * It is a separate instance of pagefind.js (another module URL), hence its own Web Worker: a slow
 * count never delays the next results.
 */
let filterIndex: 'none' | 'loading' | 'loaded' = 'none';
let countingPromise: Promise<Pagefind> | undefined;
function loadCounting(): Promise<Pagefind> {
  countingPromise ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js?counts`)) as Pagefind;
    await pagefind.options({ baseUrl: base });
    await pagefind.init();
    await pagefind.filters();
    return pagefind;
  })();
  return countingPromise;
}

/** The reader turned to the facets: load the counting Pagefind, then count the search on screen. */
function loadFilterIndex(): void {
  if (filterIndex !== 'none') return;
  filterIndex = 'loading';
  updateFacetNote();
  loadCounting().then(
    () => {
      filterIndex = 'loaded';
      if (!isIdle(state)) void refreshFacets();
      else updateFacetNote();
    },
    (error) => {
      console.warn('pagefind filters failed to load', error);
      countingPromise = undefined;
      filterIndex = 'none';
      updateFacetNote();
    },
  );
}

/** Pagefind filter object: `any` within a facet, facets combined with AND. */
function pagefindFilters(filters: SearchState['filters'], without?: SearchFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SEARCH_FILTERS) {
    const values = filters[key];
    if (key !== without && values?.length) out[key] = { any: values };
  }
  return out;
}

function hasFilters(s: SearchState): boolean {
  return SEARCH_FILTERS.some((key) => (s.filters[key]?.length ?? 0) > 0);
}

/** No words and no filter: nothing to search, the page invites the reader to start. */
function isIdle(s: SearchState): boolean {
  return !s.q && !hasFilters(s);
}

/** Without words there is no relevance: browsing lists newest first. */
function effectiveSort(s: SearchState): 'relevance' | 'date' {
  return s.q ? s.sort : 'date';
}

function searchOptions(s: SearchState, without?: SearchFilter): Record<string, unknown> {
  const options: Record<string, unknown> = { filters: pagefindFilters(s.filters, without) };
  if (effectiveSort(s) === 'date') options.sort = { date: 'desc' };
  return options;
}

/**
 * Shows `state`. Every run gets a generation number and gives up as soon as a newer run has
 * started, so an older, slower search never overwrites a newer one (typing fires many).
 * `fromUrl`: the state comes from the address (load, back/forward), so the box is overwritten
 * even when focused; otherwise the box is the source and is left alone (no lost keystrokes).
 */
async function run(fromUrl = false): Promise<void> {
  const mine = ++generation;
  const s = state;
  syncControls(s, fromUrl);
  app.setAttribute('aria-busy', 'true');
  if (isIdle(s)) {
    // Nothing to search: facets with their counts over the whole archive, no Pagefind data loaded.
    let totals: Totals | undefined;
    try {
      totals = await loadTotals();
    } catch (error) {
      console.warn('facet counts failed to load', error);
    }
    if (mine !== generation) return;
    status.classList.remove('search-error');
    renderFacets(s, totals?.counts ?? {}, totals);
    list.replaceChildren();
    current = { results: [], shown: 0 };
    moreButton.hidden = true;
    status.textContent = SEARCH_TEXT.invitation;
    finish(s);
    return;
  }
  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind();
  } catch (error) {
    console.warn('pagefind failed to load', error);
    if (mine === generation) showError();
    return;
  }
  if (mine !== generation) return;
  status.classList.remove('search-error');
  const term = s.q ? searchTerm(s.q) : null;
  // One search at a time: Pagefind answers in order, and a broad one takes a while at 10 000
  // articles (a short prefix matches thousands); while one runs, only the newest run waits.
  await searching;
  if (mine !== generation) return;
  performance.mark('search:start');
  const pending = pagefind.search(term, searchOptions(s));
  searching = pending.catch(() => undefined);
  const response = await pending;
  // Typed on meanwhile: a newer search is due (its timer is set), so load no result data for this one.
  if (!response || mine !== generation || typedAhead(s)) return;
  // Phases of the search on screen, for the benchmark (scripts/bench/browser.ts).
  performance.mark('search:searched');
  list.replaceChildren();
  current = { results: response.results, shown: 0 };
  // Results first (what the reader waits for), then the facet counts: from the counting Pagefind
  // once the reader has asked for them, else those the search itself gave (the facets in use).
  const counting = filterIndex !== 'none' ? countsOf(s, term) : undefined;
  const [, counts, totals] = await Promise.all([showMore(mine), counting ? undefined : facetCounts(pagefind, s, term, response), loadTotals().catch(() => undefined)]);
  if (mine !== generation) return;
  performance.mark('search:loaded');
  announce(s, response.results.length);
  if (counting) {
    // Keep the facets of the previous search meanwhile, marked busy (a broad count takes a while).
    facetsSection.setAttribute('aria-busy', 'true');
    const all = await counting.catch(() => facetCounts(pagefind, s, term, response));
    if (mine !== generation) return;
    renderFacets(s, all, totals);
  } else {
    renderFacets(s, counts ?? {}, totals);
  }
  finish(s);
}

/** Every facet's per-result counts for `s`, from the counting Pagefind. */
async function countsOf(s: SearchState, term: string | null): Promise<Partial<FacetCounts>> {
  const pagefind = await loadCounting();
  const response = await pagefind.search(term, { filters: pagefindFilters(s.filters) });
  if (!response) throw new Error('no counts');
  return facetCounts(pagefind, s, term, response);
}

/**
 * Per-result counts of every facet whose filter index Pagefind has loaded (the others are absent).
 * A facet with a selection counts what each of its values adds to the other facets' results.
 */
async function facetCounts(pagefind: Pagefind, s: SearchState, term: string | null, response: PagefindResponse): Promise<Partial<FacetCounts>> {
  const counts: Partial<FacetCounts> = { ...response.filters };
  await Promise.all(
    SEARCH_FILTERS.filter((key) => s.filters[key]?.length).map(async (key) => {
      const other = await pagefind.search(term, { filters: pagefindFilters(s.filters, key) });
      if (other?.filters[key]) counts[key] = other.filters[key];
    }),
  );
  return counts;
}

/** The counting Pagefind has just loaded: the search on screen gets its counts, its results stay. */
async function refreshFacets(): Promise<void> {
  const mine = generation;
  const s = state;
  if (isIdle(s)) return;
  const term = s.q ? searchTerm(s.q) : null;
  const [counts, totals] = await Promise.all([countsOf(s, term), loadTotals().catch(() => undefined)]);
  if (mine !== generation) return;
  renderFacets(s, counts, totals);
}

/** The box already holds other words than `s`, ready to be searched on the next debounce. */
function typedAhead(s: SearchState): boolean {
  return input.value.trim() !== s.q && readyToSearch(input.value);
}

function finish(s: SearchState): void {
  app.removeAttribute('aria-busy');
  // The state now on screen (tests and tools wait on it).
  app.dataset.rendered = searchQuery(s) || '?';
}

/** Loads and renders the next page of results. */
async function showMore(mine = generation): Promise<void> {
  const page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const data = await Promise.all(page.map((r) => r.data()));
  if (mine !== generation) return;
  for (const item of data) list.append(renderResult(item, Boolean(state.q)));
  current.shown += page.length;
  const left = current.results.length - current.shown;
  moreButton.hidden = left <= 0;
  moreButton.textContent = fill(SEARCH_TEXT.more, { count: Math.min(left, PAGE_SIZE) });
}

function announce(s: SearchState, count: number): void {
  let text = count === 0 ? SEARCH_TEXT.countNone : count === 1 ? SEARCH_TEXT.countOne : fill(SEARCH_TEXT.countMany, { count: formatCount(count) });
  if (count > 0 && s.q) text += fill(SEARCH_TEXT.countFor, { q: s.q });
  const selected = SEARCH_FILTERS.flatMap((key) => s.filters[key] ?? []);
  if (count > 0 && selected.length) text += fill(SEARCH_TEXT.filtered, { filters: selected.join(', ') });
  status.textContent = text;
}

function showError(): void {
  status.textContent = SEARCH_TEXT.error;
  status.classList.add('search-error');
  app.removeAttribute('aria-busy');
}

/** Pagefind's excerpt with only its <mark> highlights kept as markup (everything else as text). */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

function renderResult(item: ResultData, withTerm: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const datetime = item.meta.datetime;
  if (datetime && datetime !== '0000-00-00') {
    const time = document.createElement('time');
    time.dateTime = datetime;
    time.textContent = item.meta.date ?? datetime;
    meta.append(time);
  } else {
    meta.append(SEARCH_TEXT.undated);
  }
  if (item.meta.source) meta.append(` · ${item.meta.source}`);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  if (withTerm) excerpt.append(...excerptNodes(item.excerpt));
  else excerpt.textContent = item.meta.excerpt ?? '';
  li.append(heading, meta, excerpt);
  return li;
}

/**
 * Draws the facets. `counts`: per facet, the number of articles per value (results, or the whole
 * archive before any search); a facet missing from it lists the archive's values (`totals`)
 * without numbers until its filter index is loaded. Rows are updated in place, keyed by value,
 * so a checkbox being clicked or focused is never replaced under the reader.
 */
function renderFacets(s: SearchState, counts: Partial<FacetCounts>, totals: Totals | undefined): void {
  lastCounts = counts;
  lastTotals = totals;
  for (const key of SEARCH_FILTERS) {
    const fieldset = document.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${key}"]`);
    if (!fieldset) continue;
    const ul = fieldset.querySelector('ul') as HTMLUListElement;
    const selected = new Set(s.filters[key] ?? []);
    const known = counts[key];
    const rank = totals?.rank[key];
    const alphabetical = (a: string, b: string) => (rank?.get(a) ?? Infinity) - (rank?.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
    const values: Array<[string, number | null]> = Object.entries(known ?? totals?.counts[key] ?? {})
      .filter(([value, count]) => count > 0 || selected.has(value))
      // Most articles first, ties in alphabetical order; years newest first.
      .sort(([a, ca], [b, cb]) => (key === 'year' ? alphabetical(b, a) : cb - ca || alphabetical(a, b)))
      .map(([value, count]) => [value, known ? count : null]);
    // A selected value stays visible even when no longer in the preview.
    for (const value of selected) if (!values.some(([v]) => v === value)) values.unshift([value, known ? 0 : null]);
    const visible = expanded.has(key) ? values : values.filter(([v], i) => i < FACET_PREVIEW || selected.has(v));
    const rows = new Map<string, HTMLLIElement>();
    for (const li of ul.querySelectorAll<HTMLLIElement>(':scope > li[data-value]')) rows.set(li.dataset.value as string, li);
    const wanted: HTMLLIElement[] = visible.map(([value, count]) => facetRow(rows.get(value), key, value, count, selected.has(value)));
    if (values.length > FACET_PREVIEW) wanted.push(facetToggle(ul.querySelector<HTMLLIElement>(':scope > li.facet-toggle'), key, values.length));
    // Move only what is out of place, then drop the rest; a moved element loses focus: give it back.
    const focused = document.activeElement;
    wanted.forEach((li, i) => {
      if (ul.children[i] !== li) ul.insertBefore(li, ul.children[i] ?? null);
    });
    while (ul.children.length > wanted.length) ul.lastElementChild?.remove();
    if (focused instanceof HTMLElement && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
    fieldset.hidden = values.length === 0;
  }
  clearButton.hidden = !hasFilters(s);
  updateFacetNote(counts);
}

/** One value of a facet: its checkbox and label "value (count)", the count when known. */
function facetRow(li: HTMLLIElement | undefined, key: SearchFilter, value: string, count: number | null, checked: boolean): HTMLLIElement {
  if (!li) {
    li = document.createElement('li');
    li.dataset.value = value;
    const id = `facet-${key}-${hash(value)}`;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.name = key;
    box.value = value;
    const label = document.createElement('label');
    label.htmlFor = id;
    li.append(box, ' ', label);
  }
  const box = li.querySelector('input') as HTMLInputElement;
  if (box.checked !== checked) box.checked = checked;
  const text = count === null ? value : `${value} (${formatCount(count)})`;
  const label = li.querySelector('label') as HTMLLabelElement;
  if (label.textContent !== text) label.textContent = text;
  return li;
}

/** The "show all / show less" button closing a long facet. */
function facetToggle(li: HTMLLIElement | null, key: SearchFilter, total: number): HTMLLIElement {
  if (!li) {
    li = document.createElement('li');
    li.className = 'facet-toggle';
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'facet-more';
    toggle.dataset.facetToggle = key;
    li.append(toggle);
  }
  const toggle = li.querySelector('button') as HTMLButtonElement;
  toggle.setAttribute('aria-expanded', String(expanded.has(key)));
  toggle.textContent = expanded.has(key) ? SEARCH_TEXT.showLess : fill(SEARCH_TEXT.showAll, { count: total });
  return li;
}

/**
 * Under the facets heading, while some facet shows no numbers: how to get them. Its text does
 * not change while they load (the facets under the pointer must not move before they are redrawn).
 */
function updateFacetNote(counts: Partial<FacetCounts> = lastCounts): void {
  const missing = !isIdle(state) && SEARCH_FILTERS.some((key) => !counts[key] && !document.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${key}"]`)?.hidden);
  facetNote.textContent = missing ? SEARCH_TEXT.countsOnDemand : '';
  facetNote.hidden = !missing;
  if (filterIndex === 'loading') facetsSection.setAttribute('aria-busy', 'true');
  else facetsSection.removeAttribute('aria-busy');
}

/** Short stable id fragment for a facet value (labels need unique ids). */
function hash(text: string): string {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return (h >>> 0).toString(36);
}

function syncControls(s: SearchState, fromUrl: boolean): void {
  if (fromUrl || document.activeElement !== input) {
    if (input.value.trim() !== s.q) input.value = s.q;
  }
  sortSelect.value = effectiveSort(s);
  sortSelect.disabled = !s.q;
}

/** Moves to a new state: URL first (push or replace), then results. */
function navigate(next: SearchState, mode: 'push' | 'replace' = 'push'): void {
  state = next;
  const url = `${location.pathname}${searchQuery(next)}`;
  if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  void run();
}

function selectionsFromFacets(): SearchState['filters'] {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    // Keep selected values that the collapsed list does not show.
    const shown = [...document.querySelectorAll<HTMLInputElement>(`fieldset[data-facet="${key}"] input[type=checkbox]`)];
    const shownValues = new Set(shown.map((b) => b.value));
    const kept = (state.filters[key] ?? []).filter((v) => !shownValues.has(v));
    const values = [...kept, ...shown.filter((b) => b.checked).map((b) => b.value)];
    if (values.length) filters[key] = values;
  }
  return filters;
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * While a typing session runs, the query string of the history entry it started from: typing
 * only replaces the current entry; committing (submit, leaving the box, a filter or sort change)
 * puts that entry back and pushes the typed search after it, so Back returns to where typing began.
 */
let typingFrom: string | null = null;

/** Searches for what the box holds now: as you type, or everything typed when `committing`. */
function searchTyped(committing = false): void {
  clearTimeout(typingTimer);
  const q = input.value.trim();
  if (q === state.q || (!committing && !readyToSearch(input.value))) return;
  typingFrom ??= location.search;
  navigate({ ...state, q }, 'replace');
}

/** Ends the typing session: the typed search becomes its own history entry. */
function commitTyping(): void {
  searchTyped(true);
  if (typingFrom !== null && typingFrom !== location.search) {
    const typed = location.search;
    history.replaceState(null, '', `${location.pathname}${typingFrom}`);
    history.pushState(null, '', `${location.pathname}${typed}`);
  }
  typingFrom = null;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  commitTyping();
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => searchTyped(), TYPING_DEBOUNCE_MS);
  // Meanwhile fetch the index chunks the words need, so the search itself has nothing to wait for.
  const term = searchTerm(input.value.trim());
  if ((term.split(' ').at(-1) ?? '').length >= PRELOAD_MIN_CHARS) {
    // (Only fetched: searching ahead would keep Pagefind busy scoring thousands of results for a
    // short prefix such as "cae" while the reader is already typing the next letters.)
    void loadPagefind().then((pagefind) => pagefind.preload(term, searchOptions({ ...state, q: input.value.trim() })), () => undefined);
  }
});
input.addEventListener('blur', commitTyping);
// The reader turns to the search box: load Pagefind (script, WebAssembly, metadata) meanwhile.
form.addEventListener('focusin', () => void loadPagefind().catch(() => undefined));

// The reader turns to the facets: load their filter index for per-result counts. A pointer only
// passing over them on its way elsewhere does not count; a pointer resting, focus or touch does.
let restTimer: ReturnType<typeof setTimeout> | undefined;
facetsSection.addEventListener('pointerenter', () => (restTimer = setTimeout(loadFilterIndex, FACET_REST_MS)));
facetsSection.addEventListener('pointerleave', () => clearTimeout(restTimer));
for (const type of ['focusin', 'pointerdown', 'touchstart'] as const) facetsSection.addEventListener(type, loadFilterIndex, { passive: true });

document.getElementById('search-facets')?.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.type !== 'checkbox') return;
  commitTyping();
  navigate({ ...state, filters: selectionsFromFacets() });
});

document.getElementById('search-facets')?.addEventListener('click', (event) => {
  const toggle = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-facet-toggle]');
  if (!toggle) return;
  const key = toggle.dataset.facetToggle as SearchFilter;
  if (expanded.has(key)) expanded.delete(key);
  else expanded.add(key);
  renderFacets(state, lastCounts, lastTotals);
  document.querySelector<HTMLButtonElement>(`[data-facet-toggle="${key}"]`)?.focus();
});

clearButton.addEventListener('click', () => {
  commitTyping();
  navigate({ ...state, filters: {} });
  input.focus();
});

sortSelect.addEventListener('change', () => {
  commitTyping();
  navigate({ ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' });
});

moreButton.addEventListener('click', async () => {
  const firstNew = list.children.length;
  await showMore();
  // Keyboard users land on the first newly loaded result.
  list.children[firstNew]?.querySelector('a')?.focus();
});

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  typingFrom = null;
  state = parseSearchQuery(location.search);
  void run(true);
});

status.textContent = SEARCH_TEXT.loading;
void run(true).then(() => {
  // An empty page has shown its counts without Pagefind; load it (script, WebAssembly, metadata;
  // no filter index, no result) once the page is idle, so the first words typed are searched at once.
  const warm = () => void loadPagefind().catch(() => undefined);
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
});
