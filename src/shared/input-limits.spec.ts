import { bodyProblems, INPUT_LIMITS, pathHasControlCharacter, pathProblems, queryProblems, textProblem } from './input-limits.js';

const nested = (depth: number) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe('bodyProblems', () => {
  it('takes an ordinary command body', () => {
    expect(bodyProblems({ occurredOn: '2023', items: ['a', 'b'], value: { amount: '1.00', currency: 'EUR' } })).toEqual([]);
  });

  it('allows 32 levels of nesting and names where the 33rd begins', () => {
    expect(bodyProblems(nested(32))).toEqual([]);
    expect(bodyProblems(nested(33))).toEqual([{ field: Array(32).fill('a').join('.'), reason: expect.stringMatching(/deeper than 32/) }]);
  });

  it('walks a body nested 100,000 levels deep without recursion', () => {
    expect(bodyProblems(nested(100_000))).toHaveLength(1);
  });

  it('refuses prototype keys as unknown fields, at any depth', () => {
    const body = JSON.parse('{"__proto__":{"x":1},"a":{"constructor":1,"b":[{"prototype":2}]}}');
    expect(bodyProblems(body)).toEqual([
      { field: '__proto__', reason: 'is not a known field' },
      { field: 'a.constructor', reason: 'is not a known field' },
      { field: 'a.b[0].prototype', reason: 'is not a known field' },
    ]);
  });

  it('counts fields once and does not walk an object that has too many', () => {
    const deep = nested(40);
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, deep]));
    expect(bodyProblems({ wide })).toEqual([{ field: 'wide', reason: 'has 50000 fields; at most 100 are allowed' }]);
  });

  it('refuses long lists, long texts and a body of too many values', () => {
    expect(bodyProblems({ items: Array(INPUT_LIMITS.arrayLength + 1).fill(1) })[0].field).toBe('items');
    expect(bodyProblems({ text: 'x'.repeat(INPUT_LIMITS.stringLength + 1) })[0]).toEqual({
      field: 'text',
      reason: `must be at most ${INPUT_LIMITS.stringLength} characters`,
    });
    const many = { lists: Array.from({ length: 20 }, () => Array(600).fill(0)) };
    expect(bodyProblems(many)).toEqual([{ field: 'body', reason: `must hold at most ${INPUT_LIMITS.values} values` }]);
  });

  it('shortens a long field name in the error instead of echoing it', () => {
    const [error] = bodyProblems({ ['k'.repeat(5000)]: 1 });
    expect(error.reason).toBe('is not a known field');
    expect(error.field.length).toBeLessThan(50);
  });

  it('refuses lone surrogates in values and keys, and a number JSON cannot hold', () => {
    expect(bodyProblems({ text: 'a\ud800b' })).toEqual([{ field: 'text', reason: expect.stringMatching(/lone surrogate/) }]);
    expect(bodyProblems({ ['\udc00']: 1 })).toEqual([{ field: '\udc00', reason: 'is not a known field' }]);
    expect(bodyProblems({ list: [Infinity] })).toEqual([{ field: 'list[0]', reason: expect.stringMatching(/too large/) }]);
    expect(bodyProblems({ flag: '🇺🇦 e\u0301' })).toEqual([]);
  });

  it('refuses U+FFFD only when the bytes were not UTF-8', () => {
    expect(textProblem('a\ufffdb')).toBeUndefined();
    expect(textProblem('a\ufffdb', true)).toMatch(/UTF-8/);
  });
});

describe('queryProblems', () => {
  it('takes ordinary parameters, encoded Cyrillic and plus signs', () => {
    expect(queryProblems('q=%D0%96%D0%B8%D1%82%D0%BE%D0%BC%D0%B8%D1%80&limit=20&area=youth+work')).toEqual([]);
  });

  it.each([
    ['a NUL', 'q=a%00b', 'q', /control characters/],
    ['a newline', 'q=a%0Ab', 'q', /control characters/],
    ['a C1 control', 'q=%C2%85', 'q', /control characters/],
    ['an encoded surrogate', 'q=%ED%A0%80', 'q', /UTF-8/],
    ['a byte that is not UTF-8', 'q=%FF', 'q', /UTF-8/],
    ['a broken escape', 'q=%', 'q', /UTF-8/],
    ['a repeat', 'q=a&q=b', 'q', /once/],
    ['a long value', `q=${'x'.repeat(INPUT_LIMITS.queryValueLength + 1)}`, 'q', /at most/],
    ['a NUL in the name', 'a%00b=1', 'a?b', /not a known/],
  ])('%s is refused, naming the parameter', (_what, query, field, reason) => {
    const [error] = queryProblems(query);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it('refuses too many parameters at once', () => {
    expect(queryProblems(Array.from({ length: 31 }, (_, i) => `p${i}=1`).join('&'))).toEqual([
      { field: 'query', reason: 'must have at most 30 parameters' },
    ]);
  });
});

describe('pathProblems', () => {
  it('takes encoded UTF-8 and refuses what does not decode', () => {
    expect(pathProblems('/api/v1/partnerships/%D0%96')).toEqual([]);
    expect(pathProblems('/api/v1/partnerships/%FF')).toEqual([{ field: 'path', reason: expect.stringMatching(/UTF-8/) }]);
  });

  it('finds control characters in a segment, encoded or not (the fuzz found NUL reaching PostgreSQL)', () => {
    for (const path of ['/api/v1/partnerships/%00/aid.iati.xml', '/api/v1/partnerships/a%0Ab', '/oparl/v1.1/paper/%7F'])
      expect(pathHasControlCharacter(path)).toBe(true);
    expect(pathHasControlCharacter('/api/v1/partnerships/dortmund-zhytomyr/aid.iati.xml')).toBe(false);
    expect(pathHasControlCharacter('/api/v1/partnerships/%D0%96%20x')).toBe(false);
  });
});
