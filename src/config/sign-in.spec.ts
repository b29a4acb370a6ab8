import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const KEY_FILE = join(mkdtempSync(join(tmpdir(), 'pl-oidc-')), 'client.pem');
writeFileSync(KEY_FILE, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);

const OIDC = { OIDC_ISSUER: 'https://login.city.example/realms/staff', OIDC_CLIENT_ID: 'partnership-ledger' };

describe('sign-in settings', () => {
  it('has no single sign-on by default, and the key sign-in on', () => {
    const c = loadConfig({});
    expect(c.OIDC_ISSUER).toBeUndefined();
    expect(c.KEY_SIGN_IN).toBe(true);
    expect(c.SESSION_IDLE_MINUTES).toBe(30);
    expect(c.SESSION_ABSOLUTE_HOURS).toBe(12);
    expect(c.OIDC_SCOPES).toBe('openid profile email');
    expect(c.OIDC_ROLE_MAP).toEqual({ office: 'office', council: 'council', reporting: 'reporting', admin: 'admin' });
  });

  it('reads an issuer, its client and a role map', () => {
    const c = loadConfig({ ...OIDC, OIDC_ISSUER: `${OIDC.OIDC_ISSUER}/`, OIDC_ROLE_MAP: '{"ledger-office":"office"}' });
    expect(c.OIDC_ISSUER).toBe(OIDC.OIDC_ISSUER);
    expect(c.OIDC_ROLE_MAP).toEqual({ 'ledger-office': 'office' });
  });

  it.each([
    [{ OIDC_ISSUER: OIDC.OIDC_ISSUER }, /OIDC_CLIENT_ID: must be set when OIDC_ISSUER is set/],
    [{ OIDC_CLIENT_ID: 'x' }, /OIDC_ISSUER: must be set when OIDC_CLIENT_ID/],
    [{ ...OIDC, OIDC_ISSUER: 'ftp://idp.example' }, /OIDC_ISSUER: must be the issuer URL/],
    [{ ...OIDC, OIDC_ROLE_MAP: '{"staff":"superuser"}' }, /OIDC_ROLE_MAP: must be a JSON object of IdP group → role/],
    [{ ...OIDC, OIDC_ROLE_MAP: '["office"]' }, /OIDC_ROLE_MAP/],
    [{ ...OIDC, OIDC_SCOPES: 'profile email' }, /OIDC_SCOPES: must contain the scope openid/],
    [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
    [{ KEY_SIGN_IN: 'perhaps' }, /KEY_SIGN_IN: must be true or false/],
    [{ ...OIDC, OIDC_CLIENT_PRIVATE_KEY_FILE: '/nonexistent/client.pem' }, /OIDC_CLIENT_PRIVATE_KEY_FILE: cannot be read as a private key/],
    [
      { ...OIDC, OIDC_CLIENT_SECRET: 's', OIDC_CLIENT_PRIVATE_KEY_FILE: KEY_FILE },
      /OIDC_CLIENT_PRIVATE_KEY_FILE: set OIDC_CLIENT_SECRET or/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never prints the client secret', () => {
    const secret = 'S3cret'.repeat(400);
    expect(() => loadConfig({ ...OIDC, OIDC_CLIENT_SECRET: secret })).toThrow(/OIDC_CLIENT_SECRET: .*\(got a value of 2400 characters\)/);
    expect(() => loadConfig({ ...OIDC, OIDC_CLIENT_SECRET: secret })).not.toThrow(/S3cretS3cret/);
  });

  it('takes a P-256 or RSA key file for private_key_jwt instead of a secret', () => {
    expect(loadConfig({ ...OIDC, OIDC_CLIENT_PRIVATE_KEY_FILE: KEY_FILE, OIDC_CLIENT_KEY_ID: 'k1' }).OIDC_CLIENT_PRIVATE_KEY_FILE).toBe(
      KEY_FILE,
    );
  });

  it('wants https for the issuer and the service in production', () => {
    const prod = { NODE_ENV: 'production', CURSOR_SECRET: 'x'.repeat(40), LEDGER_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(() => loadConfig({ ...prod, ...OIDC, OIDC_ISSUER: 'http://idp.example' })).toThrow(/OIDC_ISSUER: must use https/);
    expect(() => loadConfig({ ...prod, ...OIDC })).toThrow(/PUBLIC_BASE_URL: must use https/);
    expect(loadConfig({ ...prod, ...OIDC, PUBLIC_BASE_URL: 'https://ledger.city.example' }).OIDC_ISSUER).toBe(OIDC.OIDC_ISSUER);
  });
});
