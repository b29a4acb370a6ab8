// Random partnership histories for property tests: a set of milestones with distinct business dates
// that is consistent when recorded in date order, and the ways to record it in other orders.
// Test-only helper: imported by specs, never by application code.
import fc from 'fast-check';
import type { PartnershipCommand } from '../commands.js';
import { decide, type DecideContext } from '../decide.js';
import { DomainError } from '../errors.js';
import type { PartnershipEvent, RecordedEvent } from '../events.js';
import { recordAll } from '../evolve.js';
import type { History } from '../history.js';
import { initialState } from '../state.js';
import type { BusinessDate } from '../vocabulary.js';

export const HISTORY_NOW = '2025-06-01T12:00:00Z';
const CTX: DecideContext = { now: HISTORY_NOW };

export interface Step {
  /** fixed event id, so the same command records the same event whatever the order */
  id: string;
  command: PartnershipCommand;
}

const day = (n: number): BusinessDate => {
  // Day n after 2018-01-01, day precision (distinct days: distinct business dates).
  const d = new Date(Date.UTC(2018, 0, 1) + n * 86_400_000);
  return { date: d.toISOString().slice(0, 10), precision: 'day' };
};

const AREAS = ['culture', 'mobility', 'healthcare'];
const ORGS = ['Klinikum', 'Universität'];
const PAPER = 'DS-1';

/** One candidate milestone on a given day; whether it fits the history is for the decider to say. */
const candidate = (id: string): fc.Arbitrary<(on: BusinessDate) => PartnershipCommand> =>
  fc.oneof(
    fc.constantFrom(
      (on: BusinessDate): PartnershipCommand => ({
        type: 'RecordAidDelivery',
        partnershipId: id,
        data: { occurredOn: on, receiver: { en: 'Zhytomyr' }, value: { amount: '10.00', currency: 'EUR' }, modality: 'cash' },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'SuspendPartnership',
        partnershipId: id,
        data: { occurredOn: on, reason: 'pause' },
      }),
      (on: BusinessDate): PartnershipCommand => ({ type: 'ResumePartnership', partnershipId: id, data: { occurredOn: on } }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'DesignateCounterpart',
        partnershipId: id,
        data: { occurredOn: on, name: { en: 'Zhytomyr', uk: 'Житомир' } },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'RenameCounterpart',
        partnershipId: id,
        data: { occurredOn: on, name: { de: `Schytomyr ${on.date}` } },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'PrepareDraftResolution',
        partnershipId: id,
        data: { occurredOn: on, paperReference: PAPER, title: 'Solidarity partnership', proposedTier: 'solidarity' },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'RecordCouncilDecision',
        partnershipId: id,
        data: { occurredOn: on, paperReference: PAPER, outcome: 'adopted', proposedTier: 'solidarity' },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'RecordAgreementSigning',
        partnershipId: id,
        data: { occurredOn: on, agreementKind: 'solidarity' },
      }),
      // One funding entry's obligation, and the entries that settle or move it.
      (on: BusinessDate): PartnershipCommand => ({
        type: 'RecordFundingReceived',
        partnershipId: id,
        data: {
          occurredOn: on,
          funder: 'Funder',
          obligations: [{ id: 'report-1', kind: 'final_report', dueDate: day(daysOf(on) + 60).date }],
        },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'RecordObligationFulfilled',
        partnershipId: id,
        data: { occurredOn: on, obligationId: 'report-1' },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'ExtendObligation',
        partnershipId: id,
        data: { occurredOn: on, obligationId: 'report-1', newDueDate: day(daysOf(on) + 90).date, reason: 'granted' },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'WaiveObligation',
        partnershipId: id,
        data: { occurredOn: on, obligationId: 'report-1', reason: 'waived' },
      }),
      (on: BusinessDate): PartnershipCommand => ({
        type: 'AddNote',
        partnershipId: id,
        data: { occurredOn: on, text: `note ${on.date}` },
      }),
    ),
    fc.constantFrom(...AREAS).chain((area) =>
      fc.constantFrom(
        (on: BusinessDate): PartnershipCommand => ({ type: 'AddCooperationArea', partnershipId: id, data: { occurredOn: on, area } }),
        (on: BusinessDate): PartnershipCommand => ({ type: 'RemoveCooperationArea', partnershipId: id, data: { occurredOn: on, area } }),
      ),
    ),
    fc.constantFrom(...ORGS).chain((organisation) =>
      fc.constantFrom(
        (on: BusinessDate): PartnershipCommand => ({
          type: 'RecordParticipantJoined',
          partnershipId: id,
          data: { occurredOn: on, organisation, participantType: 'academic', side: 'own' },
        }),
        (on: BusinessDate): PartnershipCommand => ({
          type: 'RecordParticipantLeft',
          partnershipId: id,
          data: { occurredOn: on, organisation, side: 'own' },
        }),
      ),
    ),
    // A plan made on its day for a later day (a signing planned, then perhaps signed).
    fc.integer({ min: 1, max: 400 }).map((ahead) => (on: BusinessDate): PartnershipCommand => ({
      type: 'ScheduleAgreementSigning',
      partnershipId: id,
      data: { occurredOn: day(daysOf(on) + ahead), madeOn: on, agreementKind: 'solidarity' },
    })),
  );

function daysOf(d: BusinessDate): number {
  return Math.round((Date.parse(`${d.date}T00:00:00Z`) - Date.UTC(2018, 0, 1)) / 86_400_000);
}

/** Records commands in order, stopping at the first refusal; `null` when one was refused. */
export function recordInOrder(
  steps: readonly Step[],
  from: History = initialState(),
): { history: History; events: RecordedEvent[] } | null {
  let history = from;
  const events: RecordedEvent[] = [];
  for (const step of steps) {
    let decided: PartnershipEvent[];
    try {
      decided = decide(step.command, history, CTX);
    } catch (err) {
      if (err instanceof DomainError) return null;
      throw err;
    }
    const recorded = decided.map(
      (e, i) => ({ ...e, eventId: i === 0 ? step.id : `${step.id}-${i}`, recordedAt: HISTORY_NOW }) as RecordedEvent,
    );
    history = recordAll(history, recorded);
    events.push(...recorded);
  }
  return { history, events };
}

/**
 * A history: the initiation, then candidates on distinct, increasing days, of which the decider
 * accepted those that fit when recorded in date order. `steps` are those accepted commands.
 */
export const historyArb = (id: string): fc.Arbitrary<Step[]> =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), candidate(id)), { minLength: 3, maxLength: 14 }).map((parts) => {
    const initiation: Step = {
      id: `${id}-0`,
      command: {
        type: 'InitiatePartnership',
        partnershipId: id,
        data: { occurredOn: day(0), ownMunicipality: { de: 'Dortmund' }, tier: 'initiative' },
      },
    };
    const accepted: Step[] = [initiation];
    let at = 0;
    for (const [gap, make] of parts) {
      at += gap;
      const step: Step = { id: `${id}-${accepted.length}`, command: make(day(at)) };
      if (recordInOrder([...accepted, step])) accepted.push(step);
    }
    return accepted;
  });

/** The business days worth comparing a history on: each entry's day, the day before, and after all. */
export function daysToCompare(steps: readonly Step[]): string[] {
  const days = new Set<string>();
  for (const s of steps) {
    const d = s.command.data as { occurredOn?: BusinessDate; madeOn?: BusinessDate };
    for (const on of [d.occurredOn, d.madeOn]) {
      if (!on) continue;
      const n = daysOf(on);
      days.add(day(n - 1).date);
      days.add(on.date);
    }
  }
  days.add('2099-12-31');
  return [...days].sort();
}
