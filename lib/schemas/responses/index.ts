// Every JSON body the API answers with, by the name the OpenAPI document gives it
// (#/components/schemas/<name>). The document is generated from these schemas and the
// integration tests parse every response with them, so the two cannot drift apart.
// Responses live here, apart from the input schemas next door: inputs are shared by forms,
// actions and the API; these describe the API's answers only.
import { errorSchema } from "./error";
import { healthSchema, healthUnavailableSchema } from "./health";
import { teamCreatedSchema, teamListSchema, teamMemberListSchema, teamMemberSchema, teamSchema, setMembersResultSchema } from "./teams";
import { lagMeasureSchema, leadMeasureSchema, measuresSchema } from "./measures";
import {
  batchResultSchema,
  lagObservationRecordedSchema,
  lagObservationReplacedSchema,
  lagObservationSchema,
  leadEntryCreatedSchema,
  leadEntryListItemSchema,
  leadEntryPageSchema,
  leadEntryReplayedSchema,
  leadEntrySchema,
} from "./entries";
import { importPreviewSchema } from "./imports";
import { lagForecastSchema, lagMeasureGoalSchema, leadLagAnalysisSchema } from "./analytics";
import { roiEvaluationSchema } from "./roi";
import { invitationPageSchema, invitationRevokedSchema, invitationSchema, inviteResultSchema } from "./invitations";
import { userPageSchema, userSchema } from "./people";
import { checkInPageSchema, checkInSchema, commitmentListSchema, commitmentOneSchema, commitmentSchema, commitmentsCreatedSchema } from "./checkIns";
import { reportDocumentSchema, reportExportSchema, reportListItemSchema, reportListSchema, reportViewSchema } from "./reports";

export const RESPONSE_SCHEMAS = {
  Error: errorSchema,
  Health: healthSchema,
  HealthUnavailable: healthUnavailableSchema,
  Team: teamSchema,
  TeamList: teamListSchema,
  TeamCreated: teamCreatedSchema,
  TeamMember: teamMemberSchema,
  TeamMemberList: teamMemberListSchema,
  SetMembersResult: setMembersResultSchema,
  LeadMeasure: leadMeasureSchema,
  LagMeasure: lagMeasureSchema,
  Measures: measuresSchema,
  LeadEntry: leadEntrySchema,
  LeadEntryCreated: leadEntryCreatedSchema,
  LeadEntryReplayed: leadEntryReplayedSchema,
  LeadEntryListItem: leadEntryListItemSchema,
  LeadEntryPage: leadEntryPageSchema,
  BatchResult: batchResultSchema,
  LagObservation: lagObservationSchema,
  LagObservationRecorded: lagObservationRecordedSchema,
  LagObservationReplaced: lagObservationReplacedSchema,
  ImportPreview: importPreviewSchema,
  LagMeasureGoal: lagMeasureGoalSchema,
  LeadLagAnalysis: leadLagAnalysisSchema,
  LagForecast: lagForecastSchema,
  RoiEvaluation: roiEvaluationSchema,
  ReportExport: reportExportSchema,
  ReportListItem: reportListItemSchema,
  ReportList: reportListSchema,
  ReportDocument: reportDocumentSchema,
  ReportView: reportViewSchema,
  Invitation: invitationSchema,
  InvitationPage: invitationPageSchema,
  InviteResult: inviteResultSchema,
  InvitationRevoked: invitationRevokedSchema,
  User: userSchema,
  UserPage: userPageSchema,
  Commitment: commitmentSchema,
  CommitmentList: commitmentListSchema,
  CommitmentOne: commitmentOneSchema,
  CommitmentsCreated: commitmentsCreatedSchema,
  CheckIn: checkInSchema,
  CheckInPage: checkInPageSchema,
};

export type ResponseName = keyof typeof RESPONSE_SCHEMAS;
