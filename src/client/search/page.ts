/**
 * The search page (/recherche/): Pagefind's JS API driven from the URL. initSearchPage() binds
 * the page's elements; nothing runs at import.
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
 *   Pagefind in its own worker (see SearchSources.counting).
 * - Only the results on screen are loaded (`data()` in pages of PAGE_SIZE), so a query costs the
 *   same at 10 000 articles as at 10.
 * - An index in shards is searched newest shard first, an older shard only when the page of
 *   results the reader asks for is not full yet (ShardedSearch): results append, never move. Until
 *   every shard is searched the count says how many of the newest articles it covers, and facets
 *   get per-result counts only from the counting Pagefind (a partial sum would mislead).
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../lib/search/filters.ts';
import type { FacetCounts } from '../../lib/search/facets.ts';
import { normalizeQuery } from '../../lib/search/query.ts';
import { parseSearchQuery, searchQuery, type SearchState } from '../../lib/search/url.ts';
import { SearchSources, type PagefindResponse, type ShardedSearch } from './pagefind.ts';
import { facetRow, facetToggle, reconcile, renderResult } from './render.ts';
import {
  FACET_PREVIEW,
  effectiveSort,
  facetView,
  formatCount,
  hasFilters,
  isIdle,
  pagefindFilters,
  searchOptions,
  selectionFrom,
  type ShownValue,
  type Totals,
} from './state.ts';
import { readyToSearch, searchTerm } from './term.ts';
import { searchText, type SearchText } from './text.ts';

const PAGE_SIZE = 10;
/**
 * Pause after the last keystroke before searching: short enough to feel instant (the budget is
 * 300 ms from the last keystroke to results). The index chunks are preloaded meanwhile.
 */
const TYPING_DEBOUNCE_MS = 60;
/** Words shorter than this are not preloaded while typing (a one- or two-letter prefix spans many chunks). */
const PRELOAD_MIN_CHARS = 3;
/** How long the pointer rests on the facets before their per-result counts are loaded. */
const FACET_REST_MS = 150;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`search page: no #${id}`);
  return element as T;
}

/** The page's elements, looked up once at init. */
class SearchElements {
  readonly app = byId<HTMLElement>('search-app');
  readonly form = byId<HTMLFormElement>('search-form');
  readonly input = byId<HTMLInputElement>('search-q');
  readonly sortSelect = byId<HTMLSelectElement>('search-sort');
  readonly status = byId<HTMLElement>('search-status');
  readonly list = byId<HTMLOListElement>('search-results');
  readonly moreButton = byId<HTMLButtonElement>('search-more');
  readonly clearButton = byId<HTMLButtonElement>('search-clear');
  readonly facetsSection = byId<HTMLElement>('search-facets-section');
  readonly facets = byId<HTMLElement>('search-facets');
  readonly facetNote = byId<HTMLElement>('search-facets-note');

  fieldset(key: SearchFilter): HTMLFieldSetElement | null {
    return this.facets.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${key}"]`);
  }
}

class SearchPage {
  private readonly el = new SearchElements();
  private readonly text: SearchText = searchText(this.el.app.dataset.text);
  private readonly sources = new SearchSources(this.el.app.dataset.base ?? '/');
  private state: SearchState = parseSearchQuery(location.search);
  /** Facets the reader expanded to all values. */
  private readonly expanded = new Set<SearchFilter>();
  /** Incremented per run: a slower, older search never overwrites a newer one. */
  private generation = 0;
  /** The search Pagefind is running (settled when none). */
  private searching: Promise<unknown> = Promise.resolve();
  /** The search on screen and how many of its results are shown (undefined: none). */
  private current: { search: ShardedSearch; shown: number } | undefined;
  /** What the facets last showed (redrawn as is when a facet is expanded or collapsed). */
  private lastCounts: Partial<FacetCounts> = {};
  private lastTotals: Totals | undefined;
  private filterIndex: 'none' | 'loading' | 'loaded' = 'none';
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * While a typing session runs, the query string of the history entry it started from: typing
   * only replaces the current entry; committing (submit, leaving the box, a filter or sort change)
   * puts that entry back and pushes the typed search after it, so Back returns to where typing began.
   */
  private typingFrom: string | null = null;
  private restTimer: ReturnType<typeof setTimeout> | undefined;

  /** Binds the controls and shows the state of the address. */
  start(): void {
    this.bind();
    this.el.status.textContent = this.text('loading');
    void this.run(true).then(() => {
      // An empty page has shown its counts without Pagefind; load it (script, WebAssembly, metadata;
      // no filter index, no result) once the page is idle, so the first words typed are searched at once.
      const warm = () => void this.sources.pagefind().catch(() => undefined);
      if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
      else setTimeout(warm, 200);
    });
  }

  /** The reader turned to the facets: load the counting Pagefind, then count the search on screen. */
  private loadFilterIndex = (): void => {
    if (this.filterIndex !== 'none') return;
    this.filterIndex = 'loading';
    this.updateFacetNote();
    this.sources.counting().then(
      () => {
        this.filterIndex = 'loaded';
        if (!isIdle(this.state)) void this.refreshFacets();
        else this.updateFacetNote();
      },
      (error) => {
        console.warn('pagefind filters failed to load', error);
        this.sources.resetCounting();
        this.filterIndex = 'none';
        this.updateFacetNote();
      },
    );
  };

  /**
   * Shows `state`. Every run gets a generation number and gives up as soon as a newer run has
   * started, so an older, slower search never overwrites a newer one (typing fires many).
   * `fromUrl`: the state comes from the address (load, back/forward), so the box is overwritten
   * even when focused; otherwise the box is the source and is left alone (no lost keystrokes).
   */
  private async run(fromUrl = false): Promise<void> {
    const { app, status, list, moreButton, facetsSection } = this.el;
    const mine = ++this.generation;
    const s = this.state;
    this.syncControls(s, fromUrl);
    app.setAttribute('aria-busy', 'true');
    if (isIdle(s)) {
      // Nothing to search: facets with their counts over the whole archive, no Pagefind data loaded.
      let totals: Totals | undefined;
      try {
        totals = await this.sources.totals();
      } catch (error) {
        console.warn('facet counts failed to load', error);
      }
      if (mine !== this.generation) return;
      status.classList.remove('search-error');
      this.renderFacets(s, totals?.counts ?? {}, totals);
      list.replaceChildren();
      this.current = undefined;
      moreButton.hidden = true;
      status.textContent = this.text('invitation');
      this.finish(s);
      return;
    }
    try {
      // The newest shard's Pagefind (the whole index when it is one); older shards load as needed.
      await this.sources.pagefind();
    } catch (error) {
      console.warn('pagefind failed to load', error);
      if (mine === this.generation) this.showError();
      return;
    }
    if (mine !== this.generation) return;
    status.classList.remove('search-error');
    const term = s.q ? searchTerm(s.q) : null;
    // One search at a time: Pagefind answers in order, and a broad one takes a while at 10 000
    // articles (a short prefix matches thousands); while one runs, only the newest run waits.
    await this.searching;
    if (mine !== this.generation) return;
    performance.mark('search:start');
    let search: ShardedSearch;
    let found: boolean;
    try {
      search = await this.sources.progressive(term, searchOptions(s));
      // The newest shard (the whole index when it is one).
      found = await this.step(search);
    } catch (error) {
      console.warn('pagefind search failed', error);
      if (mine === this.generation) this.showError();
      return;
    }
    // Typed on meanwhile: a newer search is due (its timer is set), so load no result data for this one.
    if (!found || mine !== this.generation || this.typedAhead(s)) return;
    // Phases of the search on screen, for the benchmark (scripts/bench/browser.ts).
    performance.mark('search:searched');
    list.replaceChildren();
    moreButton.hidden = true;
    this.current = { search, shown: 0 };
    // Results first (what the reader waits for), then the facet counts: from the counting Pagefind
    // once the reader has asked for them, else those the search itself gave (the facets in use).
    const counting = this.filterIndex !== 'none' ? this.countsOf(s, term) : undefined;
    const [, totals] = await Promise.all([this.showMore(mine), this.sources.totals().catch(() => undefined)]);
    if (mine !== this.generation) return;
    performance.mark('search:loaded');
    if (counting) {
      // Keep the facets of the previous search meanwhile, marked busy (a broad count takes a while).
      facetsSection.setAttribute('aria-busy', 'true');
      const all = await counting.catch(() => this.facetCounts(s, search));
      if (mine !== this.generation) return;
      this.renderFacets(s, all, totals);
    } else {
      const counts = await this.facetCounts(s, search);
      if (mine !== this.generation) return;
      this.renderFacets(s, counts, totals);
    }
    this.finish(s);
  }

  /** Searches the next shard of `search`, one Pagefind search at a time; false if it gave no answer. */
  private async step(search: ShardedSearch): Promise<boolean> {
    await this.searching;
    const pending = search.next();
    this.searching = pending.catch(() => undefined);
    return pending;
  }

  /** Every facet's per-result counts for `s`, from the counting Pagefind (every shard). */
  private async countsOf(s: SearchState, term: string | null): Promise<Partial<FacetCounts>> {
    const pagefind = await this.sources.counting();
    const search = (options: Record<string, unknown>) => this.sources.search(pagefind, term, options);
    const response = await search({ filters: pagefindFilters(s.filters) });
    if (!response) throw new Error('no counts');
    return this.selectedCounts(s, response, search);
  }

  /**
   * Per-result counts of the facets in use, from the search on screen once it has searched every
   * shard (before, none: counts of the newest articles only would pass for the archive's).
   */
  private async facetCounts(s: SearchState, search: ShardedSearch): Promise<Partial<FacetCounts>> {
    if (!search.complete) return {};
    return this.selectedCounts(s, search, (options) => this.sources.searchAll(search.term, options));
  }

  /**
   * Per-result counts of every facet whose filter index Pagefind has loaded (the others are absent).
   * A facet with a selection counts what each of its values adds to the other facets' results.
   */
  private async selectedCounts(
    s: SearchState,
    response: Pick<PagefindResponse, 'filters'>,
    search: (options: Record<string, unknown>) => Promise<PagefindResponse | null>,
  ): Promise<Partial<FacetCounts>> {
    const counts: Partial<FacetCounts> = { ...response.filters };
    await Promise.all(
      SEARCH_FILTERS.filter((key) => s.filters[key]?.length).map(async (key) => {
        const other = await search({ filters: pagefindFilters(s.filters, key) });
        if (other?.filters[key]) counts[key] = other.filters[key];
      }),
    );
    return counts;
  }

  /** The counting Pagefind has just loaded: the search on screen gets its counts, its results stay. */
  private async refreshFacets(): Promise<void> {
    const mine = this.generation;
    const s = this.state;
    if (isIdle(s)) return;
    const term = s.q ? searchTerm(s.q) : null;
    const [counts, totals] = await Promise.all([this.countsOf(s, term), this.sources.totals().catch(() => undefined)]);
    if (mine !== this.generation) return;
    this.renderFacets(s, counts, totals);
  }

  /** The box already holds other words than `s`, ready to be searched on the next debounce. */
  private typedAhead(s: SearchState): boolean {
    const typed = this.el.input.value;
    return normalizeQuery(typed) !== s.q && readyToSearch(typed);
  }

  private finish(s: SearchState): void {
    this.el.app.removeAttribute('aria-busy');
    // The state now on screen (tests and tools wait on it).
    this.el.app.dataset.rendered = searchQuery(s) || '?';
  }

  /**
   * Loads and renders the next page of results: what the shards searched hold, then, while the
   * page is not full, the next older shard's (rendered as they come, the count updated).
   */
  private async showMore(mine = this.generation): Promise<void> {
    const current = this.current;
    if (!current) return;
    const { search } = current;
    const { list, moreButton } = this.el;
    const target = current.shown + PAGE_SIZE;
    for (;;) {
      const page = search.results.slice(current.shown, target);
      const data = await Promise.all(page.map((r) => r.data()));
      if (mine !== this.generation) return;
      for (const item of data) list.append(renderResult(item, Boolean(this.state.q), this.text));
      current.shown += page.length;
      if (current.shown >= target || search.complete) break;
      if (search.results.length > 0) this.announce(this.state, search);
      let found = false;
      try {
        found = await this.step(search);
      } catch (error) {
        // An older shard failed to load: what is shown stays, "more" tries it again.
        console.warn('pagefind: an older shard failed to load', error);
      }
      if (mine !== this.generation) return;
      if (!found) break;
    }
    this.announce(this.state, search);
    const left = search.results.length - current.shown;
    moreButton.hidden = left <= 0 && search.complete;
    moreButton.textContent = left >= PAGE_SIZE || search.complete ? this.text('more', { count: Math.min(left, PAGE_SIZE) }) : this.text('moreOlder');
  }

  /** The count: exact once every shard is searched, else of the newest articles searched so far (and how many those are). */
  private announce(s: SearchState, search: ShardedSearch): void {
    const t = this.text;
    const count = search.results.length;
    let status = count === 0 ? t('countNone') : count === 1 ? t('countOne') : t('countMany', { count: formatCount(count) });
    if (count > 0 && s.q) status += t('countFor', { q: s.q });
    const selected = SEARCH_FILTERS.flatMap((key) => s.filters[key] ?? []);
    if (count > 0 && selected.length) status += t('filtered', { filters: selected.join(', ') });
    if (!search.complete) {
      const { searched, total } = search.coverage;
      status += t('countAmong', { searched: formatCount(searched), total: formatCount(total) });
    }
    this.el.status.textContent = status;
  }

  private showError(): void {
    this.el.status.textContent = this.text('error');
    this.el.status.classList.add('search-error');
    this.el.app.removeAttribute('aria-busy');
  }

  /**
   * Draws the facets. `counts`: per facet, the number of articles per value (results, or the whole
   * archive before any search); a facet missing from it lists the archive's values (`totals`)
   * without numbers until its filter index is loaded. Rows are updated in place, keyed by value,
   * so a checkbox being clicked or focused is never replaced under the reader.
   */
  private renderFacets(s: SearchState, counts: Partial<FacetCounts>, totals: Totals | undefined): void {
    this.lastCounts = counts;
    this.lastTotals = totals;
    for (const key of SEARCH_FILTERS) {
      const fieldset = this.el.fieldset(key);
      if (!fieldset) continue;
      const ul = fieldset.querySelector('ul') as HTMLUListElement;
      const selected = new Set(s.filters[key] ?? []);
      const expanded = this.expanded.has(key);
      const { visible, total } = facetView(key, selected, counts[key], totals, expanded);
      const rows = new Map<string, HTMLLIElement>();
      for (const li of ul.querySelectorAll<HTMLLIElement>(':scope > li[data-value]')) rows.set(li.dataset.value as string, li);
      const wanted: HTMLLIElement[] = visible.map(([value, count]) => facetRow(rows.get(value), key, value, count, selected.has(value)));
      if (total > FACET_PREVIEW) wanted.push(facetToggle(ul.querySelector<HTMLLIElement>(':scope > li.facet-toggle'), key, total, expanded, this.text));
      reconcile(ul, wanted);
      fieldset.hidden = total === 0;
    }
    this.el.clearButton.hidden = !hasFilters(s);
    this.updateFacetNote(counts);
  }

  /**
   * Under the facets heading, while some facet shows no numbers: how to get them. Its text does
   * not change while they load (the facets under the pointer must not move before they are redrawn).
   */
  private updateFacetNote(counts: Partial<FacetCounts> = this.lastCounts): void {
    const { facetNote, facetsSection } = this.el;
    const missing = !isIdle(this.state) && SEARCH_FILTERS.some((key) => !counts[key] && !this.el.fieldset(key)?.hidden);
    facetNote.textContent = missing ? this.text('countsOnDemand') : '';
    facetNote.hidden = !missing;
    if (this.filterIndex === 'loading') facetsSection.setAttribute('aria-busy', 'true');
    else facetsSection.removeAttribute('aria-busy');
  }

  private syncControls(s: SearchState, fromUrl: boolean): void {
    const { input, sortSelect } = this.el;
    if (fromUrl || document.activeElement !== input) {
      if (normalizeQuery(input.value) !== s.q) input.value = s.q;
    }
    sortSelect.value = effectiveSort(s);
    sortSelect.disabled = !s.q;
  }

  /** Moves to a new state: URL first (push or replace), then results. */
  private navigate(next: SearchState, mode: 'push' | 'replace' = 'push'): void {
    this.state = next;
    const url = `${location.pathname}${searchQuery(next)}`;
    if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    void this.run();
  }

  /** The checkboxes of every facet, as they are on the page. */
  private shownValues(): Partial<Record<SearchFilter, ShownValue[]>> {
    const shown: Partial<Record<SearchFilter, ShownValue[]>> = {};
    for (const key of SEARCH_FILTERS) {
      const boxes = this.el.fieldset(key)?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [];
      shown[key] = [...boxes].map((b) => ({ value: b.value, checked: b.checked }));
    }
    return shown;
  }

  /** Searches for what the box holds now: as you type, or everything typed when `committing`. */
  private searchTyped(committing = false): void {
    clearTimeout(this.typingTimer);
    const typed = this.el.input.value;
    const q = normalizeQuery(typed);
    if (q === this.state.q || (!committing && !readyToSearch(typed))) return;
    this.typingFrom ??= location.search;
    this.navigate({ ...this.state, q }, 'replace');
  }

  /** Ends the typing session: the typed search becomes its own history entry. */
  private commitTyping = (): void => {
    this.searchTyped(true);
    if (this.typingFrom !== null && this.typingFrom !== location.search) {
      const typed = location.search;
      history.replaceState(null, '', `${location.pathname}${this.typingFrom}`);
      history.pushState(null, '', `${location.pathname}${typed}`);
    }
    this.typingFrom = null;
  };

  private bind(): void {
    const { form, input, facets, facetsSection, clearButton, sortSelect, moreButton, list } = this.el;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commitTyping();
    });
    input.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.searchTyped(), TYPING_DEBOUNCE_MS);
      // Meanwhile fetch the index chunks the words need, so the search itself has nothing to wait for.
      const q = normalizeQuery(input.value);
      const term = searchTerm(q);
      if ((term.split(' ').at(-1) ?? '').length >= PRELOAD_MIN_CHARS) {
        // (Only fetched: searching ahead would keep Pagefind busy scoring thousands of results for a
        // short prefix such as "cae" while the reader is already typing the next letters.)
        void this.sources.pagefind().then(
          (pagefind) => pagefind.preload(term, searchOptions({ ...this.state, q })),
          () => undefined,
        );
      }
    });
    input.addEventListener('blur', this.commitTyping);
    // The reader turns to the search box: load Pagefind (script, WebAssembly, metadata) meanwhile.
    form.addEventListener('focusin', () => void this.sources.pagefind().catch(() => undefined));

    // The reader turns to the facets: load their filter index for per-result counts. A pointer only
    // passing over them on its way elsewhere does not count; a pointer resting, focus or touch does.
    facetsSection.addEventListener('pointerenter', () => (this.restTimer = setTimeout(this.loadFilterIndex, FACET_REST_MS)));
    facetsSection.addEventListener('pointerleave', () => clearTimeout(this.restTimer));
    for (const type of ['focusin', 'pointerdown', 'touchstart'] as const) facetsSection.addEventListener(type, this.loadFilterIndex, { passive: true });

    facets.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.type !== 'checkbox') return;
      this.commitTyping();
      this.navigate({ ...this.state, filters: selectionFrom(this.state.filters, this.shownValues()) });
    });
    facets.addEventListener('click', (event) => {
      const toggle = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-facet-toggle]');
      if (!toggle) return;
      const key = toggle.dataset.facetToggle as SearchFilter;
      if (this.expanded.has(key)) this.expanded.delete(key);
      else this.expanded.add(key);
      this.renderFacets(this.state, this.lastCounts, this.lastTotals);
      facets.querySelector<HTMLButtonElement>(`[data-facet-toggle="${key}"]`)?.focus();
    });
    clearButton.addEventListener('click', () => {
      this.commitTyping();
      this.navigate({ ...this.state, filters: {} });
      input.focus();
    });
    sortSelect.addEventListener('change', () => {
      this.commitTyping();
      this.navigate({ ...this.state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' });
    });
    moreButton.addEventListener('click', async () => {
      const firstNew = list.children.length;
      const mine = this.generation;
      // Busy while older shards may be loaded and searched.
      this.el.app.setAttribute('aria-busy', 'true');
      moreButton.disabled = true;
      try {
        await this.showMore(mine);
        // The search has just covered every shard: the facets in use get their counts.
        const search = this.current?.search;
        if (search?.complete && this.filterIndex === 'none' && mine === this.generation) {
          const counts = await this.facetCounts(this.state, search);
          if (mine === this.generation) this.renderFacets(this.state, counts, this.lastTotals);
        }
      } finally {
        moreButton.disabled = false;
        if (mine === this.generation) this.el.app.removeAttribute('aria-busy');
      }
      // Keyboard users land on the first newly loaded result.
      list.children[firstNew]?.querySelector('a')?.focus();
    });
    window.addEventListener('popstate', () => {
      clearTimeout(this.typingTimer);
      this.typingFrom = null;
      this.state = parseSearchQuery(location.search);
      void this.run(true);
    });
  }
}

/** Starts the search page on the current document (called once by the page's script). */
export function initSearchPage(): void {
  new SearchPage().start();
}
