import type { AssessmentRow, GraduationRow, ProgrammeRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { graduatePayload } from './blocked.js';
import { rulesOf } from './rules.js';
import * as graduation from './service.js';

export const Query: QueryResolvers = {
  cohortGraduation: (_root, { cohortId }, ctx) => graduation.cohortGraduation(ctx, cohortId),
  graduationCheck: (_root, { enrollmentId }, ctx) => graduation.graduationCheck(ctx, enrollmentId),
};

export const Mutation: MutationResolvers = {
  recordAssessment: (_root, { input }, ctx) => toPayload(ctx, () => graduation.recordAssessment(ctx, input)),
  graduate: (_root, { input }, ctx) => graduatePayload(ctx, () => graduation.graduate(ctx, input)),
  graduateCohort: (_root, { input }, ctx) =>
    toPayload(ctx, () => graduation.graduateCohort(ctx, input), { graduated: 0, blocked: 0, results: [] }),
  setCompletionRules: (_root, { input }, ctx) =>
    toPayload(ctx, () => graduation.setCompletionRules(ctx, input)),
};

// The rules are columns of the programme row: no database read.
export const Programme = {
  completionRules: (programme: ProgrammeRow) => rulesOf(programme),
};

// numeric columns come back from pg as strings; fields that need the database are loaders.
export const Assessment = {
  assessorRole: (assessment: AssessmentRow) => assessment.assessor_role,
  score: (assessment: AssessmentRow) => Number(assessment.score),
  assessedOn: (assessment: AssessmentRow) => assessment.assessed_on,
  recordedAt: (assessment: AssessmentRow) => assessment.recorded_at,
};

export const Graduation = {
  graduatedOn: (row: GraduationRow) => row.graduated_on,
  overriddenBlockers: (row: GraduationRow) => row.overridden_blockers,
  overrideReason: (row: GraduationRow) => row.override_reason,
  createdAt: (row: GraduationRow) => row.created_at,
};
