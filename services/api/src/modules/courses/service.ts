import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { CourseRow, CourseSessionRow } from '../../db/rows.js';
import type { DB } from '../../db/tables.generated.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  AddCourseSessionInput,
  CourseFilter,
  CourseStatus,
  CreateCourseInput,
  RemoveCourseSessionInput,
  SetCourseStatusInput,
  UpdateCourseInput,
} from '../../graphql/generated/resolvers.js';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../lib/cursor.js';
import { isUuid, newId } from '../../lib/ids.js';
import { foundIn } from '../../lib/like.js';
import { clean } from '../../lib/text.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { READERS, WRITERS } from '../people/scope.js';
import {
  coursesByIds,
  fillFreePlaces,
  firstDays,
  lockCourse,
  lockCourseOf,
  placesTaken,
  recomputeCompletion,
} from './core.js';
import { notifyPromoted, scheduleReminder, tenantZone } from './sms.js';
import { AUDIENCES, checkCourse, checkSession, MODES } from './validate.js';

const STATUSES: readonly CourseStatus[] = ['OPEN', 'CLOSED', 'CANCELLED'];

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/** One search word found in a title, the topic, the training line or a partner's name. */
function matchesWord(eb: ExpressionBuilder<DB, 'course'>, word: string): Expression<SqlBool> {
  return eb.or([
    foundIn(eb.ref('title_fr'), word),
    foundIn(eb.ref('title_ar'), word),
    foundIn(eb.ref('topic'), word),
    foundIn(eb.ref('training_line'), word),
    foundIn(sql<string>`array_to_string(course.partners, ' ')`, word),
  ]);
}

function checkFilter(filter: CourseFilter | null | undefined) {
  if (!filter) return { words: [] as string[] };
  if (filter.audience && !AUDIENCES.includes(filter.audience))
    throw new UserError('INVALID_INPUT', 'audience');
  if (filter.mode && !MODES.includes(filter.mode)) throw new UserError('INVALID_INPUT', 'mode');
  if (filter.status?.some((s) => !STATUSES.includes(s))) throw new UserError('INVALID_INPUT', 'status');
  if (filter.year != null && (!Number.isInteger(filter.year) || filter.year < 1900 || filter.year > 2999))
    throw new UserError('INVALID_INPUT', 'year');
  if ((filter.city?.length ?? 0) > 80) throw new UserError('INVALID_INPUT', 'city');
  const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.some((w) => w.length > 80)) throw new UserError('INVALID_INPUT', 'search');
  return { words };
}

/** The catalogue, newest first (ids are UUIDv7, so id order is creation order). */
export async function listCourses(
  ctx: Context,
  args: { first?: number | null; after?: string | null; filter?: CourseFilter | null },
) {
  const actor = await requireMember(ctx, READERS);
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const filter = args.filter ?? {};
  const { words } = checkFilter(filter);
  const city = clean(filter.city);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('course')
      .$if(Boolean(filter.audience), (qb) => qb.where('audience', '=', filter.audience!))
      .$if(Boolean(filter.mode), (qb) => qb.where('mode', '=', filter.mode!))
      .$if((filter.status?.length ?? 0) > 0, (qb) => qb.where('status', 'in', filter.status!))
      .$if(city !== null, (qb) => qb.where((eb) => eb(eb.fn('lower', ['city']), '=', city!.toLowerCase())))
      // A course belongs to the year of its first session (the indicators count it the same way).
      .$if(filter.year != null, (qb) =>
        qb.where(
          sql<SqlBool>`(select min(s.day) from course_session s
                         where s.tenant_id = course.tenant_id and s.course_id = course.id)
                       between make_date(${filter.year}::int, 1, 1) and make_date(${filter.year}::int, 12, 31)`,
        ),
      )
      .where((eb) => eb.and(words.map((word) => matchesWord(eb, word))));
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(afterId !== null, (qb) => qb.where('id', '<', afterId!))
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, Number(total.n), (node) => ({ cursor: encodeCursor(node.id), node }));
  });
}

export async function getCourse(ctx: Context, id: string): Promise<CourseRow | null> {
  const actor = await requireMember(ctx, READERS);
  if (!isUuid(id)) return null;
  return withTenant(
    ctx.deps.db,
    actor.tenantId,
    async (tx) => (await coursesByIds(tx, [id])).get(id) ?? null,
  );
}

// ---------------------------------------------------------------------------------------------
// Courses
// ---------------------------------------------------------------------------------------------

function checkedCourse(input: CreateCourseInput['course']) {
  const { value, errors } = checkCourse(input);
  if (!value) throw new UserErrors(errors.map((e) => new UserError(e.code, e.field)));
  return value;
}

export async function createCourse(ctx: Context, input: CreateCourseInput): Promise<{ course: CourseRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const value = checkedCourse(input.course);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const course = await tx
      .insertInto('course')
      .values({ ...value, tenant_id: actor.tenantId, id: newId() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'course.created',
      entityType: 'course',
      entityIds: [course.id],
      data: { capacity: course.capacity, mode: course.mode },
    });
    return { course };
  });
}

export async function updateCourse(ctx: Context, input: UpdateCourseInput): Promise<{ course: CourseRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const value = checkedCourse(input.course);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockCourse(tx, input.id, 'id');
    // Nobody loses a place they hold: shrink only down to the places already taken.
    if (value.capacity < current.capacity && value.capacity < (await placesTaken(tx, current.id)))
      throw new UserError('COURSE_FULL', 'capacity');
    const course = await tx
      .updateTable('course')
      .set(value)
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A threshold change can complete (or un-complete) people; more places take from the waitlist.
    const completion = await recomputeCompletion(tx, course.id);
    const promoted = await fillFreePlaces(tx, course);
    await recordAudit(tx, actor, {
      action: 'course.updated',
      entityType: 'course',
      entityIds: [course.id],
      data: {
        capacity: { from: current.capacity, to: course.capacity },
        completionChanged: completion.map((c) => c.id),
        promoted: promoted.map((p) => p.id),
      },
    });
    await notifyPromoted(tx, course, promoted);
    return { course };
  });
}

export async function setCourseStatus(
  ctx: Context,
  input: SetCourseStatusInput,
): Promise<{ course: CourseRow }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!STATUSES.includes(input.status)) throw new UserError('INVALID_INPUT', 'status');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockCourse(tx, input.id, 'id');
    if (current.status === input.status) return { course: current };
    // A cancelled course stays cancelled: its registrations' people were told it will not happen.
    if (current.status === 'CANCELLED') throw new UserError('ILLEGAL_TRANSITION', 'status');
    const course = await tx
      .updateTable('course')
      .set({ status: input.status })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Reopened: places freed while it was closed go to the waitlist, in order.
    const promoted = course.status === 'OPEN' ? await fillFreePlaces(tx, course) : [];
    await recordAudit(tx, actor, {
      action: 'course.status_changed',
      entityType: 'course',
      entityIds: [course.id],
      data: { from: current.status, to: course.status, promoted: promoted.map((p) => p.id) },
    });
    await notifyPromoted(tx, course, promoted);
    return { course };
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

export async function addCourseSession(
  ctx: Context,
  input: AddCourseSessionInput,
): Promise<{ session: CourseSessionRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const { value, error } = checkSession(input);
  if (!value) throw new UserError(error!.code, error!.field);
  // Read before the transaction: it holds the course lock, and must not wait for a second connection.
  const zone = await tenantZone(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const course = await lockCourse(tx, input.courseId, 'courseId');
    const before = (await firstDays(tx, [course.id])).get(course.id) ?? null;
    const session = await tx
      .insertInto('course_session')
      .values({ ...value, tenant_id: actor.tenantId, id: newId(), course_id: course.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await afterSessionsChanged(tx, zone, actor, course, before, 'course.session_added', session);
    return { session };
  });
}

export async function removeCourseSession(
  ctx: Context,
  input: RemoveCourseSessionInput,
): Promise<{ session: CourseSessionRow }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const zone = await tenantZone(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const course = await lockCourseOf(tx, 'course_session', input.id, 'id');
    const taken = await tx
      .selectFrom('course_attendance')
      .select('id')
      .where('course_session_id', '=', input.id)
      .limit(1)
      .executeTakeFirst();
    // Attendance taken is a record of what happened: the session stays.
    if (taken) throw new UserError('INVALID_INPUT', 'id');
    const before = (await firstDays(tx, [course.id])).get(course.id) ?? null;
    const session = await tx
      .deleteFrom('course_session')
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirst();
    // Removed meanwhile by someone else (we waited on the course lock).
    if (!session) throw new UserError('NOT_FOUND', 'id');
    await afterSessionsChanged(tx, zone, actor, course, before, 'course.session_removed', session);
    return { session };
  });
}

/**
 * What follows any change of a course's sessions: completion (the denominator changed), reminders
 * when the first day moved (a reminder queued for the old day no longer fires), the audit event.
 */
async function afterSessionsChanged(
  tx: Tx,
  zone: string,
  actor: Actor,
  course: CourseRow,
  firstDayBefore: string | null,
  action: string,
  session: CourseSessionRow,
): Promise<void> {
  const completion = await recomputeCompletion(tx, course.id);
  const firstDay = (await firstDays(tx, [course.id])).get(course.id) ?? null;
  let reminders = 0;
  if (firstDay !== null && firstDay !== firstDayBefore) {
    const active = await tx
      .selectFrom('registration')
      .select('id')
      .where('course_id', '=', course.id)
      .where('status', 'in', ['REGISTERED', 'WAITLISTED'])
      .execute();
    for (const r of active) if (await scheduleReminder(tx, actor.tenantId, zone, r.id, firstDay)) reminders++;
  }
  await recordAudit(tx, actor, {
    action,
    entityType: 'course_session',
    entityIds: [session.id, course.id],
    data: { day: session.day, days: session.days, completionChanged: completion.map((c) => c.id), reminders },
  });
}
