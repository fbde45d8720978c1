import { sql } from 'kysely';
import type { CallJurorRow, CallRow, EvaluationRow, JurorConflictRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { DeclareConflictInput, SaveEvaluationInput } from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { isStaff, lockCall, SCORING } from './core.js';

// What a juror does: score an application (a draft, then final), or declare a conflict of
// interest and stay out of it.

const COMMENT_MAX = 2000;
const REASON_MAX = 500;

interface Seat {
  call: CallRow;
  seat: CallJurorRow;
  applicationId: string;
}

/**
 * The caller's seat on the jury of the application's call, locked: one juror's saves and
 * declarations on a call queue behind each other, and behind the call's status moves. Anyone
 * without a seat (staff included) is FORBIDDEN; an application a juror cannot see is NOT_FOUND.
 */
async function lockSeat(tx: Tx, actor: Actor, applicationId: string): Promise<Seat> {
  if (!isUuid(applicationId)) throw new UserError('NOT_FOUND', 'applicationId');
  const application = await tx
    .selectFrom('application')
    .select(['id', 'call_id', 'status'])
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!application) throw new UserError('NOT_FOUND', 'applicationId');
  const call = await lockCall(tx, application.call_id, 'applicationId', 'share');
  const seat = await tx
    .selectFrom('call_juror')
    .selectAll()
    .where('call_id', '=', call.id)
    .where('user_id', '=', actor.userId)
    .forUpdate()
    .executeTakeFirst();
  if (!seat) throw new UserError(isStaff(actor) ? 'FORBIDDEN' : 'NOT_FOUND', 'applicationId');
  if (application.status === 'WITHDRAWN') throw new UserError('NOT_FOUND', 'applicationId');
  if (!SCORING.includes(call.status)) throw new UserError('CALL_NOT_OPEN', 'applicationId');
  return { call, seat, applicationId: application.id };
}

const conflictOf = (tx: Tx, jurorId: string, applicationId: string) =>
  tx
    .selectFrom('juror_conflict')
    .selectAll()
    .where('juror_id', '=', jurorId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();

const evaluationOf = (tx: Tx, jurorId: string, applicationId: string) =>
  tx
    .selectFrom('evaluation')
    .selectAll()
    .where('juror_id', '=', jurorId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();

export async function declareConflict(
  ctx: Context,
  input: DeclareConflictInput,
): Promise<{ conflict: JurorConflictRow }> {
  const actor = await requireMember(ctx);
  const reason = input.reason.trim();
  if (!reason) throw new UserError('REASON_REQUIRED', 'reason');
  if (reason.length > REASON_MAX) throw new UserError('INVALID_INPUT', 'reason');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const { seat, applicationId, call } = await lockSeat(tx, actor, input.applicationId);
    const existing = await conflictOf(tx, seat.id, applicationId);
    if (existing) return { conflict: existing };
    const evaluation = await evaluationOf(tx, seat.id, applicationId);
    // A submitted evaluation already counts in the ranking: it cannot be taken back this way.
    if (evaluation?.submitted_at) throw new UserError('EVALUATION_SUBMITTED', 'applicationId');
    // A draft was never seen by anyone; a conflicted juror does not score, so it goes.
    if (evaluation) {
      await tx.deleteFrom('evaluation_score').where('evaluation_id', '=', evaluation.id).execute();
      await tx.deleteFrom('evaluation').where('id', '=', evaluation.id).execute();
    }
    const conflict = await tx
      .insertInto('juror_conflict')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        application_id: applicationId,
        juror_id: seat.id,
        reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'call.conflict_declared',
      entityType: 'juror_conflict',
      entityIds: [conflict.id, applicationId, call.id],
      data: { reason, draftDiscarded: Boolean(evaluation) },
    });
    return { conflict };
  });
}

/** The marks as stored: each criterion of this call once, within the scale, to two decimals. */
async function checkScores(tx: Tx, call: CallRow, input: SaveEvaluationInput) {
  const criteria = await tx
    .selectFrom('call_criterion')
    .select('id')
    .where('call_id', '=', call.id)
    .execute();
  const known = new Set(criteria.map((c) => c.id));
  const min = Number(call.score_min);
  const max = Number(call.score_max);
  const seen = new Set<string>();
  const scores = input.scores.map((score, i) => {
    if (!known.has(score.criterionId)) throw new UserError('NOT_FOUND', `scores.${i}.criterionId`);
    if (seen.has(score.criterionId)) throw new UserError('INVALID_INPUT', `scores.${i}.criterionId`);
    seen.add(score.criterionId);
    if (!Number.isFinite(score.value) || score.value < min || score.value > max)
      throw new UserError('SCORE_OUT_OF_RANGE', `scores.${i}.value`);
    return { criterion_id: score.criterionId, value: score.value.toFixed(2) };
  });
  return { scores, complete: seen.size === known.size };
}

export async function saveEvaluation(
  ctx: Context,
  input: SaveEvaluationInput,
): Promise<{ evaluation: EvaluationRow }> {
  const actor = await requireMember(ctx);
  const comment = input.comment?.trim() || null;
  if (comment !== null && comment.length > COMMENT_MAX) throw new UserError('INVALID_INPUT', 'comment');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const { call, seat, applicationId } = await lockSeat(tx, actor, input.applicationId);
    if (await conflictOf(tx, seat.id, applicationId))
      throw new UserError('CONFLICT_OF_INTEREST', 'applicationId');
    const current = await evaluationOf(tx, seat.id, applicationId);
    if (current?.submitted_at) throw new UserError('EVALUATION_SUBMITTED', 'applicationId');
    const { scores, complete } = await checkScores(tx, call, input);
    const submit = input.submit === true;
    if (submit && !complete) throw new UserError('SCORES_INCOMPLETE', 'scores');

    const values = {
      comment,
      updated_at: sql<Date>`now()`,
      submitted_at: submit ? sql<Date>`now()` : null,
    };
    const evaluation = current
      ? await tx
          .updateTable('evaluation')
          .set(values)
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('evaluation')
          .values({
            ...values,
            tenant_id: actor.tenantId,
            id: newId(),
            application_id: applicationId,
            juror_id: seat.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    // The draft's marks are replaced by what was sent, as the form shows it.
    if (current) await tx.deleteFrom('evaluation_score').where('evaluation_id', '=', evaluation.id).execute();
    if (scores.length > 0)
      await tx
        .insertInto('evaluation_score')
        .values(
          scores.map((s) => ({ ...s, tenant_id: actor.tenantId, id: newId(), evaluation_id: evaluation.id })),
        )
        .execute();
    await recordAudit(tx, actor, {
      action: submit ? 'call.evaluation_submitted' : 'call.evaluation_saved',
      entityType: 'evaluation',
      entityIds: [evaluation.id, applicationId, call.id],
      // Marks stay out of the trail: it is readable by staff, and drafts are the juror's alone.
      data: { scored: scores.length },
    });
    return { evaluation };
  });
}
