import { sql } from 'kysely';
import type {
  CourseAttendanceRow,
  CourseRow,
  CourseSessionRow,
  PersonRow,
  RegistrationRow,
} from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { groupBy } from '../../lib/group-by.js';
import { uniqueUuids } from '../../lib/ids.js';
import { type Actor, inTenant } from '../identity/access.js';
import { personScope } from '../people/scope.js';
import { peopleByIds, peopleVisibleTo } from '../people/service.js';
import { ACTIVE, coursesByIds, TAKING_PLACE } from './core.js';

// The batch reads behind the module's loaders: one statement per level (two where visibility must
// be checked), the same rules as the root queries. Staff see every registration; anyone else
// (a trainee through their own Person.registrations) only those of people they may see.

async function visibleOnly<R extends { person_id: string }>(tx: Tx, actor: Actor, rows: R[]): Promise<R[]> {
  if (personScope(actor).kind === 'ALL' || rows.length === 0) return rows;
  const visible = await peopleVisibleTo(
    tx,
    actor,
    rows.map((r) => r.person_id),
  );
  return rows.filter((r) => visible.has(r.person_id));
}

/** Courses behind registrations and sessions the caller already holds. */
export const readCourses = (ctx: Context, ids: readonly string[]): Promise<Map<string, CourseRow>> =>
  inTenant(ctx, (tx) => coursesByIds(tx, ids));

export function sessionsOfCourses(ctx: Context, courseIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(courseIds);
    if (ids.length === 0) return new Map<string, CourseSessionRow[]>();
    const rows = await tx
      .selectFrom('course_session')
      .selectAll()
      .where('course_id', 'in', ids)
      .orderBy('day')
      .orderBy(sql`starts_at nulls first`)
      .orderBy('id')
      .execute();
    return groupBy(rows, (r) => r.course_id);
  });
}

/** Places first (registered and completed, in order of registration), then the waitlist in its order. */
export function registrationsOfCourses(ctx: Context, courseIds: readonly string[]) {
  return inTenant(ctx, async (tx, actor) => {
    const ids = uniqueUuids(courseIds);
    if (ids.length === 0) return new Map<string, RegistrationRow[]>();
    const rows = await tx
      .selectFrom('registration')
      .selectAll()
      .where('course_id', 'in', ids)
      .where('status', 'in', ACTIVE)
      .orderBy(sql`status = 'WAITLISTED'`)
      .orderBy(sql`case when status = 'WAITLISTED' then waitlisted_at else created_at end`)
      .orderBy('id')
      .execute();
    return groupBy(await visibleOnly(tx, actor, rows), (r) => r.course_id);
  });
}

/** Places taken (registered + completed) and waitlist length per course. */
export function countsOfCourses(ctx: Context, courseIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(courseIds);
    const counts = new Map<string, { registered: number; waitlisted: number }>();
    if (ids.length === 0) return counts;
    const rows = await tx
      .selectFrom('registration')
      .select((eb) => [
        'course_id',
        eb.fn.countAll<number>().filterWhere('status', 'in', TAKING_PLACE).as('registered'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'WAITLISTED').as('waitlisted'),
      ])
      .where('course_id', 'in', ids)
      .groupBy('course_id')
      .execute();
    for (const r of rows)
      counts.set(r.course_id, { registered: Number(r.registered), waitlisted: Number(r.waitlisted) });
    return counts;
  });
}

/** First day and training-days (sum of the sessions' days) per course. */
export function sessionTotals(ctx: Context, courseIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(courseIds);
    const totals = new Map<string, { startsOn: string; trainingDays: number }>();
    if (ids.length === 0) return totals;
    const rows = await tx
      .selectFrom('course_session')
      .select((eb) => [
        'course_id',
        eb.fn.min<string>('day').as('starts_on'),
        eb.fn.sum<string>('days').as('training_days'),
      ])
      .where('course_id', 'in', ids)
      .groupBy('course_id')
      .execute();
    for (const r of rows)
      totals.set(r.course_id, { startsOn: r.starts_on, trainingDays: Number(r.training_days) });
    return totals;
  });
}

export function attendanceOfSessions(ctx: Context, sessionIds: readonly string[]) {
  return inTenant(ctx, async (tx, actor) => {
    const ids = uniqueUuids(sessionIds);
    if (ids.length === 0) return new Map<string, CourseAttendanceRow[]>();
    const rows = await tx
      .selectFrom('course_attendance as a')
      .innerJoin('registration as r', (join) =>
        join.onRef('r.tenant_id', '=', 'a.tenant_id').onRef('r.id', '=', 'a.registration_id'),
      )
      .selectAll('a')
      .select('r.person_id')
      .where('a.course_session_id', 'in', ids)
      .orderBy('r.created_at')
      .orderBy('a.id')
      .execute();
    const visible = await visibleOnly(tx, actor, rows);
    return groupBy(
      visible.map(({ person_id: _, ...row }) => row),
      (r) => r.course_session_id,
    );
  });
}

export function readRegistrations(ctx: Context, ids: readonly string[]) {
  return inTenant(ctx, async (tx, actor) => {
    const wanted = uniqueUuids(ids);
    if (wanted.length === 0) return new Map<string, RegistrationRow>();
    const rows = await tx.selectFrom('registration').selectAll().where('id', 'in', wanted).execute();
    return new Map((await visibleOnly(tx, actor, rows)).map((r) => [r.id, r]));
  });
}

/** The people of registrations the caller already holds (they were filtered by visibility). */
export const readPeopleOf = (ctx: Context, ids: readonly string[]): Promise<Map<string, PersonRow>> =>
  inTenant(ctx, (tx) => peopleByIds(tx, ids));

/** 1-based place on the waitlist of each WAITLISTED registration, by (waitlisted_at, id). */
export function waitlistPositions(ctx: Context, registrations: readonly RegistrationRow[]) {
  return inTenant(ctx, async (tx) => {
    const positions = new Map<string, number>();
    const courseIds = uniqueUuids(
      registrations.filter((r) => r.status === 'WAITLISTED').map((r) => r.course_id),
    );
    if (courseIds.length === 0) return positions;
    const rows = await tx
      .selectFrom('registration')
      .select((eb) => [
        'id',
        eb.fn
          .agg<number>('row_number')
          .over((over) => over.partitionBy('course_id').orderBy('waitlisted_at').orderBy('id'))
          .as('position'),
      ])
      .where('course_id', 'in', courseIds)
      .where('status', '=', 'WAITLISTED')
      .execute();
    for (const r of rows) positions.set(r.id, Number(r.position));
    return positions;
  });
}

/** Present sessions ÷ the course's sessions, for registrations with any attendance taken. */
export function attendanceRates(ctx: Context, registrationIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const rates = new Map<string, number>();
    const ids = uniqueUuids(registrationIds);
    if (ids.length === 0) return rates;
    const rows = await sql<{ id: string; present: string; sessions: string }>`
      select r.id,
             count(*) filter (where a.present) as present,
             (select count(*) from course_session s
               where s.tenant_id = r.tenant_id and s.course_id = r.course_id) as sessions
        from registration r
        join course_attendance a on a.tenant_id = r.tenant_id and a.registration_id = r.id
       where r.id in (${sql.join(ids)})
       group by r.tenant_id, r.id, r.course_id`.execute(tx);
    for (const r of rows.rows)
      if (Number(r.sessions) > 0) rates.set(r.id, Number(r.present) / Number(r.sessions));
    return rates;
  });
}

/** Every registration of these people (cancelled ones included), newest first. */
export function registrationsOfPeople(ctx: Context, personIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(personIds);
    if (ids.length === 0) return new Map<string, RegistrationRow[]>();
    const rows = await tx
      .selectFrom('registration')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return groupBy(rows, (r) => r.person_id);
  });
}
