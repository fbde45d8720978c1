import type { EnrollmentRow, PlacementEventRow, PlacementRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { usersByIds } from '../identity/service.js';
import * as placements from './service.js';

type Batch<T> = { obj: T }[];

// One statement per level, under the same rules as placement(id) and placements(…).
export const loaders = {
  Placement: {
    enrollment: async (queries: Batch<PlacementRow>, ctx: Context) => {
      const enrollments = await placements.enrollmentsOfPlacements(
        ctx,
        queries.map((q) => q.obj.enrollment_id),
      );
      return queries.map((q) => enrollments.get(q.obj.enrollment_id) ?? null);
    },
    host: async (queries: Batch<PlacementRow>, ctx: Context) => {
      const hosts = await placements.hostsOfPlacements(
        ctx,
        queries.map((q) => q.obj.host_id),
      );
      return queries.map((q) => hosts.get(q.obj.host_id) ?? null);
    },
    history: async (queries: Batch<PlacementRow>, ctx: Context) => {
      const events = await placements.historyOfPlacements(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => events.get(q.obj.id) ?? []);
    },
  },
  PlacementEvent: {
    actor: async (queries: Batch<PlacementEventRow>, ctx: Context) => {
      const ids = queries.flatMap((q) => (q.obj.actor_user_id ? [q.obj.actor_user_id] : []));
      const users = await usersByIds(ctx.deps.db, ids);
      return queries.map((q) => (q.obj.actor_user_id ? (users.get(q.obj.actor_user_id) ?? null) : null));
    },
  },
  // The Enrollment type belongs to the enrollment module; its placements are this module's.
  Enrollment: {
    placements: async (queries: Batch<EnrollmentRow>, ctx: Context) => {
      const byEnrollment = await placements.placementsOfEnrollments(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byEnrollment.get(q.obj.id) ?? []);
    },
  },
};
