/**
 * The date rule families a sentence may hold words of (gate.ts sets the bits, each rule module
 * tests its own). The words themselves live in the rule modules; gate.ts derives its tests from them.
 */
/** Relative expressions and anniversaries (events.ts: RELATIVE_MARKERS). */
export const G_RELATIVE = 1;
/** A year 1950–2099 (parse.ts: HAS_YEAR_RE). */
export const G_YEAR = 2;
/** A month name (yearless.ts: MONTH_PREFIXES). */
export const G_MONTH = 4;
/** "dernier" / "dernière" (yearless.ts: DERNIER_MARKER). */
export const G_DERNI = 8;
/** A word of an event phrase of the knowledge base (kb.ts: gateWords). */
export const G_EVENT = 16;
/** Every family: sentences the gate cannot vouch for. */
export const G_ALL = 31;
