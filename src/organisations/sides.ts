// What each side of a partnership may record. The partner organisation records the milestones of
// its side (its council's decisions, its activities and participants, its own deliveries and the
// receipts it confirms); starting, designating, signing, suspending or ending the partnership stay
// with the organisation that owns it. Nobody corrects or retracts the other side's entries.
import { ApiProblem } from '../shared/problem.js';
import type { History } from '../partnerships/domain/index.js';
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
  'ObligationFulfilled',
  'ObligationExtended',
  'ObligationWaived',
  'DocumentAttached',
  'NoteAdded',
  'EntryCorrected',
  'EntryRetracted',
]);

/** The sides that may record an event type (the page offers each side its own forms). */
export const sidesThatRecord = (eventType: string): Side[] => (PARTNER_MAY_RECORD.has(eventType) ? ['own', 'partner'] : ['own']);

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

/**
 * Refuses (403) a receipt confirmed by the side that recorded the delivery, once a partner is
 * linked: proof of receipt comes from whoever received it. Without a linked partner the owner
 * records what the partner reported (by letter or certificate), as before organisations.
 */
export function assertReceivingSide(
  actingOrganisationId: string,
  delivery: { eventId: string; organisationId?: string } | null,
  partnerLinked: boolean,
): void {
  if (!partnerLinked || !delivery || delivery.organisationId !== actingOrganisationId) return;
  throw new ApiProblem(
    403,
    'own_delivery',
    'Forbidden',
    `Delivery ${delivery.eventId} was recorded by your side; its receipt is confirmed by the side that received it.`,
    undefined,
    { deliveryId: delivery.eventId },
  );
}

/** The funding entry that imposed an obligation (its id as given, or generated as `<eventId>#<n>`). */
export function fundingEntryOf(history: History, obligationId: string): string | undefined {
  for (const id of history.entryOrder) {
    const entry = history.entries[id];
    if (entry?.type !== 'FundingReceived' || !Array.isArray(entry.data.obligations)) continue;
    const found = entry.data.obligations.some(
      (o: unknown, i: number) => ((o as { id?: unknown } | null)?.id ?? `${entry.eventId}#${i + 1}`) === obligationId,
    );
    if (found) return entry.eventId;
  }
  return undefined;
}
