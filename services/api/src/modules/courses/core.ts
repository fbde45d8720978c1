import { sql } from 'kysely';
import type { CourseRow, RegistrationRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { UserError } from '../../graphql/errors.js';
import { isUuid, uniqueUuids } from '../../lib/ids.js';

// The module's building blocks inside a tenant transaction: locking a course, counting its
// places, completion, and the waitlist.

/** Statuses that hold a place on the course (the capacity counts these). */
export const TAKING_PLACE = ['REGISTERED', 'COMPLETED'] as const;
/** Statuses of a live registration: one per person and course at most. */
export const ACTIVE = ['REGISTERED', 'WAITLISTED', 'COMPLETED'] as const;

/**
 * The course row, locked until the transaction ends: registrations, cancellations, capacity
 * changes and attendance of one course queue behind each other, so places are never oversold.
 */
export async function lockCourse(tx: Tx, id: string, field: string): Promise<CourseRow> {
  if (!isUuid(id)) throw new UserError('NOT_FOUND', field);
  const course = await tx
    .selectFrom('course')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!course) throw new UserError('NOT_FOUND', field);
  return course;
}

/**
 * The course of a registration or session, locked: the course first, then (by the caller) the row
 * again, the same lock order as register(). NOT_FOUND on `field` when the row is not there.
 */
export async function lockCourseOf(
  tx: Tx,
  table: 'registration' | 'course_session',
  id: string,
  field: string,
): Promise<CourseRow> {
  const found = await tx.selectFrom(table).select('course_id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new UserError('NOT_FOUND', field);
  return lockCourse(tx, found.course_id, field);
}

export async function placesTaken(tx: Tx, courseId: string): Promise<number> {
  const row = await tx
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('course_id', '=', courseId)
    .where('status', 'in', TAKING_PLACE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function coursesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, CourseRow>> {
  const wanted = uniqueUuids(ids);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('course').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The first session's day of each course (courses without a session are missing). */
export async function firstDays(tx: Tx, courseIds: readonly string[]): Promise<Map<string, string>> {
  if (courseIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('course_session')
    .select(['course_id', (eb) => eb.fn.min<string>('day').as('first')])
    .where('course_id', 'in', [...new Set(courseIds)])
    .groupBy('course_id')
    .execute();
  return new Map(rows.map((r) => [r.course_id, r.first]));
}

/**
 * Sets REGISTERED ↔ COMPLETED for every place-holding registration of a course, in one statement:
 * COMPLETED when attendance was taken for the person and present sessions ÷ the course's sessions
 * reach its threshold (compared as present ≥ threshold × sessions, exact in numeric). Called
 * whenever attendance or the course's sessions change. Returns the registrations that changed.
 */
export async function recomputeCompletion(
  tx: Tx,
  courseId: string,
): Promise<{ id: string; status: string }[]> {
  const result = await sql<{ id: string; status: string }>`
    update registration r
       set status = x.next, status_changed_at = now()
      from (
        select r2.tenant_id, r2.id,
               case when count(a.id) > 0
                     and count(a.id) filter (where a.present) >= c.completion_threshold * (
                           select count(*) from course_session s
                            where s.tenant_id = c.tenant_id and s.course_id = c.id)
                    then 'COMPLETED' else 'REGISTERED' end as next
          from registration r2
          join course c on c.tenant_id = r2.tenant_id and c.id = r2.course_id
          left join course_attendance a on a.tenant_id = r2.tenant_id and a.registration_id = r2.id
         where r2.course_id = ${courseId} and r2.status in ('REGISTERED', 'COMPLETED')
         group by r2.tenant_id, r2.id, c.tenant_id, c.id, c.completion_threshold
      ) x
     where r.tenant_id = x.tenant_id and r.id = x.id and r.status <> x.next
    returning r.id, r.status`.execute(tx);
  return result.rows;
}

/**
 * Moves the head of the waitlist (by waitlisted_at, then id) into the places a course has free,
 * when it is OPEN. The caller holds the course lock. Returns the promoted registrations in order.
 */
export async function fillFreePlaces(tx: Tx, course: CourseRow): Promise<RegistrationRow[]> {
  if (course.status !== 'OPEN') return [];
  const free = course.capacity - (await placesTaken(tx, course.id));
  if (free <= 0) return [];
  const promoted = await tx
    .updateTable('registration')
    .set({ status: 'REGISTERED', status_reason: null, status_changed_at: sql<Date>`now()` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('registration')
        .select('id')
        .where('course_id', '=', course.id)
        .where('status', '=', 'WAITLISTED')
        .orderBy('waitlisted_at')
        .orderBy('id')
        .limit(free),
    )
    .returningAll()
    .execute();
  return promoted.sort(
    (a, b) => a.waitlisted_at!.getTime() - b.waitlisted_at!.getTime() || a.id.localeCompare(b.id),
  );
}
