// One request example per command, from the Dortmund–Zhytomyr story, for the OpenAPI document.
import type { ApiBodyOptions } from '@nestjs/swagger';

const DORTMUND = { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' };
const ZHYTOMYR = { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' };

export const EXAMPLES = {
  initiate: {
    partnershipId: 'dortmund-zhytomyr',
    occurredOn: '2022',
    ownMunicipality: DORTMUND,
    tier: 'initiative',
    coordinatingOffice: 'Office for International Relations',
    mandateReference: 'Council resolution 2022: seek a partnership with a Ukrainian city',
  },
  counterpart: { occurredOn: '2022-06', name: ZHYTOMYR, country: 'UA', note: 'Zhytomyr asked Dortmund for a partnership.' },
  counterpartRename: { occurredOn: '2023-05', name: { de: 'Schytomyr' }, reason: 'Official German spelling' },
  aidDelivery: {
    occurredOn: '2022-05',
    receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
    value: { amount: '125000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['generators'],
    sector: 'energy',
  },
  aidCommitment: {
    occurredOn: '2023-03',
    receiver: ZHYTOMYR,
    value: { amount: '50000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['fire engine'],
    expectedBy: '2023-06',
  },
  draftResolution: {
    occurredOn: '2022-12',
    paperReference: 'DS 2022-0001',
    title: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
    proposedTier: 'solidarity',
    route: ['Verwaltungsvorstand', 'Ausschuss', 'Rat der Stadt'],
  },
  boardReview: { occurredOn: '2023-01-10', paperReference: 'DS 2022-0001', body: 'Verwaltungsvorstand', outcome: 'approved' },
  committeeReferral: { occurredOn: '2023-01-10', paperReference: 'DS 2022-0001', committee: 'Committee for Citizens Services' },
  committeeDecision: {
    occurredOn: '2023-02-02',
    paperReference: 'DS 2022-0001',
    committee: 'Committee for Citizens Services',
    outcome: 'recommended',
  },
  councilDecision: {
    occurredOn: '2023-02-09',
    paperReference: 'DS 2022-0001',
    body: 'Rat der Stadt Dortmund',
    outcome: 'adopted',
    proposedTier: 'solidarity',
    tally: { unanimous: true },
  },
  signingSchedule: { occurredOn: '2023-02-09', agreementKind: 'solidarity', mode: 'council_session', venue: 'Dortmund City Hall' },
  agreement: {
    occurredOn: '2023-02-23',
    agreementKind: 'solidarity',
    mode: 'online',
    signatories: [
      { name: 'Lord Mayor of Dortmund', side: 'own' },
      { name: 'Mayor of Zhytomyr', side: 'counterpart' },
    ],
  },
  area: { occurredOn: '2023-02-23', area: 'digitalisation' },
  areaRemoval: { occurredOn: '2024-01', area: 'mobility', reason: 'No project partner found' },
  participant: { occurredOn: '2023', organisation: 'Technische Universität Dortmund', participantType: 'academic', side: 'own' },
  participantLeave: { occurredOn: '2024', organisation: 'Technische Universität Dortmund', side: 'own', reason: 'Project completed' },
  activity: {
    occurredOn: '2023-07-24',
    endsOn: '2023-08-04',
    title: 'Summer camp in Dortmund for children from Zhytomyr',
    activityKind: 'summer_camp',
    place: 'Dortmund',
    participantCount: 40,
  },
  suspension: { occurredOn: '2024-02', reason: 'Contact interrupted', decisionReference: 'VV 2024/02' },
  resumption: { occurredOn: '2024-04', reason: 'Contact restored' },
  termination: { occurredOn: '2025-12', reason: 'Ended by council resolution', decisionReference: 'DS 2025-0042' },
  document: {
    occurredOn: '2023-02-23',
    name: 'Solidarity agreement (signed).pdf',
    mediaType: 'application/pdf',
    sizeBytes: 482113,
    checksum: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    link: 'https://dms.example.org/documents/4711',
  },
  note: { occurredOn: '2023-03', text: 'Zhytomyr asked for a follow-up call in March.' },
  correction: { reason: 'The signing took place online on 23 February 2023.', changes: { occurredOn: '2023-02-23', mode: 'online' } },
  retraction: { reason: 'Recorded for the wrong partnership.' },
} as const;

export function bodyOf(type: Function, example: unknown): ApiBodyOptions {
  return { type, examples: { example: { value: example } } } as ApiBodyOptions;
}
