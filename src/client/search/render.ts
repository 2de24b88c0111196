/** DOM pieces of the search page: a result, a facet value's row, a facet's "show all" toggle. */
import type { SearchFilter } from '../../lib/search/filters.ts';
import type { ResultData } from './pagefind.ts';
import { formatCount, valueId } from './state.ts';
import type { SearchText } from './text.ts';

/** Pagefind's excerpt with only its <mark> highlights kept as markup (everything else as text). */
export function excerptNodes(html: string): Node[] {
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

export function renderResult(item: ResultData, withTerm: boolean, text: SearchText): HTMLLIElement {
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
    meta.append(text('undated'));
  }
  if (item.meta.source) meta.append(` · ${item.meta.source}`);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  if (withTerm) excerpt.append(...excerptNodes(item.excerpt));
  else excerpt.textContent = item.meta.excerpt ?? '';
  li.append(heading, meta, excerpt);
  return li;
}

/** One value of a facet: its checkbox and label "value (count)", the count when known (`li` updated in place when given). */
export function facetRow(li: HTMLLIElement | undefined, key: SearchFilter, value: string, count: number | null, checked: boolean): HTMLLIElement {
  if (!li) {
    li = document.createElement('li');
    li.dataset.value = value;
    const id = `facet-${key}-${valueId(value)}`;
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
  const label = li.querySelector('label') as HTMLLabelElement;
  const labelText = count === null ? value : `${value} (${formatCount(count)})`;
  if (label.textContent !== labelText) label.textContent = labelText;
  return li;
}

/** The "show all / show less" button closing a long facet. */
export function facetToggle(li: HTMLLIElement | null, key: SearchFilter, total: number, expanded: boolean, text: SearchText): HTMLLIElement {
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
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.textContent = expanded ? text('showLess') : text('showAll', { count: total });
  return li;
}

/** Puts `wanted` as the list's children, moving only what is out of place; a moved element loses focus: give it back. */
export function reconcile(ul: HTMLElement, wanted: HTMLElement[]): void {
  const focused = document.activeElement;
  wanted.forEach((li, i) => {
    if (ul.children[i] !== li) ul.insertBefore(li, ul.children[i] ?? null);
  });
  while (ul.children.length > wanted.length) ul.lastElementChild?.remove();
  if (focused instanceof HTMLElement && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
}
