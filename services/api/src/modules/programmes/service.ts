import type { CohortRow, ProgrammeRow, TradeRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  CohortPhase,
  CreateCohortInput,
  CreateProgrammeInput,
  CreateTradeInput,
  Role,
  SchoolLevel,
  UpdateCohortInput,
} from '../../graphql/generated/resolvers.js';
import { isCalendarDay } from '../../graphql/schema.js';
import { decodeKeys, encodeKeys, pageSize, toConnection } from '../../lib/cursor.js';
import { isUuid, newId, uniqueUuids } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import { requireMember } from '../identity/access.js';
import { READERS, WRITERS } from '../people/scope.js';
import { tenantsByIds } from '../tenancy/service.js';

// Reads other modules may call inside their own tenant transaction (loaders, enrollment rules).

export async function tradesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, TradeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('trade')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function programmesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, ProgrammeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('programme')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function cohortsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, CohortRow>> {
  // A malformed id names no cohort (and must not reach PostgreSQL's uuid cast).
  const unique = uniqueUuids(ids);
  if (unique.length === 0) return new Map();
  const rows = await tx.selectFrom('cohort').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The cohort and its programme, with the cohort row locked until the transaction ends: whoever
 * admits or enrolls into it next waits, so its capacity is checked against settled counts.
 */
export async function lockCohort(
  tx: Tx,
  cohortId: string,
): Promise<{ cohort: CohortRow; programme: ProgrammeRow }> {
  const cohort = await tx
    .selectFrom('cohort')
    .selectAll()
    .where('id', '=', cohortId)
    .forUpdate()
    .executeTakeFirst();
  if (!cohort) throw new UserError('NOT_FOUND', 'cohortId');
  const programme = await tx
    .selectFrom('programme')
    .selectAll()
    .where('id', '=', cohort.programme_id)
    .executeTakeFirstOrThrow();
  return { cohort, programme };
}

// ---------------------------------------------------------------------------------------------
// Queries and mutations of the programmes module (GraphQL entry points).
// ---------------------------------------------------------------------------------------------

/**
 * Trades, programmes and cohorts are the centre's catalogue, not personal data: every member may
 * read them, trainees and host artisans included (their schedule shows them).
 */
export const CATALOGUE_READERS: readonly Role[] = [...READERS, 'TRAINEE', 'HOST_ARTISAN'];
/** Who may change the catalogue. */
export const CATALOGUE_WRITERS: readonly Role[] = WRITERS;

const TRADE_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const NAME_MAX = 120;
const LABEL_MAX = 80;
/** Incubator cohorts move one way through these phases. */
const PHASES: readonly CohortPhase[] = ['SELECTION', 'INCUBATION', 'POST_INCUBATION', 'EXITED'];

export async function listTrades(ctx: Context): Promise<TradeRow[]> {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tx.selectFrom('trade').selectAll().orderBy('code').execute(),
  );
}

export async function listProgrammes(
  ctx: Context,
  args: { tradeId?: string | null },
): Promise<ProgrammeRow[]> {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  // An id that is not even a UUID names nothing: an empty list, not a database error.
  if (args.tradeId != null && !isUuid(args.tradeId)) return [];
  return withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tx
      .selectFrom('programme')
      .selectAll()
      .$if(args.tradeId != null, (qb) => qb.where('trade_id', '=', args.tradeId!))
      .orderBy('name_fr')
      .orderBy('id')
      .execute(),
  );
}

/** Programmes of several trades at once (the Trade.programmes loader). */
export async function programmesOfTrades(
  ctx: Context,
  tradeIds: readonly string[],
): Promise<Map<string, ProgrammeRow[]>> {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  const byTrade = new Map<string, ProgrammeRow[]>(tradeIds.map((id) => [id, []]));
  if (tradeIds.length === 0) return byTrade;
  const rows = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tx
      .selectFrom('programme')
      .selectAll()
      .where('trade_id', 'in', [...new Set(tradeIds)])
      .orderBy('name_fr')
      .orderBy('id')
      .execute(),
  );
  for (const row of rows) byTrade.get(row.trade_id)?.push(row);
  return byTrade;
}

/** Trades (or programmes) by id for a loader, under the same access rule as the root queries. */
export async function readTrades(ctx: Context, ids: readonly string[]): Promise<Map<string, TradeRow>> {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => tradesByIds(tx, ids));
}

export async function readProgrammes(
  ctx: Context,
  ids: readonly string[],
): Promise<Map<string, ProgrammeRow>> {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => programmesByIds(tx, ids));
}

export async function getCohort(ctx: Context, id: string): Promise<CohortRow | null> {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  if (!isUuid(id)) return null;
  const cohorts = await withTenant(ctx.deps.db, actor.tenantId, (tx) => cohortsByIds(tx, [id]));
  return cohorts.get(id) ?? null;
}

// Newest start first, so the cursor is the last row's (starts_on, id): unique and in sort order.
const encodeCohortCursor = (row: CohortRow): string => encodeKeys([row.starts_on, row.id]);

function decodeCohortCursor(cursor: string): [string, string] {
  const [startsOn, id] = decodeKeys(cursor, 2) as [string, string];
  if (!isCalendarDay(startsOn)) throw new UserError('INVALID_INPUT', 'after');
  return [startsOn, id];
}

export async function listCohorts(
  ctx: Context,
  args: {
    first?: number | null;
    after?: string | null;
    tradeId?: string | null;
    programmeId?: string | null;
  },
) {
  const actor = await requireMember(ctx, CATALOGUE_READERS);
  const limit = pageSize(args.first);
  const after = args.after ? decodeCohortCursor(args.after) : null;
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  if (
    (args.tradeId != null && !isUuid(args.tradeId)) ||
    (args.programmeId != null && !isUuid(args.programmeId))
  )
    return empty;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('cohort')
      .$if(args.programmeId != null, (qb) => qb.where('programme_id', '=', args.programmeId!))
      .$if(args.tradeId != null, (qb) =>
        qb.where('programme_id', 'in', (eb) =>
          eb.selectFrom('programme').select('programme.id').where('programme.trade_id', '=', args.tradeId!),
        ),
      );
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(after !== null, (qb) =>
          qb.where((eb) => eb(eb.refTuple('starts_on', 'id'), '<', eb.tuple(after![0], after![1]))),
        )
        .orderBy('starts_on', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, total.n, (node) => ({ cursor: encodeCohortCursor(node), node }));
  });
}

/** A required name: trimmed, present, not absurdly long. */
function requiredName(value: string | null | undefined, field: string, max = NAME_MAX): string {
  const name = value?.trim().replace(/\s+/g, ' ') ?? '';
  if (name === '') throw new UserError('REQUIRED', field);
  if (name.length > max) throw new UserError('INVALID_INPUT', field);
  return name;
}

function intBetween(value: number | null | undefined, min: number, max: number, field: string): number {
  if (value == null) throw new UserError('REQUIRED', field);
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError('INVALID_INPUT', field);
  return value;
}

/** True when PostgreSQL refused a write because of the named unique constraint. */
function violates(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

export async function createTrade(ctx: Context, input: CreateTradeInput): Promise<{ trade: TradeRow }> {
  const actor = await requireMember(ctx, CATALOGUE_WRITERS);
  // Codes are identifiers people type ("weaving"): upper-case them rather than refuse.
  const code = input.code.trim().toUpperCase();
  if (code === '') throw new UserError('REQUIRED', 'code');
  if (!TRADE_CODE.test(code)) throw new UserError('INVALID_INPUT', 'code');
  const nameFr = requiredName(input.nameFr, 'nameFr');
  const nameAr = requiredName(input.nameAr, 'nameAr');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const taken = await tx.selectFrom('trade').select('id').where('code', '=', code).executeTakeFirst();
    if (taken) throw new UserError('CODE_TAKEN', 'code');
    const trade = await tx
      .insertInto('trade')
      .values({ tenant_id: actor.tenantId, id: newId(), code, name_fr: nameFr, name_ar: nameAr })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Two directors adding the same code at once: the second gets the same answer as above.
        if (violates(error, 'trade_tenant_id_code_key')) throw new UserError('CODE_TAKEN', 'code');
        throw error;
      });
    await recordAudit(tx, actor, {
      action: 'trade.created',
      entityType: 'trade',
      entityIds: [trade.id],
      data: { code },
    });
    return { trade };
  });
}

function weekdays(value: readonly number[] | null | undefined, fallback: number[], field: string): number[] {
  const days = value ?? fallback;
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7) || new Set(days).size !== days.length)
    throw new UserError('INVALID_INPUT', field);
  return [...days].sort((a, b) => a - b);
}

export async function createProgramme(
  ctx: Context,
  input: CreateProgrammeInput,
): Promise<{ programme: ProgrammeRow }> {
  const actor = await requireMember(ctx, CATALOGUE_WRITERS);
  const nameFr = requiredName(input.nameFr, 'nameFr');
  const nameAr = requiredName(input.nameAr, 'nameAr');
  const durationMonths = intBetween(input.durationMonths, 1, 60, 'durationMonths');
  const share = input.theoryShare ?? 0.2;
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new UserError('INVALID_INPUT', 'theoryShare');
  const theoryWeekdays = weekdays(input.theoryWeekdays, [1], 'theoryWeekdays');
  const practiceWeekdays = weekdays(input.practiceWeekdays, [2, 3, 4, 5], 'practiceWeekdays');
  // The alternation rhythm: a day is in the centre or in the workshop, never both, and an
  // apprenticeship without workshop days is not one.
  if (practiceWeekdays.length === 0) throw new UserError('REQUIRED', 'practiceWeekdays');
  if (practiceWeekdays.some((d) => theoryWeekdays.includes(d)))
    throw new UserError('INVALID_INPUT', 'practiceWeekdays');
  const minAge = intBetween(input.minAge ?? 15, 0, 120, 'minAge');
  const maxAge = intBetween(input.maxAge ?? 30, 0, 120, 'maxAge');
  if (minAge > maxAge) throw new UserError('INVALID_INPUT', 'maxAge');
  if (input.minSchoolLevel != null && !SCHOOL_LEVELS.includes(input.minSchoolLevel))
    throw new UserError('INVALID_INPUT', 'minSchoolLevel');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    if (!isUuid(input.tradeId) || !(await tradesByIds(tx, [input.tradeId])).has(input.tradeId))
      throw new UserError('NOT_FOUND', 'tradeId');
    const programme = await tx
      .insertInto('programme')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        trade_id: input.tradeId,
        name_fr: nameFr,
        name_ar: nameAr,
        duration_months: durationMonths,
        // numeric(3, 2): say the rounding here rather than leave it to the column.
        theory_share: (Math.round(share * 100) / 100).toFixed(2),
        theory_weekdays: theoryWeekdays,
        practice_weekdays: practiceWeekdays,
        min_age: minAge,
        max_age: maxAge,
        min_school_level: input.minSchoolLevel ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'programme.created',
      entityType: 'programme',
      entityIds: [programme.id, programme.trade_id],
    });
    return { programme };
  });
}

/** School levels in increasing order (programme.min_school_level, person.school_level). */
export const SCHOOL_LEVELS: readonly SchoolLevel[] = [
  'NONE',
  'PRIMARY',
  'MIDDLE',
  'SECONDARY',
  'BACCALAUREATE',
  'HIGHER',
];

async function tenantKind(ctx: Context, tenantId: string): Promise<string> {
  return (await tenantsByIds(ctx.deps.db, [tenantId])).get(tenantId)!.kind;
}

/** The cohort fields both createCohort and updateCohort check, once merged with what is stored. */
async function checkCohort(
  tx: Tx,
  cohort: {
    id: string | null;
    programmeId: string;
    label: string;
    startsOn: string;
    endsOn: string;
    capacity: number;
  },
): Promise<void> {
  if (cohort.startsOn >= cohort.endsOn) throw new UserError('INVALID_DATE', 'endsOn');
  intBetween(cohort.capacity, 1, 5000, 'capacity');
  const sameLabel = await tx
    .selectFrom('cohort')
    .select('id')
    .where('programme_id', '=', cohort.programmeId)
    .where('label', '=', cohort.label)
    .$if(cohort.id !== null, (qb) => qb.where('id', '<>', cohort.id!))
    .executeTakeFirst();
  if (sameLabel) throw new UserError('LABEL_TAKEN', 'label');
}

function checkDay(value: string, field: string): string {
  // The Date scalar already refuses non-days; this guards callers that are not GraphQL.
  if (!isCalendarDay(value)) throw new UserError('INVALID_DATE', field);
  return value;
}

const labelTaken = (error: unknown) =>
  violates(error, 'cohort_tenant_id_programme_id_label_key') ? new UserError('LABEL_TAKEN', 'label') : error;

export async function createCohort(ctx: Context, input: CreateCohortInput): Promise<{ cohort: CohortRow }> {
  const actor = await requireMember(ctx, CATALOGUE_WRITERS);
  const label = requiredName(input.label, 'label', LABEL_MAX);
  const startsOn = checkDay(input.startsOn, 'startsOn');
  const endsOn = checkDay(input.endsOn, 'endsOn');
  // Phases belong to incubators; a craft centre's cohort has none.
  const incubator = (await tenantKind(ctx, actor.tenantId)) === 'INCUBATOR';
  if (input.phase != null && !incubator) throw new UserError('INVALID_INPUT', 'phase');
  if (input.phase != null && !PHASES.includes(input.phase)) throw new UserError('INVALID_INPUT', 'phase');
  const phase = incubator ? (input.phase ?? 'SELECTION') : null;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    if (
      !isUuid(input.programmeId) ||
      !(await programmesByIds(tx, [input.programmeId])).has(input.programmeId)
    )
      throw new UserError('NOT_FOUND', 'programmeId');
    await checkCohort(tx, {
      id: null,
      programmeId: input.programmeId,
      label,
      startsOn,
      endsOn,
      capacity: input.capacity,
    });
    const cohort = await tx
      .insertInto('cohort')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        programme_id: input.programmeId,
        label,
        starts_on: startsOn,
        ends_on: endsOn,
        capacity: input.capacity,
        phase,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw labelTaken(error);
      });
    await recordAudit(tx, actor, {
      action: 'cohort.created',
      entityType: 'cohort',
      entityIds: [cohort.id, cohort.programme_id],
    });
    return { cohort };
  });
}

export async function updateCohort(ctx: Context, input: UpdateCohortInput): Promise<{ cohort: CohortRow }> {
  const actor = await requireMember(ctx, CATALOGUE_WRITERS);
  const incubator = (await tenantKind(ctx, actor.tenantId)) === 'INCUBATOR';
  if (input.phase != null && !incubator) throw new UserError('INVALID_INPUT', 'phase');
  if (input.phase != null && !PHASES.includes(input.phase)) throw new UserError('INVALID_INPUT', 'phase');
  const label = input.label == null ? null : requiredName(input.label, 'label', LABEL_MAX);
  if (input.startsOn != null) checkDay(input.startsOn, 'startsOn');
  if (input.endsOn != null) checkDay(input.endsOn, 'endsOn');
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Locked like lockCohort does: an admission waiting on this row sees the new capacity, and
    // this check sees every admission that committed before it.
    const current = await tx
      .selectFrom('cohort')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new UserError('NOT_FOUND', 'id');
    const next = {
      label: label ?? current.label,
      starts_on: input.startsOn ?? current.starts_on,
      ends_on: input.endsOn ?? current.ends_on,
      capacity: input.capacity ?? current.capacity,
      phase: (input.phase ?? current.phase) as CohortPhase | null,
    };
    await checkCohort(tx, {
      id: current.id,
      programmeId: current.programme_id,
      label: next.label,
      startsOn: next.starts_on,
      endsOn: next.ends_on,
      capacity: next.capacity,
    });
    if (input.capacity != null && input.capacity < current.capacity) {
      // Places already taken (admitted or enrolled) cannot be taken back by shrinking the cohort.
      const taken = await tx
        .selectFrom('enrollment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', current.id)
        .where('status', 'in', ['ADMITTED', 'ENROLLED'])
        .executeTakeFirstOrThrow();
      if (input.capacity < taken.n) throw new UserError('COHORT_FULL', 'capacity');
    }
    if (input.phase != null && current.phase !== null) {
      // Phases only move forward (steps may be skipped, e.g. a cohort that exits early).
      if (PHASES.indexOf(input.phase) < PHASES.indexOf(current.phase as CohortPhase))
        throw new UserError('ILLEGAL_TRANSITION', 'phase');
    }
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return { cohort: current };
    const cohort = await tx
      .updateTable('cohort')
      .set(next)
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw labelTaken(error);
      });
    await recordAudit(tx, actor, {
      action: 'cohort.updated',
      entityType: 'cohort',
      entityIds: [cohort.id],
      data: { changed, ...(changed.includes('phase') ? { from: current.phase, to: cohort.phase } : {}) },
    });
    return { cohort };
  });
}
