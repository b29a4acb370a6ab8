// The one rule for showing a name held in several languages where only one spelling fits.
import type { LocalizedName } from './vocabulary.js';

/** The service's own languages, in the order reports and messages prefer them. */
export const DISPLAY_LANGUAGES: readonly string[] = ['en', 'de', 'uk'];

/**
 * One spelling of a name: the first language of `prefer` that holds a non-blank spelling, else the
 * first held language in tag order (so the choice never depends on key order); null when none.
 */
export function displayName(name: LocalizedName | null | undefined, prefer: readonly string[] = DISPLAY_LANGUAGES): string | null {
  if (!name) return null;
  const held = (lang: string) => {
    const v = name[lang];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  for (const lang of prefer) {
    const v = held(lang);
    if (v) return v;
  }
  for (const lang of Object.keys(name).sort()) {
    const v = held(lang);
    if (v) return v;
  }
  return null;
}
