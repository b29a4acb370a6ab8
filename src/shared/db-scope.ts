// Whose database work this is: a request's (row-level security, its organisations only) or the
// instance's (system work: consumers, relays, workers, CLIs). The pool (event-store/scoped-pool.ts)
// reads it on every statement, so feature code needs no parameter for it.
import { AsyncLocalStorage } from 'node:async_hooks';

export type DbScope = { kind: 'request'; organisations: readonly string[] } | { kind: 'system' };

const storage = new AsyncLocalStorage<DbScope>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The scope of the work running now; outside any scope (boot, consumers, CLIs, tests) it is system work. */
export function currentDbScope(): DbScope {
  return storage.getStore() ?? { kind: 'system' };
}

/**
 * Runs fn as a request: its statements run as the service's role, seeing no organisation until
 * `setScopeOrganisations` names one (so a handler reached before authentication reads nothing).
 */
export function runAsRequest<T>(fn: () => T, organisations: readonly string[] = []): T {
  return storage.run({ kind: 'request', organisations: checked(organisations) }, fn);
}

/** Names the organisations the current request acts for (the authentication guard, once it knows). */
export function setScopeOrganisations(organisations: readonly string[]): void {
  const scope = storage.getStore();
  if (scope?.kind === 'request') (scope as { organisations: readonly string[] }).organisations = checked(organisations);
}

/**
 * System work inside a request: the few places that must see every organisation's rows (finding
 * the key or session a request presents, before its organisation is known). Kept to the files
 * named in .dependency-cruiser.cjs (rule `system-role-in-named-places`).
 */
export function asSystem<T>(fn: () => T): T {
  return storage.run({ kind: 'system' }, fn);
}

/**
 * Runs fn in a scope taken earlier with currentDbScope(): work queued by one request and sent later
 * (the store's group commit) keeps that request's role and organisations.
 */
export function inDbScope<T>(scope: DbScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/**
 * Scopes that may share one append statement: system work with system work, request work with
 * request work. Request appends of several organisations share one statement in the union of their
 * organisations: each row still names its own organisation, and the events' insert policy checks
 * that organisation's access to the row's stream (migrations/1764000110000-EventsWriteAccess.ts).
 */
export function dbScopeKey(scope: DbScope): string {
  return scope.kind;
}

/** The scope one shared statement runs in: the union of the requests' organisations. */
export function unionScope(scopes: readonly DbScope[]): DbScope {
  if (scopes.some((s) => s.kind === 'system')) return { kind: 'system' };
  const organisations = new Set<string>();
  for (const s of scopes) if (s.kind === 'request') for (const o of s.organisations) organisations.add(o);
  return { kind: 'request', organisations: [...organisations].sort() };
}

function checked(organisations: readonly string[]): readonly string[] {
  for (const id of organisations) if (!UUID.test(id)) throw new Error('an organisation id is not a uuid');
  return [...organisations];
}
