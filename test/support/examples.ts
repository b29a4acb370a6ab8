// The request examples of the OpenAPI document (one per command route), by a short name, for tests.
import { ENTRY_ROUTES, MILESTONE_ROUTES, type Example } from '../../src/partnerships/write/milestone-routes.js';

const of = (operation: string): Example => MILESTONE_ROUTES.find((r) => r.operation === operation)!.example;

export const EXAMPLES = {
  initiate: of('initiate'),
  counterpart: of('designateCounterpart'),
  counterpartRename: of('renameCounterpart'),
  aidDelivery: of('recordAidDelivery'),
  aidCommitment: of('recordAidCommitment'),
  draftResolution: of('prepareDraftResolution'),
  boardReview: of('recordBoardReview'),
  committeeReferral: of('referToCommittee'),
  committeeDecision: of('recordCommitteeDecision'),
  councilDecision: of('recordCouncilDecision'),
  signingSchedule: of('scheduleSigning'),
  agreement: of('recordAgreement'),
  area: of('addArea'),
  areaRemoval: of('removeArea'),
  participant: of('addParticipant'),
  participantLeave: of('removeParticipant'),
  activity: of('recordActivity'),
  funding: of('recordFunding'),
  suspension: of('suspend'),
  resumption: of('resume'),
  termination: of('terminate'),
  document: of('attachDocument'),
  note: of('addNote'),
  correction: ENTRY_ROUTES.correct.example,
  retraction: ENTRY_ROUTES.retract.example,
} as const;
