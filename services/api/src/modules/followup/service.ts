import { type ExpressionBuilder, sql } from 'kysely';
import type { OutcomeRow } from '../../db/rows.js';
import type { DB } from '../../db/tables.generated.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  FollowUpState,
  RecordOutcomeInput,
  SendFollowUpLinkInput,
} from '../../graphql/generated/resolvers.js';
import { type Connection, decodeKeys, encodeKeys, pageSize, toConnection } from '../../lib/cursor.js';
import { isUuid } from '../../lib/ids.js';
import { addDays } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { graduationsByIds } from '../graduation/standing.js';
import { requireMember } from '../identity/access.js';
import { peopleByIds, tenantToday } from '../people/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { sendLink } from './link.js';
import { READERS, WRITERS } from './reads.js';
import { checkAnswer } from './validate.js';
import { DUE_DAYS } from './waves.js';

const DEFAULT_STATES: readonly FollowUpState[] = ['DUE', 'OVERDUE'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The waves in any of `states` on `today` (the same rule as stateOf, in SQL; the last case is OVERDUE). */
function inStates(eb: ExpressionBuilder<DB, 'outcome'>, states: readonly FollowUpState[], today: string) {
  const overdueFrom = addDays(today, -DUE_DAYS);
  const open = eb('outcome.status', 'is', null);
  return eb.or(
    states.map((state) => {
      switch (state) {
        case 'RECORDED':
          return eb('outcome.status', 'is not', null);
        case 'UPCOMING':
          return eb.and([open, eb('outcome.due_on', '>', today)]);
        case 'DUE':
          return eb.and([open, eb('outcome.due_on', '<=', today), eb('outcome.due_on', '>', overdueFrom)]);
        default:
          return eb.and([open, eb('outcome.due_on', '<=', overdueFrom)]);
      }
    }),
  );
}

/** The work list: DUE and OVERDUE waves unless told, the oldest due first. */
export async function listFollowUps(
  ctx: Context,
  args: {
    states?: readonly FollowUpState[] | null;
    cohortId?: string | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<OutcomeRow>> {
  const actor = await requireMember(ctx, READERS);
  const limit = pageSize(args.first);
  const states = args.states?.length ? [...new Set(args.states)] : DEFAULT_STATES;
  const after = args.after ? decodeKeys(args.after, 2) : null;
  if (after && !DAY.test(after[0]!)) throw new UserError('INVALID_INPUT', 'after');
  if (args.cohortId != null && !isUuid(args.cohortId)) throw new UserError('INVALID_INPUT', 'cohortId');
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('outcome')
      .where((eb) => inStates(eb, states, today))
      // The cohort is the graduation's enrollment's: a read-only look at those modules' tables.
      .$if(args.cohortId != null, (qb) =>
        qb.where(
          'outcome.graduation_id',
          'in',
          sql<string>`(select g.id from graduation g
                         join enrollment e on e.tenant_id = g.tenant_id and e.id = g.enrollment_id
                        where e.cohort_id = ${args.cohortId})`,
        ),
      );
    const [rows, total] = await Promise.all([
      filtered
        .selectAll('outcome')
        .$if(after !== null, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('outcome.due_on', '>', after![0]!),
              eb.and([eb('outcome.due_on', '=', after![0]!), eb('outcome.id', '>', after![1]!)]),
            ]),
          ),
        )
        .orderBy('outcome.due_on')
        .orderBy('outcome.id')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, Number(total.n), (node) => ({
      cursor: encodeKeys([node.due_on, node.id]),
      node,
    }));
  });
}

/** The wave, locked for the change; NOT_FOUND (on `field`) when the tenant has none with that id. */
async function lockOutcome(tx: Tx, id: string, field: string): Promise<OutcomeRow> {
  if (!isUuid(id)) throw new UserError('NOT_FOUND', field);
  const outcome = await tx
    .selectFrom('outcome')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!outcome) throw new UserError('NOT_FOUND', field);
  return outcome;
}

/** What the audit trail keeps of an answer (the old one, when it is corrected). */
export const answerOf = (o: OutcomeRow) =>
  o.status === null
    ? null
    : {
        status: o.status,
        organisation: o.organisation,
        outcomeOn: o.outcome_on,
        surveyedOn: o.surveyed_on,
        notes: o.notes,
        source: o.source,
        recordedBy: o.recorded_by,
      };

/**
 * Staff record a wave after a call, or correct an earlier answer (theirs or the graduate's). A
 * link still out stops working: the wave is answered.
 */
export async function recordOutcome(
  ctx: Context,
  input: RecordOutcomeInput,
): Promise<{ outcome: OutcomeRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockOutcome(tx, input.outcomeId, 'outcomeId');
    const graduation = (await graduationsByIds(tx, [current.graduation_id])).get(current.graduation_id)!;
    const answer = checkAnswer(input, today, graduation.graduated_on);
    const outcome = await tx
      .updateTable('outcome')
      .set({
        ...answer,
        source: 'STAFF',
        recorded_by: actor.userId,
        recorded_at: sql<Date>`now()`,
        link_secret_hash: null,
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: current.status === null ? 'outcome.recorded' : 'outcome.corrected',
      entityType: 'outcome',
      entityIds: [outcome.id],
      data: {
        months: outcome.months_after_graduation,
        from: answerOf(current),
        to: answerOf(outcome),
      },
    });
    return { outcome };
  });
}

/** Texts the graduate a new one-time link for an unanswered wave; the previous link stops working. */
export async function sendFollowUpLink(
  ctx: Context,
  input: SendFollowUpLinkInput,
): Promise<{ outcome: OutcomeRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const tenant = (await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockOutcome(tx, input.outcomeId, 'outcomeId');
    if (current.status !== null) throw new UserError('ALREADY_ANSWERED', 'outcomeId');
    const person = (await peopleByIds(tx, [current.person_id])).get(current.person_id);
    if (!person?.phone) throw new UserError('NO_PHONE', 'outcomeId');
    const outcome = await sendLink(tx, tenant, current, person.phone, ctx.deps.config.publicUrl);
    await recordAudit(tx, actor, {
      action: 'outcome.link_sent',
      entityType: 'outcome',
      entityIds: [outcome.id],
      data: { months: outcome.months_after_graduation, replacedEarlierLink: current.link_sent_at !== null },
    });
    return { outcome };
  });
}
