// The IATI codes this export uses, and how our free-text and enum fields map onto them.
// Codelists are published by IATI separately from the XSD; the codes below are from the 2.03 lists
// (TransactionType, ActivityStatus, ActivityDateType, OrganisationRole, SectorVocabulary,
// AidTypeVocabulary, CashandVoucherModalities, AidType, DAC 5-digit Sector).
import type { AidModality, Standing } from '../../partnerships/domain/index.js';

export const IATI_VERSION = '2.03';

export const TRANSACTION_TYPE = { outgoingCommitment: '2', disbursement: '3' } as const;
const ACTIVITY_STATUS = { pipeline: '1', implementation: '2', closed: '4', suspended: '6' } as const;
export const ACTIVITY_DATE_TYPE = { plannedStart: '1', actualStart: '2', actualEnd: '4' } as const;
export const ORGANISATION_ROLE = { funding: '1', accountable: '2' } as const;
export const DESCRIPTION_TYPE_GENERAL = '1';

/** SectorVocabulary: 1 = OECD DAC CRS purpose codes (5 digit); 99 = the reporting organisation's own. */
export const SECTOR_VOCABULARY = { dac5: '1', reportingOrganisation: '99' } as const;
/** DAC 99810 "Sectors not specified": every transaction carries a sector once any does (IATI rule). */
export const SECTOR_NOT_SPECIFIED = '99810';

/**
 * Well-known spellings of our free-text sector, mapped to DAC 5-digit purpose codes. Only
 * unambiguous ones; anything else is reported under vocabulary 99 alone. Keys are compared after
 * `normaliseSector` (case, spaces and "&" vs "and" do not matter).
 */
export const DEFAULT_SECTOR_CODES: Readonly<Record<string, string>> = {
  'emergency relief': '72010', // Material relief assistance and services
  'humanitarian aid': '72010',
  'material relief': '72010',
  'winter relief': '72010',
  'emergency food assistance': '72040', // Emergency food assistance
  'food aid': '72040',
  'water and sanitation': '14030', // Basic drinking water supply and basic sanitation
  'water supply and sanitation': '14030',
};

export function normaliseSector(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ');
}

/** A stable vocabulary-99 code for free text: "Emergency relief" → "emergency-relief". */
export function ownSectorCode(s: string): string {
  return normaliseSector(s)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** DAC humanitarian purpose codes (72xxx–74xxx) make a transaction humanitarian. */
export const isHumanitarianSector = (dacCode: string): boolean => /^7[234]\d{3}$/.test(dacCode);

/**
 * Aid types per modality. cash → DAC aid type C01 "Project-type interventions" (vocabulary 1) and
 * CashandVoucherModalities 1 "Cash Transfer" (vocabulary 4): the Standard ruleset (107.2.1) wants a
 * vocabulary-1 code beside any other; services → DAC D02 "Other technical assistance". Goods in kind
 * have no aid-type code of their own in either list, so in-kind aid carries none (the description says it).
 */
export const AID_TYPE_BY_MODALITY: Readonly<Record<AidModality, readonly { vocabulary: string; code: string }[]>> = {
  cash: [
    { vocabulary: '1', code: 'C01' },
    { vocabulary: '4', code: '1' },
  ],
  services: [{ vocabulary: '1', code: 'D02' }],
  in_kind: [],
};

/** DAC region 998 "Developing countries, unspecified": where aid goes while no partner country is named. */
export const REGION_UNSPECIFIED = { vocabulary: '1', code: '998' } as const;

export function activityStatusFor(standing: Standing | undefined, anyDelivered: boolean): string {
  if (standing === 'terminated') return ACTIVITY_STATUS.closed;
  if (standing === 'suspended') return ACTIVITY_STATUS.suspended;
  return anyDelivered ? ACTIVITY_STATUS.implementation : ACTIVITY_STATUS.pipeline;
}
