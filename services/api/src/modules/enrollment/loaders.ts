import type { CohortRow, EnrollmentEventRow, EnrollmentRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { inTenant } from '../identity/access.js';
import { usersByIds } from '../identity/service.js';
import { READERS } from '../people/scope.js';
import { peopleByIds } from '../people/service.js';
import { cohortsByIds } from '../programmes/service.js';
import { cohortOverviews } from './overview.js';
import { eventsOfEnrollments } from './service.js';

type Batch<T> = { obj: T }[];

// One query per level. An enrollment only reaches these loaders after a root query (or another
// module's loader) has applied personScope, so its person, cohort and history are the caller's to see.
export const loaders = {
  Enrollment: {
    person: async (queries: Batch<EnrollmentRow>, ctx: Context) => {
      const people = await inTenant(ctx, (tx) =>
        peopleByIds(
          tx,
          queries.map((q) => q.obj.person_id),
        ),
      );
      return queries.map((q) => people.get(q.obj.person_id));
    },
    cohort: async (queries: Batch<EnrollmentRow>, ctx: Context) => {
      const cohorts = await inTenant(ctx, (tx) =>
        cohortsByIds(
          tx,
          queries.map((q) => q.obj.cohort_id),
        ),
      );
      return queries.map((q) => cohorts.get(q.obj.cohort_id));
    },
    history: async (queries: Batch<EnrollmentRow>, ctx: Context) => {
      const events = await inTenant(ctx, (tx) =>
        eventsOfEnrollments(
          tx,
          queries.map((q) => q.obj.id),
        ),
      );
      return queries.map((q) => events.get(q.obj.id) ?? []);
    },
  },
  EnrollmentEvent: {
    actor: async (queries: Batch<EnrollmentEventRow>, ctx: Context) => {
      const ids = queries.flatMap((q) => (q.obj.actor_user_id ? [q.obj.actor_user_id] : []));
      const users = await usersByIds(ctx.deps.db, ids);
      return queries.map((q) => (q.obj.actor_user_id ? (users.get(q.obj.actor_user_id) ?? null) : null));
    },
  },
  // The Cohort type belongs to the programmes module; its overview is counted here. Counts of other
  // people's enrollments are for staff only (a trainee or host artisan is refused).
  Cohort: {
    overview: async (queries: Batch<CohortRow>, ctx: Context) => {
      const overviews = await inTenant(
        ctx,
        (tx) =>
          cohortOverviews(
            tx,
            queries.map((q) => q.obj),
          ),
        READERS,
      );
      return queries.map((q) => overviews.get(q.obj.id));
    },
  },
};
