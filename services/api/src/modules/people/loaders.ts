import type { PersonRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { ageOn } from '../../lib/time.js';
import { requireMember } from '../identity/access.js';
import * as people from './service.js';

type Batch<T> = { obj: T }[];

// One query per level, and the same visibility as person(id): a merged record's target or a
// person's enrollments are only read for people the caller may see.
export const loaders = {
  Person: {
    mergedInto: async (queries: Batch<PersonRow>, ctx: Context) => {
      const found = await people.readPeople(
        ctx,
        queries.flatMap((q) => (q.obj.merged_into_id ? [q.obj.merged_into_id] : [])),
      );
      return queries.map((q) => (q.obj.merged_into_id ? (found.get(q.obj.merged_into_id) ?? null) : null));
    },
    enrollments: async (queries: Batch<PersonRow>, ctx: Context) => {
      const byPerson = await people.readEnrollmentsOfPeople(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byPerson.get(q.obj.id) ?? []);
    },
    // Age needs the centre's calendar (its time zone), read once for the whole batch.
    age: async (queries: Batch<PersonRow>, ctx: Context) => {
      const actor = await requireMember(ctx);
      const today = await people.tenantToday(ctx, actor.tenantId);
      return queries.map((q) => ageOn(q.obj.birth_date, today));
    },
  },
};
