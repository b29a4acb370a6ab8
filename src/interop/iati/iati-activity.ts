// IATI 2.03 activity XML for the aid a municipality gives within its partnerships: one
// iati-activity per partnership, one transaction per aid entry. Pure: read models in, a string out.
import { create } from 'xmlbuilder2';
import {
  displayName,
  DomainError,
  formatBusinessDate,
  ValidationError,
  type BusinessDate,
  type LocalizedName,
  type Standing,
} from '../../partnerships/domain/index.js';
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import type { ReceiptView } from '../../partnerships/read-models/receipts/receipts.js';
import { firstDay, heldNames, precisionNote } from '../text.js';
import {
  ACTIVITY_DATE_TYPE,
  activityStatusFor,
  AID_TYPE_BY_MODALITY,
  DEFAULT_SECTOR_CODES,
  REGION_UNSPECIFIED,
  DESCRIPTION_TYPE_GENERAL,
  IATI_VERSION,
  isHumanitarianSector,
  normaliseSector,
  ORGANISATION_ROLE,
  ownSectorCode,
  SECTOR_NOT_SPECIFIED,
  SECTOR_VOCABULARY,
  TRANSACTION_TYPE,
} from './codelists.js';

export interface IatiConfig {
  /** The publishing municipality: `ref` is its IATI organisation identifier, e.g. "DE-…". */
  reportingOrg: {
    ref: string;
    /** IATI OrganisationType code; a municipality is "11" (Local Government). */
    typeCode: string;
    /** Falls back to the partnership's own municipality where a language is missing. */
    name?: LocalizedName;
  };
  /** Every iati-identifier is `<prefix>-<partnershipId>`. IATI wants the reporting-org ref here. */
  activityIdPrefix: string;
  /** Default language of the activity (narratives without xml:lang, e.g. free-text sectors). */
  language?: 'en' | 'de';
  /** Extra or overriding free-text sector → DAC 5-digit code mappings (see DEFAULT_SECTOR_CODES). */
  sectorCodes?: Record<string, string>;
}

/** Who the activity is about: what the status read model holds of a partnership. */
export interface IatiPartnership {
  partnershipId: string;
  ownMunicipality: LocalizedName | null;
  counterpart: LocalizedName | null;
  /** ISO 3166-1 alpha-2; becomes the activity's recipient-country */
  counterpartCountry: string | null;
  /** drives activity-status: terminated → closed, suspended → suspended */
  standing?: Standing;
  /** when the partnership began (PartnershipInitiated); the activity's actual start when earlier than any delivery */
  startedOn?: BusinessDate | null;
  /** when it ended (PartnershipTerminated), reported as the actual end */
  endedOn?: BusinessDate | null;
}

export interface IatiActivityInput {
  partnership: IatiPartnership;
  /** Every aid entry of the partnership. Retracted and unvalued ones are left out here (see iatiOmissions). */
  aid: AidEntry[];
}

type IatiOmissionReason = 'retracted' | 'no_value' | 'future';
export interface IatiOmission {
  eventId: string;
  reason: IatiOmissionReason;
}

/**
 * The entries an IATI export leaves out, and why: retracted entries are not aid that happened, an
 * IATI transaction must carry a value (in-kind aid is sometimes recorded before anyone valued it),
 * and a pledge dated after `today` (YYYY-MM-DD) is no transaction yet (the Standard ruleset, 11.2.1,
 * refuses transaction dates in the future).
 */
export function iatiOmissions(entries: AidEntry[], today = '9999-12-31'): IatiOmission[] {
  return entries.flatMap((e): IatiOmission[] =>
    e.retracted
      ? [{ eventId: e.eventId, reason: 'retracted' }]
      : !hasValue(e)
        ? [{ eventId: e.eventId, reason: 'no_value' }]
        : firstDay(e.occurredOn) > today
          ? [{ eventId: e.eventId, reason: 'future' }]
          : [],
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const hasValue = (e: AidEntry): e is AidEntry & { amount: string; currency: string } => e.amount !== null && e.currency !== null;

/** The entries that become transactions: not retracted, with a value, dated by `today`, oldest first. */
function reportableAid(entries: AidEntry[], today: string): (AidEntry & { amount: string; currency: string })[] {
  return entries
    .filter((e) => !e.retracted)
    .filter(hasValue)
    .filter((e) => firstDay(e.occurredOn) <= today)
    .sort((a, b) => cmp(firstDay(a.occurredOn), firstDay(b.occurredOn)) || cmp(a.eventId, b.eventId));
}

function iatiActivityIdentifier(config: IatiConfig, partnershipId: string): string {
  const prefix = config.activityIdPrefix.replace(/-+$/, '');
  return `${prefix}-${partnershipId}`;
}

/** An iati-activities document with the one activity of this partnership. */
export function buildIatiActivityXml(input: IatiActivityInput, config: IatiConfig, generatedAt: string): string {
  checkConfig(config);
  return documentOf([input], config, generatedAt);
}

/**
 * An iati-activities document for a period: one activity per partnership that has reportable aid
 * dated in it. An entry belongs to the period when the first day of its date lies within
 * [from, to] (2022-05 counts as 2022-05-01), the same rule as the aid read model's from/to filter.
 * Throws NothingToExportError when no partnership has any.
 */
export function buildIatiPeriodXml(
  inputs: IatiActivityInput[],
  period: { from: string; to: string },
  config: IatiConfig,
  generatedAt: string,
): string {
  checkConfig(config);
  checkPeriod(period);
  const inPeriod = inputs
    .map((i) => ({ ...i, aid: i.aid.filter((e) => firstDay(e.occurredOn) >= period.from && firstDay(e.occurredOn) <= period.to) }))
    .filter((i) => reportableAid(i.aid, generatedAt.slice(0, 10)).length > 0);
  if (!inPeriod.length) throw new NothingToExportError(`No aid with a value is recorded between ${period.from} and ${period.to}.`, period);
  return documentOf(inPeriod, config, generatedAt);
}

/** Nothing to put in an export (an IATI document needs at least one activity). */
export class NothingToExportError extends DomainError {
  readonly code = 'nothing_to_export';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function checkPeriod(p: { from: string; to: string }): void {
  const errors = (['from', 'to'] as const)
    .filter((f) => typeof p[f] !== 'string' || !DAY.test(p[f]) || Number.isNaN(Date.parse(`${p[f]}T00:00:00Z`)))
    .map((field) => ({ field, reason: 'expected a date written as YYYY-MM-DD' }));
  if (errors.length) throw new ValidationError(errors);
  if (p.from > p.to) throw new ValidationError([{ field: 'from', reason: `${p.from} is after to (${p.to})` }]);
}

function checkConfig(c: IatiConfig): void {
  const missing = [
    !c.reportingOrg?.ref?.trim() && 'reportingOrg.ref',
    !c.reportingOrg?.typeCode?.trim() && 'reportingOrg.typeCode',
    !c.activityIdPrefix?.trim() && 'activityIdPrefix',
  ].filter(Boolean);
  if (missing.length) throw new Error(`IATI export is not configured: ${missing.join(', ')} missing`);
}

function documentOf(inputs: IatiActivityInput[], config: IatiConfig, generatedAt: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: IATI_VERSION,
    'generated-datetime': generatedAt,
  });
  for (const input of inputs) activity(root, input, config, generatedAt.slice(0, 10));
  return root.end({ prettyPrint: true });
}

type XMLBuilder = ReturnType<typeof create>;

function narratives(parent: XMLBuilder, name: LocalizedName | null | undefined): void {
  for (const [lang, text] of heldNames(name)) parent.ele('narrative', { 'xml:lang': lang }).txt(text);
}

function texts(parent: XMLBuilder, byLang: Partial<Record<'en' | 'de' | 'uk', string | null>>): void {
  for (const lang of ['en', 'de', 'uk'] as const) {
    const t = byLang[lang];
    if (t) parent.ele('narrative', { 'xml:lang': lang }).txt(t);
  }
}

function mergedName(primary: LocalizedName | undefined, fallback: LocalizedName | null): LocalizedName {
  return { ...(fallback ?? {}), ...Object.fromEntries(heldNames(primary)) };
}

function activity(root: XMLBuilder, input: IatiActivityInput, config: IatiConfig, today: string): void {
  const p = input.partnership;
  const foreign = input.aid.find((e) => e.partnershipId !== p.partnershipId);
  if (foreign) throw new Error(`Aid entry ${foreign.eventId} belongs to ${foreign.partnershipId}, not to ${p.partnershipId}`);
  const rows = reportableAid(input.aid, today);
  const id = iatiActivityIdentifier(config, p.partnershipId);
  const reporter = mergedName(config.reportingOrg.name, p.ownMunicipality);
  const own = p.ownMunicipality ?? reporter;

  const a = root.ele('iati-activity', { 'xml:lang': config.language ?? 'en' });
  a.ele('iati-identifier').txt(id);
  const rep = a.ele('reporting-org', { ref: config.reportingOrg.ref, type: config.reportingOrg.typeCode });
  narratives(rep, reporter);

  const t = a.ele('title');
  texts(t, titles(own, p.counterpart));
  const d = a.ele('description', { type: DESCRIPTION_TYPE_GENERAL });
  texts(d, descriptions(own, p.counterpart, p.counterpartCountry));

  for (const role of [ORGANISATION_ROLE.funding, ORGANISATION_ROLE.accountable]) {
    narratives(a.ele('participating-org', { ref: config.reportingOrg.ref, type: config.reportingOrg.typeCode, role }), reporter);
  }

  const delivered = rows.filter((e) => e.kind === 'delivered');
  a.ele('activity-status', { code: activityStatusFor(p.standing, delivered.length > 0) });
  // A pledge dated ahead is no transaction yet, but it still says when the activity is planned to start.
  for (const [type, date] of activityDates(p, rows, reportableAid(input.aid, '9999-12-31'))) {
    const el = a.ele('activity-date', { type, 'iso-date': firstDay(date) });
    texts(el, { en: precisionNote(date, 'en'), de: precisionNote(date, 'de') });
  }
  // The Standard ruleset (3.7.1) wants a recipient on the activity or on every transaction.
  if (p.counterpartCountry) a.ele('recipient-country', { code: p.counterpartCountry.toUpperCase(), percentage: '100' });
  else a.ele('recipient-region', { ...REGION_UNSPECIFIED, percentage: '100' });

  // Sectors go on every transaction; an activity with none yet says "not specified" itself (rule 6.2.2).
  if (!rows.length) a.ele('sector', { vocabulary: SECTOR_VOCABULARY.dac5, code: SECTOR_NOT_SPECIFIED });
  for (const e of rows) transaction(a, e, { id, reporter, config });
}

function activityDates(p: IatiPartnership, rows: AidEntry[], pledged: AidEntry[]): [string, BusinessDate][] {
  const firstDelivery = rows.find((e) => e.kind === 'delivered')?.occurredOn;
  const starts = [p.startedOn, firstDelivery].filter((d): d is BusinessDate => !!d);
  const dates: [string, BusinessDate][] = [];
  if (starts.length) {
    const start = starts.reduce((x, y) => (firstDay(y) < firstDay(x) ? y : x));
    dates.push([ACTIVITY_DATE_TYPE.actualStart, start]);
  } else if (pledged.length) {
    // only pledges so far: the first pledge is when the activity is planned to start
    dates.push([ACTIVITY_DATE_TYPE.plannedStart, pledged[0].occurredOn]);
  }
  if (p.standing === 'terminated' && p.endedOn) dates.push([ACTIVITY_DATE_TYPE.actualEnd, p.endedOn]);
  if (!dates.length)
    throw new Error(`Partnership ${p.partnershipId} has no start date and no aid: an IATI activity needs an activity-date`);
  return dates;
}

/** The name in `lang` when held, else the export's preferred spelling (German first). */
const nameIn = (name: LocalizedName, lang: string) => displayName(name, [lang, 'de', 'en', 'uk']);

function titles(own: LocalizedName, counterpart: LocalizedName | null): Record<'en' | 'de' | 'uk', string | null> {
  const pair = (lang: 'en' | 'de' | 'uk') => {
    const a = nameIn(own, lang);
    const b = counterpart ? nameIn(counterpart, lang) : null;
    return { a, b };
  };
  const en = pair('en');
  const de = pair('de');
  const uk = own.uk && counterpart?.uk ? { a: own.uk, b: counterpart.uk } : null;
  return {
    en: en.b ? `Municipal partnership ${en.a} – ${en.b}: aid` : `Municipal partnership initiative of ${en.a}: aid`,
    de: de.b ? `Kommunale Partnerschaft ${de.a} – ${de.b}: Hilfeleistungen` : `Partnerschaftsinitiative ${de.a}: Hilfeleistungen`,
    uk: uk ? `Муніципальне партнерство ${uk.a} – ${uk.b}: допомога` : null,
  };
}

function descriptions(own: LocalizedName, counterpart: LocalizedName | null, country: string | null): Record<'en' | 'de', string> {
  const c = country ? ` (${country.toUpperCase()})` : '';
  const enOwn = nameIn(own, 'en');
  const deOwn = nameIn(own, 'de');
  const enCp = counterpart ? nameIn(counterpart, 'en') : null;
  const deCp = counterpart ? nameIn(counterpart, 'de') : null;
  return {
    en: enCp
      ? `Aid delivered and pledged by ${enOwn} within its municipal partnership with ${enCp}${c}. Receivers may be other places than the partner city.`
      : `Aid delivered and pledged by ${enOwn} while it seeks a partner municipality.`,
    de: deCp
      ? `Hilfeleistungen und Zusagen von ${deOwn} im Rahmen der kommunalen Partnerschaft mit ${deCp}${c}. Empfänger können auch andere Orte als die Partnerstadt sein.`
      : `Hilfeleistungen und Zusagen von ${deOwn} während der Suche nach einer Partnerkommune.`,
  };
}

const MODALITY_TEXT = {
  en: { cash: 'Cash', in_kind: 'In kind', services: 'Services' },
  de: { cash: 'Geldleistung', in_kind: 'Sachleistung', services: 'Dienstleistung' },
} as const;

function transactionText(e: AidEntry, lang: 'en' | 'de'): string {
  const modality = MODALITY_TEXT[lang][e.modality as keyof (typeof MODALITY_TEXT)['en']] ?? e.modality;
  const parts = [e.items.length ? `${modality}: ${e.items.join(', ')}.` : `${modality}.`];
  if (e.fundingChannel) parts.push(lang === 'de' ? `Finanzierungsweg: ${e.fundingChannel}.` : `Funding channel: ${e.fundingChannel}.`);
  const note = precisionNote(e.occurredOn, lang);
  if (note) parts.push(note);
  if (e.kind === 'delivered' && e.receipt) parts.push(receiptText(e.receipt, lang));
  return parts.join(' ');
}

/**
 * The receiver's confirmation of a delivery, in words: IATI 2.03 has no element for it (see
 * docs/interop.md), so it goes into the transaction's description.
 */
function receiptText(r: ReceiptView, lang: 'en' | 'de'): string {
  const on = r.receivedOn ? formatBusinessDate(r.receivedOn, lang) : '';
  const notes = r.confirmations.flatMap((c) => (c.discrepancies ? [c.discrepancies.trim()] : []));
  const docs = r.confirmations.flatMap((c) => (c.documentReference ? [c.documentReference.trim()] : []));
  const de = lang === 'de';
  const head = {
    awaiting: de ? 'Empfang vom Empfänger noch nicht bestätigt.' : 'Receipt not yet confirmed by the receiver.',
    partly_confirmed: de
      ? `Empfang vom Empfänger teilweise bestätigt (zuletzt empfangen: ${on}).`
      : `Receipt partly confirmed by the receiver (last received ${on}).`,
    confirmed: de
      ? `Empfang vom Empfänger bestätigt (vollständig empfangen: ${on}).`
      : `Receipt confirmed by the receiver (received in full ${on}).`,
  }[r.status];
  return [
    head,
    ...(notes.length ? [`${de ? 'Abweichungen' : 'Discrepancies'}: ${notes.join('; ')}.`] : []),
    ...(docs.length ? [`${de ? 'Beleg' : 'Document'}: ${docs.join(', ')}.`] : []),
  ].join(' ');
}

function transaction(
  a: XMLBuilder,
  e: AidEntry & { amount: string; currency: string },
  ctx: { id: string; reporter: LocalizedName; config: IatiConfig },
): void {
  const sector = e.sector?.trim() ? e.sector.trim() : null;
  const codes = { ...DEFAULT_SECTOR_CODES, ...normalisedKeys(ctx.config.sectorCodes) };
  const dac = sector ? codes[normaliseSector(sector)] : SECTOR_NOT_SPECIFIED;
  const humanitarian = dac !== undefined && isHumanitarianSector(dac);

  const t = a.ele('transaction', { ref: e.eventId, ...(humanitarian ? { humanitarian: '1' } : {}) });
  t.ele('transaction-type', { code: e.kind === 'delivered' ? TRANSACTION_TYPE.disbursement : TRANSACTION_TYPE.outgoingCommitment });
  const day = firstDay(e.occurredOn);
  t.ele('transaction-date', { 'iso-date': day });
  t.ele('value', { currency: e.currency.toUpperCase(), 'value-date': day }).txt(e.amount);
  texts(t.ele('description'), { en: transactionText(e, 'en'), de: transactionText(e, 'de') });
  narratives(
    t.ele('provider-org', { ref: ctx.config.reportingOrg.ref, 'provider-activity-id': ctx.id, type: ctx.config.reportingOrg.typeCode }),
    ctx.reporter,
  );
  narratives(t.ele('receiver-org'), e.receiver);
  if (dac) t.ele('sector', { vocabulary: SECTOR_VOCABULARY.dac5, code: dac });
  if (sector)
    t.ele('sector', { vocabulary: SECTOR_VOCABULARY.reportingOrganisation, code: ownSectorCode(sector) || 'other' })
      .ele('narrative')
      .txt(sector);
  for (const aidType of AID_TYPE_BY_MODALITY[e.modality as keyof typeof AID_TYPE_BY_MODALITY] ?? [])
    t.ele('aid-type', { code: aidType.code, vocabulary: aidType.vocabulary });
}

function normalisedKeys(m: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [normaliseSector(k), v]));
}
