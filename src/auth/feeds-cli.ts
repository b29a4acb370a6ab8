// The calendar subscription commands behind `npm run feeds:create|feeds:list|feeds:revoke`, for the
// administrator on the server (tokens created here belong to no API key). Like keys-cli.ts they take
// the database, the settings and the output streams as arguments so tests run them on their own database.
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { createFeedToken, FeedTokenInputError, feedView, listFeedTokens, revokeFeedToken, subscriptionUrls } from './feed-tokens.js';
import { runWithDatabase, type CliIo } from './cli.js';
import { organisationIdForCli } from '../organisations/organisations.js';

export type FeedsCommand = 'create' | 'list' | 'revoke';

const USAGE: Record<FeedsCommand, string> = {
  create: 'usage: npm run feeds:create -- --name "<who subscribes>" [--partnership <partnership id>] [--organisation <slug>]',
  list: 'usage: npm run feeds:list [-- --json]',
  revoke: 'usage: npm run feeds:revoke -- <subscription id>',
};

type Options = Record<string, { type: 'string' | 'boolean' }>;
const OPTIONS: Record<FeedsCommand, Options> = {
  create: { name: { type: 'string' }, partnership: { type: 'string' }, organisation: { type: 'string' } },
  list: { json: { type: 'boolean' } },
  revoke: {},
};

class UsageError extends Error {}

const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

/** Runs one command; returns the process exit code (0 done, 1 failed, 2 usage). */
export async function runFeedsCommand(
  command: FeedsCommand,
  argv: string[],
  db: pg.Pool,
  io: CliIo,
  publicBaseUrl: string,
  now = new Date(),
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs<{ options: Options; allowPositionals: boolean; args: string[] }>({
      args: argv,
      options: { ...OPTIONS[command], help: { type: 'boolean' } },
      allowPositionals: command === 'revoke',
    }));
    if (values.help) {
      io.out(USAGE[command] + '\n');
      return 0;
    }
    if (command === 'revoke' && positionals.length !== 1) throw new UsageError('give exactly one subscription id');
    if (command === 'create' && !values.name) throw new UsageError('--name is required');
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE[command]}\n`);
    return 2;
  }

  switch (command) {
    case 'create': {
      const partnershipId = values.partnership as string | undefined;
      const organisationId = await organisationIdForCli(db, values.organisation as string | undefined, (line) => io.err(line));
      if (organisationId === null) return 1;
      if (partnershipId !== undefined) {
        const { rows } = await db.query(
          `SELECT 1 FROM partnership_access WHERE partnership_id = $1 AND organisation_id = $2 AND (until IS NULL OR until > now())`,
          [partnershipId, organisationId],
        );
        if (!rows.length) {
          io.err(`There is no partnership ${partnershipId} in this organisation.\n`);
          return 1;
        }
      }
      try {
        const { token, feed } = await createFeedToken(db, { name: values.name, partnershipId, organisationId }, now);
        const urls = subscriptionUrls(publicBaseUrl, token);
        io.out(
          `Created calendar subscription "${feed.name}" (id ${feed.id})${feed.partnershipId ? ` for ${feed.partnershipId}` : ''}.\n` +
            `This is the only time its address is shown; subscribe to it in the calendar app now:\n\n${urls.url}\n\n` +
            `(or ${urls.webcal})\nRevoke it with: npm run feeds:revoke -- ${feed.id}\n`,
        );
        return 0;
      } catch (err) {
        if (err instanceof FeedTokenInputError) {
          io.err(`--${err.field === 'partnershipId' ? 'partnership' : err.field} ${err.reason}\n${USAGE.create}\n`);
          return 2;
        }
        throw err;
      }
    }
    case 'list': {
      const feeds = await listFeedTokens(db);
      if (values.json) {
        io.out(JSON.stringify({ feeds: feeds.map(feedView) }, null, 2) + '\n');
        return 0;
      }
      if (!feeds.length) {
        io.out('No calendar subscriptions yet. Create one with: npm run feeds:create -- --name "…"\n');
        return 0;
      }
      const head = ['ID', 'NAME', 'PARTNERSHIP', 'CREATED BY KEY', 'CREATED', 'LAST USED', 'STATE'];
      const rows = feeds.map((f) => [
        f.id,
        JSON.stringify(f.name),
        f.partnershipId ?? '(all)',
        f.createdByKey ?? '(command line)',
        when(f.createdAt),
        when(f.lastUsedAt),
        f.revokedAt ? `revoked ${when(f.revokedAt)}` : 'active',
      ]);
      io.out(table([head, ...rows]));
      return 0;
    }
    case 'revoke': {
      const id = positionals[0];
      const feed = await revokeFeedToken(db, id, {}, now);
      if (!feed) {
        io.err(`There is no calendar subscription ${id}. See: npm run feeds:list\n`);
        return 1;
      }
      io.out(
        feed.wasRevoked
          ? `The calendar subscription "${feed.name}" (id ${feed.id}) was already revoked at ${when(feed.revokedAt)}.\n`
          : `Revoked the calendar subscription "${feed.name}" (id ${feed.id}); its address stops working at once.\n`,
      );
      return 0;
    }
  }
}

/** Entry point of the scripts: configuration and database from the environment, then the command. */
export function runFeedsCli(command: FeedsCommand, argv = process.argv.slice(2)): Promise<never> {
  return runWithDatabase((pool, io, config) => runFeedsCommand(command, argv, pool, io, config.PUBLIC_BASE_URL));
}
