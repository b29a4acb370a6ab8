// The names of the codes (milestones, tiers, standings, agreements…) in each language are the staff
// page's own translation files; server-side text (public pages, mails) reads them from there, so
// every place calls a thing by the same name.
import { pathToFileURL } from 'node:url';
import { publicDir } from './web.controller.js';

const LANGUAGES = ['en', 'de', 'uk'] as const;
type Language = (typeof LANGUAGES)[number];
type Codes = Record<string, Record<string, string>>;
const codes: Partial<Record<Language, Codes>> = {};

/** Reads the page's translation files once; call before the first codeName. */
export async function loadPageCodes(): Promise<void> {
  for (const lang of LANGUAGES) {
    if (codes[lang]) continue;
    const mod = (await import(pathToFileURL(`${publicDir()}lang-${lang}.js`).href)) as { default: { codes: Codes } };
    codes[lang] = mod.default.codes;
  }
}

const readable = (s: string) => s.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');

/** A code's name ("AgreementSigned" in "event") in the language, else English, else made readable. */
export function codeName(lang: Language, vocabulary: string, value: string): string {
  return codes[lang]?.[vocabulary]?.[value] ?? codes.en?.[vocabulary]?.[value] ?? readable(value);
}
