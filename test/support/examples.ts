// The request examples of the OpenAPI document (one per command DTO), by a short name, for tests.
import * as D from '../../src/partnerships/write/dtos.js';

export const EXAMPLES = {
  initiate: D.InitiatePartnershipDto.example,
  counterpart: D.DesignateCounterpartDto.example,
  counterpartRename: D.RenameCounterpartDto.example,
  aidDelivery: D.AidDeliveryDto.example,
  aidCommitment: D.AidCommitmentDto.example,
  draftResolution: D.DraftResolutionDto.example,
  boardReview: D.BoardReviewDto.example,
  committeeReferral: D.CommitteeReferralDto.example,
  committeeDecision: D.CommitteeDecisionDto.example,
  councilDecision: D.CouncilDecisionDto.example,
  signingSchedule: D.SigningScheduleDto.example,
  agreement: D.AgreementDto.example,
  area: D.AreaDto.example,
  areaRemoval: D.AreaRemovalDto.example,
  participant: D.ParticipantDto.example,
  participantLeave: D.ParticipantLeaveDto.example,
  activity: D.ActivityDto.example,
  suspension: D.SuspensionDto.example,
  resumption: D.ResumptionDto.example,
  termination: D.TerminationDto.example,
  document: D.DocumentDto.example,
  note: D.NoteDto.example,
  correction: D.CorrectionDto.example,
  retraction: D.RetractionDto.example,
} as const;
