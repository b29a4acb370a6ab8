import { addDecimal, formatDecimal } from './decimal.js';
import { addMoney, amountProblem, inUseOn, minorUnits } from './money.js';

describe('addDecimal', () => {
  it('adds exactly where floating point would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the reason this module exists
    expect(addDecimal('0.1', '0.2')).toBe('0.30');
    expect(addDecimal('125000.00', '80000.50')).toBe('205000.50');
    expect(addDecimal('0', '40000.25')).toBe('40000.25');
  });

  it('keeps precision beyond what a double can hold', () => {
    expect(addDecimal('99999999999999999.99', '0.01')).toBe('100000000000000000.00');
  });

  it('handles negative values and unequal scales', () => {
    expect(addDecimal('10.5', '-0.75')).toBe('9.75');
    expect(addDecimal('-1', '0.25')).toBe('-0.75');
    expect(addDecimal('1.005', '1')).toBe('2.005');
  });

  it('refuses strings that are not decimals', () => {
    expect(() => addDecimal('1e3', '1')).toThrow(/decimal/);
  });
});

describe('amountProblem', () => {
  it.each(['1', '0.01', '125000.00', '80000.5'])('accepts %s EUR', (amount) => {
    expect(amountProblem(amount, 'EUR')).toBeUndefined();
  });

  it.each(['0', '0.00', '-5', '1.005', '01', '1e3', ' 1', '1,50', ''])('rejects %j EUR', (amount) => {
    expect(amountProblem(amount, 'EUR')).toEqual(expect.any(String));
  });

  it("follows the currency's minor unit (ISO 4217, from Intl): JPY 0, EUR 2, KWD 3", () => {
    expect([minorUnits('JPY'), minorUnits('EUR'), minorUnits('KWD')]).toEqual([0, 2, 3]);
    expect(amountProblem('100', 'JPY')).toBeUndefined();
    expect(amountProblem('100.50', 'JPY')).toMatch(/whole number: JPY has no minor unit/);
    expect(amountProblem('1.125', 'KWD')).toBeUndefined();
    expect(amountProblem('1.1255', 'KWD')).toMatch(/at most 3 decimals \(the minor unit of KWD\)/);
    expect(minorUnits('EURO')).toBeUndefined();
  });

  it('knows when historical currencies were in use (CLDR)', () => {
    expect(minorUnits('DEM')).toBe(2);
    expect(inUseOn('DEM', '1999-05-01')).toBe(true);
    expect(inUseOn('DEM', '2023-05-01')).toBe(false);
    expect(inUseOn('EUR', '2023-05-01')).toBe(true);
  });

  it("adds in the currency's minor units", () => {
    expect(addMoney('100', '50', 'JPY')).toBe('150');
    expect(addMoney('1.125', '0.5', 'KWD')).toBe('1.625');
    expect(addMoney('0.1', '0.2', 'EUR')).toBe('0.30');
    expect(formatDecimal('2.50', 1)).toBe('2.5');
  });

  it('rejects numbers: amounts travel as strings', () => {
    expect(amountProblem(125000, 'EUR')).toMatch(/string/);
  });
});
