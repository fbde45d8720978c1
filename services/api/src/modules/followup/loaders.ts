import type { GraduationRow, OutcomeRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { requireMember } from '../identity/access.js';
import { usersByIds } from '../identity/service.js';
import { readPeople, tenantToday } from '../people/service.js';
import { outcomesOfGraduations, readGraduations } from './reads.js';
import { stateOf } from './waves.js';

type Batch<T> = { obj: T }[];

// One query per level, for every outcome (or graduation) of a response together.
export const loaders = {
  Outcome: {
    // The state follows the centre's calendar: today is read once for the whole batch.
    state: async (queries: Batch<OutcomeRow>, ctx: Context) => {
      const actor = await requireMember(ctx);
      const today = await tenantToday(ctx, actor.tenantId);
      return queries.map((q) => stateOf(q.obj, today));
    },
    person: async (queries: Batch<OutcomeRow>, ctx: Context) => {
      const people = await readPeople(
        ctx,
        queries.map((q) => q.obj.person_id),
      );
      return queries.map((q) => people.get(q.obj.person_id));
    },
    graduation: async (queries: Batch<OutcomeRow>, ctx: Context) => {
      const graduations = await readGraduations(
        ctx,
        queries.map((q) => q.obj.graduation_id),
      );
      return queries.map((q) => graduations.get(q.obj.graduation_id));
    },
    recordedBy: async (queries: Batch<OutcomeRow>, ctx: Context) => {
      const ids = queries.flatMap((q) => (q.obj.recorded_by ? [q.obj.recorded_by] : []));
      const users = await usersByIds(ctx.deps.db, ids);
      return queries.map((q) => (q.obj.recorded_by ? (users.get(q.obj.recorded_by) ?? null) : null));
    },
  },
  Graduation: {
    outcomes: async (queries: Batch<GraduationRow>, ctx: Context) => {
      const byGraduation = await outcomesOfGraduations(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byGraduation.get(q.obj.id) ?? []);
    },
  },
};
