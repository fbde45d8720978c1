import type { CoachingSessionRow, PersonRow, VentureEventRow, VentureRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { usersByIds } from '../identity/service.js';
import * as reads from './reads.js';

type Batch<T> = { obj: T }[];

const ventureIds = (queries: Batch<VentureRow>) => queries.map((q) => q.obj.id);

// One query per level, under the same visibility as venture(id) (see reads.ts).
export const loaders = {
  Venture: {
    cohort: async (queries: Batch<VentureRow>, ctx: Context) => {
      const found = await reads.readCohorts(
        ctx,
        queries.flatMap((q) => (q.obj.cohort_id ? [q.obj.cohort_id] : [])),
      );
      return queries.map((q) => (q.obj.cohort_id ? (found.get(q.obj.cohort_id) ?? null) : null));
    },
    coach: async (queries: Batch<VentureRow>, ctx: Context) => {
      const users = await usersByIds(
        ctx.deps.db,
        queries.flatMap((q) => (q.obj.coach_user_id ? [q.obj.coach_user_id] : [])),
      );
      return queries.map((q) => (q.obj.coach_user_id ? (users.get(q.obj.coach_user_id) ?? null) : null));
    },
    founders: async (queries: Batch<VentureRow>, ctx: Context) => {
      const byVenture = await reads.foundersOf(ctx, ventureIds(queries));
      return queries.map((q) => byVenture.get(q.obj.id) ?? []);
    },
    events: async (queries: Batch<VentureRow>, ctx: Context) => {
      const byVenture = await reads.eventsOf(ctx, ventureIds(queries));
      return queries.map((q) => byVenture.get(q.obj.id) ?? []);
    },
    funding: async (queries: Batch<VentureRow>, ctx: Context) => {
      const byVenture = await reads.fundingOf(ctx, ventureIds(queries));
      return queries.map((q) => byVenture.get(q.obj.id) ?? []);
    },
    totalFundingMad: async (queries: Batch<VentureRow>, ctx: Context) => {
      const totals = await reads.totalFundingOf(ctx, ventureIds(queries));
      return queries.map((q) => totals.get(q.obj.id) ?? 0);
    },
    jobs: async (queries: Batch<VentureRow>, ctx: Context) => {
      const latest = await reads.latestJobsOf(ctx, ventureIds(queries));
      return queries.map((q) => latest.get(q.obj.id) ?? null);
    },
    jobsHistory: async (queries: Batch<VentureRow>, ctx: Context) => {
      const byVenture = await reads.jobsOf(ctx, ventureIds(queries));
      return queries.map((q) => byVenture.get(q.obj.id) ?? []);
    },
    survivalChecks: async (queries: Batch<VentureRow>, ctx: Context) => {
      const byVenture = await reads.survivalChecksOf(ctx, ventureIds(queries));
      return queries.map((q) => byVenture.get(q.obj.id) ?? []);
    },
    coachingSessions: async (queries: Batch<VentureRow>, ctx: Context) => {
      const byVenture = await reads.coachingSessionsOf(ctx, ventureIds(queries));
      return queries.map((q) => byVenture.get(q.obj.id) ?? []);
    },
  },
  VentureEvent: {
    actor: async (queries: Batch<VentureEventRow>, ctx: Context) => {
      const users = await usersByIds(
        ctx.deps.db,
        queries.flatMap((q) => (q.obj.actor_user_id ? [q.obj.actor_user_id] : [])),
      );
      return queries.map((q) => (q.obj.actor_user_id ? (users.get(q.obj.actor_user_id) ?? null) : null));
    },
  },
  CoachingSession: {
    venture: async (queries: Batch<CoachingSessionRow>, ctx: Context) => {
      const found = await reads.readVentures(
        ctx,
        queries.map((q) => q.obj.venture_id),
      );
      return queries.map((q) => found.get(q.obj.venture_id));
    },
    coach: async (queries: Batch<CoachingSessionRow>, ctx: Context) => {
      const users = await usersByIds(
        ctx.deps.db,
        queries.map((q) => q.obj.coach_user_id),
      );
      return queries.map((q) => users.get(q.obj.coach_user_id));
    },
  },
  Person: {
    ventures: async (queries: Batch<PersonRow>, ctx: Context) => {
      const byPerson = await reads.venturesOfPeople(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byPerson.get(q.obj.id) ?? []);
    },
  },
};
