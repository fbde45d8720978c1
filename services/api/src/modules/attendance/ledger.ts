import { sql } from 'kysely';
import type { CohortRow, EnrollmentRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { LedgerFigures, LedgerSort, LedgerStatus } from '../../graphql/generated/resolvers.js';
import { isUuid, uniqueUuids } from '../../lib/ids.js';
import { ownEnrollmentIds } from '../enrollment/service.js';
import { requireMember } from '../identity/access.js';
import { READERS } from '../people/scope.js';
import { tenantToday } from '../people/service.js';
import { cohortsByIds, programmesByIds } from '../programmes/service.js';
import { type ExpectedScope, expectedSlotsSql } from '../timetable/expected.js';
import { settingsIn } from '../timetable/service.js';

/*
 * The 20/80 ledger: planned against attended hours, theory (centre) against practice (workshop).
 *
 * Per trainee, over a range of days (the cohort's own dates up to today by default):
 * - planned: every expected slot in the range (timetable/expected.ts is the one definition of who
 *   is expected where), future ones included;
 * - attended: the hours of PRESENT and LATE entries at expected slots (never more than the slot);
 * - unrecorded: the hours of expected slots BEFORE TODAY (in the centre's zone) without any entry.
 *   Today's sessions are not "unrecorded" yet: the register is usually taken at the end of the day;
 * - due: the hours that should have been accounted for by now = the slots that have an entry plus
 *   the unrecorded ones. attendanceRate = attended ÷ due, so an unrecorded session counts as not
 *   attended, never as present, and a session recorded this morning counts as soon as it is.
 * - actualTheoryShare = attended theory ÷ attended (null before any attended hour), drift =
 *   actual − the programme's theory_share.
 * Status, with t = the tenant's ledger tolerance (timetable_setting, 0.05 when unset):
 * - OFF_TRACK when |drift| > 2t or attendanceRate < 0.6;
 * - AT_RISK when |drift| > t, attendanceRate < 0.8, or more than 10 % of the due hours are unrecorded
 *   (the figures cannot be trusted to say the trainee is on track);
 * - ON_TRACK otherwise, including a trainee with nothing attended and nothing due yet.
 * Cohort and tenant figures add up the same hours (never an average of ratios) and are judged by
 * the same rules. The tenant's target is the cohorts' targets weighted by their planned hours.
 */

/** When neither programme nor plan says anything (a tenant without cohorts): the DESIGN default. */
const DEFAULT_TARGET = 0.2;
const OFF_TRACK_RATE = 0.6;
const AT_RISK_RATE = 0.8;
const AT_RISK_UNRECORDED = 0.1;
// Sums of float hours: 0.25 - 0.2 must not read as more than 0.05.
const EPSILON = 1e-9;

/** Hours of one trainee, cohort or centre: what the figures are computed from. */
export interface Tally {
  plannedTheory: number;
  plannedPractice: number;
  attendedTheory: number;
  attendedPractice: number;
  unrecorded: number;
  due: number;
}

const ZERO: Tally = {
  plannedTheory: 0,
  plannedPractice: 0,
  attendedTheory: 0,
  attendedPractice: 0,
  unrecorded: 0,
  due: 0,
};

export function addTallies(tallies: readonly Tally[]): Tally {
  const sum = { ...ZERO };
  for (const t of tallies) for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] += t[key];
  return sum;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** The figures and status of a tally against a target theory share (see the rules above). */
export function ledgerFigures(tally: Tally, target: number, tolerance: number): LedgerFigures {
  const attended = tally.attendedTheory + tally.attendedPractice;
  const share = attended > 0 ? tally.attendedTheory / attended : null;
  const drift = share === null ? null : share - target;
  const rate = tally.due > 0 ? attended / tally.due : null;
  const unrecordedShare = tally.due > 0 ? tally.unrecorded / tally.due : 0;
  const gap = drift === null ? 0 : Math.abs(drift);
  let status: LedgerStatus = 'ON_TRACK';
  if (gap > 2 * tolerance + EPSILON || (rate !== null && rate < OFF_TRACK_RATE - EPSILON))
    status = 'OFF_TRACK';
  else if (
    gap > tolerance + EPSILON ||
    (rate !== null && rate < AT_RISK_RATE - EPSILON) ||
    unrecordedShare > AT_RISK_UNRECORDED + EPSILON
  )
    status = 'AT_RISK';
  return {
    plannedTheoryHours: round(tally.plannedTheory, 2),
    plannedPracticeHours: round(tally.plannedPractice, 2),
    attendedTheoryHours: round(tally.attendedTheory, 2),
    attendedPracticeHours: round(tally.attendedPractice, 2),
    unrecordedHours: round(tally.unrecorded, 2),
    targetTheoryShare: round(target, 4),
    actualTheoryShare: share === null ? null : round(share, 4),
    drift: drift === null ? null : round(drift, 4),
    attendanceRate: rate === null ? null : round(rate, 4),
    status,
  };
}

// ---------------------------------------------------------------------------------------------
// SQL: every figure of every trainee in scope in one statement

/** Explicit bounds, or null for each cohort's own: its start, and its end or today if earlier. */
interface Range {
  from: string | null;
  to: string | null;
  today: string;
}

interface TallyColumns {
  planned_theory: number;
  planned_practice: number;
  attended_theory: number;
  attended_practice: number;
  unrecorded: number;
  due: number;
}

const toTally = (row: TallyColumns): Tally => ({
  plannedTheory: row.planned_theory,
  plannedPractice: row.planned_practice,
  attendedTheory: row.attended_theory,
  attendedPractice: row.attended_practice,
  unrecorded: row.unrecorded,
  due: row.due,
});

/**
 * Per enrollment: the hours of its expected slots in range, joined with attendance. A subquery of
 * (enrollment_id, cohort_id, planned_theory, …, due), all float8.
 */
function talliesSql(scope: Pick<ExpectedScope, 'cohortIds' | 'enrollmentIds'>, range: Range) {
  const slots = expectedSlotsSql({ ...scope, from: range.from ?? undefined, to: range.to ?? undefined });
  const attended = sql`least(a.hours::float8, x.hours)`;
  return sql`
    select x.enrollment_id, x.cohort_id,
           coalesce(sum(x.hours) filter (where x.kind = 'THEORY'), 0)::float8 as planned_theory,
           coalesce(sum(x.hours) filter (where x.kind = 'PRACTICE'), 0)::float8 as planned_practice,
           coalesce(sum(${attended}) filter (where x.kind = 'THEORY' and a.status in ('PRESENT', 'LATE')), 0)::float8
             as attended_theory,
           coalesce(sum(${attended}) filter (where x.kind = 'PRACTICE' and a.status in ('PRESENT', 'LATE')), 0)::float8
             as attended_practice,
           coalesce(sum(x.hours) filter (where a.id is null and x.day::date < ${range.today}::date), 0)::float8
             as unrecorded,
           coalesce(sum(x.hours) filter (where a.id is not null or x.day::date < ${range.today}::date), 0)::float8
             as due
      from (${slots}) x
      join cohort c on c.id = x.cohort_id
      left join attendance a on a.session_id = x.session_id and a.enrollment_id = x.enrollment_id
     where x.day::date >= coalesce(${range.from}::date, c.starts_on)
       and x.day::date <= coalesce(${range.to}::date, least(c.ends_on, ${range.today}::date))
     group by x.enrollment_id, x.cohort_id`;
}

interface TraineeRow extends TallyColumns {
  enrollment: EnrollmentRow;
  /** The theory share of the enrollment's programme. */
  target: number;
  last_name: string;
  first_name: string;
}

const ENROLLMENT_COLUMNS = [
  'tenant_id',
  'id',
  'person_id',
  'cohort_id',
  'status',
  'status_reason',
  'status_changed_at',
  'created_at',
] as const satisfies readonly (keyof EnrollmentRow)[];

const COHORT_COLUMNS = [
  'tenant_id',
  'id',
  'programme_id',
  'label',
  'starts_on',
  'ends_on',
  'capacity',
  'phase',
  'created_at',
] as const satisfies readonly (keyof CohortRow)[];

/** The row of `columns` out of a wider result row (the table's columns selected with `x.*`). */
function pick<T>(row: Record<string, unknown>, columns: readonly (keyof T & string)[]): T {
  return Object.fromEntries(columns.map((column) => [column, row[column]])) as T;
}

const TALLY_COLUMNS = sql`
  coalesce(t.planned_theory, 0)::float8 as planned_theory, coalesce(t.planned_practice, 0)::float8 as planned_practice,
  coalesce(t.attended_theory, 0)::float8 as attended_theory,
  coalesce(t.attended_practice, 0)::float8 as attended_practice,
  coalesce(t.unrecorded, 0)::float8 as unrecorded, coalesce(t.due, 0)::float8 as due`;

/**
 * Trainees of a cohort (or the given enrollments) with their tallies: those with any expected slot
 * in range, and the enrolled or graduated ones without (all zeros), in one statement.
 */
async function traineeTallies(
  tx: Tx,
  scope: { cohortId: string } | { enrollmentIds: readonly string[] },
  range: Range,
): Promise<TraineeRow[]> {
  const byCohort = 'cohortId' in scope;
  if (!byCohort && scope.enrollmentIds.length === 0) return [];
  const tallies = talliesSql(
    byCohort ? { cohortIds: [scope.cohortId] } : { enrollmentIds: scope.enrollmentIds },
    range,
  );
  const inScope = byCohort
    ? sql`e.cohort_id = ${scope.cohortId}`
    : sql`e.id in (${sql.join([...new Set(scope.enrollmentIds)])})`;
  const { rows } = await sql<
    Record<string, unknown> & TallyColumns & { target: number; last_name: string; first_name: string }
  >`
    select e.*, pr.theory_share::float8 as target, p.last_name_latin as last_name,
           p.first_name_latin as first_name, ${TALLY_COLUMNS}
      from enrollment e
      join person p on p.tenant_id = e.tenant_id and p.id = e.person_id
      join cohort c on c.tenant_id = e.tenant_id and c.id = e.cohort_id
      join programme pr on pr.tenant_id = c.tenant_id and pr.id = c.programme_id
      left join (${tallies}) t on t.enrollment_id = e.id
     where ${inScope}
       and (t.enrollment_id is not null or e.status in ('ENROLLED', 'GRADUATED'))`.execute(tx);
  return rows.map((row) => ({ ...row, enrollment: pick<EnrollmentRow>(row, ENROLLMENT_COLUMNS) }));
}

interface CohortTallyRow extends TallyColumns {
  cohort: CohortRow;
  target: number;
}

/** Every cohort of the tenant with slots in the range or dates overlapping it, with its summed hours. */
async function cohortTallies(tx: Tx, range: Range & { from: string; to: string }): Promise<CohortTallyRow[]> {
  const { rows } = await sql<Record<string, unknown> & TallyColumns & { target: number }>`
    with t as (
      select per.cohort_id, sum(per.planned_theory) as planned_theory, sum(per.planned_practice) as planned_practice,
             sum(per.attended_theory) as attended_theory, sum(per.attended_practice) as attended_practice,
             sum(per.unrecorded) as unrecorded, sum(per.due) as due
        from (${talliesSql({}, range)}) per
       group by per.cohort_id)
    select c.*, pr.theory_share::float8 as target, ${TALLY_COLUMNS}
      from cohort c
      join programme pr on pr.tenant_id = c.tenant_id and pr.id = c.programme_id
      left join t on t.cohort_id = c.id
     where t.cohort_id is not null or (c.starts_on <= ${range.to}::date and c.ends_on >= ${range.from}::date)
     order by c.starts_on, c.label, c.id`.execute(tx);
  return rows.map((row) => ({ ...row, cohort: pick<CohortRow>(row, COHORT_COLUMNS) }));
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface TraineeLedger {
  enrollment: EnrollmentRow;
  figures: LedgerFigures;
}

export interface CohortLedger {
  cohort: CohortRow;
  figures: LedgerFigures;
  trainees: TraineeLedger[];
}

export interface TenantLedger {
  figures: LedgerFigures;
  cohorts: CohortLedger[];
}

function checkRange(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw new UserError('INVALID_INPUT', 'to');
}

const STATUS_RANK: Record<LedgerStatus, number> = { OFF_TRACK: 0, AT_RISK: 1, ON_TRACK: 2 };

/** NAME: by Latin last and first name. DRIFT: the most worrying first (see LedgerSort). */
function sortTrainees(rows: (TraineeLedger & { name: string })[], sort: LedgerSort) {
  const byName = (
    a: { name: string; enrollment: EnrollmentRow },
    b: { name: string; enrollment: EnrollmentRow },
  ) => a.name.localeCompare(b.name, 'fr') || a.enrollment.id.localeCompare(b.enrollment.id);
  if (sort === 'NAME') return rows.sort(byName);
  // Worst status first; within one, the largest drift, then the lowest attendance; nulls last.
  const gap = (f: LedgerFigures) => (f.drift === null || f.drift === undefined ? -1 : Math.abs(f.drift));
  const rate = (f: LedgerFigures) => f.attendanceRate ?? 2;
  return rows.sort(
    (a, b) =>
      STATUS_RANK[a.figures.status] - STATUS_RANK[b.figures.status] ||
      gap(b.figures) - gap(a.figures) ||
      rate(a.figures) - rate(b.figures) ||
      byName(a, b),
  );
}

/**
 * A cohort's ledger, trainee by trainee. Staff only: a host artisan is refused (the ledger is the
 * centre's oversight and shows theory attendance in the centre, which is none of the workshop's
 * business; the artisan sees their own registers through the sessions), and so is a trainee (their
 * figures are in myLedger).
 */
export async function cohortLedger(
  ctx: Context,
  args: { cohortId: string; from?: string | null; to?: string | null; sort?: LedgerSort | null },
): Promise<CohortLedger> {
  const actor = await requireMember(ctx, READERS);
  if (!isUuid(args.cohortId)) throw new UserError('NOT_FOUND', 'cohortId');
  checkRange(args.from, args.to);
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const cohort = (await cohortsByIds(tx, [args.cohortId])).get(args.cohortId);
    if (!cohort) throw new UserError('NOT_FOUND', 'cohortId');
    const programme = (await programmesByIds(tx, [cohort.programme_id])).get(cohort.programme_id);
    const target = programme ? Number(programme.theory_share) : DEFAULT_TARGET;
    const tolerance = (await settingsIn(tx)).ledger_tolerance;
    const rows = await traineeTallies(
      tx,
      { cohortId: cohort.id },
      { from: args.from ?? null, to: args.to ?? null, today },
    );
    const trainees = rows.map((row) => ({
      enrollment: row.enrollment,
      figures: ledgerFigures(toTally(row), target, tolerance),
      name: `${row.last_name} ${row.first_name}`.toLowerCase(),
    }));
    return {
      cohort,
      figures: ledgerFigures(addTallies(rows.map(toTally)), target, tolerance),
      trainees: sortTrainees(trainees, args.sort ?? 'DRIFT').map(({ enrollment, figures }) => ({
        enrollment,
        figures,
      })),
    };
  });
}

/** The centre's ledger over a range, cohort by cohort (their trainee lists left empty). Staff only. */
export async function tenantLedger(ctx: Context, args: { from: string; to: string }): Promise<TenantLedger> {
  const actor = await requireMember(ctx, READERS);
  checkRange(args.from, args.to);
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const tolerance = (await settingsIn(tx)).ledger_tolerance;
    const rows = await cohortTallies(tx, { from: args.from, to: args.to, today });
    const tallies = rows.map(toTally);
    const total = addTallies(tallies);
    const planned = (t: Tally) => t.plannedTheory + t.plannedPractice;
    const weight = planned(total);
    const target =
      rows.length === 0
        ? DEFAULT_TARGET
        : weight > 0
          ? rows.reduce((sum, row, i) => sum + row.target * planned(tallies[i]!), 0) / weight
          : rows.reduce((sum, row) => sum + row.target, 0) / rows.length;
    return {
      figures: ledgerFigures(total, target, tolerance),
      cohorts: rows.map((row, i) => ({
        cohort: row.cohort,
        figures: ledgerFigures(tallies[i]!, row.target, tolerance),
        trainees: [],
      })),
    };
  });
}

/**
 * The ledger figures of given enrollments over their cohorts' own dates up to `today`, inside the
 * caller's transaction (graduation rules, the hours a certificate states): the same statement as
 * the ledger queries, so the figures agree with what staff see. Two statements for any number of
 * enrollments. An enrollment with nothing expected that is neither ENROLLED nor GRADUATED is absent.
 */
export async function ledgerOfEnrollments(
  tx: Tx,
  enrollmentIds: readonly string[],
  today: string,
): Promise<Map<string, LedgerFigures>> {
  const ids = uniqueUuids(enrollmentIds);
  if (ids.length === 0) return new Map();
  const tolerance = (await settingsIn(tx)).ledger_tolerance;
  const rows = await traineeTallies(tx, { enrollmentIds: ids }, { from: null, to: null, today });
  return new Map(rows.map((row) => [row.enrollment.id, ledgerFigures(toTally(row), row.target, tolerance)]));
}

/**
 * The caller's own ledger, one entry per enrollment of the person record linked to their account
 * (a trainee's; staff have none), each over its cohort's dates unless a range is given.
 */
export async function myLedger(
  ctx: Context,
  args: { from?: string | null; to?: string | null },
): Promise<TraineeLedger[]> {
  const actor = await requireMember(ctx);
  checkRange(args.from, args.to);
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const own = await ownEnrollmentIds(tx, actor.userId);
    if (own.length === 0) return [];
    const tolerance = (await settingsIn(tx)).ledger_tolerance;
    const rows = await traineeTallies(
      tx,
      { enrollmentIds: own },
      { from: args.from ?? null, to: args.to ?? null, today },
    );
    return rows
      .sort((a, b) => b.enrollment.created_at.getTime() - a.enrollment.created_at.getTime())
      .map((row) => ({
        enrollment: row.enrollment,
        figures: ledgerFigures(toTally(row), row.target, tolerance),
      }));
  });
}
