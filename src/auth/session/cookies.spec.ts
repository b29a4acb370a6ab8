import { cookieNames, safeReturnTo } from './cookies.js';

describe('returnTo', () => {
  const base = 'https://ledger.city.example';
  it.each([
    [undefined, '/'],
    ['/', '/'],
    ['/#/p/dortmund-zhytomyr?asOf=2023-01-15', '/#/p/dortmund-zhytomyr?asOf=2023-01-15'],
    ['/?x=1', '/?x=1'],
    ['/a/../b', '/b'],
  ])('keeps %j as %j', (value, expected) => expect(safeReturnTo(value, base)).toBe(expected));

  it.each([
    'https://evil.example/',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/ok\nLocation: x',
    '/ok\u0000',
    '',
    ['/'],
  ])('refuses %j', (value) => expect(safeReturnTo(value, base)).toBeNull());
});

describe('cookie names', () => {
  it('uses __Host- cookies (Secure) everywhere but plain-http localhost in development', () => {
    expect(cookieNames({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://ledger.city.example' }).session).toBe('__Host-pl_session');
    expect(cookieNames({ NODE_ENV: 'development', PUBLIC_BASE_URL: 'https://ledger.city.example' }).secure).toBe(true);
    expect(cookieNames({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'http://localhost:3000' }).secure).toBe(true);
    expect(cookieNames({ NODE_ENV: 'development', PUBLIC_BASE_URL: 'http://ledger.test' }).secure).toBe(true);
    expect(cookieNames({ NODE_ENV: 'development', PUBLIC_BASE_URL: 'http://localhost:3000' })).toEqual({
      session: 'pl_session',
      attempt: 'pl_signin',
      secure: false,
    });
  });
});
