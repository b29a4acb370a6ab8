// Random partnership histories written to a store as the command path would: recorded in a random
// order (late entries), then corrections that move entries in business time, retractions, aid
// receipts and activities naming people (sealed personal values). Test-only.
import fc from 'fast-check';
import { v5 as uuidv5 } from 'uuid';
import type { PostgresEventStore } from '../../src/event-store/index.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import {
  decide,
  DomainError,
  fold,
  type History,
  type PartnershipCommand,
  type RecordedEvent,
} from '../../src/partnerships/domain/index.js';
import { HISTORY_NOW, historyArb, recordInOrder, type Step } from '../../src/partnerships/domain/testing/histories.js';
import { actorIdOf } from '../../src/people/people.js';
import { sealEvents } from '../../src/privacy/sealing.js';

const NS = '0d6c1f7e-3b2a-4f59-8c0e-5a9b7d3e2f14';
const PEOPLE = ['Office Tester', 'Council Clerk', 'Youth Worker', 'Interpreter'];
const PERSONS: [id: string, name: string | null][] = [
  ['018f0000-0000-7000-8000-000000000001', 'Office Tester'],
  ['018f0000-0000-7000-8000-000000000002', ''],
  ['018f0000-0000-7000-8000-000000000003', null],
];
const ACTORS = ['property', ...PERSONS.map(([id]) => actorIdOf(id)), actorIdOf('018f0000-0000-7000-8000-00000000000f')];

async function ensurePeople(store: PostgresEventStore): Promise<void> {
  for (const [id, name] of PERSONS)
    await store.pool.query(
      `INSERT INTO person (id, issuer, subject, display_name, email, created_at, updated_at) VALUES ($1::uuid, 'test', $1::text, $2, NULL, now(), now())
       ON CONFLICT DO NOTHING`,
      [id, name],
    );
}

export type Later = 'move' | 'retract' | 'receipt' | 'activity';

export interface Generated {
  id: string;
  order: Step[];
  afterwards: Later[];
  picks: number[];
}

export const generatedArb = (id: string): fc.Arbitrary<Generated> => {
  return historyArb(id).chain((steps) =>
    fc.record({
      id: fc.constant(id),
      order: fc
        .shuffledSubarray(steps.slice(1), { minLength: steps.length - 1, maxLength: steps.length - 1 })
        .map((rest) => [steps[0], ...rest]),
      afterwards: fc.array(fc.constantFrom<Later>('move', 'retract', 'receipt', 'activity'), { maxLength: 5 }),
      picks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    }),
  );
};

/** The command a later step records against the history so far, or null when none fits. */
function laterCommand(g: Generated, what: Later | 'delivery', pick: number, history: History, i: number): PartnershipCommand | null {
  const live = history.entryOrder.filter(
    (e) => !history.entries[e].retracted && !['PartnershipInitiated', 'EntryCorrected', 'EntryRetracted'].includes(history.entries[e].type),
  );
  if (what === 'activity') {
    const people = [PEOPLE[pick % PEOPLE.length], PEOPLE[(pick + 1 + i) % PEOPLE.length]];
    return {
      type: 'RecordActivity',
      partnershipId: g.id,
      data: {
        occurredOn: { date: `2019-0${(pick % 9) + 1}`, precision: 'month' },
        title: `Exchange ${i}`,
        participants: people,
        contactPerson: people[0],
      },
    } as PartnershipCommand;
  }
  if (what === 'delivery')
    return {
      type: 'RecordAidDelivery',
      partnershipId: g.id,
      data: {
        occurredOn: { date: `2019-0${(pick % 9) + 1}-1${i}`, precision: 'day' },
        receiver: { en: 'Zhytomyr' },
        value: { amount: '12.50', currency: 'EUR' },
        modality: 'in_kind',
      },
    } as PartnershipCommand;
  if (what === 'receipt') {
    const deliveries = live.filter((e) => history.entries[e].type === 'AidDelivered');
    const deliveryId = deliveries[pick % Math.max(1, deliveries.length)];
    if (!deliveryId) return null;
    const on = history.entries[deliveryId].data.occurredOn;
    return {
      type: 'ConfirmAidReceipt',
      partnershipId: g.id,
      data:
        Math.floor(pick / 2) % 2
          ? { occurredOn: on, deliveryId, received: 'all' }
          : { occurredOn: on, deliveryId, received: 'part', discrepancies: 'one box short' },
    } as PartnershipCommand;
  }
  const targetId = live[pick % Math.max(1, live.length)];
  if (!targetId) return null;
  const on = history.entries[targetId].data.occurredOn as { date: string } | undefined;
  if (what === 'retract' || !on) return { type: 'RetractEntry', partnershipId: g.id, data: { eventId: targetId, reason: 'property' } };
  return {
    type: 'CorrectEntry',
    partnershipId: g.id,
    data: {
      eventId: targetId,
      reason: 'property',
      changes: { occurredOn: { date: `${Number(on.date.slice(0, 4)) + (pick % 2 ? 1 : -1)}${on.date.slice(4)}`, precision: 'day' } },
    },
  };
}

/**
 * Writes one history as the command path would (personal values sealed), one append per event. The
 * actors vary: a key's name, people with a name, an empty name, no name, and one with no person row.
 */
export async function writeGenerated(store: PostgresEventStore, g: Generated): Promise<void> {
  const recorded =
    recordInOrder(g.order) ?? recordInOrder([...g.order].sort((a, b) => Number(a.id.split('-').at(-1)) - Number(b.id.split('-').at(-1))));
  if (!recorded) throw new Error(`history ${g.id} was refused in date order`);
  let history = recorded.history;
  const events: RecordedEvent[] = [...recorded.events];
  for (const [i, what] of g.afterwards.entries()) {
    // A receipt needs a delivery: most generated histories have none, so one is recorded first.
    const hasDelivery = history.entryOrder.some((e) => history.entries[e].type === 'AidDelivered' && !history.entries[e].retracted);
    const steps = what === 'receipt' && !hasDelivery ? (['delivery', 'receipt'] as const) : ([what] as const);
    for (const [j, step] of steps.entries()) {
      const command = laterCommand(g, step, g.picks[i], history, i);
      if (!command) continue;
      try {
        const decided = decide(command, history, { now: HISTORY_NOW });
        const withIds = decided.map((e, k) => ({ ...e, eventId: `${g.id}-a${i}-${j}-${k}`, recordedAt: HISTORY_NOW }) as RecordedEvent);
        history = fold(withIds, history);
        events.push(...withIds);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
      }
    }
  }
  const uuid = (x: unknown) => (typeof x === 'string' ? uuidv5(x, NS) : x);
  await ensurePeople(store);
  let k = g.picks[0];
  for (const e of events) {
    const data = { ...(e.data as unknown as Record<string, unknown>) };
    if ('targetEventId' in data) data.targetEventId = uuid(data.targetEventId);
    if ('deliveryId' in data) data.deliveryId = uuid(data.deliveryId);
    const [sealed] = await sealEvents(store.pool, INSTANCE_ORGANISATION_ID, [{ type: e.type, data }]);
    await store.append(g.id, [
      { eventId: uuidv5(e.eventId, NS), type: e.type, data: sealed.data, metadata: { actor: ACTORS[k++ % ACTORS.length] } },
    ]);
  }
}
