import type { CourseRow, PersonRow, RegistrationRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { addDays, toInstant } from '../../lib/time.js';
import { enqueueJob } from '../jobs/queue.js';
import { enqueueMessage } from '../outbox/service.js';
import { peopleByIds } from '../people/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { firstDays } from './core.js';

// What a participant reads on a basic phone: one short text in Arabic and French, the course's
// title and its first day. Never anyone else's data: an SMS is read by whoever holds the phone.

/** Queued with every registration; texts a person still REGISTERED the day before. */
export const COURSE_REMINDER_JOB = 'course-reminder';
/** The reminder goes out the day before the first session, at this local time. */
const REMINDER_TIME = '09:00';

export type CourseTemplate =
  | 'course_registered'
  | 'course_waitlisted'
  | 'course_promoted'
  | 'course_reminder';

/** 2026-10-05 → 05/10/2026, the way a Moroccan calendar writes a day. */
const dayOf = (date: string) => date.split('-').reverse().join('/');

type Titled = Pick<CourseRow, 'title_fr' | 'title_ar'>;

export function courseText(template: CourseTemplate, course: Titled, firstDay: string | null): string {
  const ar = course.title_ar ?? course.title_fr;
  const fr = course.title_fr;
  const day = firstDay ? dayOf(firstDay) : null;
  switch (template) {
    case 'course_registered':
      return (
        `معلم: تم تسجيلكم في التكوين «${ar}»${day ? ` الذي يبدأ يوم ${day}` : ''}.\n` +
        `Maalem : vous êtes inscrit(e) à la formation « ${fr} »${day ? `, début le ${day}` : ''}.`
      );
    case 'course_waitlisted':
      return (
        `معلم: أنتم في لائحة الانتظار للتكوين «${ar}»${day ? ` (${day})` : ''}. سنخبركم إذا تحرر مكان.\n` +
        `Maalem : vous êtes sur liste d'attente pour « ${fr} »${day ? ` (${day})` : ''}. Nous vous préviendrons si une place se libère.`
      );
    case 'course_promoted':
      return (
        `معلم: تحرر مكان، تم تسجيلكم في التكوين «${ar}»${day ? ` الذي يبدأ يوم ${day}` : ''}.\n` +
        `Maalem : une place s'est libérée, vous êtes inscrit(e) à « ${fr} »${day ? `, début le ${day}` : ''}.`
      );
    case 'course_reminder':
      return (
        `معلم: تذكير، التكوين «${ar}» يبدأ غدا${day ? ` ${day}` : ''}.\n` +
        `Maalem : rappel, la formation « ${fr} » commence demain${day ? `, le ${day}` : ''}.`
      );
  }
}

/** Queues the text to the person's phone, if they have one. Returns whether one was queued. */
export async function textPerson(
  tx: Tx,
  person: Pick<PersonRow, 'phone'>,
  template: CourseTemplate,
  body: string,
): Promise<boolean> {
  if (!person.phone) return false;
  await enqueueMessage(tx, { channel: 'SMS', recipient: person.phone, template, body });
  return true;
}

/** Tells each promoted person they now have a place (one read of people for all of them). */
export async function notifyPromoted(
  tx: Tx,
  course: CourseRow,
  promoted: readonly RegistrationRow[],
): Promise<void> {
  if (promoted.length === 0) return;
  const people = await peopleByIds(
    tx,
    promoted.map((r) => r.person_id),
  );
  const firstDay = (await firstDays(tx, [course.id])).get(course.id) ?? null;
  const body = courseText('course_promoted', course, firstDay);
  for (const r of promoted) {
    const person = people.get(r.person_id);
    if (person) await textPerson(tx, person, 'course_promoted', body);
  }
}

/** The centre's time zone; read before a transaction that holds a course lock. */
export async function tenantZone(ctx: Context, tenantId: string): Promise<string> {
  return (await tenantsByIds(ctx.deps.db, [tenantId])).get(tenantId)!.timezone;
}

/**
 * Queues the reminder of one registration for the day before `firstDay` at 09:00 on the centre's
 * clock, unless that moment has passed. The job carries the day it was planned for: when the first
 * session moves, a new job is queued and the old one finds a different day and does nothing.
 */
export async function scheduleReminder(
  tx: Tx,
  tenantId: string,
  zone: string,
  registrationId: string,
  firstDay: string,
  now: Date = new Date(),
): Promise<boolean> {
  const runAt = toInstant(addDays(firstDay, -1), REMINDER_TIME, zone);
  if (runAt.getTime() <= now.getTime()) return false;
  await enqueueJob(tx, { kind: COURSE_REMINDER_JOB, tenantId, payload: { registrationId, firstDay }, runAt });
  return true;
}
