// Exact decimal-string arithmetic for money. Floats would turn 0.1 + 0.2 into 0.30000000000000004
// in an aid total that someone signs off; BigInt of scaled units keeps every cent.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

function toScaled(value: string): { units: bigint; scale: number } {
  const m = DECIMAL.exec(value);
  if (!m) throw new Error(`Not a decimal string: "${value}"`);
  const fraction = m[3] ?? '';
  const units = BigInt(m[2] + fraction) * (m[1] === '-' ? -1n : 1n);
  return { units, scale: fraction.length };
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** a + b exactly, with at least two decimals ("0.1" + "0.2" = "0.30"). */
export function addDecimal(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(2, x.scale, y.scale);
  const sum = x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale);
  return fromScaled(sum, scale);
}

/** The same number with exactly `scale` decimals (rounding is never needed: sums only grow in scale). */
export function formatDecimal(value: string, scale: number): string {
  const x = toScaled(value);
  if (x.scale <= scale) return fromScaled(x.units * 10n ** BigInt(scale - x.scale), scale);
  const divisor = 10n ** BigInt(x.scale - scale);
  // Drop trailing zeros only; a sum of amounts never has more significant decimals than the currency.
  return x.units % divisor === 0n ? fromScaled(x.units / divisor, scale) : value;
}
