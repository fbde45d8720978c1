import { sql } from 'kysely';
import type { PersonRow, RegistrationRow } from '../../db/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { CancelRegistrationInput, RegisterInput } from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { requireMember } from '../identity/access.js';
import { WRITERS } from '../people/scope.js';
import {
  checkPerson,
  findDuplicates,
  InvalidPerson,
  insertPerson,
  type NormalizedPerson,
  type PossibleDuplicate,
  peopleByIds,
} from '../people/service.js';
import { ACTIVE, fillFreePlaces, firstDays, lockCourse, lockCourseOf, placesTaken } from './core.js';
import { courseText, notifyPromoted, scheduleReminder, tenantZone, textPerson } from './sms.js';

const REASON_MAX = 500;

/**
 * Registers a person on an OPEN course — an existing one, or a new one checked and de-duplicated
 * as enrollment does — as REGISTERED while places remain, WAITLISTED after. The course row is
 * locked first, so concurrent registrations count each other and never overfill it.
 */
export async function register(
  ctx: Context,
  input: RegisterInput,
): Promise<{ registration: RegistrationRow | null; duplicates: PossibleDuplicate[] }> {
  const actor = await requireMember(ctx, WRITERS);
  if ((input.personId == null) === (input.person == null)) throw new UserError('INVALID_INPUT', 'personId');
  // Both before the transaction: it holds the course lock and must not wait on a second connection.
  const zone = await tenantZone(ctx, actor.tenantId);
  let newPerson: NormalizedPerson | null = null;
  if (input.person) {
    const { value, errors } = checkPerson(input.person, todayIn(zone));
    if (!value) throw new InvalidPerson(errors);
    newPerson = value;
  } else if (!isUuid(input.personId!)) throw new UserError('NOT_FOUND', 'personId');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const course = await lockCourse(tx, input.courseId, 'courseId');
    if (course.status !== 'OPEN') throw new UserError('COURSE_CLOSED', 'courseId');

    let person: PersonRow;
    if (newPerson) {
      const duplicates = await findDuplicates(tx, newPerson);
      // The user decides: show the look-alikes and write nothing until they say "create anyway".
      if (duplicates.length > 0 && !input.ignoreDuplicates) return { registration: null, duplicates };
      if (duplicates.some((d) => d.reason === 'SAME_CIN')) throw new UserError('CIN_TAKEN', 'cin');
      person = await insertPerson(tx, actor, newPerson);
    } else {
      const found = (await peopleByIds(tx, [input.personId!])).get(input.personId!);
      if (!found) throw new UserError('NOT_FOUND', 'personId');
      if (found.merged_into_id) throw new UserError('ALREADY_MERGED', 'personId');
      person = found;
    }

    const already = await tx
      .selectFrom('registration')
      .select('id')
      .where('course_id', '=', course.id)
      .where('person_id', '=', person.id)
      .where('status', 'in', ACTIVE)
      .executeTakeFirst();
    if (already) throw new UserError('ALREADY_REGISTERED', 'personId');

    const full = (await placesTaken(tx, course.id)) >= course.capacity;
    const registration = await tx
      .insertInto('registration')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        course_id: course.id,
        person_id: person.id,
        status: full ? 'WAITLISTED' : 'REGISTERED',
        waitlisted_at: full ? sql<Date>`clock_timestamp()` : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(alreadyRegistered);

    const firstDay = (await firstDays(tx, [course.id])).get(course.id) ?? null;
    const template = full ? 'course_waitlisted' : 'course_registered';
    const texted = await textPerson(tx, person, template, courseText(template, course, firstDay));
    // Queued for the waitlisted too: the job texts them only if they were promoted meanwhile.
    const reminder = firstDay
      ? await scheduleReminder(tx, actor.tenantId, zone, registration.id, firstDay)
      : false;
    await recordAudit(tx, actor, {
      action: 'registration.created',
      entityType: 'registration',
      entityIds: [registration.id, course.id, person.id],
      data: { status: registration.status, newPerson: newPerson !== null, texted, reminder },
    });
    return { registration, duplicates: [] };
  });
}

// The partial unique index is the last word on "one live registration per person and course".
function alreadyRegistered(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e?.code === '23505' && e.constraint === 'registration_active_key')
    throw new UserError('ALREADY_REGISTERED', 'personId');
  throw error;
}

/**
 * Cancels a registration (registered or waitlisted). A freed place on an OPEN course goes to the
 * head of the waitlist at once, and that person is told by SMS.
 */
export async function cancelRegistration(
  ctx: Context,
  input: CancelRegistrationInput,
): Promise<{ registration: RegistrationRow; promoted: RegistrationRow | null }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > REASON_MAX) throw new UserError('INVALID_INPUT', 'reason');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const course = await lockCourseOf(tx, 'registration', input.id, 'id');
    const current = await tx
      .selectFrom('registration')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    if (current.status !== 'REGISTERED' && current.status !== 'WAITLISTED')
      throw new UserError('ILLEGAL_TRANSITION', 'id');
    const registration = await tx
      .updateTable('registration')
      .set({ status: 'CANCELLED', status_reason: reason, status_changed_at: sql<Date>`now()` })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const promoted = current.status === 'REGISTERED' ? await fillFreePlaces(tx, course) : [];
    await recordAudit(tx, actor, {
      action: 'registration.cancelled',
      entityType: 'registration',
      entityIds: [registration.id, course.id, ...promoted.map((p) => p.id)],
      data: { from: current.status, reason, promoted: promoted.map((p) => p.id) },
    });
    await notifyPromoted(tx, course, promoted);
    return { registration, promoted: promoted[0] ?? null };
  });
}
