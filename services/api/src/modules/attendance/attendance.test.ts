import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { countRows } from '../../../test/rows.js';
import { addDays, isoWeekday, mondayOf, type Seeder, seeder, today } from './test-seed.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let a: Seeder;

const T = today();
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const as = (who: string, tenantId?: string) => ({ token: tokens[who]!, tenantId: tenantId ?? f.tenantA });

const ENTRY_FIELDS = `id status hours reason recordedAt correctedAt
  session { id day } enrollment { id } recordedBy { id }
  history { fromStatus toStatus fromHours toHours reason actor { id } at }`;
const RECORD = `mutation ($input: RecordAttendanceInput!) {
  recordAttendance(input: $input) { attendance { ${ENTRY_FIELDS} } errors { code field message } }
}`;
const CORRECT = `mutation ($input: CorrectAttendanceInput!) {
  correctAttendance(input: $input) { attendance { ${ENTRY_FIELDS} } errors { code field message } }
}`;
const CONFIRM_WEEK = `mutation ($input: ConfirmWeekInput!) {
  confirmWeek(input: $input) { recorded errors { code field } }
}`;
const MY_ATTENDANCE = `query ($from: Date!, $to: Date!) {
  myAttendance(from: $from, to: $to) { id status hours session { id day } enrollment { id } }
}`;

type Entry = { enrollmentId: string; status: string; hours?: number; reason?: string };
const record = (who: string, sessionId: string, entries: Entry[], tenantId?: string) =>
  t.gql(RECORD, { input: { sessionId, entries } }, as(who, tenantId));

const count = (table: 'attendance' | 'attendance_event' | 'audit_event', tenantId = f.tenantA) =>
  countRows(db.owner, tenantId, table);
const snapshot = () => Promise.all([count('attendance'), count('attendance_event'), count('audit_event')]);

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  a = seeder(db.owner, f.tenantA);
  const cohort = await a.cohort({ startsOn: addDays(T, -120), endsOn: addDays(T, 200) });
  ids.cohort = cohort.cohortId;
  ids.otherCohort = (await a.cohort({ startsOn: addDays(T, -120), endsOn: addDays(T, 200) })).cohortId;
  ids.h1 = await a.host(cohort.tradeId, 'Atelier Un');
  ids.h2 = await a.host(cohort.tradeId, 'Atelier Deux');
  ids.h3 = await a.host(cohort.tradeId, 'Atelier Trois');
  ids.h4 = await a.host(cohort.tradeId, 'Atelier Quatre');

  ids.traineeUser = await a.user('TRAINEE', 'stagiaire@test.ma');
  ids.instructor = await a.user('INSTRUCTOR', 'formateur@test.ma');
  ids.coordinator = await a.user('COORDINATOR', 'coordination@test.ma');
  await a.inTenant((tx) =>
    tx.updateTable('membership').set({ host_id: ids.h1! }).where('user_id', '=', f.artisanA.id).execute(),
  );

  const span = { startsOn: addDays(T, -120), endsOn: addDays(T, 200) };
  ids.p1 = (await a.trainee(ids.cohort, { userId: ids.traineeUser })).enrollmentId;
  ids.p2 = (await a.trainee(ids.cohort)).enrollmentId;
  ids.p3 = (await a.trainee(ids.cohort)).enrollmentId;
  ids.p4 = (await a.trainee(ids.cohort)).enrollmentId;
  ids.p5 = (await a.trainee(ids.cohort, { status: 'APPLIED' })).enrollmentId;
  ids.p6 = (await a.trainee(ids.cohort)).enrollmentId;
  ids.q1 = (await a.trainee(ids.otherCohort)).enrollmentId;
  await a.placement({ enrollmentId: ids.p1, hostId: ids.h1, ...span });
  await a.placement({ enrollmentId: ids.p2, hostId: ids.h1, ...span });
  await a.placement({ enrollmentId: ids.p3, hostId: ids.h2, ...span });
  // Proposed, not yet confirmed: not expected at the workshop.
  await a.placement({ enrollmentId: ids.p4, hostId: ids.h1, ...span, status: 'PROPOSED' });
  await a.placement({ enrollmentId: ids.p6, hostId: ids.h3, ...span });

  const session = (kind: 'THEORY' | 'PRACTICE', day: string, extra: Record<string, unknown> = {}) =>
    a.session({ cohortId: ids.cohort!, kind, day, ...extra });
  ids.theoryPast = await session('THEORY', addDays(T, -7));
  ids.theoryToday = await session('THEORY', T);
  ids.theoryFuture = await session('THEORY', addDays(T, 1));
  ids.theoryCancelled = await session('THEORY', addDays(T, -8), { cancelled: true });
  ids.theoryForRules = await session('THEORY', addDays(T, -9));
  ids.h1Past = await session('PRACTICE', addDays(T, -6), { hostId: ids.h1, endsAt: '16:00' });
  ids.h1Earlier = await session('PRACTICE', addDays(T, -5), { hostId: ids.h1, endsAt: '16:00' });
  ids.h2Past = await session('PRACTICE', addDays(T, -6), { hostId: ids.h2, endsAt: '16:00' });

  tokens.director = await t.signIn(f.directorA.email);
  tokens.directorB = await t.signIn(f.directorB.email);
  tokens.coordinator = await t.signIn('coordination@test.ma');
  tokens.instructor = await t.signIn('formateur@test.ma');
  tokens.trainee = await t.signIn('stagiaire@test.ma');
  tokens.artisan = await t.signInByCode(f.artisanA.phone);
});
afterAll(async () => {
  await close();
});

describe('recordAttendance', () => {
  it('takes a theory register with defaults, late hours and an excused absence, with history and audit', async () => {
    const before = await snapshot();
    const result = await record('instructor', ids.theoryPast!, [
      { enrollmentId: ids.p1!, status: 'PRESENT' },
      { enrollmentId: ids.p2!, status: 'LATE', hours: 2.5 },
      { enrollmentId: ids.p3!, status: 'ABSENT_EXCUSED', reason: '  Certificat médical ' },
      { enrollmentId: ids.p6!, status: 'ABSENT_UNEXCUSED' },
    ]);
    expect(result.errors).toBeUndefined();
    const { attendance, errors } = result.data.recordAttendance;
    expect(errors).toEqual([]);
    expect(attendance.map((e: { enrollment: { id: string } }) => e.enrollment.id)).toEqual([
      ids.p1,
      ids.p2,
      ids.p3,
      ids.p6,
    ]);
    expect(attendance.map((e: { status: string; hours: number }) => [e.status, e.hours])).toEqual([
      ['PRESENT', 4],
      ['LATE', 2.5],
      ['ABSENT_EXCUSED', 0],
      ['ABSENT_UNEXCUSED', 0],
    ]);
    expect(attendance[2]).toMatchObject({
      reason: 'Certificat médical',
      correctedAt: null,
      session: { id: ids.theoryPast, day: addDays(T, -7) },
      recordedBy: { id: ids.instructor },
      history: [
        {
          fromStatus: null,
          toStatus: 'ABSENT_EXCUSED',
          fromHours: null,
          toHours: 0,
          reason: 'Certificat médical',
          actor: { id: ids.instructor },
        },
      ],
    });
    expect(await snapshot()).toEqual([before[0] + 4, before[1] + 4, before[2] + 1]);
    const audit = await a.inTenant((tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'attendance.recorded').execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_ids).toContain(ids.theoryPast);
    expect(audit[0]!.actor_user_id).toBe(ids.instructor);
  });

  it('refuses an entry already recorded: corrections go through correctAttendance', async () => {
    const before = await snapshot();
    const result = await record('director', ids.theoryPast!, [
      { enrollmentId: ids.p1!, status: 'ABSENT_UNEXCUSED' },
    ]);
    expect(result.data.recordAttendance).toMatchObject({
      attendance: null,
      errors: [{ code: 'ALREADY_RECORDED', field: 'entries.0.enrollmentId' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lets the host artisan record at their own workshop in one tap', async () => {
    const result = await record('artisan', ids.h1Past!, [
      { enrollmentId: ids.p1!, status: 'PRESENT' },
      { enrollmentId: ids.p2!, status: 'PRESENT' },
    ]);
    expect(result.data.recordAttendance.errors).toEqual([]);
    expect(result.data.recordAttendance.attendance.map((e: { hours: number }) => e.hours)).toEqual([7, 7]);
  });

  it("hides another host's workshop day and the centre's theory from a host artisan", async () => {
    const before = await snapshot();
    for (const sessionId of [ids.h2Past!, ids.theoryToday!]) {
      const result = await record('artisan', sessionId, [{ enrollmentId: ids.p3!, status: 'PRESENT' }]);
      expect(result.data.recordAttendance.errors).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: 'sessionId' }),
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets instructors record theory only, and refuses trainees', async () => {
    const practice = await record('instructor', ids.h2Past!, [{ enrollmentId: ids.p3!, status: 'PRESENT' }]);
    expect(practice.data.recordAttendance.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', field: 'sessionId' }),
    ]);
    const trainee = await record('trainee', ids.theoryToday!, [{ enrollmentId: ids.p1!, status: 'PRESENT' }]);
    expect(trainee.data.recordAttendance.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    // A coordinator records any workshop day.
    const coordinator = await record('coordinator', ids.h2Past!, [
      { enrollmentId: ids.p3!, status: 'PRESENT' },
    ]);
    expect(coordinator.data.recordAttendance.errors).toEqual([]);
  });

  it('reports every trainee not expected at the session at once, and writes nothing', async () => {
    const before = await snapshot();
    const result = await record('artisan', ids.h1Earlier!, [
      { enrollmentId: ids.p1!, status: 'PRESENT' },
      // Placed at another host.
      { enrollmentId: ids.p3!, status: 'PRESENT' },
      // Only proposed here, not confirmed.
      { enrollmentId: ids.p4!, status: 'PRESENT' },
      // Another cohort.
      { enrollmentId: ids.q1!, status: 'PRESENT' },
      { enrollmentId: 'not-an-id', status: 'PRESENT' },
    ]);
    expect(
      result.data.recordAttendance.errors.map((e: { code: string; field: string }) => [e.code, e.field]),
    ).toEqual([
      ['NOT_EXPECTED', 'entries.1.enrollmentId'],
      ['NOT_EXPECTED', 'entries.2.enrollmentId'],
      ['NOT_EXPECTED', 'entries.3.enrollmentId'],
      ['NOT_EXPECTED', 'entries.4.enrollmentId'],
    ]);
    // A theory session expects the cohort's enrolled trainees, not an applicant.
    const applicant = await record('director', ids.theoryToday!, [
      { enrollmentId: ids.p5!, status: 'PRESENT' },
    ]);
    expect(applicant.data.recordAttendance.errors).toEqual([
      expect.objectContaining({ code: 'NOT_EXPECTED', field: 'entries.0.enrollmentId' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('checks hours and reasons against the status and the session length', async () => {
    const before = await snapshot();
    const result = await record('director', ids.theoryForRules!, [
      { enrollmentId: ids.p1!, status: 'PRESENT', hours: 4.5 },
      { enrollmentId: ids.p2!, status: 'LATE' },
      { enrollmentId: ids.p3!, status: 'ABSENT_EXCUSED', reason: ' ' },
      { enrollmentId: ids.p6!, status: 'ABSENT_UNEXCUSED', hours: 2 },
      { enrollmentId: ids.p1!, status: 'PRESENT', hours: -1 },
    ]);
    expect(
      result.data.recordAttendance.errors.map((e: { code: string; field: string }) => [e.code, e.field]),
    ).toEqual([
      ['INVALID_INPUT', 'entries.0.hours'],
      ['REQUIRED', 'entries.1.hours'],
      ['REASON_REQUIRED', 'entries.2.reason'],
      ['INVALID_INPUT', 'entries.3.hours'],
      ['INVALID_INPUT', 'entries.4.enrollmentId'],
      ['INVALID_INPUT', 'entries.4.hours'],
    ]);
    expect(result.data.recordAttendance.errors[2].message).toBeTruthy();
    expect(await snapshot()).toEqual(before);
    const empty = await record('director', ids.theoryForRules!, []);
    expect(empty.data.recordAttendance.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT' })]);
  });

  it('refuses a session in the future, a cancelled one and an unknown id', async () => {
    const future = await record('instructor', ids.theoryFuture!, [
      { enrollmentId: ids.p1!, status: 'PRESENT' },
    ]);
    expect(future.data.recordAttendance.errors).toEqual([
      expect.objectContaining({ code: 'SESSION_IN_FUTURE', field: 'sessionId' }),
    ]);
    for (const sessionId of [ids.theoryCancelled!, ids.p1!, 'nope']) {
      const result = await record('director', sessionId, [{ enrollmentId: ids.p1!, status: 'PRESENT' }]);
      expect(result.data.recordAttendance.errors).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: 'sessionId' }),
      ]);
    }
    // Today is not the future: the register is taken the same day.
    const todayResult = await record('instructor', ids.theoryToday!, [
      { enrollmentId: ids.p1!, status: 'PRESENT' },
    ]);
    expect(todayResult.data.recordAttendance.errors).toEqual([]);
  });

  it("keeps tenant B away from A's sessions", async () => {
    const before = await snapshot();
    const result = await record(
      'directorB',
      ids.theoryForRules!,
      [{ enrollmentId: ids.p1!, status: 'PRESENT' }],
      f.tenantB,
    );
    expect(result.data.recordAttendance.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: 'sessionId' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('correctAttendance', () => {
  let entryId: string;
  beforeAll(async () => {
    const [row] = await a.inTenant((tx) =>
      tx
        .selectFrom('attendance')
        .select('id')
        .where('session_id', '=', ids.h1Past!)
        .where('enrollment_id', '=', ids.p2!)
        .execute(),
    );
    entryId = row!.id;
  });

  it('needs a reason and a permitted corrector', async () => {
    const before = await snapshot();
    const noReason = await t.gql(
      CORRECT,
      { input: { id: entryId, status: 'ABSENT_UNEXCUSED', reason: ' x ' } },
      as('artisan'),
    );
    expect(noReason.data.correctAttendance.errors).toEqual([
      expect.objectContaining({ code: 'REASON_REQUIRED', field: 'reason' }),
    ]);
    const instructor = await t.gql(
      CORRECT,
      { input: { id: entryId, status: 'ABSENT_UNEXCUSED', reason: 'Erreur de saisie' } },
      as('instructor'),
    );
    expect(instructor.data.correctAttendance.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    const otherTenant = await t.gql(
      CORRECT,
      { input: { id: entryId, status: 'ABSENT_UNEXCUSED', reason: 'Erreur de saisie' } },
      as('directorB', f.tenantB),
    );
    expect(otherTenant.data.correctAttendance.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: 'id' }),
    ]);
    const tooLong = await t.gql(
      CORRECT,
      { input: { id: entryId, status: 'LATE', hours: 8, reason: 'Arrivé à midi' } },
      as('artisan'),
    );
    expect(tooLong.data.correctAttendance.errors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'hours' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('changes the entry and keeps what it was in the history and the audit trail', async () => {
    const before = await snapshot();
    const result = await t.gql(
      CORRECT,
      { input: { id: entryId, status: 'LATE', hours: 3.25, reason: 'Arrivé à midi' } },
      as('artisan'),
    );
    expect(result.data.correctAttendance.errors).toEqual([]);
    const entry = result.data.correctAttendance.attendance;
    expect(entry).toMatchObject({ id: entryId, status: 'LATE', hours: 3.25, reason: 'Arrivé à midi' });
    expect(entry.correctedAt).toBeTruthy();
    expect(entry.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'PRESENT', fromHours: null, toHours: 7 }),
      expect.objectContaining({
        fromStatus: 'PRESENT',
        toStatus: 'LATE',
        fromHours: 7,
        toHours: 3.25,
        reason: 'Arrivé à midi',
        actor: { id: f.artisanA.id },
      }),
    ]);
    expect(await snapshot()).toEqual([before[0], before[1] + 1, before[2] + 1]);
    const audit = await a.inTenant((tx) =>
      tx
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'attendance.corrected')
        .executeTakeFirstOrThrow(),
    );
    expect(audit.entity_ids).toEqual([entryId, ids.h1Past, ids.p2]);
    expect(audit.data).toMatchObject({
      fromStatus: 'PRESENT',
      toStatus: 'LATE',
      fromHours: 7,
      toHours: 3.25,
    });
  });
});

describe('confirmWeek', () => {
  // A whole past week at host 1: Monday to Friday, two confirmed trainees, one day already taken.
  const week = mondayOf(addDays(T, -14));
  const week1: string[] = [];
  let previousSunday: string;
  let h2SameWeek: string;

  beforeAll(async () => {
    for (let d = 0; d < 5; d++) {
      week1.push(
        await a.session({ cohortId: ids.cohort!, kind: 'PRACTICE', day: addDays(week, d), hostId: ids.h4 }),
      );
    }
    previousSunday = await a.session({
      cohortId: ids.cohort!,
      kind: 'PRACTICE',
      day: addDays(week, -1),
      hostId: ids.h4,
    });
    h2SameWeek = await a.session({
      cohortId: ids.cohort!,
      kind: 'PRACTICE',
      day: addDays(week, 2),
      hostId: ids.h2,
    });
    const span = { startsOn: addDays(T, -120), endsOn: addDays(T, 200) };
    ids.w1 = (await a.trainee(ids.cohort!)).enrollmentId;
    ids.w2 = (await a.trainee(ids.cohort!)).enrollmentId;
    ids.w3 = (await a.trainee(ids.cohort!)).enrollmentId;
    await a.placement({ enrollmentId: ids.w1, hostId: ids.h4!, ...span });
    await a.placement({ enrollmentId: ids.w2, hostId: ids.h4!, ...span });
    await a.placement({ enrollmentId: ids.w3, hostId: ids.h4!, ...span, status: 'DECLINED' });
  });

  const rowsAt = (sessionIds: string[]) =>
    a.inTenant((tx) =>
      tx
        .selectFrom('attendance')
        .select(['session_id', 'enrollment_id', 'status', 'hours'])
        .where('session_id', 'in', sessionIds)
        .execute(),
    );

  it('records exactly the expected and unrecorded past entries of the week, once', async () => {
    const absent = await record('director', week1[1]!, [
      { enrollmentId: ids.w1!, status: 'ABSENT_UNEXCUSED' },
    ]);
    expect(absent.data.recordAttendance.errors).toEqual([]);
    const before = await snapshot();

    const result = await t.gql(
      CONFIRM_WEEK,
      { input: { hostId: ids.h4, day: addDays(week, 3) } },
      as('director'),
    );
    expect(result.data.confirmWeek).toEqual({ recorded: 9, errors: [] });
    expect(await snapshot()).toEqual([before[0] + 9, before[1] + 9, before[2] + 1]);

    const rows = await rowsAt(week1);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'PRESENT').every((r) => Number(r.hours) === 4)).toBe(true);
    expect(rows.find((r) => r.session_id === week1[1] && r.enrollment_id === ids.w1)?.status).toBe(
      'ABSENT_UNEXCUSED',
    );
    expect(rows.some((r) => r.enrollment_id === ids.w3)).toBe(false);
    // Outside the week or at another host: untouched.
    expect(await rowsAt([previousSunday, h2SameWeek])).toEqual([]);

    const again = await t.gql(CONFIRM_WEEK, { input: { hostId: ids.h4, day: week } }, as('director'));
    expect(again.data.confirmWeek).toEqual({ recorded: 0, errors: [] });
    expect((await snapshot())[0]).toBe(before[0] + 9);
  });

  it('stops at today and refuses a week still to come', async () => {
    const todaySession = await a.session({ cohortId: ids.cohort!, kind: 'PRACTICE', day: T, hostId: ids.h3 });
    const tomorrow =
      isoWeekday(T) < 7
        ? await a.session({ cohortId: ids.cohort!, kind: 'PRACTICE', day: addDays(T, 1), hostId: ids.h3 })
        : null;
    const result = await t.gql(CONFIRM_WEEK, { input: { hostId: ids.h3, day: T } }, as('coordinator'));
    expect(result.data.confirmWeek).toEqual({ recorded: 1, errors: [] });
    expect(await rowsAt([todaySession])).toEqual([expect.objectContaining({ enrollment_id: ids.p6 })]);
    if (tomorrow) expect(await rowsAt([tomorrow])).toEqual([]);

    const next = await t.gql(CONFIRM_WEEK, { input: { hostId: ids.h3, day: addDays(T, 7) } }, as('director'));
    expect(next.data.confirmWeek.errors).toEqual([
      expect.objectContaining({ code: 'SESSION_IN_FUTURE', field: 'day' }),
    ]);
  });

  it("is refused for another host's week, to an instructor and across tenants", async () => {
    const before = await snapshot();
    const other = await t.gql(CONFIRM_WEEK, { input: { hostId: ids.h2, day: week } }, as('artisan'));
    expect(other.data.confirmWeek).toMatchObject({
      recorded: null,
      errors: [expect.objectContaining({ code: 'NOT_FOUND', field: 'hostId' })],
    });
    const instructor = await t.gql(CONFIRM_WEEK, { input: { hostId: ids.h1, day: week } }, as('instructor'));
    expect(instructor.data.confirmWeek.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const tenantB = await t.gql(
      CONFIRM_WEEK,
      { input: { hostId: ids.h1, day: week } },
      as('directorB', f.tenantB),
    );
    expect(tenantB.data.confirmWeek.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: 'hostId' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('myAttendance', () => {
  it("shows a trainee their own entries, newest first, and nobody else's", async () => {
    const result = await t.gql(MY_ATTENDANCE, { from: addDays(T, -30), to: T }, as('trainee'));
    expect(result.errors).toBeUndefined();
    const mine = result.data.myAttendance;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((e: { enrollment: { id: string } }) => e.enrollment.id === ids.p1)).toBe(true);
    const days = mine.map((e: { session: { day: string } }) => e.session.day);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe(T);

    const narrow = await t.gql(MY_ATTENDANCE, { from: addDays(T, -6), to: addDays(T, -6) }, as('trainee'));
    expect(narrow.data.myAttendance).toEqual([
      expect.objectContaining({
        status: 'PRESENT',
        hours: 7,
        session: { id: ids.h1Past, day: addDays(T, -6) },
      }),
    ]);
    const director = await t.gql(MY_ATTENDANCE, { from: addDays(T, -30), to: T }, as('director'));
    expect(director.data.myAttendance).toEqual([]);
  });
});
