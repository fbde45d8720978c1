import type {
  ApplicationRow,
  CallCategoryRow,
  CallCriterionRow,
  CallRow,
  EvaluationRow,
  JurorConflictRow,
} from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { applicationDocument, submitApplication, withdrawApplication } from './applications.js';
import { declareConflict, saveEvaluation } from './evaluations.js';
import { addJuror, removeJuror } from './jury.js';
import { callRanking } from './ranking.js';
import * as reads from './reads.js';
import * as setup from './setup.js';

export const Query: QueryResolvers = {
  calls: (_root, args, ctx) => reads.listCalls(ctx, args),
  call: (_root, { id }, ctx) => reads.getCall(ctx, id),
  applications: (_root, args, ctx) => reads.listApplications(ctx, args),
  application: (_root, { id }, ctx) => reads.getApplication(ctx, id),
  callRanking: (_root, { callId }, ctx) => callRanking(ctx, callId),
  applicationDocument: (_root, { id }, ctx) => applicationDocument(ctx, id),
};

export const Mutation: MutationResolvers = {
  createCall: (_root, { input }, ctx) => toPayload(ctx, () => setup.createCall(ctx, input)),
  updateCall: (_root, { input }, ctx) => toPayload(ctx, () => setup.updateCall(ctx, input)),
  openCall: (_root, { input }, ctx) => toPayload(ctx, () => setup.openCall(ctx, input)),
  closeCall: (_root, { input }, ctx) => toPayload(ctx, () => setup.closeCall(ctx, input)),
  publishCall: (_root, { input }, ctx) => toPayload(ctx, () => setup.publishCall(ctx, input)),
  addJuror: (_root, { input }, ctx) => toPayload(ctx, () => addJuror(ctx, input)),
  removeJuror: (_root, { input }, ctx) => toPayload(ctx, () => removeJuror(ctx, input)),
  submitApplication: (_root, { input }, ctx) => toPayload(ctx, () => submitApplication(ctx, input)),
  withdrawApplication: (_root, { input }, ctx) => toPayload(ctx, () => withdrawApplication(ctx, input)),
  declareConflict: (_root, { input }, ctx) => toPayload(ctx, () => declareConflict(ctx, input)),
  saveEvaluation: (_root, { input }, ctx) => toPayload(ctx, () => saveEvaluation(ctx, input)),
};

// Column renames and values computed from the row; fields that need the database are loaders.
export const Call = {
  titleFr: (call: CallRow) => call.title_fr,
  titleAr: (call: CallRow) => call.title_ar,
  opensOn: (call: CallRow) => call.opens_on,
  closesOn: (call: CallRow) => call.closes_on,
  minAge: (call: CallRow) => call.min_age,
  maxAge: (call: CallRow) => call.max_age,
  applicantKinds: (call: CallRow) => call.applicant_kinds,
  requiredDocuments: (call: CallRow) => call.required_documents,
  scoreMin: (call: CallRow) => Number(call.score_min),
  scoreMax: (call: CallRow) => Number(call.score_max),
  createdAt: (call: CallRow) => call.created_at,
  closedAt: (call: CallRow) => call.closed_at,
  publishedAt: (call: CallRow) => call.published_at,
};

export const CallCategory = {
  nameFr: (category: CallCategoryRow) => category.name_fr,
  nameAr: (category: CallCategoryRow) => category.name_ar,
};

export const CallCriterion = {
  nameFr: (criterion: CallCriterionRow) => criterion.name_fr,
  nameAr: (criterion: CallCriterionRow) => criterion.name_ar,
  weight: (criterion: CallCriterionRow) => Number(criterion.weight),
};

export const ApplicationDocument = {
  fileName: (document: reads.DocumentMeta) => document.file_name,
  contentType: (document: reads.DocumentMeta) => document.content_type,
  sizeBytes: (document: reads.DocumentMeta) => document.size_bytes,
};

export const JurorConflict = {
  declaredAt: (conflict: JurorConflictRow) => conflict.declared_at,
};

export const Evaluation = {
  submittedAt: (evaluation: EvaluationRow) => evaluation.submitted_at,
};

export const Application = {
  submittedOn: (application: ApplicationRow) => application.submitted_on,
};
