// Currencies as ISO 4217 defines them: decimal places from Intl (ICU), periods of use from the Unicode
// CLDR (cldr-core), so DEM is accepted for aid in 1999 and refused for aid in 2023. No hand-written table.
import currencyData from 'cldr-core/supplemental/currencyData.json' with { type: 'json' };
import { addDecimal, formatDecimal, isDecimalString } from './decimal.js';

type Period = { _from?: string; _to?: string };
const regions = (currencyData as unknown as { supplemental: { currencyData: { region: Record<string, Record<string, Period>[]> } } })
  .supplemental.currencyData.region;

/** currency → the periods (YYYY-MM-DD) in which some territory used it. */
const PERIODS = new Map<string, Period[]>();
for (const list of Object.values(regions)) {
  for (const entry of list) {
    for (const [code, period] of Object.entries(entry)) PERIODS.set(code, [...(PERIODS.get(code) ?? []), period]);
  }
}
const CURRENT = new Set(Intl.supportedValuesOf('currency'));

const DIGITS = new Map<string, number | undefined>();

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, KWD 3); undefined for a code that is not ISO 4217. */
export function minorUnits(currency: string): number | undefined {
  if (DIGITS.has(currency)) return DIGITS.get(currency);
  let digits: number | undefined;
  if (/^[A-Z]{3}$/.test(currency) && (CURRENT.has(currency) || PERIODS.has(currency))) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    } catch {
      digits = undefined;
    }
  }
  // Building a NumberFormat costs far more than adding two amounts: ask Intl once per code.
  if (DIGITS.size < 1000) DIGITS.set(currency, digits);
  return digits;
}

/** Whether some territory used the currency on `day` (YYYY-MM-DD). */
export function inUseOn(currency: string, day: string): boolean {
  const periods = PERIODS.get(currency);
  // Codes no territory lists (e.g. supranational units) count as in use while ISO lists them.
  if (!periods) return CURRENT.has(currency);
  return periods.some((p) => (!p._from || p._from <= day) && (!p._to || day <= p._to));
}

/** The years a currency was in use, for messages ("1948–2002"). */
export function usePeriod(currency: string): string | undefined {
  const periods = PERIODS.get(currency);
  if (!periods?.length) return undefined;
  const from = periods.map((p) => p._from ?? '').sort()[0];
  const to = periods.some((p) => !p._to)
    ? ''
    : periods
        .map((p) => p._to ?? '')
        .sort()
        .at(-1);
  return `${from.slice(0, 4) || '…'}–${to ? to.slice(0, 4) : 'today'}`;
}

/** Why `amount` is not a valid amount of `currency`, or undefined when it is. */
export function amountProblem(amount: unknown, currency?: string): string | undefined {
  const digits = currency === undefined ? 2 : minorUnits(currency);
  if (typeof amount !== 'string' || !isDecimalString(amount) || amount.startsWith('-'))
    return 'must be a positive decimal string such as "125000.00"';
  if (!/^(?:0|[1-9]\d{0,14})(?:\.\d+)?$/.test(amount))
    return 'must be a decimal string without leading zeros, at most 15 digits before the point';
  if (/^[0.]+$/.test(amount)) return 'must be greater than zero';
  if (digits === undefined) return undefined; // the currency field reports itself
  const decimals = amount.split('.')[1]?.length ?? 0;
  if (decimals > digits) {
    if (digits === 0) return `must be a whole number: ${currency} has no minor unit`;
    if (digits === 2) return 'must be a decimal string with at most two decimals, such as "125000.00"';
    return `must be a decimal string with at most ${digits} decimals (the minor unit of ${currency}), such as "125.${'0'.repeat(digits)}"`;
  }
  return undefined;
}

/** a + b in `currency`, written with its minor units (EUR "0.30", JPY "150", KWD "1.125"). */
export function addMoney(a: string, b: string, currency: string): string {
  return formatDecimal(addDecimal(a, b), minorUnits(currency) ?? 2);
}
