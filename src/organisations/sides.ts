// What each side of a partnership may record. The partner organisation records the milestones of
// its side (its council's decisions, its activities and participants, its own deliveries and the
// receipts it confirms); starting, designating, signing, suspending or ending the partnership stay
// with the organisation that owns it. Nobody corrects or retracts the other side's entries.
import { ApiProblem } from '../shared/problem.js';
import type { Side } from './access.js';

const PARTNER_MAY_RECORD = new Set([
  'DraftResolutionPrepared',
  'BoardReviewed',
  'ReferredToCommittee',
  'CommitteeDecided',
  'CouncilDecided',
  'ActivityHeld',
  'ParticipantJoined',
  'ParticipantLeft',
  'AidDelivered',
  'AidCommitted',
  'AidReceiptConfirmed',
  'FundingReceived',
  'DocumentAttached',
  'NoteAdded',
  'EntryCorrected',
  'EntryRetracted',
]);

/** Refuses (403) an event the acting side may not record. */
export function assertSideMayRecord(side: Side, eventTypes: readonly string[]): void {
  if (side === 'own') return;
  const refused = eventTypes.find((t) => !PARTNER_MAY_RECORD.has(t));
  if (refused)
    throw new ApiProblem(
      403,
      'not_your_side',
      'Forbidden',
      `A partner organisation records the milestones of its own side; ${refused} is recorded by the organisation that owns the partnership.`,
      undefined,
      { side, eventType: refused },
    );
}

/** Refuses (403) a correction or retraction of an entry the other side recorded. */
export function assertOwnEntry(actingOrganisationId: string, target: { eventId: string; organisationId?: string } | null): void {
  if (!target || target.organisationId === undefined || target.organisationId === actingOrganisationId) return;
  throw new ApiProblem(
    403,
    'other_side_entry',
    'Forbidden',
    `Entry ${target.eventId} was recorded by the other side of the partnership; only its side corrects or retracts it. Record your own entry (e.g. a note) instead.`,
    undefined,
    { targetEventId: target.eventId },
  );
}
