import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type {
  ApplicationDocumentRow,
  ApplicationRow,
  CallCategoryRow,
  CallCriterionRow,
  CallJurorRow,
  CallRow,
  EvaluationRow,
  JurorConflictRow,
  PersonRow,
  VentureRow,
} from '../../db/rows.js';
import type { DB } from '../../db/tables.generated.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { CallStatus } from '../../graphql/generated/resolvers.js';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../lib/cursor.js';
import { groupBy } from '../../lib/group-by.js';
import { isUuid, uniqueUuids } from '../../lib/ids.js';
import type { Actor } from '../identity/access.js';
import { inTenant } from '../identity/access.js';
import { fullName, peopleByIds, peopleVisibleTo } from '../people/service.js';
import { cohortsByIds } from '../programmes/service.js';
import { venturesByIds } from '../ventures/service.js';
import { callsByIds, isStaff, seatsOf, viewApplication, viewCall } from './core.js';
import { weightedScore } from './rank.js';

// The root queries and the batch reads behind the loaders (one statement per level). Staff see
// every call; anyone else only the calls they sit on the jury of, and there no withdrawn
// application. Scores obey the independence rule: see evaluationsOf.

const STATUSES: readonly CallStatus[] = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'];

/** A call the actor may see: any for staff, else one they sit on. */
function visibleCall(eb: ExpressionBuilder<DB, 'call'>, actor: Actor): Expression<SqlBool> {
  if (isStaff(actor)) return eb.lit(true);
  return eb.exists(
    eb
      .selectFrom('call_juror as seat')
      .select('seat.id')
      .whereRef('seat.tenant_id', '=', 'call.tenant_id')
      .whereRef('seat.call_id', '=', 'call.id')
      .where('seat.user_id', '=', actor.userId),
  );
}

/** Newest first (ids are UUIDv7: id order is creation order). */
export function listCalls(
  ctx: Context,
  args: { status?: CallStatus | null; first?: number | null; after?: string | null },
) {
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  if (args.status && !STATUSES.includes(args.status)) throw new UserError('INVALID_INPUT', 'status');
  return inTenant(ctx, async (tx, actor) => {
    const filtered = tx
      .selectFrom('call')
      .where((eb) => visibleCall(eb, actor))
      .$if(Boolean(args.status), (qb) => qb.where('status', '=', args.status!));
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(afterId !== null, (qb) => qb.where('id', '<', afterId!))
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, Number(total.n), (node) => ({ cursor: encodeCursor(node.id), node }));
  });
}

/** One call, or null when there is none or the caller may not see it (no hint which). */
export function getCall(ctx: Context, id: string): Promise<CallRow | null> {
  return inTenant(ctx, async (tx, actor) => {
    if (!isUuid(id)) return null;
    const row = await tx
      .selectFrom('call')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => visibleCall(eb, actor))
      .executeTakeFirst();
    return row ?? null;
  });
}

/** In the order they came in. A juror does not see withdrawn ones. */
export function listApplications(
  ctx: Context,
  args: { callId: string; categoryId?: string | null; first?: number | null; after?: string | null },
) {
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  if (args.categoryId && !isUuid(args.categoryId)) throw new UserError('NOT_FOUND', 'categoryId');
  return inTenant(ctx, async (tx, actor) => {
    const { call, staff } = await viewCall(tx, actor, args.callId, 'callId');
    const filtered = tx
      .selectFrom('application')
      .where('call_id', '=', call.id)
      .$if(Boolean(args.categoryId), (qb) => qb.where('category_id', '=', args.categoryId!))
      .$if(!staff, (qb) => qb.where('status', '<>', 'WITHDRAWN'));
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(afterId !== null, (qb) => qb.where('id', '>', afterId!))
        .orderBy('id')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, Number(total.n), (node) => ({ cursor: encodeCursor(node.id), node }));
  });
}

export function getApplication(ctx: Context, id: string): Promise<ApplicationRow | null> {
  return inTenant(ctx, async (tx, actor) => {
    try {
      return (await viewApplication(tx, actor, id, 'id')).application;
    } catch (error) {
      if (error instanceof UserError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Batch reads for the loaders: the rows passed in were already shown to the caller.
// ---------------------------------------------------------------------------------------------

export const readCalls = (ctx: Context, ids: readonly string[]) => inTenant(ctx, (tx) => callsByIds(tx, ids));

export const readCohorts = (ctx: Context, ids: readonly string[]) =>
  inTenant(ctx, (tx) => cohortsByIds(tx, ids));

/** The tables that hang off a call, each with the order its rows are shown in. */
const CALL_PARTS = {
  call_category: 'position',
  call_criterion: 'position',
  call_juror: 'created_at',
} as const;
type CallPart = keyof typeof CALL_PARTS;
interface CallPartRows {
  call_category: CallCategoryRow;
  call_criterion: CallCriterionRow;
  call_juror: CallJurorRow;
}

/** A call's categories, criteria or jurors, by call, in their order (then id, for ties). */
function partsOfCalls<T extends CallPart>(ctx: Context, table: T, callIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(callIds);
    if (ids.length === 0) return new Map<string, CallPartRows[T][]>();
    const rows = await tx
      .selectFrom(table as CallPart)
      .selectAll()
      .where('call_id', 'in', ids)
      .orderBy(sql.ref(CALL_PARTS[table]))
      .orderBy('id')
      .execute();
    return groupBy(rows as CallPartRows[T][], (r) => r.call_id);
  });
}

/** Categories or jurors already shown, by id. */
function partsByIds<T extends CallPart>(ctx: Context, table: T, ids: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const wanted = uniqueUuids(ids);
    if (wanted.length === 0) return new Map<string, CallPartRows[T]>();
    const rows = (await tx
      .selectFrom(table as CallPart)
      .selectAll()
      .where('id', 'in', wanted)
      .execute()) as CallPartRows[T][];
    return new Map(rows.map((r) => [r.id, r]));
  });
}

export const categoriesOfCalls = (ctx: Context, callIds: readonly string[]) =>
  partsOfCalls(ctx, 'call_category', callIds);
export const criteriaOfCalls = (ctx: Context, callIds: readonly string[]) =>
  partsOfCalls(ctx, 'call_criterion', callIds);
export const jurorsOfCalls = (ctx: Context, callIds: readonly string[]) =>
  partsOfCalls(ctx, 'call_juror', callIds);
export const categoriesByIds = (ctx: Context, ids: readonly string[]) =>
  partsByIds(ctx, 'call_category', ids);
export const jurorsByIds = (ctx: Context, ids: readonly string[]) => partsByIds(ctx, 'call_juror', ids);

export const mySeats = (ctx: Context, callIds: readonly string[]) =>
  inTenant(ctx, (tx, actor) => seatsOf(tx, actor.userId, callIds));

/** Applications that are not withdrawn, per call or per category. */
export function applicationCounts(ctx: Context, ids: readonly string[], by: 'call_id' | 'category_id') {
  return inTenant(ctx, async (tx) => {
    const wanted = uniqueUuids(ids);
    const counts = new Map<string, number>();
    if (wanted.length === 0) return counts;
    const rows = await tx
      .selectFrom('application')
      .select((eb) => [sql.ref<string>(by).as('key'), eb.fn.countAll<string>().as('n')])
      .where(by, 'in', wanted)
      .where('status', '<>', 'WITHDRAWN')
      .groupBy(by)
      .execute();
    for (const r of rows) counts.set(r.key, Number(r.n));
    return counts;
  });
}

export interface JurorCounts {
  submitted: number;
  conflicts: number;
  pending: number;
}

/** Per juror, over the call's applications that are not withdrawn. */
export function jurorCounts(ctx: Context, jurorIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(jurorIds);
    const counts = new Map<string, JurorCounts>();
    if (ids.length === 0) return counts;
    const { rows } = await sql<{ id: string; applications: string; submitted: string; conflicts: string }>`
      select j.id,
             count(a.id) as applications,
             count(a.id) filter (where e.submitted_at is not null) as submitted,
             count(a.id) filter (where c.id is not null) as conflicts
        from call_juror j
        left join application a
          on a.tenant_id = j.tenant_id and a.call_id = j.call_id and a.status <> 'WITHDRAWN'
        left join evaluation e
          on e.tenant_id = a.tenant_id and e.application_id = a.id and e.juror_id = j.id
        left join juror_conflict c
          on c.tenant_id = a.tenant_id and c.application_id = a.id and c.juror_id = j.id
       where j.id in (${sql.join(ids)})
       group by j.id`.execute(tx);
    for (const r of rows) {
      const submitted = Number(r.submitted);
      const conflicts = Number(r.conflicts);
      counts.set(r.id, { submitted, conflicts, pending: Number(r.applications) - submitted - conflicts });
    }
    return counts;
  });
}

/**
 * Applicants for the Person field: staff see the person records (through people's own rule); a
 * juror judges the application, not the file, and gets no person record (name through
 * applicantName).
 */
export const readPeople = (ctx: Context, ids: readonly string[]) =>
  inTenant(ctx, (tx, actor) =>
    isStaff(actor) ? peopleVisibleTo(tx, actor, ids) : Promise.resolve(new Map<string, PersonRow>()),
  );

export const readVentures = (ctx: Context, ids: readonly string[]): Promise<Map<string, VentureRow>> =>
  inTenant(ctx, (tx) => venturesByIds(tx, ids));

/** The person's full name or the venture's name, for applications already shown. */
export function applicantNames(ctx: Context, applications: readonly ApplicationRow[]) {
  return inTenant(ctx, async (tx) => {
    const personIds = applications.flatMap((a) => (a.person_id ? [a.person_id] : []));
    const ventureIds = applications.flatMap((a) => (a.venture_id ? [a.venture_id] : []));
    const [people, ventures] = await Promise.all([peopleByIds(tx, personIds), venturesByIds(tx, ventureIds)]);
    const names = new Map<string, string>();
    for (const a of applications) {
      const person = a.person_id ? people.get(a.person_id) : undefined;
      const venture = a.venture_id ? ventures.get(a.venture_id) : undefined;
      names.set(a.id, person ? fullName(person) : (venture?.name ?? ''));
    }
    return names;
  });
}

export type DocumentMeta = Omit<ApplicationDocumentRow, 'content'>;

/** Without their content: that comes one at a time, through applicationDocument. */
export function documentsOf(ctx: Context, applicationIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(applicationIds);
    if (ids.length === 0) return new Map<string, DocumentMeta[]>();
    const rows = await tx
      .selectFrom('application_document')
      .select([
        'tenant_id',
        'id',
        'application_id',
        'kind',
        'file_name',
        'content_type',
        'size_bytes',
        'sha256',
        'created_at',
      ])
      .where('application_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return groupBy(rows, (r) => r.application_id);
  });
}

/** The caller's own evaluation of each application (their draft included). */
export function myEvaluations(ctx: Context, applicationIds: readonly string[]) {
  return inTenant(ctx, async (tx, actor) => {
    const ids = uniqueUuids(applicationIds);
    if (ids.length === 0) return new Map<string, EvaluationRow>();
    const rows = await tx
      .selectFrom('evaluation as e')
      .innerJoin('call_juror as j', (join) =>
        join.onRef('j.tenant_id', '=', 'e.tenant_id').onRef('j.id', '=', 'e.juror_id'),
      )
      .selectAll('e')
      .where('e.application_id', 'in', ids)
      .where('j.user_id', '=', actor.userId)
      .execute();
    return new Map(rows.map((r) => [r.application_id, r]));
  });
}

/** Conflicts: staff see every one; a juror only their own. */
export function conflictsOf(ctx: Context, applicationIds: readonly string[], mineOnly: boolean) {
  return inTenant(ctx, async (tx, actor) => {
    const ids = uniqueUuids(applicationIds);
    if (ids.length === 0) return new Map<string, JurorConflictRow[]>();
    const rows = await tx
      .selectFrom('juror_conflict as c')
      .innerJoin('call_juror as j', (join) =>
        join.onRef('j.tenant_id', '=', 'c.tenant_id').onRef('j.id', '=', 'c.juror_id'),
      )
      .selectAll('c')
      .where('c.application_id', 'in', ids)
      .$if(mineOnly || !isStaff(actor), (qb) => qb.where('j.user_id', '=', actor.userId))
      .orderBy('c.declared_at')
      .orderBy('c.id')
      .execute();
    return groupBy(rows, (r) => r.application_id);
  });
}

/**
 * Submitted evaluations, under the independence rule: on a call where the caller sits on the
 * jury (staff or not), they see the others' evaluations of an application only once their own is
 * submitted; staff who do not sit on it see every submitted one. Drafts are only ever read by
 * their author, through myEvaluation.
 */
export function evaluationsOf(ctx: Context, applications: readonly ApplicationRow[]) {
  return inTenant(ctx, async (tx, actor) => {
    const ids = uniqueUuids(applications.map((a) => a.id));
    const visible = new Map<string, EvaluationRow[]>();
    if (ids.length === 0) return visible;
    const [rows, seats] = await Promise.all([
      tx
        .selectFrom('evaluation')
        .selectAll()
        .where('application_id', 'in', ids)
        .where('submitted_at', 'is not', null)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute(),
      seatsOf(
        tx,
        actor.userId,
        applications.map((a) => a.call_id),
      ),
    ]);
    const byApplication = groupBy(rows, (r) => r.application_id);
    const staff = isStaff(actor);
    for (const application of applications) {
      const submitted = byApplication.get(application.id) ?? [];
      const seat = seats.get(application.call_id);
      const allowed = seat ? submitted.some((e) => e.juror_id === seat.id) : staff;
      visible.set(application.id, allowed ? submitted : []);
    }
    return visible;
  });
}

export interface ScoreView {
  criterion: CallCriterionRow;
  value: number;
}

/** Marks of evaluations already shown, in the criteria's order, and the weighted score when complete. */
export function scoresOf(ctx: Context, evaluationIds: readonly string[]) {
  return inTenant(ctx, async (tx) => {
    const ids = uniqueUuids(evaluationIds);
    const result = new Map<string, { scores: ScoreView[]; weighted: number | null }>();
    if (ids.length === 0) return result;
    const [marks, totals] = await Promise.all([
      tx
        .selectFrom('evaluation_score as s')
        .innerJoin('call_criterion as c', (join) =>
          join.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.criterion_id'),
        )
        .selectAll('c')
        .select(['s.evaluation_id', 's.value'])
        .where('s.evaluation_id', 'in', ids)
        .orderBy('c.position')
        .orderBy('c.id')
        .execute(),
      sql<{ id: string; criteria: string }>`
        select e.id, count(c.id) as criteria
          from evaluation e
          join application a on a.tenant_id = e.tenant_id and a.id = e.application_id
          join call_criterion c on c.tenant_id = a.tenant_id and c.call_id = a.call_id
         where e.id in (${sql.join(ids)})
         group by e.id`.execute(tx),
    ]);
    const criteriaCount = new Map(totals.rows.map((r) => [r.id, Number(r.criteria)]));
    for (const { evaluation_id, value, ...criterion } of marks) {
      const entry = result.get(evaluation_id) ?? { scores: [], weighted: null };
      entry.scores.push({ criterion, value: Number(value) });
      result.set(evaluation_id, entry);
    }
    for (const [id, entry] of result) {
      if (entry.scores.length === criteriaCount.get(id))
        entry.weighted = weightedScore(
          entry.scores.map((s) => ({ weight: Number(s.criterion.weight), value: s.value })),
        );
    }
    return result;
  });
}
