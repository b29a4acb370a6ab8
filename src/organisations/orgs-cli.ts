// The organisation commands behind `npm run orgs:create|orgs:list|orgs:members:add|orgs:members:list`.
// Like the key commands they take the database and the output streams as arguments, so tests run
// them against their own database.
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { runWithDatabase, type CliIo } from '../auth/cli.js';
import {
  addMember,
  createOrganisation,
  listMembers,
  listOrganisations,
  organisationBySlug,
  OrganisationInputError,
  UnknownOrganisationError,
} from './organisations.js';

export type OrgsCommand = 'create' | 'list' | 'members:add' | 'members:list';

const USAGE: Record<OrgsCommand, string> = {
  create: 'usage: npm run orgs:create -- --slug <slug> --name "<name>" [--languages uk,en,de] [--iati-ref DE-GOV-…] [--iati-name "…"]',
  list: 'usage: npm run orgs:list [-- --json]',
  'members:add':
    'usage: npm run orgs:members:add -- --organisation <slug> (--issuer <url> --subject <sub> | --email <address>) --roles office[,admin…]',
  'members:list': 'usage: npm run orgs:members:list -- --organisation <slug> [--json]',
};

type Options = Record<string, { type: 'string' | 'boolean' }>;
const S = { type: 'string' } as const;
const OPTIONS: Record<OrgsCommand, Options> = {
  create: { slug: S, name: S, languages: S, 'iati-ref': S, 'iati-name': S, 'iati-type': S, 'oparl-body-name': S },
  list: { json: { type: 'boolean' } },
  'members:add': { organisation: S, issuer: S, subject: S, email: S, roles: S },
  'members:list': { organisation: S, json: { type: 'boolean' } },
};

class UsageError extends Error {}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

/** Runs one command; returns the exit code (0 done, 1 failed, 2 usage). */
export async function runOrgsCommand(command: OrgsCommand, argv: string[], db: pg.Pool, io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs<{ options: Options; args: string[] }>({
      args: argv,
      options: { ...OPTIONS[command], help: { type: 'boolean' } },
    }));
    if (values.help) {
      io.out(USAGE[command] + '\n');
      return 0;
    }
    if (command === 'create' && (!values.slug || !values.name)) throw new UsageError('--slug and --name are required');
    if (command.startsWith('members') && !values.organisation) throw new UsageError('--organisation is required');
    if (command === 'members:add' && (!values.roles || !values.email === !(values.issuer && values.subject)))
      throw new UsageError('give --roles and either --email, or --issuer and --subject');
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE[command]}\n`);
    return 2;
  }
  try {
    return await run(command, values, db, io);
  } catch (err) {
    if (err instanceof OrganisationInputError) {
      io.err(`${err.field} ${err.reason}\n`);
      return 1;
    }
    if (err instanceof UnknownOrganisationError) {
      io.err(`${err.message} List them with: npm run orgs:list\n`);
      return 1;
    }
    throw err;
  }
}

async function run(command: OrgsCommand, values: Record<string, string | boolean | undefined>, db: pg.Pool, io: CliIo): Promise<number> {
  const str = (k: string) => values[k] as string | undefined;
  switch (command) {
    case 'create': {
      const iati = str('iati-ref') ? { ref: str('iati-ref'), name: str('iati-name'), type: str('iati-type') } : undefined;
      const settings = { ...(iati ? { iati } : {}), ...(str('oparl-body-name') ? { oparlBodyName: str('oparl-body-name') } : {}) };
      const o = await createOrganisation(db, { slug: str('slug'), name: str('name'), languages: str('languages'), settings });
      io.out(
        `Created organisation ${o.slug} ("${o.name}", id ${o.id}, languages ${o.languages.join(', ')}).\n` +
          `Add its admin with: npm run orgs:members:add -- --organisation ${o.slug} --email <address> --roles admin\n` +
          `Create a key with: npm run keys:create -- --organisation ${o.slug} --role office --name "…"\n`,
      );
      return 0;
    }
    case 'list': {
      const all = await listOrganisations(db);
      if (values.json) {
        io.out(JSON.stringify({ organisations: all }, null, 2) + '\n');
        return 0;
      }
      io.out(
        table([
          ['SLUG', 'NAME', 'LANGUAGES', 'IATI', 'ID'],
          ...all.map((o) => [o.slug, o.name, o.languages.join(','), o.settings.iati?.ref ?? '-', o.id]),
        ]),
      );
      return 0;
    }
    case 'members:add':
    case 'members:list': {
      const org = await organisationBySlug(db, str('organisation')!);
      if (!org) throw new UnknownOrganisationError(str('organisation')!);
      if (command === 'members:add') {
        const m = await addMember(db, org.id, { issuer: str('issuer'), subject: str('subject'), email: str('email'), roles: str('roles') });
        io.out(
          m.pending
            ? `${m.email} becomes ${m.roles.join(', ')} of ${org.slug} at their next sign-in.\n`
            : `Person ${m.personId} (${m.subject}) is ${m.roles.join(', ')} of ${org.slug}.\n`,
        );
        return 0;
      }
      const members = await listMembers(db, org.id);
      if (values.json) {
        io.out(JSON.stringify({ members }, null, 2) + '\n');
        return 0;
      }
      if (!members.length) {
        io.out(`${org.slug} has no members yet.\n`);
        return 0;
      }
      const rows = members.map((m) => [
        m.roles.join(','),
        m.displayName ?? '-',
        m.email ?? '-',
        m.subject ?? '-',
        m.pending ? 'pending' : 'member',
      ]);
      io.out(table([['ROLES', 'NAME', 'E-MAIL', 'SUBJECT', 'STATE'], ...rows]));
      return 0;
    }
  }
}

/** Entry point of the npm scripts: the command's arguments from argv, the database from the environment. */
export function runOrgsCli(command: OrgsCommand): Promise<never> {
  return runWithDatabase((pool, io) => runOrgsCommand(command, process.argv.slice(2), pool, io));
}
