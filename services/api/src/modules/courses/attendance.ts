import { sql } from 'kysely';
import type { CourseSessionRow } from '../../db/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { RecordCourseAttendanceInput, Role } from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import { requireMember } from '../identity/access.js';
import { WRITERS } from '../people/scope.js';
import { tenantToday } from '../people/service.js';
import { lockCourseOf, recomputeCompletion, TAKING_PLACE } from './core.js';

/** Who takes a short training's attendance: the centre's staff and the trainer who gives it. */
export const ATTENDANCE_RECORDERS: readonly Role[] = [...WRITERS, 'INSTRUCTOR'];
const MAX_ENTRIES = 10_000;

/**
 * Takes (or retakes) a session's attendance for people holding a place on its course, then sets
 * every participant's completion from the course's threshold in one statement.
 */
export async function recordCourseAttendance(
  ctx: Context,
  input: RecordCourseAttendanceInput,
): Promise<{ session: CourseSessionRow }> {
  const actor = await requireMember(ctx, ATTENDANCE_RECORDERS);
  if (!isUuid(input.sessionId)) throw new UserError('NOT_FOUND', 'sessionId');
  const ids = input.entries.map((e) => e.registrationId);
  if (ids.length === 0 || ids.length > MAX_ENTRIES || new Set(ids).size !== ids.length || !ids.every(isUuid))
    throw new UserError('INVALID_INPUT', 'entries');
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Under the course lock: completion is recomputed against registrations nobody is changing.
    const course = await lockCourseOf(tx, 'course_session', input.sessionId, 'sessionId');
    const session = await tx
      .selectFrom('course_session')
      .selectAll()
      .where('id', '=', input.sessionId)
      .executeTakeFirst();
    if (!session) throw new UserError('NOT_FOUND', 'sessionId');
    if (session.day > today) throw new UserError('SESSION_IN_FUTURE', 'sessionId');

    const expected = await tx
      .selectFrom('registration')
      .select('id')
      .where('id', 'in', ids)
      .where('course_id', '=', course.id)
      .where('status', 'in', TAKING_PLACE)
      .execute();
    if (expected.length !== ids.length) throw new UserError('NOT_EXPECTED', 'entries');

    // A retake replaces the earlier answer: for a one- or two-day training the last word counts.
    await tx
      .insertInto('course_attendance')
      .values(
        input.entries.map((e) => ({
          tenant_id: actor.tenantId,
          id: newId(),
          course_session_id: session.id,
          registration_id: e.registrationId,
          present: e.present,
          recorded_by: actor.userId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'course_session_id', 'registration_id']).doUpdateSet({
          present: (eb) => eb.ref('excluded.present'),
          recorded_by: (eb) => eb.ref('excluded.recorded_by'),
          recorded_at: sql<Date>`now()`,
        }),
      )
      .execute();
    const completion = await recomputeCompletion(tx, course.id);
    await recordAudit(tx, actor, {
      action: 'course.attendance_recorded',
      entityType: 'course_session',
      entityIds: [session.id, course.id],
      data: {
        present: input.entries.filter((e) => e.present).length,
        absent: input.entries.filter((e) => !e.present).length,
        completionChanged: completion,
      },
    });
    return { session };
  });
}
