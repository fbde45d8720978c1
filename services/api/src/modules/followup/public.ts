import { sql } from 'kysely';
import type { OutcomeRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { SubmitOutcomeByLinkInput } from '../../graphql/generated/resolvers.js';
import { todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import { graduationsByIds } from '../graduation/standing.js';
import { peopleByIds } from '../people/service.js';
import { cohortsByIds, programmesByIds } from '../programmes/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { parseLinkToken } from './link.js';
import { answerOf } from './service.js';
import { checkAnswer } from './validate.js';

// The graduate's side: no sign-in, only the token of the SMS. The token names its tenant, whose
// transaction is opened; inside it, the wave is found by the token's hash, and only while it is
// unanswered and its link unexpired. Nothing else of the person is shown than their first name.

export interface FollowUpLinkView {
  firstName: string;
  programmeFr: string;
  programmeAr: string;
  centreName: string;
  centreNameAr: string | null;
  monthsAfterGraduation: number;
}

/** The wave a live link opens (locked when answering), or null. */
async function waveOfLink(tx: Tx, hash: Buffer, lock: boolean): Promise<OutcomeRow | null> {
  const outcome = await tx
    .selectFrom('outcome')
    .selectAll()
    .where('link_secret_hash', '=', hash)
    .where('status', 'is', null)
    .where('link_expires_at', '>', sql<Date>`now()`)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
  return outcome ?? null;
}

export async function followUpByLink(ctx: Context, token: string): Promise<FollowUpLinkView | null> {
  const parsed = token.length <= 200 ? parseLinkToken(token) : null;
  if (!parsed) return null;
  const tenant = (await tenantsByIds(ctx.deps.db, [parsed.tenantId])).get(parsed.tenantId);
  if (!tenant) return null;
  return withTenant(ctx.deps.db, tenant.id, async (tx) => {
    const outcome = await waveOfLink(tx, parsed.hash, false);
    if (!outcome) return null;
    const graduation = (await graduationsByIds(tx, [outcome.graduation_id])).get(outcome.graduation_id)!;
    const enrollment = (await enrollmentsByIds(tx, [graduation.enrollment_id])).get(
      graduation.enrollment_id,
    )!;
    const cohort = (await cohortsByIds(tx, [enrollment.cohort_id])).get(enrollment.cohort_id)!;
    const programme = (await programmesByIds(tx, [cohort.programme_id])).get(cohort.programme_id)!;
    const person = (await peopleByIds(tx, [outcome.person_id])).get(outcome.person_id)!;
    return {
      firstName:
        ctx.locale.startsWith('ar') && person.first_name_ar ? person.first_name_ar : person.first_name_latin,
      programmeFr: programme.name_fr,
      programmeAr: programme.name_ar ?? programme.name_fr,
      centreName: tenant.name,
      centreNameAr: tenant.name_ar,
      monthsAfterGraduation: outcome.months_after_graduation,
    };
  });
}

/**
 * The graduate answers, once: the link's hash is cleared with the answer, so the same link (or an
 * expired one, or one replaced by a newer SMS) answers LINK_INVALID. Audited without a user.
 */
export async function submitOutcomeByLink(
  ctx: Context,
  input: SubmitOutcomeByLinkInput,
): Promise<{ ok: boolean }> {
  const parsed = input.token.length <= 200 ? parseLinkToken(input.token) : null;
  if (!parsed) throw new UserError('LINK_INVALID', 'token');
  const tenant = (await tenantsByIds(ctx.deps.db, [parsed.tenantId])).get(parsed.tenantId);
  if (!tenant) throw new UserError('LINK_INVALID', 'token');
  const today = todayIn(tenant.timezone);
  return withTenant(ctx.deps.db, tenant.id, async (tx) => {
    const current = await waveOfLink(tx, parsed.hash, true);
    if (!current) throw new UserError('LINK_INVALID', 'token');
    const graduation = (await graduationsByIds(tx, [current.graduation_id])).get(current.graduation_id)!;
    const answer = checkAnswer(
      { status: input.status, organisation: input.organisation, outcomeOn: input.outcomeOn },
      today,
      graduation.graduated_on,
    );
    const outcome = await tx
      .updateTable('outcome')
      .set({
        ...answer,
        source: 'GRADUATE',
        recorded_by: null,
        recorded_at: sql<Date>`now()`,
        link_secret_hash: null,
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      { tenantId: tenant.id, userId: null, requestId: ctx.requestId },
      {
        action: 'outcome.answered_by_link',
        entityType: 'outcome',
        entityIds: [outcome.id],
        data: { months: outcome.months_after_graduation, from: null, to: answerOf(outcome) },
      },
    );
    return { ok: true };
  });
}
