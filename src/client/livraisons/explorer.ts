/**
 * Enhances /livraisons/: shows the filter form, keeps the filters and sort in the URL (Back and
 * Forward step through them), and fills the events table from the explorer's data: the events of
 * the chosen supplier, else system, else year (livraisons/donnees/…), else all of them
 * (livraisons/evenements.json). Data is fetched only once the reader filters, sorts or asks for
 * more, or opens a URL that holds filters: the first view is the server-rendered table alone.
 */
import { EXPLORER_PAGE_SIZE, SHARD_FOLDERS, eventPath, type ExplorerData } from './params.ts';
import { applyState, formatDay, formatNumber, readState, writeState, type EventRow, type ExplorerState } from './filter.ts';

const root = document.getElementById('explorer');
const form = document.getElementById('explorer-form') as HTMLFormElement | null;
const rows = document.getElementById('explorer-rows');
const status = document.getElementById('explorer-status');
const more = document.getElementById('explorer-more') as HTMLButtonElement | null;

if (root && form && rows && status && more) {
  const text = JSON.parse(root.dataset.text ?? '{}') as Record<string, string>;
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  const files = new Map<string, Promise<ExplorerData>>();
  const fetchData = (href: string) => {
    let file = files.get(href);
    if (!file) {
      file = fetch(href).then((r) => (r.ok ? (r.json() as Promise<ExplorerData>) : Promise.reject(new Error(String(r.status)))));
      // A failed fetch is tried again next time.
      file.catch(() => files.delete(href));
      files.set(href, file);
    }
    return file;
  };
  /** The smallest data file holding every event of `state`. */
  const load = (state: ExplorerState = formState()) => {
    for (const key of ['supplier', 'system', 'year'] as const) {
      const value = state.filters[key];
      if (value) return fetchData(`${root.dataset.shards}${SHARD_FOLDERS[key]}/${encodeURIComponent(value)}.json`);
    }
    return fetchData(root.dataset.data!);
  };
  let matches: EventRow[] = [];
  let shown = 0;
  let generation = 0;
  /** False while the table shows the server-rendered first view. */
  let rendered = false;

  const cell = (content: Node | string, className?: string) => {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.append(content);
    return td;
  };
  const link = (href: string, label: string): Node | string => {
    if (!href) return label;
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    return a;
  };

  const row = (d: ExplorerData, e: EventRow) => {
    const [id, supplier, recipient, system, , eventStatus, quantity, quantityText, first, articles] = e;
    const tr = document.createElement('tr');
    let date: Node | string = text.undated;
    if (first) {
      const time = document.createElement('time');
      time.dateTime = first;
      time.textContent = formatDay(first, d.months);
      date = time;
    }
    tr.append(cell(date));
    for (const i of [supplier, recipient, system]) tr.append(cell(link(d.parties[i][2], d.parties[i][1])));
    tr.append(cell(quantity != null ? formatNumber(quantity) : quantityText || '—', 'num'));
    const badge = document.createElement('span');
    badge.className = `status status-${eventStatus}`;
    badge.textContent = d.statuses[eventStatus] ?? eventStatus;
    tr.append(cell(badge));
    const count = articles === 1 ? text.reportsOne : fill(text.reports, { count: formatNumber(articles) });
    tr.append(cell(link(eventPath(d.systemView, d.parties[system][0], first || null, id), count)));
    return tr;
  };

  const showMore = (d: ExplorerData) => {
    const next = matches.slice(shown, shown + EXPLORER_PAGE_SIZE);
    rows.append(...next.map((e) => row(d, e)));
    shown += next.length;
    more.hidden = shown >= matches.length;
  };

  const setForm = (state: ExplorerState) => {
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLSelectElement)) continue;
      const value = element.name === 'tri' ? state.sort : (new URLSearchParams(writeState(state)).get(element.name) ?? '');
      // A value the page does not list (an old link) falls back to "all".
      element.value = [...element.options].some((o) => o.value === value) ? value : element.options[0].value;
    }
  };
  const formState = (): ExplorerState => readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString());

  const render = async (state: ExplorerState) => {
    const mine = ++generation;
    status.textContent = text.loading;
    root.setAttribute('aria-busy', 'true');
    try {
      const d = await load(state);
      if (mine !== generation) return;
      matches = applyState(d, state);
      rendered = true;
      shown = 0;
      rows.replaceChildren();
      showMore(d);
      const empty = !writeState(state);
      status.textContent =
        matches.length === 0
          ? text.none
          : empty
            ? fill(text.recent, { shown: formatNumber(shown), count: formatNumber(matches.length) })
            : matches.length === 1
              ? text.countOne
              : fill(text.count, { count: formatNumber(matches.length) });
    } catch {
      if (mine === generation) status.textContent = text.error;
    } finally {
      if (mine === generation) root.removeAttribute('aria-busy');
    }
  };

  const update = () => {
    const state = formState();
    const query = writeState(state);
    if (query !== location.search) history.pushState(null, '', `${location.pathname}${query}${location.hash}`);
    void render(state);
  };

  form.hidden = false;
  more.hidden = Number(root.dataset.total) <= rows.children.length;
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  // type="reset" restores every select's first option; read the form once it has.
  form.addEventListener('reset', () => setTimeout(update, 0));
  more.addEventListener(
    'click',
    () =>
      void load(formState())
        .then((d) => {
          if (!rendered) {
            // The server-rendered rows are the first page of the default view.
            matches = applyState(d, formState());
            shown = rows.children.length;
            rendered = true;
          }
          showMore(d);
        })
        .catch(() => (status.textContent = text.error)),
  );
  window.addEventListener('popstate', () => {
    setForm(readState(location.search));
    void render(formState());
  });

  // A value the page does not list (an old link) is dropped by setForm: the form is the state.
  const initial = readState(location.search);
  if (writeState(initial)) {
    setForm(initial);
    void render(formState());
  }
}
