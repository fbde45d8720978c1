import { sql } from 'kysely';
import type { AttendanceEventRow, AttendanceRow, ClassSessionRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  AttendanceStatus,
  ConfirmWeekInput,
  CorrectAttendanceInput,
  RecordAttendanceInput,
} from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { addDays, isoWeekday } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import { hostsByIds } from '../hosts/service.js';
import { type Actor, holdsAny, inTenant, requireMember } from '../identity/access.js';
import { WRITERS } from '../people/scope.js';
import { tenantToday } from '../people/service.js';
import { hoursBetween } from '../timetable/clock.js';
import { expectedSlots, expectedSlotsSql } from '../timetable/expected.js';
import { sessionsByIds } from '../timetable/service.js';
import { RECORDERS, registerAccess } from './access.js';

/** Statuses that count as time spent where the session was (the ledger's "attended"). */
export const ATTENDED: readonly AttendanceStatus[] = ['PRESENT', 'LATE'];
const ABSENT: readonly AttendanceStatus[] = ['ABSENT_EXCUSED', 'ABSENT_UNEXCUSED'];

/** A theory day of the largest cohort (Marrakech had 991 trainees in 2024) fits in one register. */
export const MAX_ENTRIES = 2000;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A session's length in hours, rounded as attendance stores it (numeric(4, 2)). */
export function sessionLength(session: Pick<ClassSessionRow, 'starts_at' | 'ends_at'>): number {
  return round2(hoursBetween(session.starts_at, session.ends_at));
}

/**
 * Hours attended for a status: present defaults to the whole session, absent is 0 (and nothing
 * else), late must say how long the trainee was there. Never more than the session lasted.
 */
function checkHours(status: AttendanceStatus, raw: number | null | undefined, length: number, field: string) {
  if (ABSENT.includes(status)) {
    if (raw != null && raw !== 0) throw new UserError('INVALID_INPUT', field);
    return 0;
  }
  if (raw == null) {
    if (status === 'LATE') throw new UserError('REQUIRED', field);
    return length;
  }
  if (!Number.isFinite(raw) || raw < 0 || round2(raw) > length) throw new UserError('INVALID_INPUT', field);
  return round2(raw);
}

/** An entry's reason: trimmed, null when blank, at most 300 characters; an excused absence needs one. */
function checkEntryReason(status: AttendanceStatus, raw: string | null | undefined, field: string) {
  const reason = raw?.trim() || null;
  if (reason !== null && reason.length > 300) throw new UserError('INVALID_INPUT', field);
  if (status === 'ABSENT_EXCUSED' && (reason === null || reason.length < 2))
    throw new UserError('REASON_REQUIRED', field);
  if (reason !== null && reason.length < 2) throw new UserError('INVALID_INPUT', field);
  return reason;
}

/** A correction says why, briefly. */
function checkCorrectionReason(raw: string | null | undefined): string {
  const reason = raw?.trim() ?? '';
  if (reason.length < 2) throw new UserError('REASON_REQUIRED', 'reason');
  if (reason.length > 300) throw new UserError('INVALID_INPUT', 'reason');
  return reason;
}

/** One error as itself, several as one UserErrors, so the register shows every bad entry at once. */
function throwAll(errors: UserError[]): void {
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new UserErrors(errors);
}

function collect<T>(errors: UserError[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    errors.push(error);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Rows by id (inside the caller's transaction; access already decided)

/**
 * The session whose register the actor wants to take or change, or the reason they may not:
 * NOT_FOUND when it does not exist, is cancelled (for a new register) or is none of their
 * business, FORBIDDEN when they know of it but it is not theirs to record.
 */
async function sessionToRecord(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  field: string,
  options: { cancelledToo?: boolean } = {},
): Promise<ClassSessionRow> {
  const session = (await sessionsByIds(tx, [sessionId])).get(sessionId);
  if (!session || (session.cancelled_at !== null && !options.cancelledToo))
    throw new UserError('NOT_FOUND', field);
  const access = registerAccess(actor, session);
  if (access === 'NONE') throw new UserError('NOT_FOUND', field);
  if (access === 'SEE') throw new UserError('FORBIDDEN', field);
  return session;
}

async function appendEvents(
  tx: Tx,
  actor: Actor,
  events: {
    attendanceId: string;
    from: { status: string; hours: string } | null;
    toStatus: string;
    toHours: number | string;
    reason: string | null;
  }[],
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('attendance_event')
    .values(
      events.map((e) => ({
        tenant_id: actor.tenantId,
        id: newId(),
        attendance_id: e.attendanceId,
        from_status: e.from?.status ?? null,
        to_status: e.toStatus,
        from_hours: e.from?.hours ?? null,
        to_hours: String(e.toHours),
        reason: e.reason,
        actor_user_id: actor.userId,
        at: sql<Date>`now()`,
      })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * Takes a session's register: every entry or none. Each entry is checked (expected there, not yet
 * recorded, hours and reason that fit the status) and every problem is reported at once, named
 * `entries.<index>.<field>`.
 */
export async function recordAttendance(
  ctx: Context,
  input: RecordAttendanceInput,
): Promise<{ attendance: AttendanceRow[] }> {
  const actor = await requireMember(ctx, RECORDERS);
  if (!isUuid(input.sessionId)) throw new UserError('NOT_FOUND', 'sessionId');
  if (input.entries.length === 0 || input.entries.length > MAX_ENTRIES)
    throw new UserError('INVALID_INPUT', 'entries');
  const today = await tenantToday(ctx, actor.tenantId);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const session = await sessionToRecord(tx, actor, input.sessionId, 'sessionId');
    if (session.day > today) throw new UserError('SESSION_IN_FUTURE', 'sessionId');
    const length = sessionLength(session);

    const ids = [...new Set(input.entries.map((e) => e.enrollmentId).filter(isUuid))];
    const expected = new Set(
      (await expectedSlots(tx, { sessionIds: [session.id], enrollmentIds: ids })).map((s) => s.enrollment_id),
    );
    const recorded = new Set(
      ids.length === 0
        ? []
        : (
            await tx
              .selectFrom('attendance')
              .select('enrollment_id')
              .where('session_id', '=', session.id)
              .where('enrollment_id', 'in', ids)
              .execute()
          ).map((r) => r.enrollment_id),
    );

    const errors: UserError[] = [];
    const seen = new Set<string>();
    const entries: {
      enrollmentId: string;
      status: AttendanceStatus;
      hours: number;
      reason: string | null;
    }[] = [];
    input.entries.forEach((entry, i) => {
      const field = (name: string) => `entries.${i}.${name}`;
      const before = errors.length;
      if (!expected.has(entry.enrollmentId))
        errors.push(new UserError('NOT_EXPECTED', field('enrollmentId')));
      else if (recorded.has(entry.enrollmentId))
        errors.push(new UserError('ALREADY_RECORDED', field('enrollmentId')));
      else if (seen.has(entry.enrollmentId))
        errors.push(new UserError('INVALID_INPUT', field('enrollmentId')));
      seen.add(entry.enrollmentId);
      const hours = collect(errors, () => checkHours(entry.status, entry.hours, length, field('hours')));
      const reason = collect(errors, () => checkEntryReason(entry.status, entry.reason, field('reason')));
      if (errors.length === before)
        entries.push({
          enrollmentId: entry.enrollmentId,
          status: entry.status,
          hours: hours!,
          reason: reason!,
        });
    });
    throwAll(errors);

    // A register taken at the same moment by someone else wins; ours reports those entries.
    const rows = await tx
      .insertInto('attendance')
      .values(
        entries.map((e) => ({
          tenant_id: actor.tenantId,
          id: newId(),
          session_id: session.id,
          enrollment_id: e.enrollmentId,
          status: e.status,
          hours: String(e.hours),
          reason: e.reason,
          recorded_by: actor.userId,
        })),
      )
      .onConflict((oc) => oc.columns(['tenant_id', 'session_id', 'enrollment_id']).doNothing())
      .returningAll()
      .execute();
    const byEnrollment = new Map(rows.map((r) => [r.enrollment_id, r]));
    throwAll(
      input.entries.flatMap((entry, i) =>
        byEnrollment.has(entry.enrollmentId)
          ? []
          : [new UserError('ALREADY_RECORDED', `entries.${i}.enrollmentId`)],
      ),
    );

    await appendEvents(
      tx,
      actor,
      entries.map((e) => ({
        attendanceId: byEnrollment.get(e.enrollmentId)!.id,
        from: null,
        toStatus: e.status,
        toHours: e.hours,
        reason: e.reason,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'attendance.recorded',
      entityType: 'class_session',
      entityIds: [session.id, ...rows.map((r) => r.id)],
      data: { entries: rows.length, day: session.day, kind: session.kind },
    });
    return { attendance: entries.map((e) => byEnrollment.get(e.enrollmentId)!) };
  });
}

/**
 * The host artisan's "the whole week went as planned": every trainee expected at a practice
 * session at the host in the ISO week (Monday to Sunday) of `day`, up to today, who has no entry
 * yet is recorded PRESENT for the whole session. Entries already taken are left as they are, so
 * confirming twice records nothing the second time. Two statements whatever the size: the missing
 * (session, trainee) pairs, then one insert of the rows with their first history event (the ids
 * are UUIDv7 made here, as everywhere, so the pairs are read before they are written).
 */
export async function confirmWeek(ctx: Context, input: ConfirmWeekInput): Promise<{ recorded: number }> {
  const actor = await requireMember(ctx, ['HOST_ARTISAN', ...WRITERS]);
  const writer = holdsAny(actor, WRITERS);
  if (!isUuid(input.hostId) || (!writer && !actor.hostIds.includes(input.hostId)))
    throw new UserError('NOT_FOUND', 'hostId');
  const today = await tenantToday(ctx, actor.tenantId);
  const monday = addDays(input.day, 1 - isoWeekday(input.day));
  if (monday > today) throw new UserError('SESSION_IN_FUTURE', 'day');
  const sunday = addDays(monday, 6);
  // Days as YYYY-MM-DD compare as text.
  const to = [sunday, today].sort()[0]!;

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const host = (await hostsByIds(tx, [input.hostId])).get(input.hostId);
    if (!host) throw new UserError('NOT_FOUND', 'hostId');

    const { rows: missing } = await sql<{ session_id: string; enrollment_id: string; hours: number }>`
      select x.session_id, x.enrollment_id, x.hours
        from (${expectedSlotsSql({ hostIds: [host.id], from: monday, to })}) x
        left join attendance a on a.session_id = x.session_id and a.enrollment_id = x.enrollment_id
       where a.id is null and x.kind = 'PRACTICE'`.execute(tx);

    let recorded = 0;
    if (missing.length > 0) {
      const ids = missing.map(() => newId());
      const { rows } = await sql<{ attendance_id: string }>`
        with inserted as (
          insert into attendance (tenant_id, id, session_id, enrollment_id, status, hours, recorded_by)
          select ${actor.tenantId}, v.id, v.session_id, v.enrollment_id, 'PRESENT', round(v.hours::numeric, 2),
                 ${actor.userId}
            from unnest(${ids}::uuid[], ${missing.map((m) => m.session_id)}::uuid[],
                        ${missing.map((m) => m.enrollment_id)}::uuid[], ${missing.map((m) => m.hours)}::float8[])
                 as v(id, session_id, enrollment_id, hours)
              on conflict (tenant_id, session_id, enrollment_id) do nothing
          returning id, hours)
        insert into attendance_event (tenant_id, id, attendance_id, to_status, to_hours, actor_user_id)
        select ${actor.tenantId}, ev.event_id, i.id, 'PRESENT', i.hours, ${actor.userId}
          from inserted i
          join unnest(${ids}::uuid[], ${missing.map(() => newId())}::uuid[]) as ev(attendance_id, event_id)
            on ev.attendance_id = i.id
        returning attendance_id`.execute(tx);
      recorded = rows.length;
    }
    await recordAudit(tx, actor, {
      action: 'attendance.week_confirmed',
      entityType: 'host',
      entityIds: [host.id],
      data: { from: monday, to, recorded },
    });
    return { recorded };
  });
}

/** Changes an entry after the fact, with a reason; the history keeps what it was. */
export async function correctAttendance(
  ctx: Context,
  input: CorrectAttendanceInput,
): Promise<{ attendance: AttendanceRow }> {
  const actor = await requireMember(ctx, RECORDERS);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const reason = checkCorrectionReason(input.reason);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Locked so two corrections of one entry each start from what the other left.
    const current = await tx
      .selectFrom('attendance')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new UserError('NOT_FOUND', 'id');
    const session = await sessionToRecord(tx, actor, current.session_id, 'id', { cancelledToo: true });
    const hours = checkHours(input.status, input.hours, sessionLength(session), 'hours');

    const attendance = await tx
      .updateTable('attendance')
      .set({ status: input.status, hours: String(hours), reason, corrected_at: sql<Date>`now()` })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvents(tx, actor, [
      {
        attendanceId: current.id,
        from: { status: current.status, hours: current.hours },
        toStatus: input.status,
        toHours: hours,
        reason,
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'attendance.corrected',
      entityType: 'attendance',
      entityIds: [current.id, current.session_id, current.enrollment_id],
      data: {
        fromStatus: current.status,
        toStatus: input.status,
        fromHours: Number(current.hours),
        toHours: hours,
        reason,
      },
    });
    return { attendance };
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The caller's own entries (their enrollments' rows) between two days, newest first. */
export async function myAttendance(ctx: Context, from: string, to: string): Promise<AttendanceRow[]> {
  const actor = await requireMember(ctx);
  if (from > to) throw new UserError('INVALID_INPUT', 'to');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const { rows } = await sql<AttendanceRow>`
      select a.* from attendance a
        join class_session s on s.tenant_id = a.tenant_id and s.id = a.session_id
        join enrollment e on e.tenant_id = a.tenant_id and e.id = a.enrollment_id
        join person p on p.tenant_id = e.tenant_id and p.id = e.person_id
       where p.user_id = ${actor.userId} and s.day between ${from}::date and ${to}::date
       order by s.day desc, s.starts_at desc, a.id desc`.execute(tx);
    return rows;
  });
}

// Loader reads. An attendance row reaches a loader only from a read that applied
// attendanceVisible (or from the register the caller just took), so its session, enrollment and
// history are the caller's to see.

// The timetable's unfiltered read, not visibleSessionsByIds: the entry was already found visible,
// and Attendance.session is never null (a trainee who has left still sees the days they attended).
export function sessionsOfAttendance(ctx: Context, sessionIds: readonly string[]) {
  return inTenant(ctx, (tx) => sessionsByIds(tx, sessionIds));
}

export function enrollmentsOfAttendance(ctx: Context, enrollmentIds: readonly string[]) {
  return inTenant(ctx, (tx) => enrollmentsByIds(tx, enrollmentIds));
}

/** Each entry's history, oldest first (the first event is the original record). */
export async function historyOfAttendance(
  ctx: Context,
  attendanceIds: readonly string[],
): Promise<Map<string, AttendanceEventRow[]>> {
  const byAttendance = new Map<string, AttendanceEventRow[]>(attendanceIds.map((id) => [id, []]));
  if (attendanceIds.length === 0) return byAttendance;
  const rows = await inTenant(ctx, (tx) =>
    tx
      .selectFrom('attendance_event')
      .selectAll()
      .where('attendance_id', 'in', [...new Set(attendanceIds)])
      .orderBy('at')
      .orderBy('id')
      .execute(),
  );
  for (const row of rows) byAttendance.get(row.attendance_id)?.push(row);
  return byAttendance;
}
