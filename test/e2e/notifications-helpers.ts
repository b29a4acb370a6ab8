// Helpers for the notification suites: a signed-in person (a real person row and session), their
// requests with the session cookie and CSRF token, and council decisions on a partnership.
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import request from 'supertest';
import { createSession } from '../../src/auth/session/sessions.js';
import { upsertPerson } from '../../src/people/people.js';
import type { Role } from '../../src/shared/auth/roles.js';
import { Clock } from '../../src/shared/clock.js';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.js';
import type { TestApp } from '../support/app.js';
import { API, poolOf, post } from './partnerships-helpers.js';

export interface SignedIn {
  personId: string;
  cookie: string;
  csrf: string;
}

export async function signIn(t: TestApp, who: { subject: string; name: string; email: string | null; roles?: Role[] }): Promise<SignedIn> {
  const pool = poolOf(t);
  const now = t.app.get(Clock).now(); // the app's clock, which a suite may have moved on
  const person = await upsertPerson(
    pool,
    { issuer: 'https://idp.test', subject: who.subject, displayName: who.name, email: who.email },
    now,
  );
  const { secret } = await createSession(
    pool,
    { personId: person.id, roles: who.roles ?? ['council'], idToken: null, organisationId: INSTANCE_ORGANISATION_ID },
    now,
    {
      idleMs: 3_600_000,
      absoluteMs: 86_400_000 * 30,
    },
  );
  const cookie = `pl_session=${secret}`;
  const me = await request(t.http).get('/api/v1/me').set('Cookie', cookie);
  if (me.status !== 200) throw new Error(`sign-in failed: ${me.status} ${JSON.stringify(me.body)}`);
  return { personId: person.id, cookie, csrf: me.body.csrfToken };
}

export function putSubscription(t: TestApp, who: SignedIn, body: unknown) {
  return request(t.http)
    .put('/api/v1/me/subscriptions')
    .set('Cookie', who.cookie)
    .set('X-CSRF-Token', who.csrf)
    .send(body as object);
}

export async function decide(t: TestApp, key: string, partnership: string, occurredOn: string) {
  const res = await post(t, key, `${API}/${partnership}/council-decisions`, { occurredOn, outcome: 'adopted', proposedTier: 'solidarity' });
  if (res.status !== 201) throw new Error(`decision refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Runs the notification dispatcher until it has seen every event. One drain is not enough: an event
 * committed a moment ago is held back while an older transaction still runs (the gap-safe horizon).
 */
export async function dispatchAll(t: TestApp): Promise<void> {
  const dispatcher = t.app.get(NotificationDispatcher);
  const store = t.app.get(PostgresEventStore);
  for (let i = 0; i < 400; i++) {
    await dispatcher.consumer.drain();
    if ((await store.head(dispatcher.consumer.status().checkpoint)).behind === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the notification dispatcher did not catch up');
}
