import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config.js';
import { devMasterKey, loadMasterKey, openBytes, parseMasterKey, sealBytes, unwrapKey, wrapKey } from './master-key.js';

const key = randomBytes(32).toString('base64');

describe('the master key', () => {
  it('is the development key outside production, and required in production', () => {
    expect(loadMasterKey({ NODE_ENV: 'test' })).toMatchObject({ dev: true, id: devMasterKey().id });
    expect(() => loadMasterKey({ NODE_ENV: 'production' })).toThrow(/must be set when NODE_ENV=production/);
    expect(loadMasterKey({ NODE_ENV: 'production', LEDGER_MASTER_KEY: key })).toMatchObject({ dev: false, id: parseMasterKey(key).id });
  });

  it('is refused by loadConfig when it is no key, without showing it', () => {
    expect(() => loadConfig({ LEDGER_MASTER_KEY: 'c2hvcnQ=' })).toThrow(
      /LEDGER_MASTER_KEY: must be 32 random bytes in base64 \(openssl rand -base64 32\) \(got a value of 8 characters\)/,
    );
    expect(() => loadConfig({ LEDGER_MASTER_KEY_FILE: '/nonexistent/master.key' })).toThrow(
      /LEDGER_MASTER_KEY_FILE: cannot be read \(ENOENT\)/,
    );
    expect(() => loadConfig({ LEDGER_MASTER_KEY: key, LEDGER_MASTER_KEY_FILE: 'x' })).toThrow(/not both/);
    expect(loadConfig({ LEDGER_MASTER_KEY: key }).masterKey.key).toEqual(Buffer.from(key, 'base64'));
  });

  it('wraps a data key for one subject: another subject, another master key or a changed byte does not open it', () => {
    const master = parseMasterKey(key);
    const data = randomBytes(32);
    const wrapped = wrapKey(master, 'subject-a', data);
    expect(unwrapKey(master, 'subject-a', wrapped)).toEqual(data);
    expect(() => unwrapKey(master, 'subject-b', wrapped)).toThrow(/does not open with master key/);
    expect(() => unwrapKey(devMasterKey(), 'subject-a', wrapped)).toThrow(/is LEDGER_MASTER_KEY the key/);
    const changed = Buffer.from(wrapped);
    changed[changed.length - 1] ^= 1;
    expect(() => unwrapKey(master, 'subject-a', changed)).toThrow();
  });

  it('seals with a fresh nonce each time', () => {
    const k = randomBytes(32);
    const a = sealBytes(k, Buffer.from('Office Tester'), 'aad');
    const b = sealBytes(k, Buffer.from('Office Tester'), 'aad');
    expect(a.equals(b)).toBe(false);
    expect(openBytes(k, a, 'aad').toString()).toBe('Office Tester');
  });
});
