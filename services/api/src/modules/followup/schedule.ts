import type { Database } from '../../db/connect.js';
import type { GraduationRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { isUuid } from '../../lib/ids.js';
import { todayIn, toInstant } from '../../lib/time.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import { graduationsByIds } from '../graduation/standing.js';
import { type ClaimedJob, enqueueJob, type JobHandlers } from '../jobs/queue.js';
import { peopleByIds } from '../people/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { sendLink } from './link.js';
import { stateOf, waveRows } from './waves.js';

/** Creates the waves of new graduations. Payload: { graduationIds }. */
export const SCHEDULE_JOB = 'followup.schedule';
/** Texts a wave's one-time link the morning it falls due. Payload: { outcomeId }. */
export const SEND_LINK_JOB = 'followup.send-link';
/** When, on the centre's clock, a wave's link goes out on its due day. */
const SEND_TIME = '09:00';

/**
 * Asks for the follow-up waves (at graduation, +6, +12, +24 months) of new graduations, in the
 * caller's transaction: a background job creates them. Used by graduation and by the demo data.
 */
export async function scheduleFollowUp(
  tx: Tx,
  tenantId: string,
  graduations: readonly GraduationRow[],
): Promise<void> {
  if (graduations.length === 0) return;
  await enqueueJob(tx, {
    kind: SCHEDULE_JOB,
    tenantId,
    payload: { graduationIds: graduations.map((g) => g.id) },
  });
}

/** The worker's handlers for this module (main.ts merges them with the other modules'). */
export function followUpJobHandlers(publicUrl: string): JobHandlers {
  return {
    [SCHEDULE_JOB]: (job, db) => createWaves(job, db),
    [SEND_LINK_JOB]: (job, db) => sendDueLink(job, db, publicUrl),
  };
}

/**
 * Inserts the four waves of each graduation and queues each wave's link for its due day. Safe to
 * run again: a wave that exists already (the unique key) is skipped, and so is its link.
 */
async function createWaves(job: ClaimedJob, db: Database): Promise<void> {
  const ids = job.payload.graduationIds;
  if (!job.tenantId || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && isUuid(id))) {
    throw new Error('follow-up scheduling without a tenant or graduation ids');
  }
  const tenantId = job.tenantId;
  const zone = (await tenantsByIds(db, [tenantId])).get(tenantId)!.timezone;
  await withTenant(db, tenantId, async (tx) => {
    const graduations = [...(await graduationsByIds(tx, ids as string[])).values()];
    const enrollments = await enrollmentsByIds(
      tx,
      graduations.map((g) => g.enrollment_id),
    );
    const rows = waveRows(
      tenantId,
      graduations.map((g) => ({
        graduationId: g.id,
        personId: enrollments.get(g.enrollment_id)!.person_id,
        graduatedOn: g.graduated_on,
      })),
    );
    if (rows.length === 0) return;
    const created = await tx
      .insertInto('outcome')
      .values(rows)
      .onConflict((oc) => oc.columns(['tenant_id', 'graduation_id', 'months_after_graduation']).doNothing())
      .returning(['id', 'due_on'])
      .execute();
    for (const wave of created) {
      await enqueueJob(tx, {
        kind: SEND_LINK_JOB,
        tenantId,
        payload: { outcomeId: wave.id },
        runAt: toInstant(wave.due_on, SEND_TIME, zone),
      });
    }
  });
}

/**
 * Sends a wave's link once, when it is due: not when it was answered meanwhile, already has a link
 * (staff sent one), or is past its 30 days (a graduation entered long after the fact must not text
 * every old wave at once); not either when the person has no phone.
 */
async function sendDueLink(job: ClaimedJob, db: Database, publicUrl: string): Promise<void> {
  const { outcomeId } = job.payload;
  if (!job.tenantId || typeof outcomeId !== 'string' || !isUuid(outcomeId)) {
    throw new Error('follow-up link without a tenant or an outcome id');
  }
  const tenant = (await tenantsByIds(db, [job.tenantId])).get(job.tenantId)!;
  await withTenant(db, tenant.id, async (tx) => {
    const outcome = await tx
      .selectFrom('outcome')
      .selectAll()
      .where('id', '=', outcomeId)
      .forUpdate()
      .executeTakeFirst();
    if (!outcome || outcome.link_sent_at !== null) return;
    if (stateOf(outcome, todayIn(tenant.timezone)) !== 'DUE') return;
    const person = (await peopleByIds(tx, [outcome.person_id])).get(outcome.person_id);
    if (!person?.phone) return;
    await sendLink(tx, tenant, outcome, person.phone, publicUrl);
  });
}
