import type { ClassSessionRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { currentTenant } from '../tenancy/service.js';
import { sessionPlace } from './place.js';
import * as timetable from './service.js';

type Batch<T> = { obj: T }[];

// One statement per field and level: every ClassSession.expected (cohort, host, attendance) of a
// response is read together, under the same access rules as the root queries.
export const loaders = {
  ClassSession: {
    cohort: async (queries: Batch<ClassSessionRow>, ctx: Context) => {
      const cohorts = await timetable.cohortsOfSessions(
        ctx,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => cohorts.get(q.obj.cohort_id));
    },
    host: async (queries: Batch<ClassSessionRow>, ctx: Context) => {
      const hosts = await timetable.hostsOfSessions(
        ctx,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => (q.obj.host_id ? (hosts.get(q.obj.host_id) ?? null) : null));
    },
    place: async (queries: Batch<ClassSessionRow>, ctx: Context) => {
      const sessions = queries.map((q) => q.obj);
      const [hosts, centre] = await Promise.all([
        timetable.hostsOfSessions(ctx, sessions),
        currentTenant(ctx),
      ]);
      const language = ctx.locale === 'ar-MA' ? 'ar' : 'fr';
      return sessions.map((s) =>
        sessionPlace(s, s.host_id ? hosts.get(s.host_id) : undefined, centre, language),
      );
    },
    expected: async (queries: Batch<ClassSessionRow>, ctx: Context) => {
      const bySession = await timetable.expectedAtSessions(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => bySession.get(q.obj.id) ?? []);
    },
    attendance: async (queries: Batch<ClassSessionRow>, ctx: Context) => {
      const bySession = await timetable.attendanceAtSessions(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => bySession.get(q.obj.id) ?? []);
    },
  },
};
