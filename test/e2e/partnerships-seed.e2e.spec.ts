// Acceptance 4: after the demo seed the Dortmund–Zhytomyr events read back in order, with both the
// planned 9 February 2023 signing and the actual 23 February 2023 one; a second run writes nothing.
import { PostgresEventStore } from '../../src/event-store/index.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID, DEMO_STEPS } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { countEvents } from './partnerships-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('records the story once through the command path, and nothing on the second run', async () => {
  const lines: string[] = [];
  const first = await seedDemo(t.app, { log: (l) => lines.push(l) });
  expect(first.partnershipId).toBe('dortmund-zhytomyr');
  expect(first.steps.map((s) => s.result)).toEqual(DEMO_STEPS.map(() => 'recorded'));
  expect(first.recorded).toBe(DEMO_STEPS.length);
  expect(lines).toHaveLength(DEMO_STEPS.length);
  expect(await countEvents(t)).toBe(DEMO_STEPS.length);

  const second = await seedDemo(t.app);
  expect(second.steps.map((s) => s.result)).toEqual(DEMO_STEPS.map(() => 'already recorded'));
  expect(second.recorded).toBe(0);
  expect(await countEvents(t)).toBe(DEMO_STEPS.length);
  // The replayed outcomes name the very events the first run wrote.
  expect(second.steps.map((s) => s.outcome.events)).toEqual(first.steps.map((s) => s.outcome.events));
});

it('reads back in order with the planned 9 Feb 2023 and the actual 23 Feb 2023 signing', async () => {
  const events = await t.app.get(PostgresEventStore).readStream(DEMO_PARTNERSHIP_ID);
  expect(events.map((e) => e.streamVersion)).toEqual(DEMO_STEPS.map((_, i) => i + 1));
  const types = events.map((e) => e.type);
  expect(types[0]).toBe('PartnershipInitiated');
  expect(types.at(-1)).toBe('AgreementSigned');

  const planned = events.find((e) => e.type === 'AgreementSigningScheduled')!;
  expect(planned.data).toMatchObject({ occurredOn: { date: '2023-02-09', precision: 'day' }, agreementKind: 'solidarity' });
  const signings = events.filter((e) => e.type === 'AgreementSigned');
  expect(signings.map((e) => (e.data as any).occurredOn.date)).toEqual(['2023-02-23', '2025-07-09']);
  expect(signings.map((e) => (e.data as any).agreementKind)).toEqual(['solidarity', 'twinning_charter']);
  expect((signings[0].data as any).mode).toBe('online');
  expect(planned.streamVersion).toBeLessThan(signings[0].streamVersion);

  const council = events.filter((e) => e.type === 'CouncilDecided').map((e) => (e.data as any).occurredOn.date);
  expect(council).toEqual(['2023-02-09', '2025-05']);
  const board = events.find((e) => e.type === 'BoardReviewed')!;
  expect((board.data as any).occurredOn.date).toBe('2023-01-10');

  // Aid went to Vinnytsia and Mykolaiv, not to Zhytomyr, in May, June and November 2022.
  const aid = events
    .filter((e) => e.type === 'AidDelivered')
    .map((e) => [(e.data as any).occurredOn.date, (e.data as any).receiver.en, (e.data as any).value.currency]);
  expect(aid).toEqual([
    ['2022-05', 'Vinnytsia', 'EUR'],
    ['2022-06', 'Mykolaiv', 'EUR'],
    ['2022-11', 'Mykolaiv', 'EUR'],
  ]);
  const counterpart = events.find((e) => e.type === 'CounterpartDesignated')!;
  expect((counterpart.data as any).name).toEqual({ de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' });

  expect(events.filter((e) => e.type === 'CooperationAreaAdded')).toHaveLength(7);
  expect(events.filter((e) => e.type === 'ParticipantJoined').map((e) => (e.data as any).participantType)).toEqual([
    'civil_society',
    'academic',
    'business',
  ]);
  for (const e of events)
    expect(e.metadata).toMatchObject({ actor: 'demo seed', source: 'seed', idempotencyKey: expect.stringMatching(/^dortmund-zhytomyr\//) });
});
