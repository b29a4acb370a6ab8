// @ts-check
// The timeline: entries by year in business order, each with its date in its precision, a line that
// says what happened, its plan, note, corrections (old → new) and retraction.
import { code, fieldLabel, formatDate, formatMoney, formatTimestamp, kindName, nameIn, t } from './i18n.js';
import { EVENT_ICON, h, icon } from './render.js';

/**
 * @import { BusinessDate, FieldDescription, LocalizedName, MilestoneKind, Money, Timeline, TimelineCorrection,
 *   TimelineEntry } from './types.js'
 */

// Recorded values come as JSON of any shape; these tell apart the shapes the page formats.
/** @type {(v: unknown) => v is Record<string, unknown>} */
const isObject = (v) => Boolean(v) && typeof v === 'object';
/** @type {(v: unknown) => v is BusinessDate} */
const isBusinessDate = (v) => isObject(v) && typeof v.date === 'string' && typeof v.precision === 'string';
/** @type {(v: unknown) => v is LocalizedName} */
const isName = (v) =>
  isObject(v) && ['de', 'uk', 'en'].some((l) => typeof v[l] === 'string') && Object.keys(v).every((k) => ['de', 'uk', 'en'].includes(k));
/** @type {(v: unknown) => v is Money} */
const isMoney = (v) => isObject(v) && typeof v.amount === 'string' && typeof v.currency === 'string';

/** The vocabulary of recorded fields whose kind the API did not describe (or not yet). */
const CODES_OF = /** @type {Record<string, string>} */ ({
  tier: 'tier',
  proposedTier: 'tier',
  modality: 'modality',
  mode: 'signingMode',
  agreementKind: 'agreementKind',
  participantType: 'participantType',
  side: 'side',
});

/**
 * How entries say which side recorded them: only on a partnership two organisations share (a single
 * city's timeline would say its own name on every line). `names`: slug → name, where the reader knows it.
 * @typedef {{ sides: boolean, names: Map<string, string> }} SideOptions
 */
/** @type {SideOptions} */
let sideOptions = { sides: false, names: new Map() };

/** The described fields per milestone type, for the vocabulary of a recorded code. */
/** @type {Map<string, FieldDescription[]>} */
let described = new Map();

/**
 * Any recorded value as readable text (dates in their precision, names in the reader's language, money).
 * @param {string} type the entry's type
 * @param {string} field
 * @param {unknown} v
 * @returns {string}
 */
function valueText(type, field, v) {
  if (v === null || v === undefined) return '—';
  // an erased personal value (docs/privacy.md) in the reader's language
  if (v === ERASED) return t('erased');
  if (isBusinessDate(v)) return formatDate(v);
  if (isName(v)) return nameIn(v);
  if (isMoney(v)) return formatMoney(v.amount, v.currency);
  if (Array.isArray(v))
    return v
      .map((/** @type {{ name?: string } | string | number} */ x) =>
        typeof x === 'object' ? valueText(type, 'name', x.name ?? JSON.stringify(x)) : x === ERASED ? t('erased') : String(x),
      )
      .join(', ');
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'object') return JSON.stringify(v);
  const codes = described.get(type)?.find((f) => f.name === field)?.codes ?? CODES_OF[field];
  if (codes) return code(codes, v);
  if (field === 'outcome') return code(type === 'BoardReviewed' ? 'bodyOutcome' : 'outcome', v);
  const primitive = /** @type {string | number} */ (v);
  return String(primitive);
}

/** How the API gives an erased personal value. */
const ERASED = '[erased]';

/** Fields every entry shows elsewhere (its date, plan, note) or that say little in one line. */
const NOT_IN_SUMMARY = new Set(['occurredOn', 'planned', 'madeOn', 'note', 'source', 'relatesTo', 'partnershipId']);

/**
 * The line of a milestone the page has no summary of its own for (a new kind): its values in order.
 * @param {TimelineEntry} e
 */
function genericSummary(e) {
  const d = e.data ?? {};
  const names = described.get(e.type)?.map((f) => f.name) ?? Object.keys(d);
  return names
    .filter((n) => !NOT_IN_SUMMARY.has(n) && d[n] !== undefined && d[n] !== null)
    .map((n) => valueText(e.type, n, d[n]))
    .join(' · ');
}

/**
 * @param {string} type
 * @param {unknown} o
 */
function outcomeText(type, o) {
  if (!o) return '';
  return type === 'BoardReviewed' ? code('bodyOutcome', o) : code('outcome', o);
}

/**
 * The one line that says what happened, per kind of milestone.
 * @param {TimelineEntry} e
 * @returns {string}
 */
function summary(e) {
  const d = e.data ?? {};
  /** @type {(...parts: unknown[]) => string} */
  const join = (...parts) => parts.filter(Boolean).join(' · ');
  switch (e.type) {
    case 'PartnershipInitiated':
      return join(nameIn(d.ownMunicipality), nameIn(d.counterpart), code('tier', d.tier), d.mandateReference);
    case 'CounterpartDesignated':
    case 'CounterpartRenamed':
      return join(nameIn(d.name), d.country, d.reason);
    case 'AidDelivered':
    case 'AidCommitted':
      return join(
        nameIn(d.receiver),
        d.value ? formatMoney(d.value.amount, d.value.currency) : '',
        code('modality', d.modality),
        d.items?.join(', '),
        d.sector,
        d.expectedBy ? `→ ${formatDate(d.expectedBy)}` : '',
      );
    case 'DraftResolutionPrepared':
      return join(d.paperReference, d.title, d.proposedTier ? code('tier', d.proposedTier) : '');
    case 'BoardReviewed':
      return join(d.body, outcomeText(e.type, d.outcome), d.paperReference);
    case 'ReferredToCommittee':
      return join(d.committee, d.meetingDate ? formatDate(d.meetingDate) : '', d.paperReference);
    case 'CommitteeDecided':
      return join(d.committee, outcomeText(e.type, d.outcome), d.paperReference, d.resolutionReference);
    case 'CouncilDecided':
      return join(
        d.body,
        outcomeText(e.type, d.outcome),
        d.proposedTier ? code('tier', d.proposedTier) : '',
        d.paperReference,
        d.resolutionReference,
      );
    case 'AgreementSigningScheduled':
    case 'AgreementSigned':
      return join(
        code('agreementKind', d.agreementKind),
        code('signingMode', d.mode),
        d.venue,
        d.signatories?.map((/** @type {{ name: string }} */ x) => x.name).join(', '),
        d.urgentDecisionReference,
      );
    case 'CooperationAreaAdded':
    case 'CooperationAreaRemoved':
      return join(d.area, d.reason);
    case 'ParticipantJoined':
    case 'ParticipantLeft':
      return join(d.organisation, code('participantType', d.participantType), code('side', d.side), d.reason);
    case 'ActivityHeld':
      return join(
        d.title,
        code('activityKind', d.activityKind),
        d.place,
        d.endsOn ? `→ ${formatDate(d.endsOn)}` : '',
        d.participantCount ? String(d.participantCount) : '',
      );
    case 'PartnershipSuspended':
    case 'PartnershipResumed':
    case 'PartnershipTerminated':
      return join(d.reason, d.decisionReference);
    case 'DocumentAttached':
      return join(d.name, d.mediaType);
    case 'NoteAdded':
      return d.text ?? '';
    default:
      return genericSummary(e);
  }
}

/** @param {TimelineEntry} e */
function isPlanned(e) {
  return Boolean(e.planned) || e.type === 'AgreementSigningScheduled';
}

/**
 * @param {TimelineEntry} e
 * @param {Map<string, TimelineEntry>} byId
 * @param {EntryActions} [actions]
 */
function entryItem(e, byId, actions) {
  const planned = isPlanned(e);
  const label = kindName(e.type);
  const dateText = e.occurredOn ? formatDate(e.occurredOn) : t('undated');
  // The timeline says how each plan ended up; a fulfilled one links to what fulfilled it.
  const fulfilled = e.plan?.status === 'fulfilled' ? e.plan.fulfilledBy : null;
  const fulfilledEntry = fulfilled ? byId.get(fulfilled) : null;

  const what = [h('h4', { class: 'entry-label' }, label), summary(e) ? h('p', { class: 'entry-summary' }, summary(e)) : null];
  const corrections = (e.corrections ?? []).filter((c) => !c.retracted);
  return h(
    'li',
    {
      class: ['entry', planned ? 'is-planned' : 'is-done', e.retracted ? 'is-retracted' : '', corrections.length ? 'is-corrected' : '']
        .filter(Boolean)
        .join(' '),
      'data-type': e.type,
      'data-event-id': e.eventId,
    },
    h('span', { class: 'marker' }, icon(EVENT_ICON[e.type] ?? 'note')),
    h(
      'div',
      { class: 'entry-body' },
      h(
        'p',
        { class: 'entry-meta' },
        e.occurredOn
          ? h('time', { datetime: e.occurredOn.date, class: 'entry-date' }, dateText)
          : h('span', { class: 'entry-date' }, dateText),
        ' ',
        h('span', { class: `badge ${planned ? 'planned' : 'done'}` }, planned ? t('planned') : t('done')),
        corrections.length ? [' ', h('span', { class: 'badge corrected' }, t('corrected'))] : null,
        e.retracted ? [' ', h('span', { class: 'badge retracted' }, t('retracted'))] : null,
      ),
      e.retracted ? h('del', { class: 'retracted-content' }, what) : what,
      fulfilledEntry?.occurredOn ? h('p', { class: 'fulfilled' }, t('fulfilledOn', { date: formatDate(fulfilledEntry.occurredOn) })) : null,
      e.receipt ? receiptLine(e.receipt) : null,
      e.data?.note ? h('p', { class: 'entry-note' }, /** @type {string} */ (e.data.note)) : null,
      corrections.length ? correctionList(e.type, corrections) : null,
      actions?.(e),
      e.retracted && e.retraction ? h('p', { class: 'retraction' }, t('retractedBecause', { reason: e.retraction.reason })) : null,
      h('p', { class: 'entry-recorded muted' }, t('recordedBy', { date: formatTimestamp(e.recordedAt), actor: e.actor ?? '—' })),
      sideOptions.sides && e.recordedBy ? sideLine(e.recordedBy) : null,
    ),
  );
}

/**
 * Which organisation recorded an entry, on which side of the partnership.
 * @param {NonNullable<TimelineEntry['recordedBy']>} r
 */
function sideLine(r) {
  return h(
    'p',
    { class: `entry-side side-${r.side}`, 'data-recorded-by': r.organisation, 'data-side': r.side },
    t('recordedBySide', { side: code('recordingSide', r.side), organisation: sideOptions.names.get(r.organisation) ?? r.organisation }),
  );
}

/**
 * A delivery's receipt: confirmed, partly confirmed or awaiting confirmation, when it arrived, what was missing.
 * @param {NonNullable<TimelineEntry['receipt']>} r
 */
function receiptLine(r) {
  const notes = r.confirmations.flatMap((c) => (c.discrepancies ? [c.discrepancies] : []));
  return h(
    'p',
    { class: 'receipt', 'data-receipt': r.status },
    h('span', { class: 'field-name' }, t('receipt')),
    ' ',
    h('span', { class: `badge receipt-${r.status}` }, code('receipt', r.status)),
    r.receivedOn ? ` ${t('receivedOn', { date: formatDate(r.receivedOn) })}` : '',
    notes.length ? ` · ${notes.join('; ')}` : '',
  );
}

/**
 * @param {string} type the corrected entry's type
 * @param {TimelineCorrection[]} corrections
 */
function correctionList(type, corrections) {
  return h(
    'ul',
    { class: 'corrections' },
    corrections.map((c) =>
      h(
        'li',
        {},
        h('p', {}, t('correctedOn', { date: formatTimestamp(c.recordedAt), reason: c.reason })),
        h(
          'ul',
          { class: 'changes' },
          Object.keys(c.changes ?? {}).map((field) =>
            h(
              'li',
              {},
              h('span', { class: 'field-name' }, fieldLabel(field)),
              ': ',
              h('del', {}, valueText(type, field, c.previous?.[field])),
              ' → ',
              h('ins', {}, valueText(type, field, c.changes[field])),
            ),
          ),
        ),
      ),
    ),
  );
}

/** @typedef {(entry: TimelineEntry) => HTMLElement | null} EntryActions what a writer can do with an entry */

/**
 * @param {Timeline} timeline
 * @param {MilestoneKind[]} kinds the API's description of the milestones (codes, summaries of new kinds)
 * @param {EntryActions} [actions]
 * @param {SideOptions} [sides] say on each entry which side recorded it
 */
export function timelineSection(timeline, kinds, actions, sides = { sides: false, names: new Map() }) {
  described = new Map(kinds.map((k) => [k.type, k.fields]));
  sideOptions = sides;
  const entries = timeline.entries ?? [];
  const byId = new Map(entries.map((e) => [e.eventId, e]));
  /** @type {Map<string, TimelineEntry[]>} */
  const years = new Map();
  for (const e of entries) {
    const y = e.occurredOn ? e.occurredOn.date.slice(0, 4) : t('undated');
    if (!years.has(y)) years.set(y, []);
    /** @type {TimelineEntry[]} */ (years.get(y)).push(e);
  }
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-title', id: 'timeline' },
    h('h2', { id: 'timeline-title' }, t('timeline')),
    entries.length
      ? [...years].map(([year, list]) =>
          h(
            'section',
            { class: 'year', 'aria-labelledby': `year-${year}` },
            h('h3', { id: `year-${year}` }, year),
            h(
              'ol',
              { class: 'entries' },
              list.map((e) => entryItem(e, byId, actions)),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('noEntries')),
  );
}
