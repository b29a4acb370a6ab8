// Exact decimal-string arithmetic for money. Floats would turn 0.1 + 0.2 into 0.30000000000000004
// in an aid total that someone signs off; BigInt of scaled units keeps every cent.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
/** Positive, no leading zeros, at most two decimals: what an amount field may contain. */
const AMOUNT = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** Why `value` is not a valid money amount, or undefined when it is. */
export function amountProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a decimal string such as "125000.00"';
  if (!AMOUNT.test(value)) return 'must be a decimal string with at most two decimals, such as "125000.00"';
  if (/^[0.]+$/.test(value)) return 'must be greater than zero';
  return undefined;
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
