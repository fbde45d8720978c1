import type { Database } from '../../db/connect.js';
import { withTenant } from '../../db/with-tenant.js';
import { isUuid } from '../../lib/ids.js';
import type { ClaimedJob, JobHandlers } from '../jobs/queue.js';
import { peopleByIds } from '../people/service.js';
import { coursesByIds, firstDays } from './core.js';
import { COURSE_REMINDER_JOB, courseText, textPerson } from './sms.js';

/** The worker's handlers for this module (main.ts merges them with the other modules'). */
export const courseJobHandlers: JobHandlers = {
  [COURSE_REMINDER_JOB]: (job, db) => remindParticipant(job, db),
};

/**
 * Texts a reminder to a person still REGISTERED on a course that still starts on the day the job
 * was planned for. Anything else (cancelled, waitlisted, course cancelled or moved) makes it a
 * no-op. The message is queued in the same transaction as the checks; should the worker die between
 * that commit and marking the job done, a second text can go out — rare, and harmless.
 */
async function remindParticipant(job: ClaimedJob, db: Database): Promise<void> {
  const { registrationId, firstDay } = job.payload;
  if (
    !job.tenantId ||
    typeof registrationId !== 'string' ||
    !isUuid(registrationId) ||
    typeof firstDay !== 'string'
  ) {
    throw new Error('course reminder without a tenant, a registration id or a day');
  }
  await withTenant(db, job.tenantId, async (tx) => {
    const registration = await tx
      .selectFrom('registration')
      .selectAll()
      .where('id', '=', registrationId)
      .executeTakeFirst();
    if (registration?.status !== 'REGISTERED') return;
    const course = (await coursesByIds(tx, [registration.course_id])).get(registration.course_id);
    if (!course || course.status === 'CANCELLED') return;
    if ((await firstDays(tx, [course.id])).get(course.id) !== firstDay) return;
    const person = (await peopleByIds(tx, [registration.person_id])).get(registration.person_id);
    if (person)
      await textPerson(tx, person, 'course_reminder', courseText('course_reminder', course, firstDay));
  });
}
