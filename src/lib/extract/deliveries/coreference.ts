/**
 * A light coreference for deliveries: a sentence that names no system but refers back to one with
 * a definite or demonstrative generic noun ("Les premiers missiles ont déjà été livrés", "ces
 * appareils", "leurs chars") stands for the system of that kind the article named last.
 *
 * The nouns and the weapon categories they can stand for are data (GENERIC_NOUNS); a noun is
 * resolved only to a system already named before the sentence (headline included), never forward.
 */
import type { WeaponCategory } from '../../gazetteer/types.ts';
import type { Mention } from '../types.ts';

/** Generic nouns (folded, singular and plural) and the weapon categories each can refer to. */
export const GENERIC_NOUNS: Readonly<Record<string, readonly WeaponCategory[]>> = {
  missile: ['cruise-missile', 'ballistic-missile', 'air-defence-missile', 'anti-tank', 'manpads', 'anti-ship'],
  char: ['tank'],
  avion: ['aircraft'],
  appareil: ['aircraft', 'helicopter'],
  chasseur: ['aircraft'],
  helicoptere: ['helicopter'],
  obusier: ['artillery'],
  canon: ['artillery'],
  drone: ['drone'],
  batterie: ['air-defence', 'artillery'],
  systeme: ['air-defence', 'mlrs', 'artillery'],
  'lance-roquettes': ['mlrs'],
  lanceur: ['mlrs', 'air-defence'],
  blinde: ['ifv', 'apc', 'tank'],
  vehicule: ['ifv', 'apc'],
};

/** A determiner that points back ("les", "ces", "ses", "leurs"), optional ordinal, then a generic noun. */
const REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:les|ces|ses|leurs)\\s+(?:(?:premiers|premieres|derniers|dernieres|nouveaux|autres|\\d+|deux|trois|quatre|cinq|six)\\s+)?(${Object.keys(
    GENERIC_NOUNS,
  )
    .map((n) => `${n}s?`)
    .join('|')})(?![\\p{L}\\p{N}-])`,
  'u',
);

/** A system named earlier in the article: its id and category, most recent last. */
export interface NamedSystem {
  id: string;
  category: string;
}

/**
 * A mention standing for the system a generic noun of the folded sentence refers back to, or
 * null (no such noun, or no system of its kind named before). Offsets are the sentence's.
 */
export function referredSystem(fs: string, sentenceStart: number, text: string, named: readonly NamedSystem[]): Mention | null {
  const m = REFERENCE.exec(fs);
  if (!m) return null;
  const noun = m[1].replace(/s$/, '') as keyof typeof GENERIC_NOUNS;
  const categories = GENERIC_NOUNS[noun] ?? GENERIC_NOUNS[m[1]];
  if (!categories) return null;
  for (let i = named.length - 1; i >= 0; i--) {
    if (!categories.includes(named[i].category as WeaponCategory)) continue;
    const start = m.index + m[0].length - m[1].length;
    return {
      id: named[i].id,
      type: 'weapon',
      text: text.slice(start, start + m[1].length),
      start: sentenceStart + start,
      end: sentenceStart + start + m[1].length,
    };
  }
  return null;
}
