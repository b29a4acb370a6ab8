import type { Type } from '@nestjs/common';
import {
  InitiatePartnershipHandler,
  DesignateCounterpartHandler,
  RenameCounterpartHandler,
  SuspendPartnershipHandler,
  ResumePartnershipHandler,
  TerminatePartnershipHandler,
} from './handlers/lifecycle.handlers.js';
import { RecordAidDeliveryHandler, RecordAidCommitmentHandler } from './handlers/aid.handlers.js';
import {
  PrepareDraftResolutionHandler,
  RecordBoardReviewHandler,
  ReferToCommitteeHandler,
  RecordCommitteeDecisionHandler,
  RecordCouncilDecisionHandler,
  ScheduleAgreementSigningHandler,
  RecordAgreementSigningHandler,
} from './handlers/council.handlers.js';
import {
  AddCooperationAreaHandler,
  RemoveCooperationAreaHandler,
  RecordParticipantJoinedHandler,
  RecordParticipantLeftHandler,
  RecordActivityHandler,
} from './handlers/cooperation.handlers.js';
import { AttachDocumentHandler, AddNoteHandler, CorrectEntryHandler, RetractEntryHandler } from './handlers/records.handlers.js';

/** One handler per command type; a spec checks none is missing. */
export const COMMAND_HANDLERS: Type<unknown>[] = [
  InitiatePartnershipHandler,
  DesignateCounterpartHandler,
  RenameCounterpartHandler,
  SuspendPartnershipHandler,
  ResumePartnershipHandler,
  TerminatePartnershipHandler,
  RecordAidDeliveryHandler,
  RecordAidCommitmentHandler,
  PrepareDraftResolutionHandler,
  RecordBoardReviewHandler,
  ReferToCommitteeHandler,
  RecordCommitteeDecisionHandler,
  RecordCouncilDecisionHandler,
  ScheduleAgreementSigningHandler,
  RecordAgreementSigningHandler,
  AddCooperationAreaHandler,
  RemoveCooperationAreaHandler,
  RecordParticipantJoinedHandler,
  RecordParticipantLeftHandler,
  RecordActivityHandler,
  AttachDocumentHandler,
  AddNoteHandler,
  CorrectEntryHandler,
  RetractEntryHandler,
];
