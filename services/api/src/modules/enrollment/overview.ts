import { sql } from 'kysely';
import type { CohortRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import type { EnrollmentStatus } from '../../graphql/generated/resolvers.js';
import { ACTIVE, HOLDS_PLACE, STATUSES } from './transitions.js';

export interface CountBySex {
  f: number;
  m: number;
  total: number;
}

export interface CohortOverview {
  byStatus: ({ status: EnrollmentStatus } & CountBySex)[];
  active: CountBySex;
  capacityUsed: number;
  capacityLeft: number;
  dropoutReasons: { reason: string; count: number }[];
}

// Only a dropout's reason is reported; grouping by it for other statuses would just split counts.
const dropoutReason = sql<
  string | null
>`case when ${sql.ref('e.status')} = 'DROPPED_OUT' then ${sql.ref('e.status_reason')} end`;

const zero = (): CountBySex => ({ f: 0, m: 0, total: 0 });

/**
 * The figures a director checks on a cohort, for several cohorts in one statement: counts per
 * cohort, status and sex, with dropouts further split by their reason.
 */
export async function cohortOverviews(
  tx: Tx,
  cohorts: readonly CohortRow[],
): Promise<Map<string, CohortOverview>> {
  const ids = [...new Set(cohorts.map((c) => c.id))];
  const rows =
    ids.length === 0
      ? []
      : await tx
          .selectFrom('enrollment as e')
          .innerJoin('person as p', (join) =>
            join.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
          )
          .select([
            'e.cohort_id',
            'e.status',
            'p.sex',
            dropoutReason.as('dropout_reason'),
            (eb) => eb.fn.countAll<number>().as('n'),
          ])
          .where('e.cohort_id', 'in', ids)
          .groupBy(['e.cohort_id', 'e.status', 'p.sex', dropoutReason])
          .execute();

  const byCohort = new Map<string, typeof rows>(ids.map((id) => [id, []]));
  for (const row of rows) byCohort.get(row.cohort_id)?.push(row);

  const overviews = new Map<string, CohortOverview>();
  for (const cohort of cohorts) {
    const counts = new Map<string, CountBySex>(STATUSES.map((s) => [s, zero()]));
    const active = zero();
    const reasons = new Map<string, number>();
    for (const row of byCohort.get(cohort.id) ?? []) {
      const targets = [counts.get(row.status)!];
      if ((ACTIVE as readonly string[]).includes(row.status)) targets.push(active);
      for (const target of targets) {
        if (row.sex === 'F') target.f += row.n;
        else target.m += row.n;
        target.total += row.n;
      }
      if (row.status === 'DROPPED_OUT') {
        const reason = row.dropout_reason ?? '';
        reasons.set(reason, (reasons.get(reason) ?? 0) + row.n);
      }
    }
    const capacityUsed = HOLDS_PLACE.reduce((sum, s) => sum + counts.get(s)!.total, 0);
    overviews.set(cohort.id, {
      byStatus: STATUSES.map((status) => ({ status, ...counts.get(status)! })),
      active,
      capacityUsed,
      capacityLeft: Math.max(0, cohort.capacity - capacityUsed),
      dropoutReasons: [...reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    });
  }
  return overviews;
}
