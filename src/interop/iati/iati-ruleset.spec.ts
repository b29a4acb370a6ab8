// The IATI Standard ruleset (2.03) applied to the exports, beside the XSD: dates, sectors,
// organisations, percentages and identifiers. The checker (test/support/iati-ruleset.ts) is shown to
// catch each kind of rule first, so a clean export means something.
import { checkIatiRuleset, standardRuleset } from '../../../test/support/iati-ruleset.js';
import { validateIatiActivities } from '../../../test/support/iati-xsd.mjs';
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import { buildIatiActivityXml, buildIatiPeriodXml, type IatiConfig, type IatiPartnership } from './iati-activity.js';

const ruleset = standardRuleset();
const NOW = new Date('2025-08-01T12:00:00Z');
const GENERATED_AT = '2025-08-01T10:00:00Z';
const CONFIG: IatiConfig = {
  reportingOrg: { ref: 'DE-GOV-05913000', typeCode: '11', name: { de: 'Stadt Dortmund', en: 'City of Dortmund' } },
  activityIdPrefix: 'DE-GOV-05913000',
};
/** Only the agency-prefix rule (1.14.8) needs the IATI Registry's list, which the tests do not have. */
const REGISTRY_ONLY = ['1.14.8'];

const partnership = (o: Partial<IatiPartnership> = {}): IatiPartnership => ({
  partnershipId: 'dortmund-zhytomyr',
  ownMunicipality: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' },
  counterpart: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  counterpartCountry: 'UA',
  standing: 'active',
  startedOn: { date: '2022', precision: 'year' },
  ...o,
});

const aid = (o: Partial<AidEntry>): AidEntry => ({
  eventId: 'e-1',
  partnershipId: 'dortmund-zhytomyr',
  kind: 'delivered',
  receiver: { en: 'Vinnytsia', uk: 'Вінниця' },
  receiverKey: 'Vinnytsia',
  occurredOn: { date: '2022-05', precision: 'month' },
  month: '2022-05',
  amount: '125000.00',
  currency: 'EUR',
  modality: 'in_kind',
  sector: 'energy',
  fundingChannel: null,
  items: ['generators'],
  retracted: false,
  receipt: { status: 'awaiting', receivedOn: null, confirmations: [] },
  ...o,
});

const partly: AidEntry['receipt'] = {
  status: 'partly_confirmed',
  receivedOn: { date: '2022-05-20', precision: 'day' },
  confirmations: [
    {
      eventId: 'c-1',
      receivedOn: { date: '2022-05-20', precision: 'day' },
      received: 'part',
      discrepancies: 'Two generators arrived damaged.',
      documentReference: 'Akt 17/2022',
    },
  ],
};

async function expectConformant(xml: string): Promise<void> {
  const xsd = await validateIatiActivities(xml);
  expect(xsd.errors).toEqual([]);
  const result = checkIatiRuleset(xml, ruleset, { now: NOW });
  expect(result.failures).toEqual([]);
  expect(result.skipped.map((s) => s.id)).toEqual(REGISTRY_ONLY);
  expect(result.evaluated).toBeGreaterThan(40);
}

describe('the ruleset checker', () => {
  // One activity breaking a rule of each kind the standard ruleset uses.
  const BAD = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity>
    <iati-identifier>DE-GOV-1/x </iati-identifier>
    <reporting-org ref="DE-GOV-1/x " type="11"><narrative xml:lang="de">Stadt</narrative></reporting-org>
    <title><narrative xml:lang="en"></narrative></title>
    <description><narrative>no language</narrative></description>
    <activity-date type="1" iso-date="2024-05-01"/>
    <activity-date type="3" iso-date="2024-01-01"/>
    <activity-date type="2" iso-date="2030-01-01"/>
    <recipient-country code="UA" percentage="150"/>
    <sector vocabulary="1" code="72010" percentage="60"/>
    <sector vocabulary="1" code="14030" percentage="30"/>
    <sector vocabulary="2" code="700" percentage="50"/>
    <sector vocabulary="2" code="720" percentage="20"/>
    <sector vocabulary="99" code="own"/>
    <transaction>
      <transaction-type code="3"/><transaction-date iso-date="2023-01-01"/><value currency="EUR" value-date="2023-01-01">1</value>
      <sector vocabulary="1" code="72010"/>
      <aid-type vocabulary="1" code="C01"/><aid-type vocabulary="1" code="D02"/>
    </transaction>
    <transaction>
      <transaction-type code="3"/><transaction-date iso-date="2023-02-01"/><value value-date="2023-02-01">1</value>
    </transaction>
  </iati-activity>
</iati-activities>`;

  it('finds a broken rule of every kind: identifiers, dates, languages, sums, ranges, sectors, counts', () => {
    const ids = new Set(checkIatiRuleset(BAD, ruleset, { now: NOW }).failures.map((f) => f.id));
    for (const id of [
      '1.1.3', // unique: activity id = reporting-org ref
      '1.1.21', // startswith: the activity id does not start with "<ref>-"
      '1.3.13', // regex_matches: "/" in the identifier
      '1.3.1', // no_spaces
      '4.3.1', // atleast_one: an empty title
      '4.1.1', // one_or_all: a narrative without a language and no default
      '7.8.1', // one_or_all: a value without a currency and no default
      '11.1.2', // date_order: planned start after planned end
      '11.1.4', // date_order: actual start in the future
      '12.1.1', // range: a percentage of 150
      '2.1.2', // strict_sum (and in a loop): 60 + 30, 50 + 20
      '2.2.1', // if_then: a vocabulary-99 sector without a narrative
      '6.6.2', // if_then: sectors on the activity and on transactions
      '107.2.2', // no_more_than_one: two aid types of one vocabulary in a transaction
    ])
      expect([id, ids.has(id)]).toEqual([id, true]);
  });

  it('finds sectors on some transactions only, no recipient and no start date', () => {
    const xml = `<iati-activities version="2.03"><iati-activity xml:lang="en">
      <iati-identifier>DE-GOV-1-a</iati-identifier><reporting-org ref="DE-GOV-1" type="11"/>
      <transaction><transaction-date iso-date="2023-01-01"/><value currency="EUR">1</value><sector vocabulary="1" code="72010"/></transaction>
      <transaction><transaction-date iso-date="2023-02-01"/><value currency="EUR">1</value></transaction>
    </iati-activity></iati-activities>`;
    expect(checkIatiRuleset(xml, ruleset, { now: NOW }).failures.map((f) => f.id)).toEqual(['6.11.1', '6.7.2', '3.7.1', '3.7.2']);
  });

  it('checks the agency prefix only against a list it is given', () => {
    const xml = buildIatiActivityXml({ partnership: partnership(), aid: [aid({})] }, CONFIG, GENERATED_AT);
    expect(checkIatiRuleset(xml, ruleset, { now: NOW }).skipped.map((s) => s.id)).toEqual(['1.14.8']);
    const known = checkIatiRuleset(xml, ruleset, { now: NOW, idSets: { 'ORG-ID-PREFIX': new Set(['DE-GOV']) } });
    expect([known.skipped, known.failures]).toEqual([[], []]);
    const unknown = checkIatiRuleset(xml, ruleset, { now: NOW, idSets: { 'ORG-ID-PREFIX': new Set(['XM-DAC']) } });
    expect(unknown.failures.map((f) => f.id)).toEqual(['1.14.8']);
  });
});

describe('the IATI export meets the Standard ruleset and the XSD', () => {
  it('with deliveries awaiting, partly and fully confirmed, pledges, cash, services and unmapped sectors', async () => {
    const confirmed: AidEntry['receipt'] = {
      status: 'confirmed',
      receivedOn: { date: '2022-06-03', precision: 'day' },
      confirmations: [{ eventId: 'c-2', receivedOn: { date: '2022-06-03', precision: 'day' }, received: 'all' }],
    };
    const xml = buildIatiActivityXml(
      {
        partnership: partnership(),
        aid: [
          aid({ eventId: 'e-1', receipt: partly }),
          aid({ eventId: 'e-2', occurredOn: { date: '2022-06', precision: 'month' }, modality: 'cash', sector: null, receipt: confirmed }),
          aid({ eventId: 'e-3', modality: 'services', sector: 'emergency relief', occurredOn: { date: '2022-11-02', precision: 'day' } }),
          aid({ eventId: 'p-1', kind: 'committed', receipt: null, occurredOn: { date: '2023', precision: 'year' } }),
          aid({ eventId: 'p-2', kind: 'committed', receipt: null, occurredOn: { date: '2026-01', precision: 'month' } }),
        ],
      },
      CONFIG,
      GENERATED_AT,
    );
    await expectConformant(xml);
    expect(xml).toContain(
      'Receipt partly confirmed by the receiver (last received 20 May 2022). Discrepancies: Two generators arrived damaged.',
    );
    expect(xml).toContain('Receipt confirmed by the receiver (received in full 3 June 2022).');
    expect(xml).toContain('Receipt not yet confirmed by the receiver.');
    expect(xml).not.toContain('ref="p-2"');
  });

  it('for a partnership without a partner country, a terminated one, one with only a pledge ahead, and a period', async () => {
    await expectConformant(
      buildIatiActivityXml(
        { partnership: partnership({ counterpart: null, counterpartCountry: null }), aid: [aid({})] },
        CONFIG,
        GENERATED_AT,
      ),
    );
    await expectConformant(
      buildIatiActivityXml(
        { partnership: partnership({ standing: 'terminated', endedOn: { date: '2024-06-30', precision: 'day' } }), aid: [aid({})] },
        CONFIG,
        GENERATED_AT,
      ),
    );
    await expectConformant(
      buildIatiActivityXml(
        {
          partnership: partnership({ startedOn: null }),
          aid: [aid({ kind: 'committed', receipt: null, occurredOn: { date: '2026-03', precision: 'month' } })],
        },
        CONFIG,
        GENERATED_AT,
      ),
    );
    await expectConformant(
      buildIatiPeriodXml(
        [
          { partnership: partnership(), aid: [aid({ receipt: partly })] },
          {
            partnership: partnership({ partnershipId: 'dortmund-mykolaiv', counterpart: { en: 'Mykolaiv' } }),
            aid: [aid({ eventId: 'm-1', partnershipId: 'dortmund-mykolaiv', modality: 'cash' })],
          },
        ],
        { from: '2022-01-01', to: '2022-12-31' },
        CONFIG,
        GENERATED_AT,
      ),
    );
  });
});
