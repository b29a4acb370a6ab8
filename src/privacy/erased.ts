// How an erased personal value reads: the API gives the English marker, pages and exports in other
// languages their own.
export const ERASED = '[erased]';

export const ERASED_IN: Readonly<Record<string, string>> = { en: ERASED, de: '[gelöscht]', uk: '[видалено]' };

/** The marker in `lang` (a BCP 47 tag; its language subtag decides), English when there is none. */
export const erasedIn = (lang: string | undefined): string => ERASED_IN[(lang ?? 'en').split('-')[0].toLowerCase()] ?? ERASED;

/** `text` with each erased marker written in `lang`. */
export const localizeErased = (text: string, lang: string | undefined): string =>
  text.includes(ERASED) ? text.split(ERASED).join(erasedIn(lang)) : text;

export const isErasedMarker = (v: unknown): boolean => typeof v === 'string' && Object.values(ERASED_IN).includes(v);
