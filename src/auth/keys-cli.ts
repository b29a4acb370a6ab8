// The key commands behind `npm run keys:create|keys:list|keys:rotate|keys:revoke`. They take the
// database and the output streams as arguments so tests run them against their own database.
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { ROLES } from '../shared/auth/roles.js';
import { runWithDatabase, type CliIo } from './cli.js';
import { organisationIdForCli } from '../organisations/organisations.js';
import {
  ApiKeyInputError,
  ApiKeyStateError,
  DEFAULT_ROTATION_GRACE,
  createApiKey,
  keyState,
  keyView,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  type ApiKey,
} from './api-keys.js';

export type KeysCommand = 'create' | 'list' | 'rotate' | 'revoke';

const USAGE: Record<KeysCommand, string> = {
  create: `usage: npm run keys:create -- --role <${ROLES.join('|')}> --name "<who uses the key>" [--expires-in 90d] [--organisation <slug>]`,
  list: 'usage: npm run keys:list [-- --json]',
  rotate: `usage: npm run keys:rotate -- <key id> [--grace ${DEFAULT_ROTATION_GRACE}] [--expires-in 90d]`,
  revoke: 'usage: npm run keys:revoke -- <key id>',
};

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;
const OPTIONS: Record<KeysCommand, Options> = {
  create: { role: { type: 'string' }, name: { type: 'string' }, 'expires-in': { type: 'string' }, organisation: { type: 'string' } },
  list: { json: { type: 'boolean' } },
  rotate: { grace: { type: 'string' }, 'expires-in': { type: 'string' } },
  revoke: {},
};

class UsageError extends Error {}

const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function stateText(k: ApiKey, now: Date): string {
  const s = keyState(k, now);
  if (s === 'rotating') return `rotating (old key, valid until ${when(k.expiresAt)})`;
  if (s === 'rotated') return `rotated (replaced by ${k.replacedBy})`;
  return s;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

const shown = (key: string, k: ApiKey) =>
  `This is the only time the key is shown; store it now:\n\n${key}\n\nUse it as: Authorization: Bearer ${key.slice(0, 6)}…\n` +
  (k.expiresAt ? `It stops working at ${when(k.expiresAt)}.\n` : '');

/** Runs one key command; returns the process exit code (0 done, 1 failed, 2 usage). */
export async function runKeysCommand(command: KeysCommand, argv: string[], db: pg.Pool, io: CliIo, now = new Date()): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs<{ options: Options; allowPositionals: boolean; args: string[] }>({
      args: argv,
      options: { ...OPTIONS[command], help: { type: 'boolean', short: 'h' } },
      allowPositionals: command === 'rotate' || command === 'revoke',
    }));
    if (values.help) {
      io.out(USAGE[command] + '\n');
      return 0;
    }
    if ((command === 'rotate' || command === 'revoke') && positionals.length !== 1) throw new UsageError('give exactly one key id');
    if (command === 'create' && (!values.role || !values.name)) throw new UsageError('--role and --name are required');
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE[command]}\n`);
    return 2;
  }

  try {
    switch (command) {
      case 'create': {
        const organisationId = await organisationIdForCli(db, values.organisation as string | undefined, (line) => io.err(line));
        if (organisationId === null) return 1;
        const { key, apiKey } = await createApiKey(
          db,
          { role: values.role, name: values.name, expiresIn: values['expires-in'], organisationId },
          now,
        );
        io.out(`Created ${apiKey.role} key "${apiKey.name}" for ${apiKey.organisationSlug} (id ${apiKey.id}).\n${shown(key, apiKey)}`);
        return 0;
      }
      case 'list': {
        const keys = await listApiKeys(db);
        if (values.json) {
          io.out(JSON.stringify({ keys: keys.map((k) => keyView(k, now)) }, null, 2) + '\n');
          return 0;
        }
        if (!keys.length) {
          io.out('No API keys yet. Create one with: npm run keys:create -- --role admin --name "…"\n');
          return 0;
        }
        const head = ['ID', 'ORGANISATION', 'ROLE', 'NAME', 'CREATED', 'LAST USED', 'EXPIRES', 'STATE'];
        const rows = keys.map((k) => [
          k.id,
          k.organisationSlug,
          k.role,
          JSON.stringify(k.name),
          when(k.createdAt),
          when(k.lastUsedAt),
          when(k.expiresAt),
          stateText(k, now),
        ]);
        io.out(table([head, ...rows]));
        return 0;
      }
      case 'rotate': {
        const id = positionals[0];
        const rotated = await rotateApiKey(db, id, { grace: values.grace, expiresIn: values['expires-in'] }, now);
        if (!rotated) {
          io.err(`There is no API key ${id}. See: npm run keys:list\n`);
          return 1;
        }
        io.out(
          `Rotated ${rotated.apiKey.role} key "${rotated.apiKey.name}": new key id ${rotated.apiKey.id}; ` +
            `the old key ${id} keeps working until ${when(rotated.previous.expiresAt)}.\n${shown(rotated.key, rotated.apiKey)}`,
        );
        return 0;
      }
      case 'revoke': {
        const id = positionals[0];
        const key = await revokeApiKey(db, id, now);
        if (!key) {
          io.err(`There is no API key ${id}. See: npm run keys:list\n`);
          return 1;
        }
        io.out(
          key.wasRevoked
            ? `The ${key.role} key "${key.name}" (id ${key.id}) was already revoked at ${when(key.revokedAt)}.\n`
            : `Revoked ${key.role} key "${key.name}" (id ${key.id}); running services refuse it within 5 seconds.\n`,
        );
        return 0;
      }
    }
  } catch (err) {
    if (err instanceof ApiKeyInputError) {
      const flag = { expiresIn: 'expires-in' }[err.field] ?? err.field;
      io.err(`--${flag} ${err.reason}\n${USAGE[command]}\n`);
      return 2;
    }
    if (err instanceof ApiKeyStateError) {
      io.err(`${err.message} Create a new key with npm run keys:create instead.\n`);
      return 1;
    }
    throw err;
  }
}

/** Entry point of the scripts: configuration and database from the environment, then the command. */
export function runKeysCli(command: KeysCommand, argv = process.argv.slice(2)): Promise<never> {
  return runWithDatabase((pool, io) => runKeysCommand(command, argv, pool, io));
}
