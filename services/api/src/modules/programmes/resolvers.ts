import type { CohortRow, ProgrammeRow, TradeRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as programmes from './service.js';

export const Query: QueryResolvers = {
  trades: (_root, _args, ctx) => programmes.listTrades(ctx),
  programmes: (_root, args, ctx) => programmes.listProgrammes(ctx, args),
  cohorts: (_root, args, ctx) => programmes.listCohorts(ctx, args),
  cohort: (_root, { id }, ctx) => programmes.getCohort(ctx, id),
};

export const Mutation: MutationResolvers = {
  createTrade: (_root, { input }, ctx) => toPayload(ctx, () => programmes.createTrade(ctx, input)),
  createProgramme: (_root, { input }, ctx) => toPayload(ctx, () => programmes.createProgramme(ctx, input)),
  createCohort: (_root, { input }, ctx) => toPayload(ctx, () => programmes.createCohort(ctx, input)),
  updateCohort: (_root, { input }, ctx) => toPayload(ctx, () => programmes.updateCohort(ctx, input)),
};

// Column renames; fields that need the database are loaders (loaders.ts).
export const Trade = {
  nameFr: (trade: TradeRow) => trade.name_fr,
  nameAr: (trade: TradeRow) => trade.name_ar,
};

export const Programme = {
  nameFr: (programme: ProgrammeRow) => programme.name_fr,
  nameAr: (programme: ProgrammeRow) => programme.name_ar,
  durationMonths: (programme: ProgrammeRow) => programme.duration_months,
  // numeric comes back from pg as a string ('0.20').
  theoryShare: (programme: ProgrammeRow) => Number(programme.theory_share),
  theoryWeekdays: (programme: ProgrammeRow) => programme.theory_weekdays,
  practiceWeekdays: (programme: ProgrammeRow) => programme.practice_weekdays,
  minAge: (programme: ProgrammeRow) => programme.min_age,
  maxAge: (programme: ProgrammeRow) => programme.max_age,
  minSchoolLevel: (programme: ProgrammeRow) => programme.min_school_level,
};

export const Cohort = {
  startsOn: (cohort: CohortRow) => cohort.starts_on,
  endsOn: (cohort: CohortRow) => cohort.ends_on,
};
