/**
 * UI strings: one data file per language (fr.json); a second language is a second file and a
 * second entry in `dictionaries`. `t()` fills {placeholders} and applies French typography.
 */
import fr from './fr.json' with { type: 'json' };
import { frenchTypography } from '../lib/site/typography.ts';
import { fillPlaceholders } from './format.ts';

const dictionaries = { fr } as const;
export type Lang = keyof typeof dictionaries;
export type UiKey = keyof typeof fr;

export const lang: Lang = 'fr';
export const locale: string = dictionaries[lang].locale;

const plain = new Map<UiKey, string>();

/** The UI string `key`, with {name} placeholders replaced by `params`. */
export function t(key: UiKey, params?: Record<string, string | number>): string {
  // Strings without parameters are the same on every page: typeset once.
  if (!params) {
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = fill(key, {})));
    return text;
  }
  return fill(key, params);
}

function fill(key: UiKey, params: Record<string, string | number>): string {
  const template: string = dictionaries[lang][key] ?? key;
  return frenchTypography(fillPlaceholders(template, params));
}

// One formatter for the whole build: creating an Intl.NumberFormat per call cost 1.1 s of a
// 1,000-article build (profile).
const numberFormat = new Intl.NumberFormat(locale);

/** Whole numbers in the UI language ("10 000"). */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
