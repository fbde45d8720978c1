import { type SqlBool, sql } from 'kysely';
import type { EnrollmentRow, PlacementEventRow, PlacementRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  AnswerPlacementInput,
  DeclinePlacementInput,
  EndPlacementEarlyInput,
  PlacementFilter,
  PlacementStatus,
  ProposePlacementInput,
} from '../../graphql/generated/resolvers.js';
import {
  type Connection,
  decodeCursor,
  decodeKeys,
  encodeCursor,
  encodeKeys,
  pageSize,
  toConnection,
} from '../../lib/cursor.js';
import { isUuid, newId } from '../../lib/ids.js';
import { addDays, isoWeekday, todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { enrollmentsByIds, MAX_ENROLLMENT_PAGE } from '../enrollment/service.js';
import { hostsByIds, lockHost } from '../hosts/service.js';
import { type Actor, inTenant, requireMember } from '../identity/access.js';
import { enqueueJob } from '../jobs/queue.js';
import { READERS } from '../people/scope.js';
import { peopleByIds } from '../people/service.js';
import { cohortsByIds, programmesByIds } from '../programmes/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { isPlacementWriter, PLACEMENT_WRITERS, placementVisible } from './access.js';
import { PLACEMENT_REMINDER_JOB } from './reminders.js';
import { proposalText, textArtisans } from './sms.js';

/** Placements that hold a place at their host on their weekdays. */
export const HOLDING_PLACE = ['CONFIRMED', 'ACTIVE'] as const;

/** Placements that keep a trainee busy on their days: a new proposal may not share a day with one. */
export const BUSY = ['PROPOSED', 'CONFIRMED', 'ACTIVE'] as const;

/** Enrollment statuses that may be placed: admitted (placed before the year starts) or enrolled. */
const PLACEABLE = ['ADMITTED', 'ENROLLED'];

export interface DayLoad {
  day: string;
  confirmed: number;
}

/**
 * Confirmed trainees per host and day from `from` to `to` (inclusive): a placement takes a place
 * on each day of its range that falls on one of its weekdays. One statement for all the hosts.
 */
export async function dailyLoad(
  tx: Tx,
  hostIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, DayLoad[]>> {
  const byHost = new Map<string, DayLoad[]>(hostIds.map((id) => [id, []]));
  if (hostIds.length === 0) return byHost;
  const { rows } = await sql<{ host_id: string; day: string; confirmed: number }>`
    select h.id as host_id, d.day::date::text as day, count(p.id)::int as confirmed
      from host h
      cross join generate_series(${from}::date, ${to}::date, interval '1 day') as d(day)
      left join placement p
        on p.host_id = h.id
       and p.status in ('CONFIRMED', 'ACTIVE')
       and d.day::date between p.starts_on and p.ends_on
       and extract(isodow from d.day)::smallint = any (p.weekdays)
     where h.id in (${sql.join([...new Set(hostIds)])})
     group by h.id, d.day
     order by h.id, d.day`.execute(tx);
  for (const row of rows) byHost.get(row.host_id)?.push({ day: row.day, confirmed: row.confirmed });
  return byHost;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on 'YYYY-MM-DD' days (UTC midnights: no zone is involved in a calendar day)

/** Whether a day from `from` to `to` falls on one of `weekdays` (else the placement is empty). */
function holdsADay(from: string, to: string, weekdays: readonly number[]): boolean {
  for (let day = from, n = 0; day <= to && n < 7; day = addDays(day, 1), n++) {
    if (weekdays.includes(isoWeekday(day))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Input checks

/** Distinct ISO days 1–7, at least one, sorted (how they are stored and compared). */
function checkWeekdays(raw: readonly number[]): number[] {
  const days = [...raw];
  if (
    days.length === 0 ||
    days.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(days).size !== days.length
  ) {
    throw new UserError('INVALID_INPUT', 'weekdays');
  }
  return days.sort((a, b) => a - b);
}

/** Saying no or stopping early must be explained, briefly. */
function checkReason(raw: string | null | undefined): string {
  const reason = raw?.trim() ?? '';
  if (reason.length < 2) throw new UserError('REASON_REQUIRED', 'reason');
  if (reason.length > 300) throw new UserError('INVALID_INPUT', 'reason');
  return reason;
}

async function tenantToday(ctx: Context, tenantId: string): Promise<string> {
  const tenant = (await tenantsByIds(ctx.deps.db, [tenantId])).get(tenantId)!;
  return todayIn(tenant.timezone);
}

// ---------------------------------------------------------------------------------------------
// Shared steps of the writes

/**
 * The enrollment, with its trainee's person row locked until the transaction ends: proposals for
 * one trainee take turns, so the overlap rule is checked against settled rows. Null when there is
 * no such enrollment (or a merge moved it meanwhile).
 */
async function lockTraineeOf(tx: Tx, enrollmentId: string): Promise<EnrollmentRow | null> {
  const person = await tx
    .selectFrom('person')
    .select('id')
    .where('id', '=', (eb) => eb.selectFrom('enrollment').select('person_id').where('id', '=', enrollmentId))
    .forUpdate()
    .executeTakeFirst();
  if (!person) return null;
  const enrollment = await tx
    .selectFrom('enrollment')
    .selectAll()
    .where('id', '=', enrollmentId)
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  return enrollment ?? null;
}

/**
 * Whether the trainee already has a placement in one of `statuses` on one of the same days: the
 * two ranges overlap and some day of the overlap falls on a weekday of both (Monday–Wednesday at
 * one host and Thursday–Friday at another, in the same weeks, is fine).
 */
async function clashes(
  tx: Tx,
  personId: string,
  range: { starts_on: string; ends_on: string; weekdays: readonly number[] },
  statuses: readonly string[],
  excludeId?: string,
): Promise<boolean> {
  const found = await tx
    .selectFrom('placement as p')
    .innerJoin('enrollment as e', (join) =>
      join.onRef('e.tenant_id', '=', 'p.tenant_id').onRef('e.id', '=', 'p.enrollment_id'),
    )
    .select('p.id')
    .where('e.person_id', '=', personId)
    .where('p.status', 'in', statuses)
    .where('p.starts_on', '<=', range.ends_on)
    .where('p.ends_on', '>=', range.starts_on)
    .$if(excludeId !== undefined, (qb) => qb.where('p.id', '<>', excludeId!))
    .where(
      sql<SqlBool>`exists (
        select 1
          from generate_series(greatest(p.starts_on, ${range.starts_on}::date)::timestamp,
                               least(p.ends_on, ${range.ends_on}::date)::timestamp,
                               interval '1 day') as d(day)
         where extract(isodow from d.day)::smallint = any (p.weekdays)
           and extract(isodow from d.day)::smallint = any (${sql.val([...range.weekdays])}::smallint[]))`,
    )
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

/** The placement locked until the transaction ends (answers and stops take turns), or NOT_FOUND. */
async function lockPlacement(tx: Tx, id: string): Promise<PlacementRow> {
  const row = await tx
    .selectFrom('placement')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new UserError('NOT_FOUND', 'id');
  return row;
}

export interface PlacementMove {
  placementId: string;
  from: string | null;
  to: PlacementStatus;
  reason: string | null;
  /** Null when the calendar moved it. */
  actorUserId: string | null;
}

/** Appends history rows (one statement for any number). placement_event is append-only. */
export async function appendEvents(tx: Tx, tenantId: string, moves: readonly PlacementMove[]): Promise<void> {
  if (moves.length === 0) return;
  await tx
    .insertInto('placement_event')
    .values(
      moves.map((m) => ({
        tenant_id: tenantId,
        id: newId(),
        placement_id: m.placementId,
        from_status: m.from,
        to_status: m.to,
        reason: m.reason,
        actor_user_id: m.actorUserId,
        at: sql<Date>`now()`,
      })),
    )
    .execute();
}

async function moveTo(
  tx: Tx,
  actor: Actor,
  current: PlacementRow,
  to: PlacementStatus,
  reason: string | null,
): Promise<PlacementRow> {
  const placement = await tx
    .updateTable('placement')
    .set({ status: to, status_reason: reason, status_changed_at: sql<Date>`now()` })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvents(tx, actor.tenantId, [
    { placementId: current.id, from: current.status, to, reason, actorUserId: actor.userId },
  ]);
  return placement;
}

// ---------------------------------------------------------------------------------------------
// Writes

export async function proposePlacement(
  ctx: Context,
  input: ProposePlacementInput,
): Promise<{ placement: PlacementRow }> {
  const actor = await requireMember(ctx, PLACEMENT_WRITERS);
  if (!isUuid(input.enrollmentId)) throw new UserError('NOT_FOUND', 'enrollmentId');
  if (!isUuid(input.hostId)) throw new UserError('NOT_FOUND', 'hostId');
  if (input.startsOn > input.endsOn) throw new UserError('INVALID_DATE', 'endsOn');
  const asked = input.weekdays == null ? null : checkWeekdays(input.weekdays);
  const remindAt = new Date(Date.now() + ctx.deps.config.placementReminderHours * 3_600_000);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // The trainee first: two proposals for one trainee cannot both pass the overlap check.
    const enrollment = await lockTraineeOf(tx, input.enrollmentId);
    if (!enrollment) throw new UserError('NOT_FOUND', 'enrollmentId');
    if (!PLACEABLE.includes(enrollment.status)) throw new UserError('NOT_ENROLLED', 'enrollmentId');

    const host = (await hostsByIds(tx, [input.hostId])).get(input.hostId);
    if (!host) throw new UserError('NOT_FOUND', 'hostId');
    if (host.status !== 'ACTIVE') throw new UserError('HOST_NOT_ACTIVE', 'hostId');
    const cohort = (await cohortsByIds(tx, [enrollment.cohort_id])).get(enrollment.cohort_id)!;
    const programme = (await programmesByIds(tx, [cohort.programme_id])).get(cohort.programme_id)!;
    if (host.trade_id !== programme.trade_id) throw new UserError('TRADE_MISMATCH', 'hostId');
    if (input.startsOn < cohort.starts_on) throw new UserError('OUTSIDE_COHORT_DATES', 'startsOn');
    if (input.endsOn > cohort.ends_on) throw new UserError('OUTSIDE_COHORT_DATES', 'endsOn');
    const weekdays = asked ?? checkWeekdays(programme.practice_weekdays);
    // A range that holds none of its weekdays would be a placement with no day in it.
    if (!holdsADay(input.startsOn, input.endsOn, weekdays)) throw new UserError('INVALID_INPUT', 'weekdays');
    const range = { starts_on: input.startsOn, ends_on: input.endsOn, weekdays };
    if (await clashes(tx, enrollment.person_id, range, BUSY)) {
      throw new UserError('PLACEMENT_OVERLAP', 'startsOn');
    }

    const placement = await tx
      .insertInto('placement')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        enrollment_id: enrollment.id,
        host_id: host.id,
        ...range,
        status: 'PROPOSED',
        proposed_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvents(tx, actor.tenantId, [
      { placementId: placement.id, from: null, to: 'PROPOSED', reason: null, actorUserId: actor.userId },
    ]);
    await recordAudit(tx, actor, {
      action: 'placement.proposed',
      entityType: 'placement',
      entityIds: [placement.id, enrollment.id, host.id],
      data: { startsOn: range.starts_on, endsOn: range.ends_on, weekdays },
    });
    const trainee = (await peopleByIds(tx, [enrollment.person_id])).get(enrollment.person_id)!;
    await textArtisans(tx, host.id, 'placement_proposed', proposalText(trainee, placement));
    await enqueueJob(tx, {
      kind: PLACEMENT_REMINDER_JOB,
      tenantId: actor.tenantId,
      payload: { placementId: placement.id },
      runAt: remindAt,
    });
    return { placement };
  });
}

/** Who may answer a proposal: its host's artisans, and directors or coordinators on their behalf. */
async function requireAnswerer(ctx: Context): Promise<Actor> {
  return requireMember(ctx, [...PLACEMENT_WRITERS, 'HOST_ARTISAN']);
}

/**
 * The host of a placement the actor may answer. An artisan of another host learns nothing, not
 * even that it exists: the same NOT_FOUND as for an id that names nothing.
 */
async function hostToAnswerFor(tx: Tx, actor: Actor, placementId: string): Promise<string> {
  const found = await tx
    .selectFrom('placement')
    .select('host_id')
    .where('id', '=', placementId)
    .executeTakeFirst();
  if (!found || !(isPlacementWriter(actor) || actor.hostIds.includes(found.host_id))) {
    throw new UserError('NOT_FOUND', 'id');
  }
  return found.host_id;
}

export async function confirmPlacement(
  ctx: Context,
  input: AnswerPlacementInput,
): Promise<{ placement: PlacementRow }> {
  const actor = await requireAnswerer(ctx);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const today = await tenantToday(ctx, actor.tenantId);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const hostId = await hostToAnswerFor(tx, actor, input.id);
    // The host first: confirmations at one host queue here, so the count below includes every
    // confirmation committed before this one (each statement of a READ COMMITTED transaction sees
    // what committed before it started). Without the lock, concurrent answers would all count the
    // same settled rows and overfill the host.
    const host = await lockHost(tx, hostId);
    const current = await lockPlacement(tx, input.id);
    if (current.status !== 'PROPOSED') throw new UserError('ILLEGAL_TRANSITION');
    if (host.status !== 'ACTIVE') throw new UserError('HOST_NOT_ACTIVE');
    // The trainee is not locked here: a proposal holds the trainee and then needs the host (its
    // new row's foreign key), so taking them in the other order would deadlock. Proposals already
    // keep a trainee's PROPOSED, CONFIRMED and ACTIVE placements apart; this second look catches
    // what that rule never compared (two person records merged into one).
    const enrollment = (await enrollmentsByIds(tx, [current.enrollment_id])).get(current.enrollment_id)!;
    if (!PLACEABLE.includes(enrollment.status)) throw new UserError('NOT_ENROLLED');
    if (await clashes(tx, enrollment.person_id, current, HOLDING_PLACE, current.id)) {
      throw new UserError('PLACEMENT_OVERLAP');
    }
    const load = (await dailyLoad(tx, [hostId], current.starts_on, current.ends_on)).get(hostId) ?? [];
    const full = load.some(
      (d) => current.weekdays.includes(isoWeekday(d.day)) && d.confirmed >= host.capacity,
    );
    if (full) throw new UserError('HOST_FULL');

    const to: PlacementStatus =
      current.starts_on <= today && today <= current.ends_on ? 'ACTIVE' : 'CONFIRMED';
    const placement = await moveTo(tx, actor, current, to, null);
    await recordAudit(tx, actor, {
      action: 'placement.confirmed',
      entityType: 'placement',
      entityIds: [placement.id, placement.enrollment_id, hostId],
      data: { to, onBehalfOfHost: !actor.hostIds.includes(hostId) },
    });
    return { placement };
  });
}

export async function declinePlacement(
  ctx: Context,
  input: DeclinePlacementInput,
): Promise<{ placement: PlacementRow }> {
  const actor = await requireAnswerer(ctx);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const reason = checkReason(input.reason);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const hostId = await hostToAnswerFor(tx, actor, input.id);
    const current = await lockPlacement(tx, input.id);
    if (current.status !== 'PROPOSED') throw new UserError('ILLEGAL_TRANSITION');
    const placement = await moveTo(tx, actor, current, 'DECLINED', reason);
    await recordAudit(tx, actor, {
      action: 'placement.declined',
      entityType: 'placement',
      entityIds: [placement.id, placement.enrollment_id, hostId],
      data: { reason, onBehalfOfHost: !actor.hostIds.includes(hostId) },
    });
    return { placement };
  });
}

export async function endPlacementEarly(
  ctx: Context,
  input: EndPlacementEarlyInput,
): Promise<{ placement: PlacementRow }> {
  const actor = await requireMember(ctx, PLACEMENT_WRITERS);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const reason = checkReason(input.reason);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockPlacement(tx, input.id);
    if (!(HOLDING_PLACE as readonly string[]).includes(current.status)) {
      throw new UserError('ILLEGAL_TRANSITION');
    }
    const placement = await moveTo(tx, actor, current, 'ENDED_EARLY', reason);
    await recordAudit(tx, actor, {
      action: 'placement.ended_early',
      entityType: 'placement',
      entityIds: [placement.id, placement.enrollment_id, placement.host_id],
      data: { from: current.status, reason },
    });
    return { placement };
  });
}

// ---------------------------------------------------------------------------------------------
// Root reads

export async function getPlacement(ctx: Context, id: string): Promise<PlacementRow | null> {
  const actor = await requireMember(ctx);
  if (!isUuid(id)) return null;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const row = await tx
      .selectFrom('placement')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => placementVisible(eb, actor))
      .executeTakeFirst();
    return row ?? null;
  });
}

interface CheckedFilter {
  cohortId: string | null;
  hostId: string | null;
  enrollmentId: string | null;
  status: PlacementStatus[] | null;
  on: string | null;
}

function checkFilter(filter: PlacementFilter | null | undefined): CheckedFilter {
  const f = filter ?? {};
  const id = (value: string | null | undefined, field: string) => {
    if (value == null) return null;
    if (!isUuid(value)) throw new UserError('INVALID_INPUT', field);
    return value;
  };
  return {
    cohortId: id(f.cohortId, 'cohortId'),
    hostId: id(f.hostId, 'hostId'),
    enrollmentId: id(f.enrollmentId, 'enrollmentId'),
    status: f.status && f.status.length > 0 ? [...new Set(f.status)] : null,
    on: f.on ?? null,
  };
}

/** Placements the caller may see, newest first (UUIDv7 ids sort by creation, so the id is the cursor). */
export async function listPlacements(
  ctx: Context,
  args: { first?: number | null; after?: string | null; filter?: PlacementFilter | null },
): Promise<Connection<PlacementRow>> {
  const actor = await requireMember(ctx);
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const filter = checkFilter(args.filter);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('placement')
      .where((eb) => placementVisible(eb, actor))
      .$if(filter.cohortId !== null, (qb) =>
        qb.where('placement.enrollment_id', 'in', (eb) =>
          eb
            .selectFrom('enrollment')
            .select('enrollment.id')
            .where('enrollment.cohort_id', '=', filter.cohortId!),
        ),
      )
      .$if(filter.hostId !== null, (qb) => qb.where('placement.host_id', '=', filter.hostId!))
      .$if(filter.enrollmentId !== null, (qb) =>
        qb.where('placement.enrollment_id', '=', filter.enrollmentId!),
      )
      .$if(filter.status !== null, (qb) => qb.where('placement.status', 'in', filter.status!))
      .$if(filter.on !== null, (qb) =>
        qb.where('placement.starts_on', '<=', filter.on!).where('placement.ends_on', '>=', filter.on!),
      );
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(afterId !== null, (qb) => qb.where('placement.id', '<', afterId!))
        .orderBy('placement.id', 'desc')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, total.n, (node) => ({ cursor: encodeCursor(node.id), node }));
  });
}

// The unplaced list is ordered like the enrollment list's LAST_NAME sort; its cursor is the last
// row's (lower-cased last name, lower-cased first name, enrollment id).
const encodeNameCursor = (keys: [string, string, string]) => encodeKeys(keys);
const decodeNameCursor = (cursor: string) => decodeKeys(cursor, 3) as [string, string, string];

/** A cohort's ENROLLED trainees who hold no CONFIRMED or ACTIVE placement, by name. Staff only. */
export async function unplacedTrainees(
  ctx: Context,
  args: { cohortId: string; first?: number | null; after?: string | null },
): Promise<Connection<EnrollmentRow>> {
  const actor = await requireMember(ctx, READERS);
  if (!isUuid(args.cohortId)) throw new UserError('INVALID_INPUT', 'cohortId');
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 0 || first > MAX_ENROLLMENT_PAGE) {
    throw new UserError('INVALID_INPUT', 'first');
  }
  const after = args.after ? decodeNameCursor(args.after) : null;
  const lastName = sql<string>`lower(p.last_name_latin)`;
  const firstName = sql<string>`lower(p.first_name_latin)`;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('enrollment as e')
      .innerJoin('person as p', (join) =>
        join.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
      )
      .where('e.cohort_id', '=', args.cohortId)
      .where('e.status', '=', 'ENROLLED')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('placement as pl')
              .select('pl.id')
              .whereRef('pl.tenant_id', '=', 'e.tenant_id')
              .whereRef('pl.enrollment_id', '=', 'e.id')
              .where('pl.status', 'in', HOLDING_PLACE),
          ),
        ),
      );
    const [rows, total] = await Promise.all([
      filtered
        .selectAll('e')
        .select([lastName.as('sort_last'), firstName.as('sort_first')])
        .$if(after !== null, (qb) =>
          qb.where(
            sql<SqlBool>`(${lastName}, ${firstName}, e.id) > (${after![0]}, ${after![1]}, ${after![2]}::uuid)`,
          ),
        )
        .orderBy(lastName)
        .orderBy(firstName)
        .orderBy('e.id')
        .limit(first + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, first, total.n, ({ sort_last, sort_first, ...node }) => ({
      cursor: encodeNameCursor([sort_last, sort_first, node.id]),
      node,
    }));
  });
}

// ---------------------------------------------------------------------------------------------
// Loader reads: one statement per batch, under the same rules as the root reads

/**
 * The enrollments of placements, only where the caller may see them: through a placement they may
 * see (the enrollment leads to a person record, which the people rules govern). One exception:
 * an artisan's declined placements count here, because the answer to their declinePlacement is
 * such a placement and `enrollment` cannot be null. No read returns a declined placement to an
 * artisan (placement, placements, Enrollment.placements), so that answer is the only way there.
 */
export async function enrollmentsOfPlacements(
  ctx: Context,
  enrollmentIds: readonly string[],
): Promise<Map<string, EnrollmentRow>> {
  if (enrollmentIds.length === 0) return new Map();
  return inTenant(ctx, async (tx, actor) => {
    const rows = await tx
      .selectFrom('enrollment')
      .selectAll()
      .where('id', 'in', [...new Set(enrollmentIds)])
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('placement')
          .select('placement.enrollment_id')
          .where((w) => placementVisible(w, actor, { declined: true })),
      )
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  });
}

/** Each enrollment's placements the caller may see, by start date. */
export async function placementsOfEnrollments(
  ctx: Context,
  enrollmentIds: readonly string[],
): Promise<Map<string, PlacementRow[]>> {
  const byEnrollment = new Map<string, PlacementRow[]>(enrollmentIds.map((id) => [id, []]));
  if (enrollmentIds.length === 0) return byEnrollment;
  const rows = await inTenant(ctx, (tx, actor) =>
    tx
      .selectFrom('placement')
      .selectAll()
      .where('enrollment_id', 'in', [...new Set(enrollmentIds)])
      .where((eb) => placementVisible(eb, actor))
      .orderBy('starts_on')
      .orderBy('id')
      .execute(),
  );
  for (const row of rows) byEnrollment.get(row.enrollment_id)?.push(row);
  return byEnrollment;
}

/**
 * The history of each placement, oldest first. A placement reaches this loader only from a read
 * that applied placementVisible, or from the answer its caller just gave; its events name no
 * trainee, so they follow the placement.
 */
export async function historyOfPlacements(
  ctx: Context,
  placementIds: readonly string[],
): Promise<Map<string, PlacementEventRow[]>> {
  const byPlacement = new Map<string, PlacementEventRow[]>(placementIds.map((id) => [id, []]));
  if (placementIds.length === 0) return byPlacement;
  const rows = await inTenant(ctx, (tx) =>
    tx
      .selectFrom('placement_event')
      .selectAll()
      .where('placement_id', 'in', [...new Set(placementIds)])
      .orderBy('at')
      .orderBy('id')
      .execute(),
  );
  for (const row of rows) byPlacement.get(row.placement_id)?.push(row);
  return byPlacement;
}

/** Hosts of placements (the Placement.host loader). */
export async function hostsOfPlacements(ctx: Context, hostIds: readonly string[]) {
  return inTenant(ctx, (tx) => hostsByIds(tx, hostIds));
}
