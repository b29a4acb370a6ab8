// Obligations: what a funding entry requires in return (reports, proof of use, a public posting), each
// with a due date, and the entries that settle or move one. The fold keeps them in the state like
// plans; the decider checks the entries that act on one against the state on their own date.
import type { EntryRecord } from './history.js';
import type { BusinessDate, ObligationKind } from './vocabulary.js';

export interface Obligation {
  /** stable within the partnership: given by the office or generated from kind and due date */
  id: string;
  kind: ObligationKind;
  /** YYYY-MM-DD; moved by extensions */
  dueDate: string;
  /** the due date the funding entry gave, when an extension moved it */
  originalDueDate?: string;
  description?: string;
  /** the funding entry that imposes it, and its date: the obligation exists from that date on */
  fundingEventId: string;
  since: BusinessDate;
  funder?: string;
  programme?: string;
  status: 'open' | 'fulfilled' | 'waived';
  /** the fulfilment or waiver */
  settledBy?: string;
  settledOn?: BusinessDate;
  documentReference?: string;
  /** why it was waived, or why it was last extended */
  reason?: string;
  /** how often its due date was moved */
  extensions?: number;
}

/** The obligation entries (each names one obligation by `obligationId`). */
export const OBLIGATION_ENTRY_TYPES = new Set(['ObligationFulfilled', 'ObligationExtended', 'ObligationWaived']);

const KIND_TITLES: Record<ObligationKind, string> = {
  interim_report: 'Interim report',
  final_report: 'Final report',
  proof_of_use: 'Proof of use',
  public_posting: 'Public posting',
  other: 'Obligation',
};

/** A one-line title: "Final report: youth exchange (CERV town twinning)". */
export function obligationTitle(o: Pick<Obligation, 'kind' | 'description' | 'programme' | 'funder'>): string {
  const from = o.programme ?? o.funder;
  return `${KIND_TITLES[o.kind] ?? KIND_TITLES.other}${o.description ? `: ${o.description}` : ''}${from ? ` (${from})` : ''}`;
}

/** The id an obligation gets when the office gives none: kind and due date, numbered when taken. */
export function generatedObligationId(kind: string, dueDate: string, taken: ReadonlySet<string>): string {
  const base = `${kind}-${dueDate}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

type ObligationInput = Record<string, unknown>;
/** The part of the derived state (state.ts) that holds obligations; absent until a funding entry brings one. */
type WithObligations = { readonly obligations?: readonly Obligation[] };

/**
 * The funding entry's obligations with an id each: ids it gives are kept, the others generated so
 * that none repeats an id in `taken` (the partnership's other obligations) or in the list itself.
 */
export function withObligationIds(list: unknown, taken: ReadonlySet<string>): unknown {
  if (!Array.isArray(list)) return list;
  const used = new Set(taken);
  for (const o of list)
    if (o && typeof o === 'object' && typeof (o as ObligationInput).id === 'string') used.add((o as ObligationInput).id as string);
  return list.map((o: unknown) => {
    if (!o || typeof o !== 'object' || Array.isArray(o) || (o as ObligationInput).id !== undefined) return o;
    const { kind, dueDate } = o as ObligationInput;
    if (typeof kind !== 'string' || typeof dueDate !== 'string') return o;
    const id = generatedObligationId(kind, dueDate, used);
    used.add(id);
    return { id, ...(o as ObligationInput) };
  });
}

/** Every obligation id in the state, except those of the funding entry `except`. */
export function obligationIds(state: WithObligations, except?: string): Set<string> {
  return new Set((state.obligations ?? []).filter((o) => o.fundingEventId !== except).map((o) => o.id));
}

const asDate = (v: unknown): BusinessDate | undefined =>
  v && typeof v === 'object' && typeof (v as BusinessDate).date === 'string' ? (v as BusinessDate) : undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The obligations a funding entry imposes, added to the state on its date (ids already known are kept as they are). */
export function addObligations<S extends WithObligations>(d: S, entry: EntryRecord): S {
  const list = entry.data.obligations;
  const since = asDate(entry.data.occurredOn);
  if (!Array.isArray(list) || !list.length || !since) return d;
  const known = obligationIds(d);
  const added: Obligation[] = [];
  list.forEach((raw: unknown, i) => {
    const o = (raw ?? {}) as ObligationInput;
    const id = str(o.id) ?? `${entry.eventId}#${i + 1}`;
    if (known.has(id) || typeof o.dueDate !== 'string') return;
    known.add(id);
    added.push({
      id,
      kind: (str(o.kind) ?? 'other') as ObligationKind,
      dueDate: o.dueDate,
      ...(str(o.description) ? { description: str(o.description) } : {}),
      fundingEventId: entry.eventId,
      since,
      ...(str(entry.data.funder) ? { funder: str(entry.data.funder) } : {}),
      ...(str(entry.data.programme) ? { programme: str(entry.data.programme) } : {}),
      status: 'open',
    });
  });
  return added.length ? { ...d, obligations: [...(d.obligations ?? []), ...added] } : d;
}

/** A fulfilment, extension or waiver applied to the open obligation it names (anything else changes nothing). */
export function actOnObligation<S extends WithObligations>(d: S, entry: EntryRecord): S {
  const id = str(entry.data.obligationId);
  const list = d.obligations ?? [];
  const index = list.findIndex((o) => o.id === id && o.status === 'open');
  const on = asDate(entry.data.occurredOn);
  if (index < 0 || !on) return d;
  const o = list[index];
  let next: Obligation;
  switch (entry.type) {
    case 'ObligationFulfilled':
      next = {
        ...o,
        status: 'fulfilled',
        settledBy: entry.eventId,
        settledOn: on,
        ...(str(entry.data.documentReference) ? { documentReference: str(entry.data.documentReference) } : {}),
      };
      break;
    case 'ObligationWaived':
      next = { ...o, status: 'waived', settledBy: entry.eventId, settledOn: on, reason: str(entry.data.reason) };
      break;
    case 'ObligationExtended': {
      const due = str(entry.data.newDueDate);
      if (!due) return d;
      next = {
        ...o,
        dueDate: due,
        originalDueDate: o.originalDueDate ?? o.dueDate,
        reason: str(entry.data.reason),
        extensions: (o.extensions ?? 0) + 1,
      };
      break;
    }
    default:
      return d;
  }
  return { ...d, obligations: list.map((x, i) => (i === index ? next : x)) };
}

/** Why an obligation entry cannot act on its obligation in the state on its date, or null. */
export function obligationProblem(
  s: WithObligations,
  data: Readonly<Record<string, unknown>>,
  when: string,
): { message: string; needed: string } | null {
  const id = String(data.obligationId);
  const o = (s.obligations ?? []).find((x) => x.id === id);
  if (!o) {
    return {
      message:
        `Obligation "${id}" did not exist ${when}: an obligation exists from the date of the funding entry that imposes it. ` +
        'Date the entry on or after that funding entry, or correct the funding entry.',
      needed: 'a date on or after the funding entry that imposes the obligation',
    };
  }
  if (o.status !== 'open') {
    return {
      message: `Obligation "${id}" was already ${o.status} (${o.settledOn?.date ?? 'earlier'}, entry ${o.settledBy ?? 'unknown'}) ${when}; a settled obligation cannot be fulfilled, extended or waived. Correct or retract that entry first.`,
      needed: 'an open obligation',
    };
  }
  return null;
}
