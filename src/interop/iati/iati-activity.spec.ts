// Every document built here is validated against the official IATI 2.03 XSD (libxml2), then read
// back as XML to check what it says.
import { create } from 'xmlbuilder2';
import { validateIatiActivities } from '../../../test/support/iati-xsd.mjs';
import { DEMO_PARTNERSHIP_ID, DEMO_STEPS } from '../../partnerships/demo/story.js';
import { parseBusinessDate, ValidationError, type LocalizedName } from '../../partnerships/domain/index.js';
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import {
  buildIatiActivityXml,
  buildIatiPeriodXml,
  iatiOmissions,
  NothingToExportError,
  type IatiActivityInput,
  type IatiConfig,
  type IatiPartnership,
} from './iati-activity.js';

const GENERATED_AT = '2025-08-01T10:00:00Z';
const CONFIG: IatiConfig = {
  reportingOrg: { ref: 'DE-XM-DORTMUND', typeCode: '11', name: { de: 'Stadt Dortmund', en: 'City of Dortmund' } },
  activityIdPrefix: 'DE-XM-DORTMUND',
};

type El = { getAttribute(n: string): string | null; textContent: string | null; tagName: string; children: ArrayLike<El> };
type Doc = { getElementsByTagName(n: string): ArrayLike<El> };
const parse = (xml: string): Doc => create(xml).node as unknown as Doc;
const all = (d: Doc | El, tag: string): El[] =>
  'getElementsByTagName' in d ? Array.from(d.getElementsByTagName(tag)) : Array.from((d as unknown as Doc).getElementsByTagName(tag));
const kids = (e: El, tag: string): El[] => Array.from(e.children).filter((c) => c.tagName === tag);
const kid = (e: El, tag: string): El => {
  const found = kids(e, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}> in <${e.tagName}>, found ${found.length}`);
  return found[0];
};
const narrativesOf = (e: El): Record<string, string> =>
  Object.fromEntries(kids(e, 'narrative').map((n) => [n.getAttribute('xml:lang') ?? '(default)', n.textContent ?? '']));

async function expectValid(xml: string): Promise<void> {
  const result = await validateIatiActivities(xml);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

// The demo seed's story, turned into read-model rows the way the projection stores them.
const stepData = (key: string) => DEMO_STEPS.find((s) => s.key === key)!.data;
const demoDeliveries: AidEntry[] = DEMO_STEPS.filter((s) => s.command === 'RecordAidDelivery').map((s) => {
  const d = s.data as { occurredOn: string; receiver: LocalizedName; value?: { amount: string; currency: string } } & Record<string, any>;
  const occurredOn = parseBusinessDate(d.occurredOn);
  return {
    eventId: `demo-${s.key}`,
    partnershipId: DEMO_PARTNERSHIP_ID,
    kind: 'delivered',
    receiver: d.receiver,
    receiverKey: d.receiver.en ?? '',
    occurredOn,
    month: occurredOn.precision === 'year' ? null : occurredOn.date.slice(0, 7),
    amount: d.value?.amount ?? null,
    currency: d.value?.currency ?? null,
    modality: d.modality,
    sector: d.sector ?? null,
    fundingChannel: d.fundingChannel ?? null,
    items: d.items ?? [],
    retracted: false,
    receipt: { status: 'awaiting', receivedOn: null, confirmations: [] },
  };
});
const demoPartnership: IatiPartnership = {
  partnershipId: DEMO_PARTNERSHIP_ID,
  ownMunicipality: stepData('01-mandate').ownMunicipality as LocalizedName,
  counterpart: stepData('04-zhytomyr-request').name as LocalizedName,
  counterpartCountry: stepData('04-zhytomyr-request').country as string,
  standing: 'active',
  startedOn: parseBusinessDate(stepData('01-mandate').occurredOn as string),
};

const entry = (o: Partial<AidEntry>): AidEntry => ({
  eventId: 'e-1',
  partnershipId: DEMO_PARTNERSHIP_ID,
  kind: 'delivered',
  receiver: { en: 'Kharkiv', uk: 'Харків', de: 'Charkiw' },
  receiverKey: 'Kharkiv',
  occurredOn: { date: '2023-03-14', precision: 'day' },
  month: '2023-03',
  amount: '1000.00',
  currency: 'EUR',
  modality: 'cash',
  sector: null,
  fundingChannel: null,
  items: [],
  retracted: false,
  receipt: { status: 'awaiting', receivedOn: null, confirmations: [] },
  ...o,
});

const transactions = (xml: string) => all(parse(xml), 'transaction');
const byRef = (xml: string, ref: string) => {
  const t = transactions(xml).find((x) => x.getAttribute('ref') === ref);
  if (!t) throw new Error(`no transaction ${ref}`);
  return t;
};

describe('IATI 2.03 activity XML', () => {
  it("reports the demo seed's 2022 deliveries to Vinnytsia and Mykolaiv as disbursements, valid against the XSD", async () => {
    expect(demoDeliveries.map((e) => [e.receiverKey, e.occurredOn.date, e.amount, e.currency])).toEqual([
      ['Vinnytsia', '2022-05', '125000.00', 'EUR'],
      ['Mykolaiv', '2022-06', '80000.00', 'EUR'],
      ['Mykolaiv', '2022-11', '60000.00', 'EUR'],
    ]);
    const xml = buildIatiActivityXml({ partnership: demoPartnership, aid: demoDeliveries }, CONFIG, GENERATED_AT);
    await expectValid(xml);

    const doc = parse(xml);
    const [activity] = all(doc, 'iati-activity');
    expect(all(doc, 'iati-activity')).toHaveLength(1);
    expect(kid(activity, 'iati-identifier').textContent).toBe('DE-XM-DORTMUND-dortmund-zhytomyr');
    const rep = kid(activity, 'reporting-org');
    expect([rep.getAttribute('ref'), rep.getAttribute('type')]).toEqual(['DE-XM-DORTMUND', '11']);
    expect(narrativesOf(rep)).toEqual({ de: 'Stadt Dortmund', uk: 'Дортмунд', en: 'City of Dortmund' });
    expect(narrativesOf(kid(activity, 'title'))).toEqual({
      en: 'Municipal partnership Dortmund – Zhytomyr: aid',
      de: 'Kommunale Partnerschaft Dortmund – Schytomyr: Hilfeleistungen',
      uk: 'Муніципальне партнерство Дортмунд – Житомир: допомога',
    });
    expect(kid(activity, 'activity-status').getAttribute('code')).toBe('2');
    expect(kid(activity, 'recipient-country').getAttribute('code')).toBe('UA');
    // the mandate is known to the year only: 2022 → 1 January, and the date says so
    const start = kid(activity, 'activity-date');
    expect([start.getAttribute('type'), start.getAttribute('iso-date')]).toEqual(['2', '2022-01-01']);
    expect(narrativesOf(start).en).toContain('known to the year only (2022)');
    expect(kids(activity, 'participating-org').map((o) => o.getAttribute('role'))).toEqual(['1', '2']);

    const rows = transactions(xml).map((t) => ({
      type: kid(t, 'transaction-type').getAttribute('code'),
      date: kid(t, 'transaction-date').getAttribute('iso-date'),
      value: kid(t, 'value').textContent,
      currency: kid(t, 'value').getAttribute('currency'),
      valueDate: kid(t, 'value').getAttribute('value-date'),
      receiver: narrativesOf(kid(t, 'receiver-org')),
      sectors: kids(t, 'sector').map((s) => `${s.getAttribute('vocabulary')}:${s.getAttribute('code')}`),
      humanitarian: t.getAttribute('humanitarian'),
    }));
    expect(rows).toEqual([
      {
        type: '3',
        date: '2022-05-01',
        value: '125000.00',
        currency: 'EUR',
        valueDate: '2022-05-01',
        receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
        sectors: ['1:72010', '99:emergency-relief'],
        humanitarian: '1',
      },
      {
        type: '3',
        date: '2022-06-01',
        value: '80000.00',
        currency: 'EUR',
        valueDate: '2022-06-01',
        receiver: { de: 'Mykolajiw', uk: 'Миколаїв', en: 'Mykolaiv' },
        sectors: ['1:14030', '99:water-and-sanitation'],
        humanitarian: null,
      },
      {
        type: '3',
        date: '2022-11-01',
        value: '60000.00',
        currency: 'EUR',
        valueDate: '2022-11-01',
        receiver: { de: 'Mykolajiw', uk: 'Миколаїв', en: 'Mykolaiv' },
        sectors: ['1:72010', '99:winter-relief'],
        humanitarian: '1',
      },
    ]);
  });

  it('writes a month-precision date as the first of the month and keeps the precision in the description', async () => {
    const xml = buildIatiActivityXml(
      {
        partnership: demoPartnership,
        aid: [entry({ eventId: 'm', occurredOn: { date: '2022-05', precision: 'month' }, items: ['generators'], modality: 'in_kind' })],
      },
      CONFIG,
      GENERATED_AT,
    );
    await expectValid(xml);
    const t = byRef(xml, 'm');
    expect(kid(t, 'transaction-date').getAttribute('iso-date')).toBe('2022-05-01');
    expect(narrativesOf(kid(t, 'description'))).toEqual({
      en: 'In kind: generators. Date known to the month only (May 2022); the first day of the month (2022-05-01) stands for it. Receipt not yet confirmed by the receiver.',
      de: 'Sachleistung: generators. Datum nur auf den Monat genau bekannt (Mai 2022); angegeben ist der erste Tag des Monats (2022-05-01). Empfang vom Empfänger noch nicht bestätigt.',
    });
    // goods in kind have no aid-type code; cash and services do
    expect(kids(t, 'aid-type')).toHaveLength(0);
  });

  it('writes a year-precision date as 1 January and says so; a day-precise one carries no note', async () => {
    const xml = buildIatiActivityXml(
      {
        partnership: demoPartnership,
        aid: [
          entry({ eventId: 'y', occurredOn: { date: '2022', precision: 'year' }, month: null }),
          entry({ eventId: 'd', modality: 'services' }),
        ],
      },
      CONFIG,
      GENERATED_AT,
    );
    await expectValid(xml);
    const y = byRef(xml, 'y');
    expect(kid(y, 'transaction-date').getAttribute('iso-date')).toBe('2022-01-01');
    expect(kid(y, 'value').getAttribute('value-date')).toBe('2022-01-01');
    expect(narrativesOf(kid(y, 'description')).en).toBe(
      'Cash. Date known to the year only (2022); 1 January (2022-01-01) stands for it. Receipt not yet confirmed by the receiver.',
    );
    expect(kids(y, 'aid-type').map((a) => [a.getAttribute('vocabulary'), a.getAttribute('code')])).toEqual([
      ['1', 'C01'],
      ['4', '1'],
    ]);
    const d = byRef(xml, 'd');
    expect(narrativesOf(kid(d, 'description')).en).toBe('Services. Receipt not yet confirmed by the receiver.');
    expect(kids(d, 'aid-type').map((a) => [a.getAttribute('vocabulary'), a.getAttribute('code')])).toEqual([['1', 'D02']]);
  });

  it('leaves a retracted delivery and an unvalued one out, and says which and why', async () => {
    const aid = [
      ...demoDeliveries,
      entry({ eventId: 'retracted-1', amount: '99999.00', retracted: true }),
      entry({ eventId: 'unvalued-1', amount: null, currency: null, modality: 'in_kind' }),
    ];
    const xml = buildIatiActivityXml({ partnership: demoPartnership, aid }, CONFIG, GENERATED_AT);
    await expectValid(xml);
    expect(transactions(xml).map((t) => t.getAttribute('ref'))).toEqual(demoDeliveries.map((e) => e.eventId));
    expect(xml).not.toContain('99999.00');
    expect(iatiOmissions(aid)).toEqual([
      { eventId: 'retracted-1', reason: 'retracted' },
      { eventId: 'unvalued-1', reason: 'no_value' },
    ]);
  });

  it('keeps names in Latin with diacritics and in Cyrillic exactly, one narrative per language, and escapes markup', async () => {
    const receiver = { de: 'Łódź-Süd & „Partner“', uk: 'Їжакевичі <центр>', en: 'Łódź South' };
    const xml = buildIatiActivityXml(
      { partnership: demoPartnership, aid: [entry({ eventId: 'n', receiver, receiverKey: 'Łódź South' })] },
      CONFIG,
      GENERATED_AT,
    );
    await expectValid(xml);
    expect(narrativesOf(kid(byRef(xml, 'n'), 'receiver-org'))).toEqual(receiver);
    expect(xml).toContain('Їжакевичі &lt;центр&gt;');
  });

  it('reports a pledge as an outgoing commitment, in its own currency', async () => {
    const xml = buildIatiActivityXml(
      {
        partnership: demoPartnership,
        aid: [
          entry({
            eventId: 'c',
            kind: 'committed',
            amount: '2500000.50',
            currency: 'UAH',
            occurredOn: { date: '2025-07-01', precision: 'day' },
          }),
          // pledged ahead of the export's day: no transaction yet (IATI refuses future transaction dates)
          entry({ eventId: 'ahead', kind: 'committed', occurredOn: { date: '2025-09-01', precision: 'day' } }),
        ],
      },
      CONFIG,
      GENERATED_AT,
    );
    await expectValid(xml);
    expect(transactions(xml).map((x) => x.getAttribute('ref'))).toEqual(['c']);
    expect(iatiOmissions([entry({ eventId: 'ahead', occurredOn: { date: '2025-09-01', precision: 'day' } })], '2025-08-01')).toEqual([
      { eventId: 'ahead', reason: 'future' },
    ]);
    const t = byRef(xml, 'c');
    // a pledge says nothing of a receipt
    expect(narrativesOf(kid(t, 'description')).en).toBe('Cash.');
    expect(kid(t, 'transaction-type').getAttribute('code')).toBe('2');
    expect([kid(t, 'value').getAttribute('currency'), kid(t, 'value').textContent]).toEqual(['UAH', '2500000.50']);
    // every transaction carries a sector once any does: unknown → DAC "sectors not specified"
    expect(kids(t, 'sector').map((s) => `${s.getAttribute('vocabulary')}:${s.getAttribute('code')}`)).toEqual(['1:99810']);
  });

  it('maps activity status and dates from the partnership: only pledges → pipeline with a planned start; terminated → closed with an actual end', async () => {
    const pledgesOnly = buildIatiActivityXml(
      {
        partnership: { ...demoPartnership, startedOn: null },
        aid: [entry({ eventId: 'c', kind: 'committed', occurredOn: { date: '2026-03', precision: 'month' } })],
      },
      CONFIG,
      GENERATED_AT,
    );
    await expectValid(pledgesOnly);
    const a = all(parse(pledgesOnly), 'iati-activity')[0];
    expect(kid(a, 'activity-status').getAttribute('code')).toBe('1');
    expect([kid(a, 'activity-date').getAttribute('type'), kid(a, 'activity-date').getAttribute('iso-date')]).toEqual(['1', '2026-03-01']);

    const closed = buildIatiActivityXml(
      {
        partnership: { ...demoPartnership, standing: 'terminated', endedOn: { date: '2024-06-30', precision: 'day' } },
        aid: demoDeliveries,
      },
      CONFIG,
      GENERATED_AT,
    );
    await expectValid(closed);
    const b = all(parse(closed), 'iati-activity')[0];
    expect(kid(b, 'activity-status').getAttribute('code')).toBe('4');
    expect(kids(b, 'activity-date').map((d) => [d.getAttribute('type'), d.getAttribute('iso-date')])).toEqual([
      ['2', '2022-01-01'],
      ['4', '2024-06-30'],
    ]);
  });

  it('exports a period: one activity per partnership with aid dated in it, by the first day of each date', async () => {
    const other: IatiActivityInput = {
      partnership: {
        partnershipId: 'dortmund-netanya',
        ownMunicipality: { de: 'Dortmund', en: 'Dortmund' },
        counterpart: { de: 'Netanja', en: 'Netanya' },
        counterpartCountry: 'IL',
        startedOn: { date: '1980', precision: 'year' },
      },
      aid: [
        entry({
          eventId: 'n-2022',
          partnershipId: 'dortmund-netanya',
          currency: 'ILS',
          occurredOn: { date: '2022-12-31', precision: 'day' },
        }),
        entry({ eventId: 'n-2023', partnershipId: 'dortmund-netanya', occurredOn: { date: '2023-01-01', precision: 'day' } }),
      ],
    };
    const quiet: IatiActivityInput = { partnership: { ...other.partnership, partnershipId: 'quiet' }, aid: [] };
    const demo: IatiActivityInput = {
      partnership: demoPartnership,
      aid: [...demoDeliveries, entry({ eventId: 'year-2022', occurredOn: { date: '2022', precision: 'year' }, month: null })],
    };

    const xml = buildIatiPeriodXml([demo, other, quiet], { from: '2022-06-01', to: '2022-12-31' }, CONFIG, GENERATED_AT);
    await expectValid(xml);
    const doc = parse(xml);
    expect(all(doc, 'iati-identifier').map((i) => i.textContent)).toEqual([
      'DE-XM-DORTMUND-dortmund-zhytomyr',
      'DE-XM-DORTMUND-dortmund-netanya',
    ]);
    // May 2022 starts before June; "2022" starts on 1 January: both outside. 31 December is inside, 1 January 2023 is not.
    expect(transactions(xml).map((t) => t.getAttribute('ref'))).toEqual(['demo-03-aid-june-2022', 'demo-05-aid-november-2022', 'n-2022']);
    expect(kid(byRef(xml, 'n-2022'), 'value').getAttribute('currency')).toBe('ILS');

    const whole = buildIatiPeriodXml([demo], { from: '2022-01-01', to: '2022-01-01' }, CONFIG, GENERATED_AT);
    await expectValid(whole);
    expect(transactions(whole).map((t) => t.getAttribute('ref'))).toEqual(['year-2022']);
  });

  it('refuses an empty period and a malformed one with clear errors', () => {
    const demo = { partnership: demoPartnership, aid: demoDeliveries };
    expect(() => buildIatiPeriodXml([demo], { from: '2024-01-01', to: '2024-12-31' }, CONFIG, GENERATED_AT)).toThrow(NothingToExportError);
    const bad = () => buildIatiPeriodXml([demo], { from: '2022-13-01', to: '2022' }, CONFIG, GENERATED_AT);
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (e) {
      expect((e as ValidationError).errors.map((x) => x.field)).toEqual(['from', 'to']);
    }
    expect(() => buildIatiPeriodXml([demo], { from: '2023-01-01', to: '2022-01-01' }, CONFIG, GENERATED_AT)).toThrow(/after to/);
  });

  it('the validator is real: it rejects a transaction without a value date, and an activity without a reporting-org', async () => {
    const xml = buildIatiActivityXml({ partnership: demoPartnership, aid: demoDeliveries }, CONFIG, GENERATED_AT);
    const noValueDate = await validateIatiActivities(xml.replace(/ value-date="[^"]*"/, ''));
    expect(noValueDate.valid).toBe(false);
    expect(noValueDate.errors.join('\n')).toMatch(/value-date/);
    const noReporter = await validateIatiActivities(xml.replace(/<reporting-org[\s\S]*?<\/reporting-org>/, ''));
    expect(noReporter.valid).toBe(false);
  });
});
