import type { Expression, ExpressionBuilder, SqlBool, Updateable } from 'kysely';
import type { CoachingSessionRow, PersonRow, VentureRow } from '../../db/rows.js';
import type { DB } from '../../db/tables.generated.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  CreateVentureInput,
  FormaliseVentureInput,
  LogCoachingSessionInput,
  MoveVentureInput,
  RecordFundingInput,
  RecordJobsInput,
  RecordSurvivalCheckInput,
  Role,
  UpdateVentureInput,
  VenturePhase,
} from '../../graphql/generated/resolvers.js';
import { decodeKeys, encodeKeys, pageSize, toConnection } from '../../lib/cursor.js';
import { isUuid, newId, uniqueUuids } from '../../lib/ids.js';
import { foundIn } from '../../lib/like.js';
import { addMonths } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { peopleByIds, tenantToday } from '../people/service.js';
import { cohortsByIds } from '../programmes/service.js';
import {
  COACH_ROLES,
  isVentureWriter,
  SESSION_LOGGERS,
  VENTURE_READERS,
  VENTURE_WRITERS,
  ventureScope,
  ventureVisible,
} from './access.js';
import {
  FUNDING_KINDS,
  isLegalMove,
  LEGAL_FORMS,
  MAX_AMOUNT_MAD,
  MAX_FOUNDERS,
  MAX_JOBS,
  MAX_MINUTES,
  MIN_MINUTES,
  PHASES,
  Problems,
  SURVIVAL_YEARS,
} from './validate.js';

// ---------------------------------------------------------------------------------------------
// Functions other modules call inside their own tenant transaction
// ---------------------------------------------------------------------------------------------

/**
 * Ventures by id inside the caller's tenant transaction (for other modules, e.g. an application's
 * venture). No access check: the caller has already decided the reader may see them.
 */
export async function venturesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, VentureRow>> {
  const unique = uniqueUuids(ids);
  if (unique.length === 0) return new Map();
  const rows = await tx.selectFrom('venture').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Ventures by id as the actor may see them (a coach: only the ones they coach). */
export async function venturesVisibleTo(
  tx: Tx,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, VentureRow>> {
  const unique = uniqueUuids(ids);
  if (unique.length === 0) return new Map();
  const scope = ventureScope(actor);
  const rows = await tx
    .selectFrom('venture')
    .selectAll()
    .where('id', 'in', unique)
    .where((eb) => ventureVisible(eb, scope))
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The venture's lead founder (e.g. whose age a call's age band applies to), or null if none. */
export async function leadFounderOf(tx: Tx, ventureId: string): Promise<PersonRow | null> {
  const row = await tx
    .selectFrom('venture_founder')
    .select('person_id')
    .where('venture_id', '=', ventureId)
    .orderBy('is_lead', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return (await peopleByIds(tx, [row.person_id])).get(row.person_id) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** One search word found in the venture's name or sector, or in a founder's name. */
function matchesWord(eb: ExpressionBuilder<DB, 'venture'>, word: string): Expression<SqlBool> {
  return eb.or([
    foundIn(eb.ref('venture.name'), word),
    foundIn(eb.ref('venture.sector'), word),
    eb.exists(
      eb
        .selectFrom('venture_founder as sf')
        .innerJoin('person as sp', (join) =>
          join.onRef('sp.tenant_id', '=', 'sf.tenant_id').onRef('sp.id', '=', 'sf.person_id'),
        )
        .select('sf.id')
        .whereRef('sf.tenant_id', '=', 'venture.tenant_id')
        .whereRef('sf.venture_id', '=', 'venture.id')
        .where((founder) => foundIn(founder.ref('sp.search_text'), word)),
    ),
  ]);
}

/** By name (then id); staff see every venture, a coach only the ones they coach. */
export async function listVentures(
  ctx: Context,
  args: {
    cohortId?: string | null;
    phase?: VenturePhase | null;
    search?: string | null;
    first?: number | null;
    after?: string | null;
  },
) {
  const actor = await requireMember(ctx, VENTURE_READERS);
  const scope = ventureScope(actor);
  const limit = pageSize(args.first);
  const after = args.after ? (decodeKeys(args.after, 2) as [string, string]) : null;
  if (args.cohortId != null && !isUuid(args.cohortId)) throw new UserError('INVALID_INPUT', 'cohortId');
  if (args.phase != null && !PHASES.includes(args.phase)) throw new UserError('INVALID_INPUT', 'phase');
  const words = (args.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.some((w) => w.length > 80)) throw new UserError('INVALID_INPUT', 'search');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('venture')
      .where((eb) => ventureVisible(eb, scope))
      .$if(args.cohortId != null, (qb) => qb.where('venture.cohort_id', '=', args.cohortId!))
      .$if(args.phase != null, (qb) => qb.where('venture.phase', '=', args.phase!))
      .where((eb) => eb.and(words.map((word) => matchesWord(eb, word))));
    const [rows, total] = await Promise.all([
      filtered
        .selectAll('venture')
        .$if(after !== null, (qb) =>
          qb.where((eb) =>
            eb(eb.refTuple('venture.name', 'venture.id'), '>', eb.tuple(after![0], after![1])),
          ),
        )
        .orderBy('venture.name')
        .orderBy('venture.id')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, Number(total.n), (node) => ({
      cursor: encodeKeys([node.name, node.id]),
      node,
    }));
  });
}

/** One venture, or null when there is none or the caller may not see it (no hint which). */
export async function getVenture(ctx: Context, id: string): Promise<VentureRow | null> {
  const actor = await requireMember(ctx, VENTURE_READERS);
  if (!isUuid(id)) return null;
  return withTenant(
    ctx.deps.db,
    actor.tenantId,
    async (tx) => (await venturesVisibleTo(tx, actor, [id])).get(id) ?? null,
  );
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/** The venture, locked until the transaction ends: changes to one venture queue behind each other. */
async function lockVenture(tx: Tx, id: string, field: string): Promise<VentureRow> {
  if (!isUuid(id)) throw new UserError('NOT_FOUND', field);
  const venture = await tx
    .selectFrom('venture')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!venture) throw new UserError('NOT_FOUND', field);
  return venture;
}

/**
 * Where every mutation starts: the caller in one of `roles`, the centre's today (the days of the
 * input are checked against it) and an empty list of problems.
 */
async function beginWrite(ctx: Context, roles: readonly Role[]) {
  const actor = await requireMember(ctx, roles);
  return { actor, today: await tenantToday(ctx, actor.tenantId), p: new Problems() };
}

/** One step of a venture's history: who moved it, from which phase to which, on which day. */
async function recordPhase(
  tx: Tx,
  actor: Actor,
  ventureId: string,
  from: VenturePhase | null,
  to: VenturePhase,
  onDate: string,
  reason: string | null,
): Promise<void> {
  await tx
    .insertInto('venture_event')
    .values({
      tenant_id: actor.tenantId,
      id: newId(),
      venture_id: ventureId,
      from_phase: from,
      to_phase: to,
      on_date: onDate,
      reason,
      actor_user_id: actor.userId,
    })
    .execute();
}

/** A coach must be a member of the centre who coaches (or staff who do it themselves). */
async function isCoach(tx: Tx, userId: string): Promise<boolean> {
  const found = await tx
    .selectFrom('membership')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', 'in', COACH_ROLES)
    .executeTakeFirst();
  return found !== undefined;
}

export async function createVenture(
  ctx: Context,
  input: CreateVentureInput,
): Promise<{ venture: VentureRow }> {
  const { actor, today, p } = await beginWrite(ctx, VENTURE_WRITERS);
  const name = p.requiredText(input.name, 'name', 2, 160);
  const sector = p.requiredText(input.sector, 'sector', 2, 80);
  const description = p.optionalText(input.description, 'description', 2000, true);
  const province = p.optionalText(input.province, 'province', 80);
  const founderIds = [...new Set(input.founderIds)];
  if (founderIds.length === 0) p.add('REQUIRED', 'founderIds');
  else if (founderIds.length > MAX_FOUNDERS) p.add('INVALID_INPUT', 'founderIds');
  else if (!founderIds.every(isUuid)) p.add('NOT_FOUND', 'founderIds');
  const leadId = input.leadFounderId ?? founderIds[0];
  if (input.leadFounderId != null && !founderIds.includes(input.leadFounderId))
    p.add('INVALID_INPUT', 'leadFounderId');
  if (input.cohortId != null) p.id(input.cohortId, 'cohortId');
  if (input.coachUserId != null) p.id(input.coachUserId, 'coachUserId');
  const selectedOn = p.pastDay(input.selectedOn ?? today, 'selectedOn', today);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // References are checked only when well formed (a malformed id was reported above).
    if (founderIds.length > 0 && founderIds.length <= MAX_FOUNDERS && founderIds.every(isUuid)) {
      const people = await peopleByIds(tx, founderIds);
      if (founderIds.some((id) => !people.has(id))) p.add('NOT_FOUND', 'founderIds');
      else if ([...people.values()].some((person) => person.merged_into_id !== null))
        p.add('ALREADY_MERGED', 'founderIds');
    }
    if (input.cohortId != null && isUuid(input.cohortId)) {
      if (!(await cohortsByIds(tx, [input.cohortId])).has(input.cohortId)) p.add('NOT_FOUND', 'cohortId');
    }
    if (input.coachUserId != null && isUuid(input.coachUserId) && !(await isCoach(tx, input.coachUserId)))
      p.add('INVALID_INPUT', 'coachUserId');
    p.done();

    const venture = await tx
      .insertInto('venture')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        name,
        sector,
        description,
        cohort_id: input.cohortId ?? null,
        coach_user_id: input.coachUserId ?? null,
        province,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('venture_founder')
      .values(
        founderIds.map((personId) => ({
          tenant_id: actor.tenantId,
          id: newId(),
          venture_id: venture.id,
          person_id: personId,
          is_lead: personId === leadId,
        })),
      )
      .execute();
    // The history starts with the phase it was created in, so every later move has a day before it.
    await recordPhase(tx, actor, venture.id, null, venture.phase as VenturePhase, selectedOn, null);
    await recordAudit(tx, actor, {
      action: 'venture.created',
      entityType: 'venture',
      entityIds: [venture.id, ...founderIds],
      data: { cohortId: venture.cohort_id, coachUserId: venture.coach_user_id, founders: founderIds.length },
    });
    return { venture };
  });
}

/** The audit record a change writes in its transaction. */
type AuditEntry = Parameters<typeof recordAudit>[2];

/** One change to an existing venture, as `changeVenture` runs it. */
interface VentureChange<T> {
  /** Which input field names the venture (errors about it point there). */
  field: 'id' | 'ventureId';
  /** The checks of the input alone; what they find is reported with `verify`'s findings. */
  check: (p: Problems, today: string) => T;
  /**
   * The checks that need the locked venture. Without them the input's problems are reported
   * before the transaction opens, so an input that cannot pass takes no lock.
   */
  verify?: (tx: Tx, venture: VentureRow, values: T, p: Problems) => Promise<void> | void;
  /** The write: the venture as it now is, and its audit record (none when nothing changed). */
  apply: (
    tx: Tx,
    actor: Actor,
    venture: VentureRow,
    values: T,
  ) => Promise<{ venture: VentureRow; audit: AuditEntry | null }>;
}

/**
 * The frame every change to one existing venture shares: only programme staff write, every
 * problem of the input is reported at once, the venture is locked so that changes to it queue
 * behind each other, and the change and its audit record commit together or not at all.
 */
async function changeVenture<T>(
  ctx: Context,
  id: string,
  change: VentureChange<T>,
): Promise<{ venture: VentureRow }> {
  const { actor, today, p } = await beginWrite(ctx, VENTURE_WRITERS);
  const values = change.check(p, today);
  if (!change.verify) p.done();
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockVenture(tx, id, change.field);
    if (change.verify) {
      await change.verify(tx, current, values, p);
      p.done();
    }
    const { venture, audit } = await change.apply(tx, actor, current, values);
    if (audit) await recordAudit(tx, actor, audit);
    return { venture };
  });
}

/** Sets columns of the (locked) venture and gives it back as it now is. */
function setVenture(tx: Tx, id: string, changes: Updateable<DB['venture']>): Promise<VentureRow> {
  return tx.updateTable('venture').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A record about the venture (funding, a jobs count, a survival check): its audit names both. */
const recordedFor = (
  venture: VentureRow,
  action: string,
  entityType: string,
  recordId: string,
  data: Record<string, unknown>,
) => ({ venture, audit: { action, entityType, entityIds: [recordId, venture.id], data } });

type VentureFields = Partial<
  Pick<VentureRow, 'name' | 'sector' | 'description' | 'coach_user_id' | 'province'>
>;

export function updateVenture(ctx: Context, input: UpdateVentureInput): Promise<{ venture: VentureRow }> {
  return changeVenture(ctx, input.id, {
    field: 'id',
    check: (p) => {
      const changes: VentureFields = {};
      // An omitted field stays as it is; null clears the optional ones.
      if (input.name !== undefined) changes.name = p.requiredText(input.name, 'name', 2, 160);
      if (input.sector !== undefined) changes.sector = p.requiredText(input.sector, 'sector', 2, 80);
      if (input.description !== undefined)
        changes.description = p.optionalText(input.description, 'description', 2000, true);
      if (input.province !== undefined) changes.province = p.optionalText(input.province, 'province', 80);
      if (input.coachUserId !== undefined)
        changes.coach_user_id = input.coachUserId === null ? null : p.id(input.coachUserId, 'coachUserId');
      return changes;
    },
    verify: async (tx, _current, changes, p) => {
      if (
        changes.coach_user_id &&
        isUuid(changes.coach_user_id) &&
        !(await isCoach(tx, changes.coach_user_id))
      )
        p.add('INVALID_INPUT', 'coachUserId');
    },
    apply: async (tx, _actor, current, changes) => {
      if (Object.keys(changes).length === 0) return { venture: current, audit: null };
      const venture = await setVenture(tx, current.id, changes);
      return {
        venture,
        audit: {
          action: 'venture.updated',
          entityType: 'venture',
          entityIds: [venture.id],
          data: {
            fields: Object.keys(changes),
            coach: { from: current.coach_user_id, to: venture.coach_user_id },
          },
        },
      };
    },
  });
}

export function moveVenture(ctx: Context, input: MoveVentureInput): Promise<{ venture: VentureRow }> {
  return changeVenture(ctx, input.id, {
    field: 'id',
    check: (p, today) => {
      if (!PHASES.includes(input.to)) throw new UserError('INVALID_INPUT', 'to');
      return {
        onDate: p.pastDay(input.onDate ?? today, 'onDate', today),
        reason: p.optionalText(input.reason, 'reason', 500, true),
      };
    },
    verify: (_tx, current, { reason }) => {
      if (!isLegalMove(current.phase as VenturePhase, input.to))
        throw new UserError('ILLEGAL_TRANSITION', 'to');
      if (input.to === 'ABANDONED' && reason === null) throw new UserError('REASON_REQUIRED', 'reason');
    },
    apply: async (tx, actor, current, { onDate, reason }) => {
      const from = current.phase as VenturePhase;
      // History is told in order: a move is never dated before the one it follows.
      const last = await tx
        .selectFrom('venture_event')
        .select((eb) => eb.fn.max<string>('on_date').as('day'))
        .where('venture_id', '=', current.id)
        .executeTakeFirst();
      if (last?.day && onDate < last.day) throw new UserError('INVALID_DATE', 'onDate');

      const venture = await setVenture(tx, current.id, {
        phase: input.to,
        ...(input.to === 'EXITED' ? { exited_on: onDate } : {}),
      });
      await recordPhase(tx, actor, venture.id, from, input.to, onDate, reason);
      return {
        venture,
        audit: {
          action: 'venture.moved',
          entityType: 'venture',
          entityIds: [venture.id],
          data: { from, to: input.to, onDate },
        },
      };
    },
  });
}

export function formaliseVenture(
  ctx: Context,
  input: FormaliseVentureInput,
): Promise<{ venture: VentureRow }> {
  return changeVenture(ctx, input.id, {
    field: 'id',
    check: (p, today) => {
      if (!LEGAL_FORMS.includes(input.legalForm)) p.add('INVALID_INPUT', 'legalForm');
      p.pastDay(input.formalisedOn, 'formalisedOn', today);
    },
    apply: async (tx, _actor, current) => {
      // A correction (another form, another day) replaces the record: a venture is created once.
      const venture = await setVenture(tx, current.id, {
        legal_form: input.legalForm,
        formalised_on: input.formalisedOn,
      });
      return {
        venture,
        audit: {
          action: 'venture.formalised',
          entityType: 'venture',
          entityIds: [venture.id],
          data: {
            legalForm: { from: current.legal_form, to: venture.legal_form },
            formalisedOn: { from: current.formalised_on, to: venture.formalised_on },
          },
        },
      };
    },
  });
}

export function recordFunding(ctx: Context, input: RecordFundingInput): Promise<{ venture: VentureRow }> {
  return changeVenture(ctx, input.ventureId, {
    field: 'ventureId',
    check: (p, today) => {
      // Dirhams with centimes; a numeric string, so no binary float reaches the database.
      const amount = Number.isFinite(input.amountMad) ? input.amountMad.toFixed(2) : 'NaN';
      if (!(Number(amount) > 0 && Number(amount) <= MAX_AMOUNT_MAD)) p.add('INVALID_INPUT', 'amountMad');
      const source = p.requiredText(input.source, 'source', 2, 160);
      if (!FUNDING_KINDS.includes(input.kind)) p.add('INVALID_INPUT', 'kind');
      p.pastDay(input.receivedOn, 'receivedOn', today);
      return { amount, source };
    },
    apply: async (tx, actor, venture, { amount, source }) => {
      const funding = await tx
        .insertInto('venture_funding')
        .values({
          tenant_id: actor.tenantId,
          id: newId(),
          venture_id: venture.id,
          amount_mad: amount,
          source,
          kind: input.kind,
          received_on: input.receivedOn,
          recorded_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return recordedFor(venture, 'venture.funding_recorded', 'venture_funding', funding.id, {
        amountMad: amount,
        kind: input.kind,
        receivedOn: input.receivedOn,
      });
    },
  });
}

export function recordJobs(ctx: Context, input: RecordJobsInput): Promise<{ venture: VentureRow }> {
  return changeVenture(ctx, input.ventureId, {
    field: 'ventureId',
    check: (p, today) => {
      const count = (value: number) => Number.isInteger(value) && value >= 0 && value <= MAX_JOBS;
      if (!count(input.fullTime)) p.add('INVALID_INPUT', 'fullTime');
      if (!count(input.temporary)) p.add('INVALID_INPUT', 'temporary');
      p.pastDay(input.countedOn, 'countedOn', today);
    },
    apply: async (tx, actor, venture) => {
      const before = await tx
        .selectFrom('venture_jobs')
        .select(['full_time', 'temporary'])
        .where('venture_id', '=', venture.id)
        .where('counted_on', '=', input.countedOn)
        .executeTakeFirst();
      // One count per day: counting again the same day corrects it.
      const jobs = await tx
        .insertInto('venture_jobs')
        .values({
          tenant_id: actor.tenantId,
          id: newId(),
          venture_id: venture.id,
          counted_on: input.countedOn,
          full_time: input.fullTime,
          temporary: input.temporary,
          recorded_by: actor.userId,
        })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'venture_id', 'counted_on']).doUpdateSet({
            full_time: input.fullTime,
            temporary: input.temporary,
            recorded_by: actor.userId,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      return recordedFor(venture, 'venture.jobs_recorded', 'venture_jobs', jobs.id, {
        countedOn: input.countedOn,
        fullTime: input.fullTime,
        temporary: input.temporary,
        replaced: before ?? null,
      });
    },
  });
}

export function recordSurvivalCheck(
  ctx: Context,
  input: RecordSurvivalCheckInput,
): Promise<{ venture: VentureRow }> {
  const k = input.yearsAfterExit;
  return changeVenture(ctx, input.ventureId, {
    field: 'ventureId',
    check: (p, today) => {
      if (!Number.isInteger(k) || k < 1 || k > SURVIVAL_YEARS) p.add('INVALID_INPUT', 'yearsAfterExit');
      p.pastDay(input.checkedOn, 'checkedOn', today);
      const notes = p.optionalText(input.notes, 'notes', 2000, true);
      if (typeof input.active !== 'boolean') p.add('INVALID_INPUT', 'active');
      return notes;
    },
    apply: async (tx, actor, venture, notes) => {
      if (venture.phase !== 'EXITED' || venture.exited_on === null)
        throw new UserError('NOT_EXITED', 'ventureId');
      // The check for year k is made once k years have passed since the exit.
      if (addMonths(venture.exited_on, 12 * k) > input.checkedOn)
        throw new UserError('NOT_EXITED', 'checkedOn');
      const before = await tx
        .selectFrom('survival_check')
        .select(['checked_on', 'active'])
        .where('venture_id', '=', venture.id)
        .where('years_after_exit', '=', k)
        .executeTakeFirst();
      const check = await tx
        .insertInto('survival_check')
        .values({
          tenant_id: actor.tenantId,
          id: newId(),
          venture_id: venture.id,
          years_after_exit: k,
          checked_on: input.checkedOn,
          active: input.active,
          notes,
          recorded_by: actor.userId,
        })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'venture_id', 'years_after_exit']).doUpdateSet({
            checked_on: input.checkedOn,
            active: input.active,
            notes,
            recorded_by: actor.userId,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      return recordedFor(venture, 'venture.survival_checked', 'survival_check', check.id, {
        yearsAfterExit: k,
        checkedOn: input.checkedOn,
        active: input.active,
        replaced: before ?? null,
      });
    },
  });
}

export async function logCoachingSession(
  ctx: Context,
  input: LogCoachingSessionInput,
): Promise<{ coachingSession: CoachingSessionRow }> {
  const { actor, today, p } = await beginWrite(ctx, SESSION_LOGGERS);
  const minutes = input.minutes;
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES)
    p.add('INVALID_INPUT', 'minutes');
  p.pastDay(input.heldOn, 'heldOn', today);
  const topic = p.requiredText(input.topic, 'topic', 2, 160);
  const notes = p.optionalText(input.notes, 'notes', 4000, true);
  const nextSteps = p.optionalText(input.nextSteps, 'nextSteps', 2000, true);
  if (!isUuid(input.ventureId)) p.add('NOT_FOUND', 'ventureId');
  p.done();
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const venture = (await venturesByIds(tx, [input.ventureId])).get(input.ventureId);
    if (!venture) throw new UserError('NOT_FOUND', 'ventureId');
    // A coach answers for their own entrepreneurs only; programme staff may log for any.
    if (!isVentureWriter(actor) && venture.coach_user_id !== actor.userId)
      throw new UserError('FORBIDDEN', 'ventureId');
    const coachingSession = await tx
      .insertInto('coaching_session')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        venture_id: venture.id,
        coach_user_id: actor.userId,
        held_on: input.heldOn,
        minutes,
        topic,
        notes,
        next_steps: nextSteps,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'venture.coaching_logged',
      entityType: 'coaching_session',
      entityIds: [coachingSession.id, venture.id],
      data: { heldOn: input.heldOn, minutes },
    });
    return { coachingSession };
  });
}
