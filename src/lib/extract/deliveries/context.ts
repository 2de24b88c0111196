/**
 * The article around a sentence: what a sentence leaves open (its supplier, its recipient) is
 * read from the rest of the article, then exact duplicates are removed.
 */
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import type { Delivery, DeliveryStatus } from '../types.ts';

/** Statuses that need no supplier from the article context (the requester or the producer is the point). */
export const NO_CONTEXT_SUPPLIER = new Set<DeliveryStatus>(['requested', 'produced']);

/** Whether two deliveries are exact duplicates. */
export function sameDelivery(a: Delivery, b: Delivery): boolean {
  return a.weapon === b.weapon && a.status === b.status && a.supplier === b.supplier && a.recipient === b.recipient && a.quantity === b.quantity;
}

export function sameSentence(a: Row, b: Row): boolean {
  return a.delivery.evidence.offset === b.delivery.evidence.offset && a.delivery.evidence.text === b.delivery.evidence.text;
}

/** A row of one sentence, before the article context fills what the sentence does not say. */
export interface Row {
  delivery: Delivery;
  /** The sentence names no supplier / no recipient. */
  needsSupplier: boolean;
  needsRecipient: boolean;
  /** The row comes from the headline or the lead paragraph. */
  lead: boolean;
  /** Who the sentence says reports it: "…, a annoncé le Pentagone" (a weak supplier). */
  speaker: string | null;
  /** Countries of the system's own origin the sentence names ("les chars américains Abrams", "de fabrication franco-italienne"): the weakest supplier. */
  origin: string[];
  /** Stated by a verb, not only by a noun ("la livraison de"). */
  verbal: boolean;
  /** Read on a generic noun of a headline or lead: context for the article, not a delivery. */
  context?: boolean;
}

/**
 * Fills what a sentence leaves open from the article, then removes exact duplicates. A missing
 * supplier is, in order: the supplier(s) the article names for the same weapon; the speaker of the
 * sentence ("…, détaille le Pentagone"); the article's established actor (the suppliers of the
 * first delivery of the headline or lead, else the one supplier the article names); the
 * system's own origin when an adjective states it ("les chars américains Abrams").
 */
export function withArticleContext(all: Row[], cg: CompiledGazetteer): Delivery[] {
  const rows = all.filter((r) => !r.context);
  const leadNamed = all.filter(
    (r) => r.lead && !r.needsSupplier && r.delivery.supplier && r.delivery.status !== 'produced' && r.delivery.status !== 'requested',
  );
  const named = rows.filter((r) => !r.needsSupplier && r.delivery.supplier && r.delivery.status !== 'produced');
  const explicit = named.filter((r) => r.delivery.status !== 'requested');
  const byWeapon = new Map<string, Set<string>>();
  for (const r of named) {
    const set = byWeapon.get(r.delivery.weapon) ?? new Set<string>();
    set.add(r.delivery.supplier as string);
    byWeapon.set(r.delivery.weapon, set);
  }
  const firstLead = leadNamed[0];
  const allSuppliers = [...new Set(explicit.map((r) => r.delivery.supplier as string))];
  const actors = firstLead
    ? leadNamed.filter((r) => sameSentence(r, firstLead)).map((r) => r.delivery.supplier as string)
    : allSuppliers.length === 1
      ? allSuppliers
      : [];
  const withRecipient = all.filter((r) => !r.needsRecipient && r.delivery.recipient && !NO_CONTEXT_SUPPLIER.has(r.delivery.status));
  const establishedRecipient = withRecipient.find((r) => r.lead)?.delivery.recipient ?? null;
  const defaultRecipient = establishedRecipient ?? (cg.countries.has('ukraine') ? 'ukraine' : null);

  // Several suppliers of one weapon: the article's actor among them, if any ("La France va livrer des Scalp …
  // comme les Storm Shadow déjà fournis par Londres … Les premiers missiles ont été livrés" → France).
  const sameWeaponSuppliers = (weapon: string): string[] => {
    const known = [...(byWeapon.get(weapon) ?? [])];
    const ours = known.filter((s) => actors.includes(s));
    return known.length > 1 && ours.length > 0 ? ours : known;
  };
  const out: Delivery[] = [];
  const push = (d: Delivery) => {
    if (!out.some((x) => sameDelivery(x, d))) out.push(d);
  };
  for (const r of rows) {
    const d = r.delivery;
    if (r.needsRecipient) {
      d.recipient = defaultRecipient;
      d.evidence.rule += establishedRecipient ? '+article-recipient' : '+default-recipient';
    }
    if (d.supplier && d.supplier === d.recipient) d.supplier = null;
    if (d.supplier === null && !NO_CONTEXT_SUPPLIER.has(d.status)) {
      const candidates: [string, string[]][] = [
        ['+article-supplier', sameWeaponSuppliers(d.weapon)],
        ['+speaker', r.speaker ? [r.speaker] : []],
        ['+article-actor', actors],
        ['+origin', r.origin],
      ];
      const found = candidates.map(([rule, ids]) => [rule, [...new Set(ids)].filter((id) => id !== d.recipient)] as const).find(([, ids]) => ids.length > 0);
      if (found) {
        for (const supplier of found[1]) push({ ...d, supplier, evidence: { ...d.evidence, rule: d.evidence.rule + found[0] } });
        continue;
      }
    }
    push(d);
  }
  return out;
}

/**
 * "Washington et Berlin vont livrer des Bradley et des Marder": when every weapon of a sentence got
 * the same coordinated suppliers and each weapon's origin names exactly one of them, a different
 * one each, each supplier gives its own system.
 */
export function respectively(rows: Row[], cg: CompiledGazetteer): Row[] {
  const weapons = [...new Set(rows.map((r) => r.delivery.weapon))];
  const suppliers = [...new Set(rows.map((r) => r.delivery.supplier))];
  if (weapons.length < 2 || suppliers.length < 2 || suppliers.includes(null)) return rows;
  const own = new Map<string, string>();
  for (const w of weapons) {
    const of = new Set(rows.filter((r) => r.delivery.weapon === w).map((r) => r.delivery.supplier as string));
    if (of.size !== suppliers.length) return rows;
    const origin = (cg.weapons.get(w)?.origin ?? []).filter((c) => of.has(c));
    if (origin.length !== 1) return rows;
    own.set(w, origin[0]);
  }
  if (new Set(own.values()).size !== weapons.length) return rows;
  return rows.filter((r) => own.get(r.delivery.weapon) === r.delivery.supplier);
}
