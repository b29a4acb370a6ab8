// The real Dortmund–Zhytomyr story (docs/domain.md), as the API takes it: the one copy. The demo
// seed records it; the domain's spec fixture (domain/testing/dortmund-zhytomyr.ts) takes its names,
// papers and areas from here. Dates and the course of events follow the story; paper numbers, amounts
// and items are illustrative. Pure data, so test code and production code may both import it.
import type { CommandType, LocalizedName } from '../domain/index.js';

export const DEMO_PARTNERSHIP_ID = 'dortmund-zhytomyr';

export const DORTMUND: LocalizedName = { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' };
export const ZHYTOMYR: LocalizedName = { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' };
export const VINNYTSIA: LocalizedName = { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' };
export const MYKOLAIV: LocalizedName = { de: 'Mykolajiw', uk: 'Миколаїв', en: 'Mykolaiv' };
export const SOLIDARITY_PAPER = 'DS 2022-0001';
export const TWINNING_PAPER = 'DS 2025-0001';
export const AREAS = [
  'digitalisation',
  'urban planning and building maintenance',
  'business and innovation promotion',
  'mobility',
  'culture',
  "children's summer camps in Dortmund",
  'healthcare',
];

export interface DemoStep {
  /** the fixed Idempotency-Key of this step */
  key: string;
  label: string;
  command: CommandType;
  /** data as the API takes it: dates as 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' */
  data: Record<string, unknown>;
}

const step = (key: string, label: string, command: CommandType, data: Record<string, unknown>): DemoStep => ({ key, label, command, data });

export const DEMO_STEPS: DemoStep[] = [
  step('01-mandate', '2022: the council instructs the administration to seek a Ukrainian partner city', 'InitiatePartnership', {
    occurredOn: '2022',
    ownMunicipality: DORTMUND,
    tier: 'initiative',
    coordinatingOffice: 'Office for International Relations',
    mandateReference: 'Council instruction 2022: seek a partnership with a Ukrainian city',
  }),
  step('02-aid-may-2022', 'May 2022: aid to Vinnytsia', 'RecordAidDelivery', {
    occurredOn: '2022-05',
    receiver: VINNYTSIA,
    value: { amount: '125000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['generators', 'medical supplies'],
    sector: 'emergency relief',
  }),
  step('03-aid-june-2022', 'June 2022: aid to Mykolaiv', 'RecordAidDelivery', {
    occurredOn: '2022-06',
    receiver: MYKOLAIV,
    value: { amount: '80000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['water treatment equipment', 'hygiene kits'],
    sector: 'water and sanitation',
  }),
  step('04-zhytomyr-request', 'June 2022: Zhytomyr asks Dortmund for a partnership', 'DesignateCounterpart', {
    occurredOn: '2022-06',
    name: ZHYTOMYR,
    country: 'UA',
    note: 'Zhytomyr asked Dortmund for a partnership.',
  }),
  step('05-aid-november-2022', 'November 2022: aid to Mykolaiv', 'RecordAidDelivery', {
    occurredOn: '2022-11',
    receiver: MYKOLAIV,
    value: { amount: '60000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['winter clothing', 'generators'],
    sector: 'winter relief',
  }),
  step('06-draft-resolution', 'The Office for International Relations drafts the council resolution', 'PrepareDraftResolution', {
    occurredOn: '2022-12',
    paperReference: SOLIDARITY_PAPER,
    title: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
    proposedTier: 'solidarity',
    route: ['Verwaltungsvorstand', 'council committee', 'City Council'],
  }),
  step('07-board-review', '10 January 2023: the administrative board reviews the draft', 'RecordBoardReview', {
    occurredOn: '2023-01-10',
    paperReference: SOLIDARITY_PAPER,
    body: 'Verwaltungsvorstand',
    outcome: 'approved',
  }),
  step('08-committee-referral', '10 January 2023: referred to committee', 'ReferToCommittee', {
    occurredOn: '2023-01-10',
    paperReference: SOLIDARITY_PAPER,
    committee: 'council committee',
  }),
  step('09-signing-scheduled', 'On 10 January 2023 the signing is planned for 9 February 2023', 'ScheduleAgreementSigning', {
    occurredOn: '2023-02-09',
    madeOn: '2023-01-10',
    agreementKind: 'solidarity',
  }),
  step('10-council-decision', '9 February 2023: the City Council adopts the solidarity partnership', 'RecordCouncilDecision', {
    occurredOn: '2023-02-09',
    paperReference: SOLIDARITY_PAPER,
    body: 'City Council',
    outcome: 'adopted',
    proposedTier: 'solidarity',
  }),
  step('11-solidarity-signed', '23 February 2023: the solidarity agreement is signed online', 'RecordAgreementSigning', {
    occurredOn: '2023-02-23',
    agreementKind: 'solidarity',
    mode: 'online',
    note: 'Planned for 9 February 2023; signed online on 23 February 2023.',
  }),
  ...AREAS.map((area, i) =>
    step(`12-area-${i + 1}`, `Cooperation area: ${area}`, 'AddCooperationArea', { occurredOn: '2023-02-23', area }),
  ),
  step('13-participant-civil-society', 'Participants: civil society', 'RecordParticipantJoined', {
    occurredOn: '2023',
    organisation: 'Civil society organisations',
    participantType: 'civil_society',
    side: 'own',
  }),
  step('13-participant-academic', 'Participants: academic and research institutions', 'RecordParticipantJoined', {
    occurredOn: '2023',
    organisation: 'Academic and research institutions',
    participantType: 'academic',
    side: 'own',
  }),
  step('13-participant-business', 'Participants: businesses', 'RecordParticipantJoined', {
    occurredOn: '2023',
    organisation: 'Businesses',
    participantType: 'business',
    side: 'own',
  }),
  step('14-twinning-draft', '2025: a resolution to upgrade to official twinning is drafted', 'PrepareDraftResolution', {
    occurredOn: '2025',
    paperReference: TWINNING_PAPER,
    title: 'Official twinning with Zhytomyr',
    proposedTier: 'twinning',
  }),
  step('15-twinning-decision', 'May 2025: the City Council resolves to upgrade to official twinning', 'RecordCouncilDecision', {
    occurredOn: '2025-05',
    paperReference: TWINNING_PAPER,
    body: 'City Council',
    outcome: 'adopted',
    proposedTier: 'twinning',
  }),
  step('16-twinning-charter', '9 July 2025: the twinning charter is signed', 'RecordAgreementSigning', {
    occurredOn: '2025-07-09',
    agreementKind: 'twinning_charter',
  }),
];
