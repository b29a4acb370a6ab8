import { addDecimal, amountProblem } from './decimal.js';

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
  it.each(['1', '0.01', '125000.00', '80000.5'])('accepts %s', (amount) => {
    expect(amountProblem(amount)).toBeUndefined();
  });

  it.each(['0', '0.00', '-5', '1.005', '01', '1e3', ' 1', '1,50', ''])('rejects %j', (amount) => {
    expect(amountProblem(amount)).toEqual(expect.any(String));
  });

  it('rejects numbers: amounts travel as strings', () => {
    expect(amountProblem(125000)).toMatch(/string/);
  });
});
