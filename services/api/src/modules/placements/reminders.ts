import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { withTenant } from '../../db/with-tenant.js';
import { isUuid } from '../../lib/ids.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import type { ClaimedJob, JobHandlers } from '../jobs/queue.js';
import { peopleByIds } from '../people/service.js';
import { reminderText, textArtisans } from './sms.js';

/** Queued with every proposal, due config.placementReminderHours later. Payload: { placementId }. */
export const PLACEMENT_REMINDER_JOB = 'placement-reminder';

/** The worker's handlers for this module (main.ts merges them with the other modules'). */
export const placementJobHandlers: JobHandlers = {
  [PLACEMENT_REMINDER_JOB]: (job, db) => remindArtisans(job, db),
};

/**
 * Reminds the host's artisans of a proposal still waiting for their answer, once. The placement is
 * locked and `reminded_at` set in the transaction that queues the SMS, so a retried or repeated job
 * sends nothing more; an answer given meanwhile makes the job a no-op.
 */
async function remindArtisans(job: ClaimedJob, db: Database): Promise<void> {
  const placementId = job.payload.placementId;
  if (!job.tenantId || typeof placementId !== 'string' || !isUuid(placementId)) {
    throw new Error('placement reminder without a tenant or a placement id');
  }
  await withTenant(db, job.tenantId, async (tx) => {
    const placement = await tx
      .selectFrom('placement')
      .selectAll()
      .where('id', '=', placementId)
      .forUpdate()
      .executeTakeFirst();
    if (placement?.status !== 'PROPOSED' || placement.reminded_at !== null) return;
    const enrollment = (await enrollmentsByIds(tx, [placement.enrollment_id])).get(placement.enrollment_id)!;
    const trainee = (await peopleByIds(tx, [enrollment.person_id])).get(enrollment.person_id)!;
    await textArtisans(tx, placement.host_id, 'placement_reminder', reminderText(trainee, placement));
    await tx
      .updateTable('placement')
      .set({ reminded_at: sql<Date>`now()` })
      .where('id', '=', placement.id)
      .execute();
  });
}
