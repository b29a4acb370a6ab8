// System work inside a request bypasses row-level security: it stays in the few files named here,
// each for a reason (docs/security.md, "Where system work runs"). A new use fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SYSTEM_WORK_IN_REQUESTS = [
  'src/auth/api-key.guard.ts', // finds the key, session or feed token by its secret (and the memberships), before the organisation is known
  'src/auth/session/sign-in.controller.ts', // the person, its memberships and its new session, before any organisation acts
  'src/event-store/append-batcher.ts', // sends each group of appends in the scope of the requests that queued them
  'src/event-store/append-outcome.ts', // ends a lost append's server process (the connecting role's right)
  'src/event-store/lock-watch.ts', // reads other sessions' lock waits in pg_stat_activity
  'src/health/health.controller.ts', // the instance's readiness: projection lag and the oldest transaction's holder in pg_stat_activity
  'src/organisations/organisations.controller.ts', // accepting an invitation (found by its secret), unlinking (ends the partner's access row)
  'src/partnerships/read-models/projections.controller.ts', // the operator's rebuild clears a dead rebuild's tables (the owner's right)
  'src/partnerships/write/command.handler.ts', // seals personal values under the owner's subject keys, also for the partner's side
  'src/privacy/people.controller.ts', // an authorised erasure reaches every row holding the subject's data, the partner's too
  'src/privacy/subject-keys.ts', // opens the keys of envelopes the caller already read under its own policies
  'src/reporting/dashboard.ts', // finds the queue dashboard's key by its secret, as the key guard does
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}

it('leaves request work under row-level security except in the named places', () => {
  const root = process.cwd();
  const using = sources(join(root, 'src'))
    .filter((f) => !f.endsWith(join('shared', 'db-scope.ts')))
    .filter((f) => /\b(asSystem|inDbScope)\(/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
  expect(using).toEqual(SYSTEM_WORK_IN_REQUESTS);
});
