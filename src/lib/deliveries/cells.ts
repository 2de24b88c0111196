/**
 * The cells of a delivery event's row (first report, parties, system, quantity, status), as data:
 * EventsTable renders them in a loop (a component per row cost ~2× the page time on the views of
 * a 10,000-article archive) and src/client/livraisons/explorer.ts renders the same columns.
 */
import { t, formatNumber } from '../../i18n/index.ts';
import { formatDay } from '../site/dates.ts';
import { statusLabel, type EventColumn, type SiteEvent } from './site.ts';

export interface EventCell {
  text: string;
  href?: string;
  /** A <time> with this datetime. */
  datetime?: string;
  /** Right-aligned figure. */
  num?: boolean;
  /** The status badge (its id, for the class). */
  status?: string;
}

export function eventCells(e: SiteEvent, hide: readonly EventColumn[]): EventCell[] {
  const cells: EventCell[] = [e.first ? { text: formatDay(e.first), datetime: e.first } : { text: t('explorer.undated') }];
  for (const [column, p] of [
    ['supplier', e.supplierParty],
    ['recipient', e.recipientParty],
    ['system', e.system],
  ] as const) {
    if (!hide.includes(column)) cells.push({ text: p.name, href: p.href });
  }
  cells.push({ text: e.quantity != null ? formatNumber(e.quantity) : (e.quantityText ?? '—'), num: true });
  cells.push({ text: statusLabel(e.status), status: e.status });
  return cells;
}
