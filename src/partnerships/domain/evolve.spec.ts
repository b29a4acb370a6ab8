import type { RecordedEvent } from './events.js';
import { tierForAgreement } from './apply-entry.js';
import { evolve, fold } from './evolve.js';
import { effectiveStanding, initialState, openPlans } from './state.js';
import {
  AREAS,
  PARTNERSHIP_ID,
  SOLIDARITY_PAPER,
  TWINNING_PAPER,
  ZHYTOMYR,
  beforeSolidaritySigning,
  cooperation,
  day,
  month,
  solidaritySigning,
  twinningCharter,
  twinningDecision,
  wholeStory,
  year,
} from './testing/dortmund-zhytomyr.js';

const correct = (eventId: string, target: RecordedEvent, changes: Record<string, unknown>): RecordedEvent => ({
  eventId,
  type: 'EntryCorrected',
  data: { targetEventId: target.eventId, targetType: target.type, reason: 'typo', changes, previous: {} },
});
const retract = (eventId: string, target: { eventId: string; type: RecordedEvent['type'] }): RecordedEvent => ({
  eventId,
  type: 'EntryRetracted',
  data: { targetEventId: target.eventId, targetType: target.type, reason: 'recorded in error' },
});

describe('evolve through the Dortmund–Zhytomyr story', () => {
  it('starts at initiative, before any partner is chosen', () => {
    const state = fold(beforeSolidaritySigning.slice(0, 1));
    expect(state).toMatchObject({ exists: true, id: PARTNERSHIP_ID, tier: 'initiative', standing: 'active', terminated: false });
    expect(state.counterpart).toBeUndefined();
  });

  it('reaches contact when Zhytomyr is designated, and keeps aid to other cities in the totals', () => {
    const state = fold(beforeSolidaritySigning.slice(0, 5));
    expect(state.tier).toBe('contact');
    expect(state.counterpart).toEqual({ name: ZHYTOMYR, country: 'UA', since: month('2022-06'), formerNames: [] });
    expect(state.aidDelivered).toEqual({ EUR: '245000.75' });
    expect(state.aidCommitted).toEqual({});
  });

  it('tracks the paper through the bodies and shows the pending upgrade after the council adopts it', () => {
    const state = fold(beforeSolidaritySigning);
    expect(state.tier).toBe('contact');
    expect(state.papers[SOLIDARITY_PAPER]).toMatchObject({
      stage: 'council_decided',
      lastOutcome: 'adopted',
      proposedTier: 'solidarity',
      eventId: 'draft',
    });
    expect(state.pendingUpgrade).toEqual({
      tier: 'solidarity',
      decisionEventId: 'council-2023',
      decidedOn: day('2023-02-09'),
      paperReference: SOLIDARITY_PAPER,
      resolutionReference: undefined,
    });
    expect(state.latestCouncilDecision).toMatchObject({ eventId: 'council-2023', outcome: 'adopted' });
    expect(openPlans(state)).toEqual([
      expect.objectContaining({
        uid: 'signing-scheduled',
        key: 'signing:solidarity',
        date: day('2023-02-09'),
        status: 'open',
        sequence: 0,
      }),
    ]);
  });

  it('becomes solidarity when the agreement is signed on 23 February 2023, fulfilling the planned signing', () => {
    const state = fold([...beforeSolidaritySigning, solidaritySigning]);
    expect(state.tier).toBe('solidarity');
    expect(state.pendingUpgrade).toBeUndefined();
    expect(state.agreements).toEqual([
      { eventId: 'signed-2023', kind: 'solidarity', signedOn: day('2023-02-23'), mode: 'online', venue: undefined, tier: 'solidarity' },
    ]);
    expect(state.plans).toEqual([expect.objectContaining({ uid: 'signing-scheduled', status: 'fulfilled', fulfilledBy: 'signed-2023' })]);
    expect(openPlans(state)).toEqual([]);
  });

  it('records areas and participants', () => {
    const state = fold([...beforeSolidaritySigning, solidaritySigning, ...cooperation]);
    expect(state.areas).toEqual(AREAS);
    expect(state.participants.map((p) => p.participantType)).toEqual(['civil_society', 'academic', 'business']);
  });

  it('shows pending twinning after the May 2025 council decision, still at solidarity', () => {
    const state = fold([...beforeSolidaritySigning, solidaritySigning, ...cooperation, ...twinningDecision]);
    expect(state.tier).toBe('solidarity');
    expect(state.pendingUpgrade).toMatchObject({
      tier: 'twinning',
      decisionEventId: 'council-2025',
      paperReference: TWINNING_PAPER,
      decidedOn: month('2025-05'),
    });
    expect(state.latestCouncilDecision?.eventId).toBe('council-2025');
  });

  it('is twinning after the charter of 9 July 2025', () => {
    const state = fold(wholeStory);
    expect(state.tier).toBe('twinning');
    expect(state.pendingUpgrade).toBeUndefined();
    expect(state.lastMilestoneOn).toEqual(day('2025-07-09'));
    expect(state.version).toBe(wholeStory.length);
    expect(state.entryOrder).toEqual(wholeStory.map((e) => e.eventId));
  });
});

describe('evolve is pure', () => {
  it('never mutates the state or the event it is given', () => {
    const before = fold(beforeSolidaritySigning);
    const snapshot = structuredClone(before);
    const event = structuredClone(solidaritySigning);
    const after = evolve(before, event);
    evolve(after, retract('r1', solidaritySigning));
    expect(before).toEqual(snapshot);
    expect(event).toEqual(solidaritySigning);
    expect(after).not.toBe(before);
    expect(before.tier).toBe('contact');
  });

  it('gives the same state for the same history', () => {
    expect(fold(wholeStory)).toEqual(fold(structuredClone(wholeStory)));
  });

  it('starts from an empty, non-existent partnership', () => {
    expect(initialState()).toMatchObject({ exists: false, version: 0, entries: {}, entryOrder: [] });
  });
});

describe('corrections', () => {
  it('change the current value and keep the original', () => {
    const aid = beforeSolidaritySigning[1];
    const state = fold([...beforeSolidaritySigning, correct('c1', aid, { value: { amount: '100000.00', currency: 'EUR' } })]);
    expect(state.aidDelivered).toEqual({ EUR: '220000.75' });
    expect(state.entries['aid-may'].data.value).toEqual({ amount: '100000.00', currency: 'EUR' });
    expect(state.entries['aid-may'].originalData.value).toEqual({ amount: '125000.00', currency: 'EUR' });
    expect(state.entries['aid-may'].corrections).toEqual(['c1']);
  });

  it('apply one after another, and retracting one restores what it replaced', () => {
    const aid = beforeSolidaritySigning[1];
    const events = [
      ...beforeSolidaritySigning,
      correct('c1', aid, { value: { amount: '100000.00', currency: 'EUR' } }),
      correct('c2', aid, { sector: 'energy' }),
    ];
    const corrected = fold(events);
    expect(corrected.entries['aid-may'].data).toMatchObject({ value: { amount: '100000.00', currency: 'EUR' }, sector: 'energy' });

    const undone = fold([...events, retract('r1', { eventId: 'c1', type: 'EntryCorrected' })]);
    expect(undone.entries['aid-may'].data).toMatchObject({ value: { amount: '125000.00', currency: 'EUR' }, sector: 'energy' });
    expect(undone.aidDelivered).toEqual({ EUR: '245000.75' });
    expect(undone.entries.c1.retracted).toBe(true);
  });

  it('move totals between currencies and clear fields set to null', () => {
    const aid = beforeSolidaritySigning[4];
    const state = fold([...beforeSolidaritySigning, correct('c1', aid, { value: { amount: '1000.00', currency: 'UAH' } })]);
    expect(state.aidDelivered).toEqual({ EUR: '205000.50', UAH: '1000.00' });
    const cleared = fold([...beforeSolidaritySigning, correct('c1', aid, { value: null })]);
    expect(cleared.aidDelivered).toEqual({ EUR: '205000.50' });
    expect('value' in cleared.entries['aid-november'].data).toBe(false);
  });

  it('of a signing kind change the tier', () => {
    const state = fold([...beforeSolidaritySigning, solidaritySigning, correct('c1', solidaritySigning, { agreementKind: 'project' })]);
    expect(state.tier).toBe('project_partnership');
  });

  it('of a date move the last milestone', () => {
    const state = fold([...wholeStory, correct('c1', twinningCharter, { occurredOn: day('2025-07-10') })]);
    expect(state.lastMilestoneOn).toEqual(day('2025-07-10'));
  });

  it('turn a planned meeting into a fact', () => {
    const planned: RecordedEvent = {
      eventId: 'council-planned',
      type: 'CouncilDecided',
      data: { occurredOn: day('2023-02-09'), paperReference: SOLIDARITY_PAPER, planned: true },
    };
    const history = [...beforeSolidaritySigning.filter((e) => e.eventId !== 'council-2023'), planned];
    expect(fold(history).pendingUpgrade).toBeUndefined();
    expect(fold(history).papers[SOLIDARITY_PAPER].stage).toBe('referred');
    const held = fold([...history, correct('c1', planned, { planned: false, outcome: 'adopted' })]);
    expect(held.pendingUpgrade?.tier).toBe('solidarity');
    expect(held.papers[SOLIDARITY_PAPER].stage).toBe('council_decided');
  });

  it('rename the counterpart and keep its former name', () => {
    const state = fold([
      ...beforeSolidaritySigning,
      { eventId: 'rn', type: 'CounterpartRenamed', data: { occurredOn: year('2024'), name: { de: 'Shytomyr' } } },
    ]);
    // A rename replaces the whole set of names as of its date; the old set is kept with its period.
    expect(state.counterpart?.name).toEqual({ de: 'Shytomyr' });
    expect(state.counterpart?.formerNames).toEqual([{ name: ZHYTOMYR, from: month('2022-06'), until: year('2024') }]);
  });
});

describe('retractions', () => {
  it('of a signing lower the tier back and bring the pending upgrade back', () => {
    const state = fold([...wholeStory, retract('r1', twinningCharter)]);
    expect(state.tier).toBe('solidarity');
    expect(state.pendingUpgrade?.tier).toBe('twinning');
    expect(state.entries['signed-2025']).toMatchObject({ retracted: true, retractedBy: 'r1' });
    expect(state.agreements.map((a) => a.eventId)).toEqual(['signed-2023']);
  });

  it('of the first signing lower it to contact', () => {
    const state = fold([...beforeSolidaritySigning, solidaritySigning, retract('r1', solidaritySigning)]);
    expect(state.tier).toBe('contact');
    expect(state.pendingUpgrade?.tier).toBe('solidarity');
    expect(openPlans(state)).toEqual([expect.objectContaining({ uid: 'signing-scheduled', status: 'open' })]);
  });

  it('of the council decision remove the pending upgrade', () => {
    const state = fold([...beforeSolidaritySigning, retract('r1', beforeSolidaritySigning[9])]);
    expect(state.pendingUpgrade).toBeUndefined();
    expect(state.councilDecisions).toEqual([]);
    expect(state.papers[SOLIDARITY_PAPER].stage).toBe('referred');
  });

  it('of aid subtract it from the totals, exactly', () => {
    const state = fold([...beforeSolidaritySigning, retract('r1', beforeSolidaritySigning[2])]);
    expect(state.aidDelivered).toEqual({ EUR: '165000.25' });
  });

  it('of a termination make the partnership active again', () => {
    const terminated: RecordedEvent = {
      eventId: 't',
      type: 'PartnershipTerminated',
      data: { occurredOn: year('2025'), reason: 'entered by mistake' },
    };
    expect(fold([...wholeStory, terminated])).toMatchObject({ standing: 'terminated', terminated: true });
    expect(fold([...wholeStory, terminated, retract('r1', terminated)])).toMatchObject({ standing: 'active', terminated: false });
  });

  it('pointing at an unknown entry change nothing but the version', () => {
    const before = fold(beforeSolidaritySigning);
    const after = evolve(before, retract('r1', { eventId: 'nope', type: 'AidDelivered' }));
    expect(after.tier).toBe(before.tier);
    expect(after.aidDelivered).toEqual(before.aidDelivered);
    expect(after.version).toBe(before.version + 1);
  });
});

describe('standing, areas and participants', () => {
  const base = beforeSolidaritySigning;
  it('suspends and resumes', () => {
    const suspended: RecordedEvent = {
      eventId: 's',
      type: 'PartnershipSuspended',
      data: { occurredOn: year('2024'), reason: 'war damage' },
    };
    const resumed: RecordedEvent = { eventId: 'r', type: 'PartnershipResumed', data: { occurredOn: year('2024') } };
    expect(fold([...base, suspended]).standing).toBe('suspended');
    expect(fold([...base, suspended, resumed]).standing).toBe('active');
  });

  it('removes areas and participants that leave, ignoring case and spacing', () => {
    const state = fold([
      ...wholeStory,
      { eventId: 'x1', type: 'CooperationAreaRemoved', data: { occurredOn: year('2025'), area: '  Mobility ' } },
      { eventId: 'x2', type: 'ParticipantLeft', data: { occurredOn: year('2025'), organisation: 'local  BUSINESSES', side: 'own' } },
      { eventId: 'x3', type: 'CooperationAreaAdded', data: { occurredOn: year('2025'), area: 'CULTURE' } },
    ]);
    expect(state.areas).not.toContain('mobility');
    expect(state.areas.filter((a) => a.toLowerCase() === 'culture')).toHaveLength(1);
    expect(state.participants.map((p) => p.organisation)).toEqual(['Civil society initiatives', 'Universities and research institutes']);
  });

  it('derives dormant from inactivity, on the caller’s clock', () => {
    const state = fold(wholeStory);
    expect(effectiveStanding(state, '2025-08-01', 365)).toBe('active');
    expect(effectiveStanding(state, '2026-07-10', 365)).toBe('dormant');
    const suspended = fold([
      ...wholeStory,
      { eventId: 's', type: 'PartnershipSuspended', data: { occurredOn: day('2025-07-09'), reason: 'x' } },
    ]);
    expect(effectiveStanding(suspended, '2030-01-01', 365)).toBe('suspended');
  });

  it('does not count planned or forward-looking entries as the last milestone', () => {
    const state = fold([
      ...wholeStory,
      { eventId: 'camp', type: 'ActivityHeld', data: { occurredOn: month('2025-08'), title: 'Summer camp', planned: true } },
      {
        eventId: 'pledge',
        type: 'AidCommitted',
        data: { occurredOn: month('2025-09'), receiver: ZHYTOMYR, modality: 'cash', value: { amount: '5000', currency: 'EUR' } },
      },
    ]);
    expect(state.lastMilestoneOn).toEqual(day('2025-07-09'));
    expect(state.aidCommitted).toEqual({ EUR: '5000.00' });
  });
});

describe('tierForAgreement', () => {
  it('maps agreement kinds to tiers, cooperation following the adopted resolution', () => {
    expect(tierForAgreement('letter_of_intent')).toBe('contact');
    expect(tierForAgreement('solidarity')).toBe('solidarity');
    expect(tierForAgreement('cooperation')).toBe('friendship');
    expect(tierForAgreement('cooperation', { tier: 'project_partnership', decisionEventId: 'd', decidedOn: year('2024') })).toBe(
      'project_partnership',
    );
    expect(tierForAgreement('project')).toBe('project_partnership');
    expect(tierForAgreement('twinning_charter')).toBe('twinning');
  });

  it('never lowers the tier: a letter of intent after twinning keeps twinning', () => {
    const state = fold([
      ...wholeStory,
      { eventId: 'loi', type: 'AgreementSigned', data: { occurredOn: year('2025'), agreementKind: 'letter_of_intent' } },
    ]);
    expect(state.tier).toBe('twinning');
  });
});
