import { sql } from 'kysely';
import type { Tx } from '../../db/with-tenant.js';

/**
 * Who is expected at which session, as one SQL query other modules use as a subquery (the ledger,
 * the attendance rules, the schedules): the single definition of "planned".
 * - A THEORY session expects the cohort's trainees who were enrolled that day (still ENROLLED,
 *   GRADUATED, or left after that day).
 * - A PRACTICE session at a host expects the cohort's trainees whose placement there covers that
 *   day and weekday (CONFIRMED, ACTIVE, COMPLETED, or ENDED_EARLY after that day).
 * Cancelled sessions expect nobody.
 */
export interface ExpectedScope {
  cohortIds?: readonly string[];
  hostIds?: readonly string[];
  enrollmentIds?: readonly string[];
  sessionIds?: readonly string[];
  /** Inclusive local days. */
  from?: string;
  to?: string;
}

export interface ExpectedSlot {
  session_id: string;
  enrollment_id: string;
  cohort_id: string;
  kind: 'THEORY' | 'PRACTICE';
  day: string;
  hours: number;
}

/** The expected (session, enrollment) pairs within `scope`, as a raw SQL subquery. */
export function expectedSlotsSql(scope: ExpectedScope) {
  const filters = [
    scope.cohortIds ? sql`and s.cohort_id in (${list(scope.cohortIds)})` : sql``,
    scope.hostIds ? sql`and s.host_id in (${list(scope.hostIds)})` : sql``,
    scope.sessionIds ? sql`and s.id in (${list(scope.sessionIds)})` : sql``,
    scope.from ? sql`and s.day >= ${scope.from}::date` : sql``,
    scope.to ? sql`and s.day <= ${scope.to}::date` : sql``,
  ];
  const byEnrollment = scope.enrollmentIds ? sql`and e.id in (${list(scope.enrollmentIds)})` : sql``;
  return sql<ExpectedSlot>`
    select s.id as session_id, e.id as enrollment_id, s.cohort_id, s.kind, s.day::text as day,
           (extract(epoch from (s.ends_at - s.starts_at)) / 3600)::float8 as hours
      from class_session s
      join enrollment e on e.cohort_id = s.cohort_id
     where s.cancelled_at is null and s.kind = 'THEORY'
       and (e.status in ('ENROLLED', 'GRADUATED')
            or (e.status in ('DROPPED_OUT', 'WITHDRAWN') and e.status_changed_at::date > s.day))
       ${sql.join(filters, sql` `)} ${byEnrollment}
    union all
    select s.id, e.id, s.cohort_id, s.kind, s.day::text,
           (extract(epoch from (s.ends_at - s.starts_at)) / 3600)::float8
      from class_session s
      join placement p on p.host_id = s.host_id
       and s.day between p.starts_on and p.ends_on
       and extract(isodow from s.day)::smallint = any (p.weekdays)
       and (p.status in ('CONFIRMED', 'ACTIVE', 'COMPLETED')
            or (p.status = 'ENDED_EARLY' and p.status_changed_at::date > s.day))
      join enrollment e on e.id = p.enrollment_id and e.cohort_id = s.cohort_id
     where s.cancelled_at is null and s.kind = 'PRACTICE'
       ${sql.join(filters, sql` `)} ${byEnrollment}`;
}

/** The expected slots themselves (for small scopes: one session, one trainee's week). */
export async function expectedSlots(tx: Tx, scope: ExpectedScope): Promise<ExpectedSlot[]> {
  return (await expectedSlotsSql(scope).execute(tx)).rows;
}

function list(ids: readonly string[]) {
  // An empty list matches nothing (and `in ()` is not valid SQL).
  return ids.length === 0 ? sql`null` : sql.join([...new Set(ids)]);
}
