import type { OutcomeRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { integrationReport } from './integration.js';
import { followUpByLink, submitOutcomeByLink } from './public.js';
import * as followUp from './service.js';

export const Query: QueryResolvers = {
  followUps: (_root, args, ctx) => followUp.listFollowUps(ctx, args),
  followUpByLink: (_root, { token }, ctx) => followUpByLink(ctx, token),
  integration: (_root, args, ctx) => integrationReport(ctx, args),
};

export const Mutation: MutationResolvers = {
  recordOutcome: (_root, { input }, ctx) => toPayload(ctx, () => followUp.recordOutcome(ctx, input)),
  sendFollowUpLink: (_root, { input }, ctx) => toPayload(ctx, () => followUp.sendFollowUpLink(ctx, input)),
  submitOutcomeByLink: (_root, { input }, ctx) =>
    toPayload(ctx, () => submitOutcomeByLink(ctx, input), { ok: false }),
};

// Column renames; state, person, graduation and recordedBy are loaders (they need the database).
export const Outcome = {
  monthsAfterGraduation: (outcome: OutcomeRow) => outcome.months_after_graduation,
  dueOn: (outcome: OutcomeRow) => outcome.due_on,
  outcomeOn: (outcome: OutcomeRow) => outcome.outcome_on,
  surveyedOn: (outcome: OutcomeRow) => outcome.surveyed_on,
  linkSentAt: (outcome: OutcomeRow) => outcome.link_sent_at,
};
