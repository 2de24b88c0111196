/**
 * The rules that decide when two article-level delivery rows report the same delivery event.
 * Every threshold and status relation of the merge lives here (src/lib/deliveries/merge.ts applies
 * them); the explorer's README section states them in words.
 */

/**
 * Statuses of one pledge's life, in order: a request, then a promise (announced, planned,
 * pledged), then the delivery. Reports anywhere along one lifecycle can be one event; the event's
 * status is the furthest stage reported. A status absent from this table (a new value of the
 * schema's enum) is a family of its own: it merges only with rows of the same status.
 */
export const LIFECYCLE: Readonly<Record<string, number>> = {
  requested: 0,
  planned: 1,
  announced: 1,
  pledged: 1,
  delivered: 2,
};

/**
 * The order statuses are shown in (filters, legends): the lifecycle, then production and
 * refusals, then any other status by name.
 */
export const STATUS_ORDER = ['requested', 'planned', 'announced', 'pledged', 'delivered', 'produced', 'refused'];

/** Statuses counted as "announcement" in the timelines (everything before the delivery). */
export const isPromise = (status: string) => status in LIFECYCLE && LIFECYCLE[status] < LIFECYCLE.delivered;
export const isDelivered = (status: string) => status === 'delivered';

export const MERGE_RULES = {
  /**
   * Reports at the same stage (two outlets relaying one announcement) are one event when they
   * are at most this many days apart (gap between the report and the event's reports so far).
   */
  sameStageDays: 30,
  /** A report of a later stage (announced → delivered) joins an event up to this many days after its last report. */
  progressionDays: 365,
  /**
   * A report of an earlier stage after the event reached a later one ("announced" after
   * "delivered") is a late echo of the same event only within this many days of the later
   * stage's first report; past it, it is a new pledge.
   */
  echoDays: 30,
  /**
   * An article whose publication date is only known to a window wider than this is placed
   * in time too vaguely to be merged by date: it joins an event only when exactly one
   * compatible event exists (see merge.ts, pass 3).
   */
  maxWindowDays: 92,
} as const;
