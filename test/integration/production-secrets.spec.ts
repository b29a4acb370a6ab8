// The service refuses to start in production with a secret left at its public development default.
import { ConfigError, loadConfig } from '../../src/config/config.js';

const problemOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
};

describe('secrets when NODE_ENV=production', () => {
  it('refuses a missing CURSOR_SECRET, naming the variable and why', () => {
    const message = problemOf({ NODE_ENV: 'production' });
    expect(message).toMatch(/CURSOR_SECRET: must be set when NODE_ENV=production: it signs list cursors/);
    expect(message).toMatch(/forge/);
    expect(message).toMatch(/openssl rand/);
  });

  it('refuses the development default set explicitly, and a short secret, without printing it', () => {
    expect(problemOf({ NODE_ENV: 'production', CURSOR_SECRET: 'partnership-ledger-cursors' })).toMatch(
      /CURSOR_SECRET: must not be the built-in development default/,
    );
    const short = problemOf({ NODE_ENV: 'production', CURSOR_SECRET: 'short-but-valid-in-dev' });
    expect(short).toMatch(/CURSOR_SECRET: must be at least 32 characters/);
    expect(short).not.toContain('short-but-valid-in-dev');
  });

  it('never prints a secret or a password in any configuration error', () => {
    const message = problemOf({ CURSOR_SECRET: 'tiny', DATABASE_URL: 'postgres://app:pa55word@db:5432/x', PORT: 'eighty' });
    expect(message).toMatch(/CURSOR_SECRET: .*\(got a value of 4 characters\)/);
    expect(message).not.toContain('tiny');
    const url = problemOf({ DATABASE_URL: 'mysql://app:pa55word@db/x' });
    expect(url).toMatch(/DATABASE_URL: must be a URL/);
    expect(url).not.toContain('pa55word');
  });

  it('reports the secret together with other configuration errors', () => {
    const message = problemOf({ NODE_ENV: 'production', PORT: 'eighty' });
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/CURSOR_SECRET: must be set/);
  });

  it('starts with a long explicit secret in production, and with the default elsewhere', () => {
    const secret = 'x9'.repeat(24);
    const master = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', CURSOR_SECRET: secret, LEDGER_MASTER_KEY: master }).CURSOR_SECRET).toBe(secret);
    // the master key that protects personal data has no default in production (docs/privacy.md)
    expect(problemOf({ NODE_ENV: 'production', CURSOR_SECRET: secret })).toMatch(/LEDGER_MASTER_KEY: must be set when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'development' }).CURSOR_SECRET).toBe('partnership-ledger-cursors');
    expect(loadConfig({ NODE_ENV: 'test' }).CURSOR_SECRET).toBe('partnership-ledger-cursors');
  });
});
