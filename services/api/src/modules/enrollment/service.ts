import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { EnrollmentEventRow, EnrollmentRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  ApplyInput,
  EnrollmentFilter,
  EnrollmentSort,
  EnrollmentStatus,
  SchoolLevel,
  TransitionEnrollmentInput,
} from '../../graphql/generated/resolvers.js';
import { type Connection, decodeKeys, encodeKeys, toConnection } from '../../lib/cursor.js';
import { isUuid, newId } from '../../lib/ids.js';
import { containing, foundIn } from '../../lib/like.js';
import { ageOn, todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { normalizePhone } from '../identity/phone.js';
import { personScope, WRITERS } from '../people/scope.js';
import { peopleByIds } from '../people/service.js';
import { lockCohort, SCHOOL_LEVELS } from '../programmes/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { ACTIVE, HOLDS_PLACE, isLegalTransition, NEEDS_REASON, STATUSES } from './transitions.js';

const MERGED_REASON = 'merged duplicate';

/** A reason as stored: trimmed, null when blank; 2–300 characters when given. */
function checkReason(raw: string | null | undefined): string | null {
  const reason = raw?.trim() || null;
  if (reason !== null && (reason.length < 2 || reason.length > 300))
    throw new UserError('INVALID_INPUT', 'reason');
  return reason;
}

// ---------------------------------------------------------------------------------------------
// Writes

export async function applyEnrollment(
  ctx: Context,
  input: ApplyInput,
): Promise<{ enrollment: EnrollmentRow }> {
  const actor = await requireMember(ctx, WRITERS);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => ({
    enrollment: await applyInTx(tx, actor, input),
  }));
}

/**
 * Records an application inside the caller's transaction (the apply mutation, the applicant
 * import). The cohort stays locked until that transaction ends, so the one-active-enrollment rule
 * is checked against settled rows. Eligibility is judged on the cohort's first day: that is when
 * age limits matter, not on the day the form is typed in.
 */
export async function applyInTx(
  tx: Tx,
  actor: Actor,
  args: { personId: string; cohortId: string; reason?: string | null },
): Promise<EnrollmentRow> {
  if (!isUuid(args.personId)) throw new UserError('NOT_FOUND', 'personId');
  if (!isUuid(args.cohortId)) throw new UserError('NOT_FOUND', 'cohortId');
  const reason = checkReason(args.reason);

  const person = (await peopleByIds(tx, [args.personId])).get(args.personId);
  if (!person) throw new UserError('NOT_FOUND', 'personId');
  if (person.merged_into_id) throw new UserError('ALREADY_MERGED', 'personId');

  const { cohort, programme } = await lockCohort(tx, args.cohortId);
  const age = ageOn(person.birth_date, cohort.starts_on);
  if (age < programme.min_age || age > programme.max_age) throw new UserError('INELIGIBLE_AGE', 'birthDate');
  if (!meetsSchoolLevel(person.school_level, programme.min_school_level)) {
    throw new UserError('INELIGIBLE_SCHOOL_LEVEL', 'schoolLevel');
  }

  const active = await tx
    .selectFrom('enrollment')
    .select('id')
    .where('person_id', '=', person.id)
    .where('cohort_id', '=', cohort.id)
    .where('status', 'in', ACTIVE)
    .executeTakeFirst();
  if (active) throw new UserError('ALREADY_ENROLLED', 'personId');

  const enrollment = await tx
    .insertInto('enrollment')
    .values({
      tenant_id: actor.tenantId,
      id: newId(),
      person_id: person.id,
      cohort_id: cohort.id,
      status: 'APPLIED',
      status_reason: reason,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(tx, actor, enrollment.id, null, 'APPLIED', reason);
  await recordAudit(tx, actor, {
    action: 'enrollment.applied',
    entityType: 'enrollment',
    entityIds: [enrollment.id, person.id, cohort.id],
    data: { reason },
  });
  return enrollment;
}

/**
 * A programme without a minimum (or with NONE) takes anyone; one with a real minimum refuses an
 * unknown school level, since nobody has checked that the person meets it.
 */
function meetsSchoolLevel(level: string | null, minimum: string | null): boolean {
  if (minimum === null || minimum === 'NONE') return true;
  if (level === null) return false;
  return SCHOOL_LEVELS.indexOf(level as SchoolLevel) >= SCHOOL_LEVELS.indexOf(minimum as SchoolLevel);
}

export async function transitionEnrollment(
  ctx: Context,
  input: TransitionEnrollmentInput,
): Promise<{ enrollment: EnrollmentRow }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  if (!(STATUSES as readonly string[]).includes(input.to)) throw new UserError('INVALID_INPUT', 'to');
  const reason = checkReason(input.reason);
  if (NEEDS_REASON.includes(input.to) && reason === null) throw new UserError('REASON_REQUIRED', 'reason');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Locked so two transitions of one enrollment cannot both start from the same status.
    const current = await tx
      .selectFrom('enrollment')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new UserError('NOT_FOUND', 'id');
    const from = current.status as EnrollmentStatus;
    if (!isLegalTransition(from, input.to)) throw new UserError('ILLEGAL_TRANSITION', 'to');
    // Graduating checks the programme's completion rules, issues the certificate and schedules the
    // follow-up: only the graduation module does that (graduateEnrollments below).
    if (input.to === 'GRADUATED') throw new UserError('GRADUATION_REQUIRED', 'to');

    if (HOLDS_PLACE.includes(input.to) && !HOLDS_PLACE.includes(from)) {
      // Counted only once the cohort is locked: a concurrent admission waits here, then sees ours.
      const { cohort } = await lockCohort(tx, current.cohort_id);
      const { n } = await tx
        .selectFrom('enrollment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', cohort.id)
        .where('status', 'in', HOLDS_PLACE)
        .executeTakeFirstOrThrow();
      if (n >= cohort.capacity) throw new UserError('COHORT_FULL');
    }

    const enrollment = await moveTo(tx, actor, current, input.to, reason);
    await recordAudit(tx, actor, {
      action: 'enrollment.transitioned',
      entityType: 'enrollment',
      entityIds: [enrollment.id, enrollment.person_id, enrollment.cohort_id],
      data: { from, to: input.to, reason },
    });
    return { enrollment };
  });
}

async function moveTo(
  tx: Tx,
  actor: Actor,
  current: EnrollmentRow,
  to: EnrollmentStatus,
  reason: string | null,
): Promise<EnrollmentRow> {
  const enrollment = await tx
    .updateTable('enrollment')
    .set({ status: to, status_reason: reason, status_changed_at: sql`now()` })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(tx, actor, current.id, current.status, to, reason);
  return enrollment;
}

async function appendEvent(
  tx: Tx,
  actor: Actor,
  enrollmentId: string,
  from: string | null,
  to: EnrollmentStatus,
  reason: string | null,
): Promise<void> {
  await tx
    .insertInto('enrollment_event')
    .values({
      tenant_id: actor.tenantId,
      id: newId(),
      enrollment_id: enrollmentId,
      from_status: from,
      to_status: to,
      reason,
      actor_user_id: actor.userId,
      at: sql`now()`,
    })
    .execute();
}

/**
 * Moves ENROLLED enrollments to GRADUATED with their history events, in the graduation's own
 * transaction (graduation/service.ts is the only way there: transitionEnrollment refuses it). Two
 * statements for any number. One that is no longer ENROLLED (graduated or dropped out meanwhile) is
 * left alone and not returned, so the caller can tell.
 */
export async function graduateEnrollments(
  tx: Tx,
  actor: Actor,
  enrollmentIds: readonly string[],
): Promise<EnrollmentRow[]> {
  const ids = [...new Set(enrollmentIds)].filter(isUuid);
  if (ids.length === 0) return [];
  const moved = await tx
    .updateTable('enrollment')
    .set({ status: 'GRADUATED', status_reason: null, status_changed_at: sql`now()` })
    .where('id', 'in', ids)
    .where('status', '=', 'ENROLLED')
    .returningAll()
    .execute();
  if (moved.length === 0) return moved;
  await tx
    .insertInto('enrollment_event')
    .values(
      moved.map((enrollment) => ({
        tenant_id: actor.tenantId,
        id: newId(),
        enrollment_id: enrollment.id,
        from_status: 'ENROLLED',
        to_status: 'GRADUATED',
        reason: null,
        actor_user_id: actor.userId,
        at: sql`now()`,
      })),
    )
    .execute();
  return moved;
}

/**
 * For a merge of two person records: every enrollment of `fromPersonId` (with its history, which
 * hangs off the enrollment) moves to `toPersonId`. Where both are active in one cohort, the moved
 * one is closed first (WITHDRAWN, 'merged duplicate'), so the kept record never holds two active
 * places in a cohort.
 */
export async function reassignEnrollments(
  tx: Tx,
  actor: Actor,
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  if (fromPersonId === toPersonId) return;
  const moving = await tx
    .selectFrom('enrollment')
    .selectAll()
    .where('person_id', '=', fromPersonId)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (moving.length === 0) return;
  const keptActive = await tx
    .selectFrom('enrollment')
    .select('cohort_id')
    .where('person_id', '=', toPersonId)
    .where('status', 'in', ACTIVE)
    .execute();
  const keptCohorts = new Set(keptActive.map((r) => r.cohort_id));
  const closed: string[] = [];
  for (const enrollment of moving) {
    if ((ACTIVE as readonly string[]).includes(enrollment.status) && keptCohorts.has(enrollment.cohort_id)) {
      await moveTo(tx, actor, enrollment, 'WITHDRAWN', MERGED_REASON);
      closed.push(enrollment.id);
    }
  }
  await tx
    .updateTable('enrollment')
    .set({ person_id: toPersonId })
    .where('person_id', '=', fromPersonId)
    .execute();
  await recordAudit(tx, actor, {
    action: 'enrollment.reassigned',
    entityType: 'enrollment',
    entityIds: [fromPersonId, toPersonId, ...moving.map((e) => e.id)],
    data: { withdrawn: closed },
  });
}

// ---------------------------------------------------------------------------------------------
// Reads other modules and loaders call inside their own tenant transaction (no access check: the
// caller has decided who may see the people or enrollments it names).

/** The enrollments of the person record(s) linked to this account: what a trainee calls "mine". */
export async function ownEnrollmentIds(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('enrollment as e')
    .innerJoin('person as p', (join) =>
      join.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
    )
    .select('e.id')
    .where('p.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.id);
}

/** Enrollments by id, inside the caller's transaction (the caller decided who may see them). */
export async function enrollmentsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, EnrollmentRow>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('enrollment').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The enrollments of a cohort in the given statuses, inside the caller's transaction. */
export async function enrollmentsOfCohort(
  tx: Tx,
  cohortId: string,
  statuses: readonly EnrollmentStatus[],
): Promise<EnrollmentRow[]> {
  if (!isUuid(cohortId) || statuses.length === 0) return [];
  return tx
    .selectFrom('enrollment')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('status', 'in', statuses)
    .orderBy('id')
    .execute();
}

/** Every enrollment of each person (oldest first); people without any get an empty list. */
export async function enrollmentsOfPeople(
  tx: Tx,
  personIds: readonly string[],
): Promise<Map<string, EnrollmentRow[]>> {
  const byPerson = new Map<string, EnrollmentRow[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const rows = await tx
    .selectFrom('enrollment')
    .selectAll()
    .where('person_id', 'in', [...new Set(personIds)])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) byPerson.get(row.person_id)?.push(row);
  return byPerson;
}

/** The history of each enrollment, oldest first. */
export async function eventsOfEnrollments(
  tx: Tx,
  enrollmentIds: readonly string[],
): Promise<Map<string, EnrollmentEventRow[]>> {
  const byEnrollment = new Map<string, EnrollmentEventRow[]>(enrollmentIds.map((id) => [id, []]));
  if (enrollmentIds.length === 0) return byEnrollment;
  const rows = await tx
    .selectFrom('enrollment_event')
    .selectAll()
    .where('enrollment_id', 'in', [...new Set(enrollmentIds)])
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const row of rows) byEnrollment.get(row.enrollment_id)?.push(row);
  return byEnrollment;
}

// ---------------------------------------------------------------------------------------------
// Root reads

/**
 * The HOSTS scope: a host artisan sees the enrollments that have a placement at one of their
 * hosts, in any status but DECLINED (the same rule as for people, see people/service.ts).
 */
function placedAtHosts(hostIds: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from placement placed
     where placed.tenant_id = ${sql.ref('e.tenant_id')} and placed.enrollment_id = ${sql.ref('e.id')}
       and placed.host_id = any (${sql.val([...hostIds])}::uuid[]) and placed.status <> 'DECLINED')`;
}

export async function getEnrollment(ctx: Context, id: string): Promise<EnrollmentRow | null> {
  const actor = await requireMember(ctx);
  const scope = personScope(actor);
  if (!isUuid(id)) return null;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const row = await tx
      .selectFrom('enrollment as e')
      .innerJoin('person as p', (join) =>
        join.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
      )
      .selectAll('e')
      .where('e.id', '=', id)
      .$if(scope.kind === 'OWN', (qb) => qb.where('p.user_id', '=', actor.userId))
      .$if(scope.kind === 'HOSTS', (qb) => qb.where(placedAtHosts(actor.hostIds)))
      .executeTakeFirst();
    return row ?? null;
  });
}

/** A whole cohort on one page: Marrakech alone had 991 trainees in 2024. */
export const MAX_ENROLLMENT_PAGE = 1000;

interface SortKey {
  /** What rows are ordered by. */
  expr: RawBuilder<unknown>;
  /** The type to read the cursor's text back as. */
  cast: 'text' | 'int' | 'date' | 'timestamptz' | 'uuid';
}

const ref = (column: string) => sql.ref(column);
const lastName: SortKey = { expr: sql`lower(${ref('p.last_name_latin')})`, cast: 'text' };
const firstName: SortKey = { expr: sql`lower(${ref('p.first_name_latin')})`, cast: 'text' };
const byId: SortKey = { expr: sql`${ref('e.id')}`, cast: 'uuid' };

// Every sort ends with the enrollment id, so the order is total and a cursor names one place.
// All keys of a sort run the same direction, which lets the keyset be one row comparison.
const SORTS: Record<EnrollmentSort, { keys: SortKey[]; descending: boolean }> = {
  LAST_NAME: { keys: [lastName, firstName, byId], descending: false },
  NEWEST: { keys: [{ expr: sql`${ref('e.created_at')}`, cast: 'timestamptz' }, byId], descending: true },
  BIRTH_DATE: {
    keys: [{ expr: sql`${ref('p.birth_date')}`, cast: 'date' }, lastName, firstName, byId],
    descending: false,
  },
  STATUS: {
    keys: [
      { expr: sql`array_position(${sql.val(STATUSES)}::text[], ${ref('e.status')})`, cast: 'int' },
      lastName,
      firstName,
      byId,
    ],
    descending: false,
  },
};

// Cursors carry the sort they belong to and the last row's keys as PostgreSQL text.
function encodeKeyset(sort: EnrollmentSort, keys: string[]): string {
  return encodeKeys([sort, ...keys]);
}

function decodeKeyset(cursor: string, sort: EnrollmentSort): string[] {
  const parsed = decodeKeys(cursor, SORTS[sort].keys.length + 1);
  if (parsed[0] !== sort) throw new UserError('INVALID_INPUT', 'after');
  const keys = parsed.slice(1) as string[];
  const valid = SORTS[sort].keys.every((key, i) => {
    const value = keys[i]!;
    if (key.cast === 'int') return /^\d{1,3}$/.test(value);
    if (key.cast === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (key.cast === 'timestamptz') return /^\d{4}-\d{2}-\d{2} [\d:.]+[+-][\d:]+$/.test(value);
    return value.length <= 400;
  });
  if (!valid) throw new UserError('INVALID_INPUT', 'after');
  return keys;
}

interface CheckedFilter {
  cohortId: string | null;
  tradeId: string | null;
  status: EnrollmentStatus[] | null;
  sex: 'F' | 'M' | null;
  minAge: number | null;
  maxAge: number | null;
  province: string | null;
  searchTerms: string[];
}

function checkFilter(filter: EnrollmentFilter | null | undefined): CheckedFilter {
  const f = filter ?? {};
  const id = (value: string | null | undefined, field: string) => {
    if (value == null) return null;
    if (!isUuid(value)) throw new UserError('INVALID_INPUT', field);
    return value;
  };
  const age = (value: number | null | undefined, field: string) => {
    if (value == null) return null;
    if (!Number.isInteger(value) || value < 0 || value > 150) throw new UserError('INVALID_INPUT', field);
    return value;
  };
  const minAge = age(f.minAge, 'minAge');
  const maxAge = age(f.maxAge, 'maxAge');
  if (minAge !== null && maxAge !== null && minAge > maxAge) throw new UserError('INVALID_INPUT', 'maxAge');
  const province = f.province?.trim() || null;
  if (province !== null && province.length > 100) throw new UserError('INVALID_INPUT', 'province');
  const search = f.search?.trim() ?? '';
  if (search.length > 100) throw new UserError('INVALID_INPUT', 'search');
  return {
    cohortId: id(f.cohortId, 'cohortId'),
    tradeId: id(f.tradeId, 'tradeId'),
    status: f.status && f.status.length > 0 ? [...new Set(f.status)] : null,
    sex: f.sex ?? null,
    minAge,
    maxAge,
    province,
    // Every word must match somewhere (names, CIN or phone), in any order.
    searchTerms: search ? search.toLowerCase().split(/\s+/).slice(0, 6) : [],
  };
}

export type EnrollmentConnection = Connection<EnrollmentRow>;

export async function listEnrollments(
  ctx: Context,
  args: {
    first?: number | null;
    after?: string | null;
    filter?: EnrollmentFilter | null;
    sort?: EnrollmentSort | null;
  },
): Promise<EnrollmentConnection> {
  const actor = await requireMember(ctx);
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_ENROLLMENT_PAGE) {
    throw new UserError('INVALID_INPUT', 'first');
  }
  const sortName = args.sort ?? 'LAST_NAME';
  const sort = SORTS[sortName];
  if (!sort) throw new UserError('INVALID_INPUT', 'sort');
  const after = args.after ? decodeKeyset(args.after, sortName) : null;
  const filter = checkFilter(args.filter);
  const scope = personScope(actor);

  // Age is counted on the centre's calendar (its time zone data is ours, not PostgreSQL's).
  const today =
    filter.minAge !== null || filter.maxAge !== null
      ? todayIn((await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!.timezone)
      : null;

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('enrollment as e')
      .innerJoin('person as p', (join) =>
        join.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
      )
      .$if(scope.kind === 'OWN', (qb) => qb.where('p.user_id', '=', actor.userId))
      .$if(scope.kind === 'HOSTS', (qb) => qb.where(placedAtHosts(actor.hostIds)))
      .$if(filter.cohortId !== null, (qb) => qb.where('e.cohort_id', '=', filter.cohortId!))
      .$if(filter.tradeId !== null, (qb) =>
        qb.where('e.cohort_id', 'in', (eb) =>
          eb
            .selectFrom('cohort as c')
            .innerJoin('programme as pr', (join) =>
              join.onRef('pr.tenant_id', '=', 'c.tenant_id').onRef('pr.id', '=', 'c.programme_id'),
            )
            .select('c.id')
            .where('pr.trade_id', '=', filter.tradeId!),
        ),
      )
      .$if(filter.status !== null, (qb) => qb.where('e.status', 'in', filter.status!))
      .$if(filter.sex !== null, (qb) => qb.where('p.sex', '=', filter.sex!))
      // age >= minAge ⇔ born on or before today minus minAge years (29 February falls back to the 28th,
      // as ageOn counts it).
      .$if(filter.minAge !== null, (qb) =>
        qb.where(
          'p.birth_date',
          '<=',
          sql<string>`(${today}::date - make_interval(years => ${filter.minAge}::int))::date`,
        ),
      )
      // age <= maxAge ⇔ not yet maxAge + 1 ⇔ born after today minus (maxAge + 1) years.
      .$if(filter.maxAge !== null, (qb) =>
        qb.where(
          'p.birth_date',
          '>',
          sql<string>`(${today}::date - make_interval(years => ${filter.maxAge! + 1}::int))::date`,
        ),
      )
      .$if(filter.province !== null, (qb) =>
        qb.where(sql`lower(${ref('p.province')})`, '=', filter.province!.toLowerCase()),
      )
      .$if(filter.searchTerms.length > 0, (qb) =>
        qb.where((eb) =>
          eb.and(
            filter.searchTerms.map((term) => {
              // A phone is found as typed locally too: "0612345678" or "612345" finds +212612345678.
              const phone = normalizePhone(term);
              const digits = term.replace(/^(\+|00)/, '').replace(/^0/, '');
              return eb.or([
                foundIn(eb.ref('p.search_text'), term),
                eb(sql`lower(${ref('p.cin')})`, 'like', containing(term)),
                ...(phone ? [eb('p.phone', '=', phone)] : []),
                ...(/^\d{3,}$/.test(digits) ? [eb('p.phone', 'like', containing(digits))] : []),
              ]);
            }),
          ),
        ),
      );

    const page = filtered
      .selectAll('e')
      .select(sort.keys.map((key, i) => sql<string>`${key.expr}::text`.as(`k${i}`)))
      .$if(after !== null, (qb) =>
        qb.where(
          sql<SqlBool>`(${sql.join(sort.keys.map((k) => k.expr))}) ${sql.raw(sort.descending ? '<' : '>')} (${sql.join(
            sort.keys.map((k, i) => sql`${after![i]}::${sql.raw(k.cast)}`),
          )})`,
        ),
      )
      .$call((qb) => {
        let ordered = qb;
        for (const key of sort.keys) ordered = ordered.orderBy(key.expr, sort.descending ? 'desc' : 'asc');
        return ordered;
      })
      .limit(first + 1);

    const [rows, total] = await Promise.all([
      page.execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, first, total.n, (row) => {
      const keys = sort.keys.map((_, i) => (row as unknown as Record<string, string>)[`k${i}`]!);
      const node = Object.fromEntries(
        Object.entries(row).filter(([column]) => !/^k\d+$/.test(column)),
      ) as unknown as EnrollmentRow;
      return { cursor: encodeKeyset(sortName, keys), node };
    });
  });
}
