import type {
  CoachingSessionRow,
  SurvivalCheckRow,
  VentureEventRow,
  VentureFundingRow,
  VentureJobsRow,
  VentureRow,
} from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { incubatorIndicators } from './indicators.js';
import * as ventures from './service.js';

export const Query: QueryResolvers = {
  ventures: (_root, args, ctx) => ventures.listVentures(ctx, args),
  venture: (_root, { id }, ctx) => ventures.getVenture(ctx, id),
  incubatorIndicators: (_root, { year, scope }, ctx) => incubatorIndicators(ctx, year, scope ?? 'TENANT'),
};

export const Mutation: MutationResolvers = {
  createVenture: (_root, { input }, ctx) => toPayload(ctx, () => ventures.createVenture(ctx, input)),
  updateVenture: (_root, { input }, ctx) => toPayload(ctx, () => ventures.updateVenture(ctx, input)),
  moveVenture: (_root, { input }, ctx) => toPayload(ctx, () => ventures.moveVenture(ctx, input)),
  formaliseVenture: (_root, { input }, ctx) => toPayload(ctx, () => ventures.formaliseVenture(ctx, input)),
  recordFunding: (_root, { input }, ctx) => toPayload(ctx, () => ventures.recordFunding(ctx, input)),
  recordJobs: (_root, { input }, ctx) => toPayload(ctx, () => ventures.recordJobs(ctx, input)),
  recordSurvivalCheck: (_root, { input }, ctx) =>
    toPayload(ctx, () => ventures.recordSurvivalCheck(ctx, input)),
  logCoachingSession: (_root, { input }, ctx) =>
    toPayload(ctx, () => ventures.logCoachingSession(ctx, input)),
};

// Column renames and values computed from the row; fields that need the database are loaders.
export const Venture = {
  legalForm: (venture: VentureRow) => venture.legal_form,
  formalisedOn: (venture: VentureRow) => venture.formalised_on,
  exitedOn: (venture: VentureRow) => venture.exited_on,
  createdAt: (venture: VentureRow) => venture.created_at,
};

export const VentureEvent = {
  fromPhase: (event: VentureEventRow) => event.from_phase,
  toPhase: (event: VentureEventRow) => event.to_phase,
  onDate: (event: VentureEventRow) => event.on_date,
};

export const VentureFunding = {
  amountMad: (funding: VentureFundingRow) => Number(funding.amount_mad),
  receivedOn: (funding: VentureFundingRow) => funding.received_on,
};

export const VentureJobs = {
  countedOn: (jobs: VentureJobsRow) => jobs.counted_on,
  fullTime: (jobs: VentureJobsRow) => jobs.full_time,
  total: (jobs: VentureJobsRow) => jobs.full_time + jobs.temporary,
};

export const SurvivalCheck = {
  yearsAfterExit: (check: SurvivalCheckRow) => check.years_after_exit,
  checkedOn: (check: SurvivalCheckRow) => check.checked_on,
};

export const CoachingSession = {
  heldOn: (session: CoachingSessionRow) => session.held_on,
  nextSteps: (session: CoachingSessionRow) => session.next_steps,
  createdAt: (session: CoachingSessionRow) => session.created_at,
};
