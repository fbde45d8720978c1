import { sql } from 'kysely';
import type { ApplicationRow, CallCategoryRow, CallRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { inTenant } from '../identity/access.js';
import { viewCall } from './core.js';
import { type RankedEntry, type Ranking, rank, type SubmittedEvaluation } from './rank.js';

// The ranking of a call in a fixed number of statements, whatever its size: categories,
// applications, every submitted mark (and, for a juror, what they submitted or declined).

export interface CallRankingResult {
  call: CallRow;
  categories: {
    category: CallCategoryRow;
    entries: (Omit<RankedEntry, 'applicationId' | 'categoryId'> & { application: ApplicationRow })[];
    unscored: number;
  }[];
}

export interface ComputedRanking {
  categories: CallCategoryRow[];
  applications: Map<string, ApplicationRow>;
  ranking: Ranking;
}

/** Ranks every application of the call that is not withdrawn, on its submitted evaluations. */
export async function computeRanking(tx: Tx, callId: string): Promise<ComputedRanking> {
  const [categories, applications, marks] = await Promise.all([
    tx
      .selectFrom('call_category')
      .selectAll()
      .where('call_id', '=', callId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    tx
      .selectFrom('application')
      .selectAll()
      .where('call_id', '=', callId)
      .where('status', '<>', 'WITHDRAWN')
      .execute(),
    sql<{ application_id: string; juror_id: string; evaluation_id: string; weight: string; value: string }>`
      select e.application_id, e.juror_id, e.id as evaluation_id, c.weight, s.value
        from evaluation e
        join application a on a.tenant_id = e.tenant_id and a.id = e.application_id
        join evaluation_score s on s.tenant_id = e.tenant_id and s.evaluation_id = e.id
        join call_criterion c on c.tenant_id = s.tenant_id and c.id = s.criterion_id
       where a.call_id = ${callId}
         and a.status <> 'WITHDRAWN'
         and e.submitted_at is not null`.execute(tx),
  ]);
  const evaluations = new Map<string, SubmittedEvaluation & { marks: { weight: number; value: number }[] }>();
  for (const m of marks.rows) {
    let evaluation = evaluations.get(m.evaluation_id);
    if (!evaluation) {
      evaluation = { applicationId: m.application_id, jurorId: m.juror_id, marks: [] };
      evaluations.set(m.evaluation_id, evaluation);
    }
    evaluation.marks.push({ weight: Number(m.weight), value: Number(m.value) });
  }
  const ranking = rank(
    applications.map((a) => ({
      id: a.id,
      categoryId: a.category_id,
      submittedOn: a.submitted_on,
      createdAt: a.created_at.getTime(),
    })),
    [...evaluations.values()],
    new Map(categories.map((c) => [c.id, c.places])),
  );
  return { categories, applications: new Map(applications.map((a) => [a.id, a])), ranking };
}

/**
 * The ranked shortlist. Ranks are computed over every application; a juror is then shown only
 * the applications they have submitted an evaluation of, or declared a conflict on, so the
 * ranking never tells them how the others marked one they still have to score.
 */
export function callRanking(ctx: Context, callId: string): Promise<CallRankingResult> {
  return inTenant(ctx, async (tx, actor) => {
    const { call, staff, seat } = await viewCall(tx, actor, callId, 'callId');
    const [computed, shown] = await Promise.all([
      computeRanking(tx, call.id),
      seat ? seenBy(tx, seat.id) : Promise.resolve(null),
    ]);
    // Staff who also sit on this jury are held to the juror's rule on it.
    const visible = (applicationId: string) => (shown === null ? staff : shown.has(applicationId));
    return {
      call,
      categories: computed.categories.map((category) => ({
        category,
        entries: computed.ranking.entries
          .filter((e) => e.categoryId === category.id && visible(e.applicationId))
          .map(({ applicationId, categoryId: _, ...entry }) => ({
            ...entry,
            application: computed.applications.get(applicationId)!,
          })),
        unscored: computed.ranking.unscored.get(category.id) ?? 0,
      })),
    };
  });
}

/** Applications a juror has submitted an evaluation of or declared a conflict on. */
async function seenBy(tx: Tx, jurorId: string): Promise<Set<string>> {
  const { rows } = await sql<{ application_id: string }>`
    select application_id from evaluation where juror_id = ${jurorId} and submitted_at is not null
    union
    select application_id from juror_conflict where juror_id = ${jurorId}`.execute(tx);
  return new Set(rows.map((r) => r.application_id));
}
