import { sql } from 'kysely';
import type {
  AttendanceRow,
  ClassSessionRow,
  CohortRow,
  EnrollmentRow,
  HolidayRow,
  HostRow,
} from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  AddHolidayInput,
  GenerateTimetableInput,
  LoadMoroccanHolidaysInput,
  QuerySessionsArgs,
  RemoveHolidayInput,
  Role,
  TimetableSettings,
  UpdateTimetableSettingsInput,
} from '../../graphql/generated/resolvers.js';
import { isUuid, newId, uniqueUuids } from '../../lib/ids.js';
import { addDays, todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { hostsByIds } from '../hosts/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { WRITERS } from '../people/scope.js';
import { cohortsByIds } from '../programmes/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { daysInRange } from './clock.js';
import { expectedSlotsSql } from './expected.js';
import { type GenerateResult, generateInTx } from './generate.js';
import { moroccanHolidays } from './holidays.js';
import { applySettingsInput, settingsIn, settingsView } from './settings.js';
import { audienceOf, sessionVisible, traineeVisible } from './visibility.js';

export { type GenerateResult, generateInTx } from './generate.js';
export { DEFAULT_SETTINGS, type Settings, settingsIn } from './settings.js';
export { audienceOf, type SessionAudience, sessionVisible, traineeVisible } from './visibility.js';

/** Who edits the holiday list and generates timetables. */
const TIMETABLE_WRITERS: readonly Role[] = WRITERS;
/** The settings change how every trainee's ledger reads: the director's call. */
const SETTINGS_WRITERS: readonly Role[] = ['DIRECTOR'];
/** A sessions query spans at most this many days (a term's quarter). */
export const MAX_SESSION_DAYS = 92;
const NAME_MAX = 120;

// ---------------------------------------------------------------------------------------------
// Reads other modules may call inside their own tenant transaction (no access check: the caller
// has decided who may see what it names).
// ---------------------------------------------------------------------------------------------

export async function sessionsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, ClassSessionRow>> {
  const wanted = uniqueUuids(ids);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('class_session').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Sessions by id as the actor may see them (the Attendance.session loader, session(id)). */
export async function visibleSessionsByIds(
  tx: Tx,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, ClassSessionRow>> {
  const wanted = uniqueUuids(ids);
  if (wanted.length === 0) return new Map();
  const audience = await audienceOf(tx, actor);
  const rows = await tx
    .selectFrom('class_session as s')
    .selectAll('s')
    .where('s.id', 'in', wanted)
    .where(sessionVisible(audience))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The sessions some enrollments are expected at between two days (inclusive), by day and start:
 * a trainee's schedule, their calendar feed. Cancelled sessions expect nobody, so they are absent.
 */
export async function sessionsOfEnrollments(
  tx: Tx,
  enrollmentIds: readonly string[],
  from: string,
  to: string,
): Promise<ClassSessionRow[]> {
  if (enrollmentIds.length === 0) return [];
  return tx
    .selectFrom('class_session as s')
    .selectAll('s')
    .where(
      sql<boolean>`s.id in (select x.session_id from (${expectedSlotsSql({ enrollmentIds, from, to })}) x)`,
    )
    .orderBy('s.day')
    .orderBy('s.starts_at')
    .orderBy('s.kind')
    .orderBy('s.id')
    .execute();
}

/** The tenant's holidays and closures between two days (inclusive), by day. */
export async function holidaysBetween(tx: Tx, from: string, to: string): Promise<HolidayRow[]> {
  return tx
    .selectFrom('holiday')
    .selectAll()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------------------------

function checkRange(from: string, to: string, maxDays?: number): void {
  if (from > to) throw new UserError('INVALID_INPUT', 'to');
  if (maxDays !== undefined && daysInRange(from, to) > maxDays) throw new UserError('INVALID_INPUT', 'to');
}

export async function listHolidays(ctx: Context, args: { from: string; to: string }): Promise<HolidayRow[]> {
  const actor = await requireMember(ctx);
  checkRange(args.from, args.to);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => holidaysBetween(tx, args.from, args.to));
}

function checkName(raw: string, field: 'nameFr' | 'nameAr'): string {
  const name = raw.trim();
  if (name.length === 0) throw new UserError('REQUIRED', field);
  if (name.length > NAME_MAX) throw new UserError('INVALID_INPUT', field);
  return name;
}

// The unique (tenant, day) index is the last word on a day already listed (two at once included).
function dayTaken(error: unknown): never {
  const e = error as { code?: string };
  if (e?.code === '23505') throw new UserError('DAY_TAKEN', 'day');
  throw error;
}

export async function addHoliday(ctx: Context, input: AddHolidayInput): Promise<{ holiday: HolidayRow }> {
  const actor = await requireMember(ctx, TIMETABLE_WRITERS);
  const nameFr = checkName(input.nameFr, 'nameFr');
  const nameAr = checkName(input.nameAr, 'nameAr');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const taken = await tx.selectFrom('holiday').select('id').where('day', '=', input.day).executeTakeFirst();
    if (taken) throw new UserError('DAY_TAKEN', 'day');
    const holiday = await tx
      .insertInto('holiday')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        day: input.day,
        kind: input.kind,
        name_fr: nameFr,
        name_ar: nameAr,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(dayTaken);
    await recordAudit(tx, actor, {
      action: 'holiday.added',
      entityType: 'holiday',
      entityIds: [holiday.id],
      data: { day: holiday.day, kind: holiday.kind },
    });
    return { holiday };
  });
}

export async function removeHoliday(
  ctx: Context,
  input: RemoveHolidayInput,
): Promise<{ holiday: HolidayRow }> {
  const actor = await requireMember(ctx, TIMETABLE_WRITERS);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const holiday = await tx
      .deleteFrom('holiday')
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirst();
    if (!holiday) throw new UserError('NOT_FOUND', 'id');
    await recordAudit(tx, actor, {
      action: 'holiday.removed',
      entityType: 'holiday',
      entityIds: [holiday.id],
      data: { day: holiday.day, kind: holiday.kind, nameFr: holiday.name_fr },
    });
    return { holiday };
  });
}

/** Years a centre may load: the fixed holidays are known for any of them. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Adds the year's Moroccan public holidays the list lacks; a day already listed is left as it is. */
export async function loadMoroccanHolidays(
  ctx: Context,
  input: LoadMoroccanHolidaysInput,
): Promise<{ added: HolidayRow[] }> {
  const actor = await requireMember(ctx, TIMETABLE_WRITERS);
  if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > LAST_YEAR) {
    throw new UserError('INVALID_INPUT', 'year');
  }
  const entries = moroccanHolidays(input.year);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const added = await tx
      .insertInto('holiday')
      .values(
        entries.map((entry) => ({
          tenant_id: actor.tenantId,
          id: newId(),
          kind: 'PUBLIC_HOLIDAY',
          ...entry,
        })),
      )
      .onConflict((oc) => oc.columns(['tenant_id', 'day']).doNothing())
      .returningAll()
      .execute();
    added.sort((a, b) => a.day.localeCompare(b.day));
    await recordAudit(tx, actor, {
      action: 'holiday.loaded',
      entityType: 'holiday',
      entityIds: added.map((h) => h.id),
      data: { year: input.year, added: added.length },
    });
    return { added };
  });
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export async function getTimetableSettings(ctx: Context): Promise<TimetableSettings> {
  const actor = await requireMember(ctx);
  return settingsView(await withTenant(ctx.deps.db, actor.tenantId, settingsIn));
}

export async function updateTimetableSettings(
  ctx: Context,
  input: UpdateTimetableSettingsInput,
): Promise<{ settings: TimetableSettings }> {
  const actor = await requireMember(ctx, SETTINGS_WRITERS);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Locked (when it exists) so two edits of different fields do not undo each other.
    await tx.selectFrom('timetable_setting').select('id').forUpdate().execute();
    const next = applySettingsInput(await settingsIn(tx), input);
    const values = { ...next, ledger_tolerance: next.ledger_tolerance.toFixed(2) };
    // The row is created on the first write; until then the defaults stand.
    const row = await tx
      .insertInto('timetable_setting')
      .values({ tenant_id: actor.tenantId, id: newId(), ...values })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'timetable.settings_updated',
      entityType: 'timetable_setting',
      entityIds: [row.id],
      data: { ...next },
    });
    return { settings: settingsView(next) };
  });
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

export async function generateTimetable(
  ctx: Context,
  input: GenerateTimetableInput,
): Promise<GenerateResult> {
  const actor = await requireMember(ctx, TIMETABLE_WRITERS);
  if (!isUuid(input.cohortId)) throw new UserError('NOT_FOUND', 'cohortId');
  const tenant = (await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) =>
    generateInTx(tx, actor, tenant, await settingsIn(tx), input),
  );
}

// ---------------------------------------------------------------------------------------------
// Session reads
// ---------------------------------------------------------------------------------------------

export async function listSessions(ctx: Context, args: QuerySessionsArgs): Promise<ClassSessionRow[]> {
  const actor = await requireMember(ctx);
  checkRange(args.from, args.to, MAX_SESSION_DAYS);
  // An id that is not even a UUID names nothing: an empty list, not a database error.
  if ((args.cohortId != null && !isUuid(args.cohortId)) || (args.hostId != null && !isUuid(args.hostId)))
    return [];
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const audience = await audienceOf(tx, actor);
    return tx
      .selectFrom('class_session as s')
      .selectAll('s')
      .where('s.day', '>=', args.from)
      .where('s.day', '<=', args.to)
      .$if(args.cohortId != null, (qb) => qb.where('s.cohort_id', '=', args.cohortId!))
      .$if(args.hostId != null, (qb) => qb.where('s.host_id', '=', args.hostId!))
      .$if(args.kind != null, (qb) => qb.where('s.kind', '=', args.kind!))
      .where(sessionVisible(audience, { from: args.from, to: args.to }))
      .orderBy('s.day')
      .orderBy('s.starts_at')
      .orderBy('s.kind')
      .orderBy('s.id')
      .execute();
  });
}

/** One session, or null when there is none or the caller may not see it (no hint which). */
export async function getSession(ctx: Context, id: string): Promise<ClassSessionRow | null> {
  const actor = await requireMember(ctx);
  if (!isUuid(id)) return null;
  const found = await withTenant(ctx.deps.db, actor.tenantId, (tx) => visibleSessionsByIds(tx, actor, [id]));
  return found.get(id) ?? null;
}

/** Sessions for a loader (Attendance.session), under the same rule as session(id). */
export async function readSessions(
  ctx: Context,
  ids: readonly string[],
): Promise<Map<string, ClassSessionRow>> {
  const actor = await requireMember(ctx);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => visibleSessionsByIds(tx, actor, ids));
}

export const MAX_SCHEDULE_DAYS = 92;

/** The signed-in trainee's sessions from today (the centre's today) for `days` days. */
export async function mySchedule(ctx: Context, days: number | null | undefined): Promise<ClassSessionRow[]> {
  const actor = await requireMember(ctx);
  const span = days ?? 14;
  if (!Number.isInteger(span) || span < 1 || span > MAX_SCHEDULE_DAYS)
    throw new UserError('INVALID_INPUT', 'days');
  if (!actor.roles.includes('TRAINEE')) return [];
  const tenant = (await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!;
  const from = todayIn(tenant.timezone);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const { enrollmentIds } = await audienceOf(tx, actor);
    return sessionsOfEnrollments(tx, enrollmentIds, from, addDays(from, span - 1));
  });
}

// ---------------------------------------------------------------------------------------------
// Loaders below ClassSession: one statement per field and batch, under the root queries' rules.
// ---------------------------------------------------------------------------------------------

export async function cohortsOfSessions(ctx: Context, sessions: readonly ClassSessionRow[]) {
  const actor = await requireMember(ctx);
  // A session the caller was shown names a cohort from the catalogue every member may read.
  return withTenant(
    ctx.deps.db,
    actor.tenantId,
    (tx): Promise<Map<string, CohortRow>> =>
      cohortsByIds(
        tx,
        sessions.map((s) => s.cohort_id),
      ),
  );
}

export async function hostsOfSessions(ctx: Context, sessions: readonly ClassSessionRow[]) {
  const actor = await requireMember(ctx);
  const ids = sessions.flatMap((s) => (s.host_id ? [s.host_id] : []));
  if (ids.length === 0) return new Map<string, HostRow>();
  // The host is where a visible practice session takes place: a trainee sees their workshop.
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => hostsByIds(tx, ids));
}

/** The trainees expected at each session whom the caller may see, by name. */
export async function expectedAtSessions(
  ctx: Context,
  sessionIds: readonly string[],
): Promise<Map<string, EnrollmentRow[]>> {
  const actor = await requireMember(ctx);
  const bySession = new Map<string, EnrollmentRow[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return bySession;
  await withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const audience = await audienceOf(tx, actor);
    // There is no enrollment read by id to call; the expected slots already join enrollment, and
    // its row comes along in the same statement.
    const { rows } = await sql<EnrollmentRow & { expected_session_id: string }>`
      select x.session_id as expected_session_id, e.*
        from (${expectedSlotsSql({ sessionIds })}) x
        join class_session s on s.id = x.session_id
        join enrollment e on e.id = x.enrollment_id
        join person p on p.id = e.person_id
       where ${traineeVisible(audience, sql.ref('e.id'))}
       order by p.last_name_latin, p.first_name_latin, e.id`.execute(tx);
    for (const { expected_session_id, ...enrollment } of rows) {
      bySession.get(expected_session_id)?.push(enrollment);
    }
  });
  return bySession;
}

/** Attendance taken at each session, of the trainees the caller may see. */
export async function attendanceAtSessions(
  ctx: Context,
  sessionIds: readonly string[],
): Promise<Map<string, AttendanceRow[]>> {
  const actor = await requireMember(ctx);
  const bySession = new Map<string, AttendanceRow[]>(sessionIds.map((id) => [id, []]));
  const wanted = uniqueUuids(sessionIds);
  if (wanted.length === 0) return bySession;
  await withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const audience = await audienceOf(tx, actor);
    const rows = await tx
      .selectFrom('attendance as a')
      .innerJoin('class_session as s', (join) =>
        join.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.id', '=', 'a.session_id'),
      )
      .selectAll('a')
      .where('a.session_id', 'in', wanted)
      .where(traineeVisible(audience, sql.ref('a.enrollment_id')))
      .orderBy('a.recorded_at')
      .orderBy('a.id')
      .execute();
    for (const row of rows) bySession.get(row.session_id)?.push(row);
  });
  return bySession;
}
