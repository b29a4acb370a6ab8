// Row-level security on the one pool of the process. A statement of request work runs as the
// service's role (no BYPASSRLS) with the request's organisations set for its transaction only
// (set_config(…, true)), so a pooled connection never carries them on. System work (outside any
// request, or inside asSystem) runs as the connecting role. See docs/security.md, "Isolation".
import pg from 'pg';
import { currentDbScope, type DbScope } from '../shared/db-scope.js';

/** The role request work runs as; the migration creates it (migrations/1764000099000-RowLevelSecurity.ts). */
export const DEFAULT_APP_ROLE = 'ledger_app';

const BEGINS = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const ENDS = /^\s*(COMMIT|END|ABORT|ROLLBACK)\b(?!\s+TO\b)/i;
const SCOPED = Symbol('rls-scoped-pool');

type Callback = (err: Error | null | undefined, result?: unknown) => void;
type AnyQuery = (this: pg.Client, ...args: unknown[]) => unknown;
interface Connection {
  submittedNamedStatements: Record<string, string>;
  parse(q: { text: string; name: string; types: unknown[] }): void;
  bind(c: { portal: string; statement: string; values: unknown[]; binary: boolean }): void;
  execute(c: { portal: string; rows: number }): void;
}
interface QueryInternals {
  name?: string;
  text?: string;
  types: unknown[];
  hasBeenParsed(connection: Connection): boolean;
  prepare(connection: Connection): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: Connection): void;
}
const QueryBase = pg.Query as unknown as new (config: unknown, values?: unknown, callback?: unknown) => QueryInternals;

interface Prefix {
  /** the statement that sets the scope, with its values ($1…) */
  text: string;
  values: string[];
  /** the same as one literal statement, after BEGIN in a simple query */
  literal: string;
}

/**
 * One statement outside a transaction, preceded in the same pipeline (one Sync, so one implicit
 * transaction and one round trip) by the statement that sets the role and the organisations.
 */
class ScopedQuery extends QueryBase {
  private prefixPending = true;
  constructor(
    config: unknown,
    values: unknown,
    callback: Callback,
    private readonly prefix: Prefix,
  ) {
    super(config, values, callback);
  }
  requiresPreparation(): boolean {
    return true;
  }
  prepare(connection: Connection): void {
    // A named statement is parsed before the prefix: the client marks a name as prepared at the
    // pipeline's first ParseComplete, so a Parse that failed after the prefix's succeeded (e.g. a
    // statement timeout while it waits for a table lock) would leave the name marked but missing.
    if (this.name && this.text !== undefined && !this.hasBeenParsed(connection)) {
      connection.parse({ text: this.text, name: this.name, types: this.types });
      connection.submittedNamedStatements[this.name] = this.text;
    }
    connection.parse({ text: this.prefix.text, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: this.prefix.values, binary: false });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection);
  }
  handleDataRow(msg: unknown): void {
    if (!this.prefixPending) super.handleDataRow(msg);
  }
  handleCommandComplete(msg: unknown, connection: Connection): void {
    if (this.prefixPending) this.prefixPending = false;
    else super.handleCommandComplete(msg, connection);
  }
}

function prefixOf(scope: Extract<DbScope, { kind: 'request' }>, appRole: string): Prefix {
  const organisations = `{${scope.organisations.join(',')}}`;
  const orgs = (p: string) => `set_config('ledger.organisations', ${p}, true)`;
  if (!appRole)
    return { text: `SELECT ${orgs('$1')}`, values: [organisations], literal: `SELECT ${orgs(pg.escapeLiteral(organisations))}` };
  return {
    text: `SELECT set_config('role', $1, true), ${orgs('$2')}`,
    values: [appRole, organisations],
    literal: `SELECT set_config('role', ${pg.escapeLiteral(appRole)}, true), ${orgs(pg.escapeLiteral(organisations))}`,
  };
}

function textOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  const text = (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : undefined;
}

/** Gives a client checked out for request work the scope's role and organisations until it is released. */
function scopeClient(client: pg.PoolClient, scope: Extract<DbScope, { kind: 'request' }>, appRole: string): void {
  const query = Object.getPrototypeOf(client).query as AnyQuery;
  const prefix = prefixOf(scope, appRole);
  let inTransaction = false;
  const scoped = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown): unknown {
    const cb = (typeof values === 'function' ? values : callback) as Callback | undefined;
    const vals = typeof values === 'function' ? undefined : values;
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') {
      // A cursor or stream brings its own protocol messages: it must run inside a transaction begun here.
      if (!inTransaction) throw new Error('request work streams rows only inside a transaction');
      return query.call(client, config, values, callback);
    }
    const text = textOf(config);
    if (text !== undefined && BEGINS.test(text) && !inTransaction) {
      inTransaction = true;
      // One round trip: BEGIN and the scope together (a simple query of two statements).
      const both =
        typeof config === 'string' ? `${config}; ${prefix.literal}` : { ...(config as object), text: `${text}; ${prefix.literal}` };
      return query.call(client, both, cb);
    }
    if (text !== undefined && ENDS.test(text)) inTransaction = false;
    if (inTransaction) return query.call(client, config, values, callback);
    if (cb) {
      query.call(client, new ScopedQuery(config, vals, cb, prefix));
      return undefined;
    }
    return new Promise((resolve, reject) => {
      query.call(client, new ScopedQuery(config, vals, (err, res) => (err ? reject(err) : resolve(res)), prefix));
    });
  };
  Object.defineProperty(client, 'query', { value: scoped, configurable: true, writable: true });
  const release = client.release.bind(client);
  client.release = (err?: Error | boolean) => {
    delete (client as { query?: unknown }).query;
    return release(err);
  };
}

/**
 * Makes the pool apply the current DbScope to every checkout: request work (pool.query, connect,
 * and TypeORM, which checks out through the same pool) runs scoped; system work as it connected.
 * `appRole` empty: the connecting role is already the service's role (separate login roles).
 */
export function scopePool(pool: pg.Pool, appRole: string = DEFAULT_APP_ROLE): pg.Pool {
  const marked = pool as pg.Pool & { [SCOPED]?: true };
  if (marked[SCOPED]) return pool;
  marked[SCOPED] = true;
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client?: pg.PoolClient, done?: unknown) => void) => unknown;
  const scoped = (cb?: (err: Error | undefined, client?: pg.PoolClient, done?: unknown) => void): unknown => {
    // Taken now: a client handed over later comes in the context of whoever released it.
    const scope = currentDbScope();
    if (scope.kind === 'system') return connect(cb);
    if (cb)
      return connect((err, client) => {
        if (err || !client) return cb(err, client);
        scopeClient(client, scope, appRole);
        cb(undefined, client, (err?: Error | boolean) => client.release(err));
      });
    return (connect() as Promise<pg.PoolClient>).then((client) => (scopeClient(client, scope, appRole), client));
  };
  Object.defineProperty(pool, 'connect', { value: scoped, configurable: true, writable: true });
  return pool;
}
