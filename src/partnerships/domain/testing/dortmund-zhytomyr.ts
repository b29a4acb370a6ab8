// The demo story (src/partnerships/demo/story.ts) as events, for specs: its names, papers and
// cooperation areas come from there. Amounts and items are the specs' own (cents that sum exactly).
import { AREAS, DEMO_PARTNERSHIP_ID, DORTMUND, MYKOLAIV, SOLIDARITY_PAPER, TWINNING_PAPER, VINNYTSIA, ZHYTOMYR } from '../../demo/story.js';
import type { RecordedEvent } from '../events.js';
import type { BusinessDate } from '../vocabulary.js';

export { AREAS, DORTMUND, MYKOLAIV, SOLIDARITY_PAPER, TWINNING_PAPER, ZHYTOMYR };
export const PARTNERSHIP_ID = DEMO_PARTNERSHIP_ID;

export const day = (date: string): BusinessDate => ({ date, precision: 'day' });
export const month = (date: string): BusinessDate => ({ date, precision: 'month' });
export const year = (date: string): BusinessDate => ({ date, precision: 'year' });

/** 2022 up to the first signing: initiative → contact, aid elsewhere, the paper's route. */
export const beforeSolidaritySigning: RecordedEvent[] = [
  {
    eventId: 'initiated',
    type: 'PartnershipInitiated',
    data: {
      partnershipId: PARTNERSHIP_ID,
      occurredOn: year('2022'),
      ownMunicipality: DORTMUND,
      tier: 'initiative',
      coordinatingOffice: 'Office for International Relations',
      mandateReference: 'council instruction 2022: seek a partnership with a Ukrainian city',
    },
  },
  {
    eventId: 'aid-may',
    type: 'AidDelivered',
    data: {
      occurredOn: month('2022-05'),
      receiver: VINNYTSIA,
      value: { amount: '125000.00', currency: 'EUR' },
      modality: 'in_kind',
      items: ['generators'],
    },
  },
  {
    eventId: 'aid-june',
    type: 'AidDelivered',
    data: {
      occurredOn: month('2022-06'),
      receiver: MYKOLAIV,
      value: { amount: '80000.50', currency: 'EUR' },
      modality: 'in_kind',
      items: ['medical supplies'],
    },
  },
  {
    eventId: 'counterpart',
    type: 'CounterpartDesignated',
    data: { occurredOn: month('2022-06'), name: ZHYTOMYR, country: 'UA', note: 'Zhytomyr asked Dortmund for a partnership.' },
  },
  {
    eventId: 'aid-november',
    type: 'AidDelivered',
    data: { occurredOn: month('2022-11'), receiver: VINNYTSIA, value: { amount: '40000.25', currency: 'EUR' }, modality: 'cash' },
  },
  {
    eventId: 'draft',
    type: 'DraftResolutionPrepared',
    data: {
      occurredOn: month('2022-12'),
      paperReference: SOLIDARITY_PAPER,
      title: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
      proposedTier: 'solidarity',
      route: ['Verwaltungsvorstand', 'committee', 'City Council'],
    },
  },
  {
    eventId: 'board',
    type: 'BoardReviewed',
    data: { occurredOn: day('2023-01-10'), paperReference: SOLIDARITY_PAPER, body: 'Verwaltungsvorstand', outcome: 'approved' },
  },
  {
    eventId: 'referred',
    type: 'ReferredToCommittee',
    data: { occurredOn: day('2023-01-10'), paperReference: SOLIDARITY_PAPER, committee: 'committee' },
  },
  {
    eventId: 'signing-scheduled',
    type: 'AgreementSigningScheduled',
    data: { occurredOn: day('2023-02-09'), agreementKind: 'solidarity' },
  },
  {
    eventId: 'council-2023',
    type: 'CouncilDecided',
    data: { occurredOn: day('2023-02-09'), paperReference: SOLIDARITY_PAPER, body: 'City Council', outcome: 'adopted' },
  },
];

export const solidaritySigning: RecordedEvent = {
  eventId: 'signed-2023',
  type: 'AgreementSigned',
  data: { occurredOn: day('2023-02-23'), agreementKind: 'solidarity', mode: 'online' },
};

export const cooperation: RecordedEvent[] = [
  ...AREAS.map((area, i): RecordedEvent => ({
    eventId: `area-${i + 1}`,
    type: 'CooperationAreaAdded',
    data: { occurredOn: day('2023-02-23'), area },
  })),
  {
    eventId: 'p-civil',
    type: 'ParticipantJoined',
    data: { occurredOn: year('2023'), organisation: 'Civil society initiatives', participantType: 'civil_society', side: 'own' },
  },
  {
    eventId: 'p-academic',
    type: 'ParticipantJoined',
    data: { occurredOn: year('2023'), organisation: 'Universities and research institutes', participantType: 'academic', side: 'own' },
  },
  {
    eventId: 'p-business',
    type: 'ParticipantJoined',
    data: { occurredOn: year('2023'), organisation: 'Local businesses', participantType: 'business', side: 'own' },
  },
];

export const twinningDecision: RecordedEvent[] = [
  {
    eventId: 'draft-twinning',
    type: 'DraftResolutionPrepared',
    data: {
      occurredOn: month('2025-03'),
      paperReference: TWINNING_PAPER,
      title: 'Official twinning with Zhytomyr',
      proposedTier: 'twinning',
    },
  },
  {
    eventId: 'council-2025',
    type: 'CouncilDecided',
    data: { occurredOn: month('2025-05'), paperReference: TWINNING_PAPER, body: 'City Council', outcome: 'adopted' },
  },
];

export const twinningCharter: RecordedEvent = {
  eventId: 'signed-2025',
  type: 'AgreementSigned',
  data: { occurredOn: day('2025-07-09'), agreementKind: 'twinning_charter', mode: 'in_person' },
};

/** Funding for the youth exchange, with what the funder requires in return (the specs' own). */
export const funding: RecordedEvent = {
  eventId: 'funding-2024',
  type: 'FundingReceived',
  data: {
    occurredOn: day('2024-03-01'),
    funder: 'European Commission',
    programme: 'CERV town twinning',
    value: { amount: '30000.00', currency: 'EUR' },
    obligations: [
      { id: 'interim-report', kind: 'interim_report', dueDate: '2024-09-30' },
      { id: 'final-report', kind: 'final_report', dueDate: '2025-12-31', description: 'Final report and proof of use' },
    ],
  },
};

export const wholeStory: RecordedEvent[] = [
  ...beforeSolidaritySigning,
  solidaritySigning,
  ...cooperation,
  funding,
  ...twinningDecision,
  twinningCharter,
];
