// @ts-check
// Labels in English, German and Ukrainian (lang-en.js, lang-de.js, lang-uk.js), dates in their
// precision, names in the script they were recorded in, amounts without floating point. The date
// logic mirrors src/partnerships/domain/dates.ts.
import de from './lang-de.js';
import en from './lang-en.js';
import uk from './lang-uk.js';

/** @import { BusinessDate, Lang, LocalizedName } from './types.js' */

/** @type {Lang[]} */
const LANGS = ['en', 'de', 'uk'];
const STORAGE_KEY = 'pl.lang';
const MESSAGES = { en, de, uk };

/** @typedef {keyof typeof en.labels} LabelKey */
/** @typedef {keyof typeof en.codes} CodeKind */

/** The codes the list's filters offer (the forms take theirs from the milestone descriptions). */
export const ENUMS = {
  tier: ['initiative', 'contact', 'solidarity', 'friendship', 'project_partnership', 'twinning'],
  standing: ['active', 'suspended', 'terminated', 'dormant'],
};

/**
 * @param {unknown} value
 * @returns {value is Lang}
 */
const isLang = (value) => LANGS.includes(/** @type {Lang} */ (value));

/** The browser's first language the page speaks (uk-UA → uk), else English. */
const browserLang = () =>
  /** @type {Lang} */ ((navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2).toLowerCase()).find(isLang) ?? 'en');

/** @type {Lang} */
let current = browserLang();
try {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) current = saved;
} catch {
  // storage may be unavailable (privacy mode); the browser's language it is
}

export const lang = () => current;

/** @param {string} next ignored unless one of LANGS */
export function setLang(next) {
  if (!isLang(next)) return;
  current = next;
  try {
    sessionStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = next;
}

/**
 * A label, with {placeholders} filled in. Falls back to English, then to the key itself.
 * @param {LabelKey} key
 * @param {Record<string, string | number>} [vars]
 * @returns {string}
 */
export function t(key, vars = {}) {
  const text = MESSAGES[current].labels[key] ?? en.labels[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (/** @type {string} */ m, /** @type {string} */ name) => (name in vars ? String(vars[name]) : m));
}

/**
 * The label of a stored code (e.g. code('tier', 'solidarity')); unknown codes are shown as they are.
 * @param {string} kind a CodeKind, or a vocabulary the page has no labels for (shown readable)
 * @param {unknown} value the code; '' for null, undefined and ''
 * @returns {string}
 */
export function code(kind, value) {
  if (value === undefined || value === null || value === '') return '';
  /** @type {Record<string, Record<string, string> | undefined>} */
  const labels = MESSAGES[current].codes;
  /** @type {Record<string, Record<string, string> | undefined>} */
  const english = en.codes;
  const primitive = /** @type {string | number} */ (value);
  const key = String(primitive);
  return labels[kind]?.[key] ?? english[kind]?.[key] ?? key.replace(/_/g, ' ');
}

/** @type {(n: number, w: number) => string} */
const pad = (n, w) => String(n).padStart(w, '0');

/** "May 2022" / "Mai 2022" / "травень 2022"; "23 February 2023" / "23. Februar 2023" / "23 лютого 2023"; "2022". */
/**
 * @param {BusinessDate | string | null | undefined} d a string's precision follows from its length
 * @returns {string}
 */
export function formatDate(d) {
  if (!d) return '';
  const bd = typeof d === 'string' ? { date: d, precision: d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day' } : d;
  const [y, m, day] = bd.date.split('-').map(Number);
  const year = pad(y, 4);
  if (bd.precision === 'year' || !m) return year;
  const names = MESSAGES[current].months;
  if (bd.precision === 'month' || !day) return `${names.standalone[m - 1]} ${year}`;
  return `${current === 'de' ? `${day}.` : day} ${names.inDate[m - 1]} ${year}`;
}

/** "May 2022" for the chart's axis, shortened: "May 22". */
/**
 * @param {string} yyyyMm
 * @returns {string}
 */
export function shortMonth(yyyyMm) {
  const [y, m] = yyyyMm.split('-').map(Number);
  return `${MESSAGES[current].months.short[m - 1]} ${String(y).slice(2)}`;
}

/** A record timestamp (ISO) as a calendar day in the reader's language. */
/**
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function formatTimestamp(iso) {
  if (!iso) return '';
  return formatDate({ date: String(iso).slice(0, 10), precision: 'day' });
}

/** A LocalizedName in the chosen language, else in whichever language (and script) it was recorded. */
/**
 * @param {LocalizedName | string | null | undefined} n
 * @returns {string}
 */
export function nameIn(n) {
  if (!n) return '';
  if (typeof n === 'string') return n;
  return n[current] ?? n.en ?? n.de ?? n.uk ?? '';
}

const SEPARATORS = { en: { group: ',', decimal: '.' }, de: { group: '.', decimal: ',' }, uk: { group: '\u00a0', decimal: ',' } };

/** "125000.00" EUR → "EUR 125,000.00" / "125.000,00 EUR" / "125 000,00 EUR", from the decimal string (no float). */
/**
 * @param {string | null | undefined} amount
 * @param {string | null | undefined} [currency]
 * @returns {string}
 */
export function formatMoney(amount, currency) {
  if (amount === null || amount === undefined) return currency ?? '';
  const [int, frac = ''] = String(amount).split('.');
  const s = SEPARATORS[current];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, s.group);
  const number = `${grouped}${s.decimal}${frac.padEnd(2, '0')}`;
  if (!currency) return number;
  return current === 'en' ? `${currency} ${number}` : `${number} ${currency}`;
}

/** Decimal string → integer cents (BigInt), so totals stay exact. */
/**
 * @param {string} amount
 * @returns {bigint}
 */
export function toCents(amount) {
  const [int, frac = ''] = String(amount).split('.');
  return BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
}

/**
 * @param {bigint} cents
 * @returns {string} "1234.50"
 */
export function centsToAmount(cents) {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${pad(Number(abs % 100n), 2)}`;
}

/**
 * A name the page has no label for, made readable: "paperReference" → "Paper reference",
 * "DelegationVisited" → "Delegation visited", "in_kind" → "in kind".
 * @param {string} name
 * @returns {string}
 */
export function readable(name) {
  const words = name
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** @type {(map: Record<string, string>, key: string) => string | undefined} */
const own = (map, key) => (Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * A form field's label by its name (the last part of a path: "value.amount" → "amount"); a field
 * the translations do not know yet is shown readable, so a new milestone needs no web code.
 * @param {string} name
 * @returns {string}
 */
export function fieldLabel(name) {
  const key = name.replace(/^.*[.\]]/, '');
  return own(MESSAGES[current].fields, key) ?? own(en.fields, key) ?? readable(key);
}

/**
 * A form field's help, if the translations have one; else the description's own (English) help.
 * @param {string} name
 * @param {string} [fallback]
 * @returns {string | undefined}
 */
export function fieldHelp(name, fallback) {
  return own(MESSAGES[current].help, name) ?? own(en.help, name) ?? fallback;
}

/**
 * A milestone's name by its event type ("AidDelivered" → "Aid delivered"), readable when unknown.
 * @param {string} type
 * @returns {string}
 */
export function kindName(type) {
  return own(MESSAGES[current].codes.event, type) ?? own(en.codes.event, type) ?? readable(type);
}
