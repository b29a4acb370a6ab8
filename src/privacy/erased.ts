// How an erased personal value reads: the API gives the English marker; the web page shows it in
// the reader's language (its lang-*.js `erased` label), with the same texts as here.
export const ERASED = '[erased]';

const ERASED_IN: Readonly<Record<string, string>> = { en: ERASED, de: '[gelöscht]', uk: '[видалено]' };

/** An erased marker in any language: not a person, so never sealed as one. */
export const isErasedMarker = (v: unknown): boolean => typeof v === 'string' && Object.values(ERASED_IN).includes(v);
