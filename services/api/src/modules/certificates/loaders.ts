import type { CertificateRow, GraduationRow } from '../../db/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { readGraduations } from '../graduation/reads.js';
import { requireMember } from '../identity/access.js';
import { peopleByIds } from '../people/service.js';
import { certificatesOfGraduations } from './service.js';

type Batch<T> = { obj: T }[];

// One query per level. A certificate reaches these only from a root query that applied its rule
// (staff, or the holder), and a graduation from a read that applied the enrollment's.
export const loaders = {
  Graduation: {
    certificate: async (queries: Batch<GraduationRow>, ctx: Context) => {
      const found = await certificatesOfGraduations(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
  },
  Certificate: {
    graduation: async (queries: Batch<CertificateRow>, ctx: Context) => {
      const found = await readGraduations(
        ctx,
        queries.map((q) => q.obj.graduation_id),
      );
      return queries.map((q) => found.get(q.obj.graduation_id));
    },
    person: async (queries: Batch<CertificateRow>, ctx: Context) => {
      const actor = await requireMember(ctx);
      const people = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
        peopleByIds(
          tx,
          queries.map((q) => q.obj.person_id),
        ),
      );
      return queries.map((q) => people.get(q.obj.person_id));
    },
  },
};
