// Small text helpers shared by the IATI and OParl mappings: names in the languages we hold, and
// what a date known only to the month or year means in words.
import {
  businessDateStart,
  formatBusinessDate,
  NAME_LANGUAGES,
  type BusinessDate,
  type LocalizedName,
} from '../partnerships/domain/index.js';
import type { NameLanguage } from '../partnerships/domain/index.js';

/** The languages a name is held in, in the fixed order de, uk, en, with blank spellings left out. */
export function heldNames(name: LocalizedName | null | undefined): [NameLanguage, string][] {
  if (!name) return [];
  return NAME_LANGUAGES.flatMap((lang) => {
    const v = name[lang]?.trim();
    return v ? [[lang, v] as [NameLanguage, string]] : [];
  });
}

/** One spelling for places where only one fits: the preferred language if held, else the first held. */
export function oneName(name: LocalizedName | null | undefined, prefer: NameLanguage[] = ['de', 'en', 'uk']): string | null {
  for (const lang of prefer) {
    const v = name?.[lang]?.trim();
    if (v) return v;
  }
  return heldNames(name)[0]?.[1] ?? null;
}

/** YYYY-MM-DD of the first day the date covers: 2022-05 → 2022-05-01, 2022 → 2022-01-01. */
export const firstDay = (d: BusinessDate): string => businessDateStart(d);

/**
 * A sentence saying that a date is less precise than the day it is written as, or null for a
 * day-precise date. English and German, the languages of the people reading these exports.
 */
export function precisionNote(d: BusinessDate, lang: 'en' | 'de'): string | null {
  if (d.precision === 'day') return null;
  const shown = formatBusinessDate(d, lang);
  const day = firstDay(d);
  if (lang === 'de') {
    return d.precision === 'month'
      ? `Datum nur auf den Monat genau bekannt (${shown}); angegeben ist der erste Tag des Monats (${day}).`
      : `Datum nur auf das Jahr genau bekannt (${shown}); angegeben ist der 1. Januar (${day}).`;
  }
  return d.precision === 'month'
    ? `Date known to the month only (${shown}); the first day of the month (${day}) stands for it.`
    : `Date known to the year only (${shown}); 1 January (${day}) stands for it.`;
}
