import type { ApplicantImportRow } from '../../db/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { requireMember } from '../identity/access.js';
import { READERS } from '../people/scope.js';
import { cohortsByIds } from '../programmes/service.js';

type Batch<T> = { obj: T }[];

// One query per level, after the same access check as applicantImport(id).
export const loaders = {
  ApplicantImport: {
    cohort: async (queries: Batch<ApplicantImportRow>, ctx: Context) => {
      const actor = await requireMember(ctx, READERS);
      const cohorts = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
        cohortsByIds(
          tx,
          queries.map((q) => q.obj.cohort_id),
        ),
      );
      return queries.map((q) => cohorts.get(q.obj.cohort_id));
    },
  },
};
