import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { newId } from '../../lib/ids.js';
import { ledgerFigures, type Tally } from './ledger.js';
import { addDays, mondayOf, type Seeder, seeder, today } from './test-seed.js';

describe('ledgerFigures (the rules alone)', () => {
  const tally = (over: Partial<Tally>): Tally => ({
    plannedTheory: 16,
    plannedPractice: 64,
    attendedTheory: 16,
    attendedPractice: 64,
    unrecorded: 0,
    due: 80,
    ...over,
  });

  it('is on track at the target share with full attendance', () => {
    expect(ledgerFigures(tally({}), 0.2, 0.05)).toMatchObject({
      actualTheoryShare: 0.2,
      drift: 0,
      attendanceRate: 1,
      status: 'ON_TRACK',
    });
  });

  it('turns AT_RISK past the tolerance and OFF_TRACK past twice the tolerance', () => {
    // 16 / (16 + 48) = 0.25: drift 0.05 is within a 0.05 tolerance (not beyond it).
    expect(ledgerFigures(tally({ attendedPractice: 48, due: 64 }), 0.2, 0.05).status).toBe('ON_TRACK');
    // 16 / (16 + 44) = 0.2667: drift 0.0667.
    expect(ledgerFigures(tally({ attendedPractice: 44, due: 60 }), 0.2, 0.05).status).toBe('AT_RISK');
    // 16 / (16 + 32) = 0.3333: drift 0.1333 > 0.10.
    expect(ledgerFigures(tally({ attendedPractice: 32, due: 48 }), 0.2, 0.05).status).toBe('OFF_TRACK');
    expect(ledgerFigures(tally({ attendedPractice: 32, due: 48 }), 0.2, 0.1).status).toBe('AT_RISK');
  });

  it('judges attendance below 80 % AT_RISK and below 60 % OFF_TRACK, whatever the split', () => {
    expect(ledgerFigures(tally({ attendedTheory: 14, attendedPractice: 56 }), 0.2, 0.05)).toMatchObject({
      attendanceRate: 0.875,
      status: 'ON_TRACK',
    });
    expect(ledgerFigures(tally({ attendedTheory: 12, attendedPractice: 48 }), 0.2, 0.05).status).toBe(
      'AT_RISK',
    );
    expect(ledgerFigures(tally({ attendedTheory: 8, attendedPractice: 32 }), 0.2, 0.05).status).toBe(
      'OFF_TRACK',
    );
  });

  it('flags more than 10 % unrecorded hours, and counts them as not attended', () => {
    const figures = ledgerFigures(tally({ attendedPractice: 48, unrecorded: 16 }), 0.2, 0.5);
    expect(figures).toMatchObject({ unrecordedHours: 16, attendanceRate: 0.8, status: 'AT_RISK' });
    expect(ledgerFigures(tally({ attendedPractice: 60, unrecorded: 4 }), 0.2, 0.5).status).toBe('ON_TRACK');
  });

  it('has no share before any attended hour, and nothing to say before anything is due', () => {
    expect(
      ledgerFigures(tally({ attendedTheory: 0, attendedPractice: 0, unrecorded: 80 }), 0.2, 0.05),
    ).toMatchObject({ actualTheoryShare: null, drift: null, attendanceRate: 0, status: 'OFF_TRACK' });
    expect(
      ledgerFigures(tally({ attendedTheory: 0, attendedPractice: 0, unrecorded: 0, due: 0 }), 0.2, 0.05),
    ).toMatchObject({ actualTheoryShare: null, drift: null, attendanceRate: null, status: 'ON_TRACK' });
  });
});

// ---------------------------------------------------------------------------------------------
// Through GraphQL on a real database

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let a: Seeder;
let b: Seeder;

const T = today();
// Four whole weeks before last week: each a theory Monday (4 h) and practice Tuesday to Friday
// (4 h a day at the host), so the plan is exactly 20 % theory.
const W0 = addDays(mondayOf(T), -35);
const weekDays = (w: number) => [0, 1, 2, 3, 4].map((d) => addDays(W0, 7 * w + d));
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const sessions: { theory: string[]; practice: string[][] } = { theory: [], practice: [] };
const as = (who: string, tenantId?: string) => ({ token: tokens[who]!, tenantId: tenantId ?? f.tenantA });

const FIGURES = `plannedTheoryHours plannedPracticeHours attendedTheoryHours attendedPracticeHours unrecordedHours
  targetTheoryShare actualTheoryShare drift attendanceRate status`;
const COHORT_LEDGER = `query ($cohortId: ID!, $from: Date, $to: Date, $sort: LedgerSort) {
  cohortLedger(cohortId: $cohortId, from: $from, to: $to, sort: $sort) {
    cohort { id label }
    figures { ${FIGURES} }
    trainees { enrollment { id } figures { ${FIGURES} } }
  }
}`;
const TENANT_LEDGER = `query ($from: Date!, $to: Date!) {
  tenantLedger(from: $from, to: $to) {
    figures { ${FIGURES} }
    cohorts { cohort { id } figures { ${FIGURES} } trainees { enrollment { id } } }
  }
}`;
const MY_LEDGER = `query ($from: Date, $to: Date) {
  myLedger(from: $from, to: $to) { enrollment { id } figures { ${FIGURES} } }
}`;

interface Figures {
  plannedTheoryHours: number;
  plannedPracticeHours: number;
  attendedTheoryHours: number;
  attendedPracticeHours: number;
  unrecordedHours: number;
  actualTheoryShare: number | null;
  drift: number | null;
  attendanceRate: number | null;
  status: string;
}
type Ledger = { figures: Figures; trainees: { enrollment: { id: string }; figures: Figures }[] };

async function cohortLedger(vars: Record<string, unknown> = {}, who = 'director'): Promise<Ledger> {
  const result = await t.gql(COHORT_LEDGER, { cohortId: ids.cohort, ...vars }, as(who));
  expect(result.errors).toBeUndefined();
  return result.data.cohortLedger;
}
const of = (ledger: Ledger, key: string) =>
  ledger.trainees.find((x) => x.enrollment.id === ids[key])!.figures;

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  a = seeder(db.owner, f.tenantA);
  b = seeder(db.owner, f.tenantB);
  const cohort = await a.cohort({ startsOn: W0, endsOn: addDays(mondayOf(T), 13) });
  ids.cohort = cohort.cohortId;
  ids.host = await a.host(cohort.tradeId);
  ids.traineeUser = await a.user('TRAINEE', 'stagiaire@test.ma');
  await a.inTenant((tx) =>
    tx.updateTable('membership').set({ host_id: ids.host! }).where('user_id', '=', f.artisanA.id).execute(),
  );

  // Who does what: attends everything / misses the first two weeks of practice / never recorded /
  // attends everything but gets one day corrected later / an applicant (not expected anywhere).
  ids.diligent = (await a.trainee(ids.cohort, { userId: ids.traineeUser, lastName: 'Alaoui' })).enrollmentId;
  ids.misses = (await a.trainee(ids.cohort, { lastName: 'Bennani' })).enrollmentId;
  ids.unrecorded = (await a.trainee(ids.cohort, { lastName: 'Chraibi' })).enrollmentId;
  ids.corrected = (await a.trainee(ids.cohort, { lastName: 'Drissi' })).enrollmentId;
  ids.applicant = (await a.trainee(ids.cohort, { lastName: 'Fassi', status: 'APPLIED' })).enrollmentId;
  for (const key of ['diligent', 'misses', 'unrecorded', 'corrected']) {
    await a.placement({ enrollmentId: ids[key]!, hostId: ids.host, startsOn: W0, endsOn: addDays(T, 60) });
  }

  for (let w = 0; w < 5; w++) {
    // Week 4 lies after today (the week after this one): planned, not yet due.
    const days = w < 4 ? weekDays(w) : weekDays(6);
    sessions.theory.push(await a.session({ cohortId: ids.cohort, kind: 'THEORY', day: days[0]! }));
    const practice: string[] = [];
    for (const day of days.slice(1)) {
      practice.push(await a.session({ cohortId: ids.cohort, kind: 'PRACTICE', day, hostId: ids.host }));
    }
    sessions.practice.push(practice);
  }

  const rows: { sessionId: string; enrollmentId: string; status: string; hours: number }[] = [];
  for (let w = 0; w < 4; w++) {
    for (const key of ['diligent', 'misses', 'corrected']) {
      rows.push({ sessionId: sessions.theory[w]!, enrollmentId: ids[key]!, status: 'PRESENT', hours: 4 });
      for (const sessionId of sessions.practice[w]!) {
        const absent = key === 'misses' && w < 2;
        rows.push({
          sessionId,
          enrollmentId: ids[key]!,
          status: absent ? 'ABSENT_UNEXCUSED' : 'PRESENT',
          hours: absent ? 0 : 4,
        });
      }
    }
  }
  const entryIds = await a.attendance(rows);
  ids.toCorrect =
    entryIds[rows.findIndex((r) => r.enrollmentId === ids.corrected && r.sessionId !== sessions.theory[0])]!;

  // Tenant B: a cohort of its own, one trainee, one recorded day.
  const cohortB = await b.cohort({ startsOn: W0, endsOn: addDays(T, 30) });
  ids.cohortB = cohortB.cohortId;
  const traineeB = (await b.trainee(cohortB.cohortId)).enrollmentId;
  const sessionB = await b.session({ cohortId: cohortB.cohortId, kind: 'THEORY', day: W0 });
  await b.attendance([{ sessionId: sessionB, enrollmentId: traineeB, status: 'PRESENT', hours: 4 }]);

  tokens.director = await t.signIn(f.directorA.email);
  tokens.directorB = await t.signIn(f.directorB.email);
  tokens.trainee = await t.signIn('stagiaire@test.ma');
  tokens.artisan = await t.signInByCode(f.artisanA.phone);
});
afterAll(async () => {
  await close();
});

describe('cohortLedger', () => {
  it('shows a trainee who attends everything ON_TRACK at the target share', async () => {
    const ledger = await cohortLedger();
    expect(of(ledger, 'diligent')).toEqual({
      plannedTheoryHours: 16,
      plannedPracticeHours: 64,
      attendedTheoryHours: 16,
      attendedPracticeHours: 64,
      unrecordedHours: 0,
      targetTheoryShare: 0.2,
      actualTheoryShare: 0.2,
      drift: 0,
      attendanceRate: 1,
      status: 'ON_TRACK',
    });
    // The applicant is expected nowhere and not listed; the four trainees are.
    expect(ledger.trainees).toHaveLength(4);
  });

  it('turns a trainee who misses practice days OFF_TRACK', async () => {
    expect(of(await cohortLedger(), 'misses')).toMatchObject({
      attendedTheoryHours: 16,
      attendedPracticeHours: 32,
      actualTheoryShare: 0.3333,
      drift: 0.1333,
      attendanceRate: 0.6,
      status: 'OFF_TRACK',
    });
  });

  it('never counts an unrecorded session as present', async () => {
    expect(of(await cohortLedger(), 'unrecorded')).toMatchObject({
      plannedTheoryHours: 16,
      plannedPracticeHours: 64,
      attendedTheoryHours: 0,
      attendedPracticeHours: 0,
      unrecordedHours: 80,
      actualTheoryShare: null,
      drift: null,
      attendanceRate: 0,
      status: 'OFF_TRACK',
    });
  });

  it('adds up the same hours for the cohort, not an average of ratios', async () => {
    const ledger = await cohortLedger();
    expect(ledger.figures).toMatchObject({
      plannedTheoryHours: 64,
      plannedPracticeHours: 256,
      attendedTheoryHours: 48,
      attendedPracticeHours: 160,
      unrecordedHours: 80,
      actualTheoryShare: 0.2308,
      attendanceRate: 0.65,
      status: 'AT_RISK',
    });
  });

  it('gives the same figures over a sub-range, and plans the days to come without counting them due', async () => {
    const secondWeek = await cohortLedger({ from: weekDays(1)[0], to: addDays(weekDays(1)[0]!, 6) });
    expect(of(secondWeek, 'diligent')).toMatchObject({
      plannedTheoryHours: 4,
      plannedPracticeHours: 16,
      attendedPracticeHours: 16,
      status: 'ON_TRACK',
    });
    expect(of(secondWeek, 'misses')).toMatchObject({
      attendedTheoryHours: 4,
      attendedPracticeHours: 0,
      actualTheoryShare: 1,
      attendanceRate: 0.2,
      status: 'OFF_TRACK',
    });
    const lastWeeks = await cohortLedger({ from: weekDays(2)[0], to: T });
    expect(of(lastWeeks, 'misses')).toMatchObject({
      attendedPracticeHours: 32,
      drift: 0,
      status: 'ON_TRACK',
    });

    const withFuture = await cohortLedger({ from: W0, to: addDays(T, 30) });
    expect(of(withFuture, 'diligent')).toMatchObject({
      plannedTheoryHours: 20,
      plannedPracticeHours: 80,
      unrecordedHours: 0,
      attendanceRate: 1,
      status: 'ON_TRACK',
    });
    const bad = await t.gql(COHORT_LEDGER, { cohortId: ids.cohort, from: T, to: W0 }, as('director'));
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('sorts the most worrying first, or by name', async () => {
    const byDrift = await cohortLedger({ sort: 'DRIFT' });
    expect(byDrift.trainees.map((x) => x.enrollment.id)).toEqual([
      ids.misses,
      ids.unrecorded,
      ids.diligent,
      ids.corrected,
    ]);
    const byName = await cohortLedger({ sort: 'NAME' });
    expect(byName.trainees.map((x) => x.enrollment.id)).toEqual([
      ids.diligent,
      ids.misses,
      ids.unrecorded,
      ids.corrected,
    ]);
  });

  it("follows the centre's tolerance", async () => {
    const settingId = newId();
    await a.inTenant((tx) =>
      tx
        .insertInto('timetable_setting')
        .values({ tenant_id: f.tenantA, id: settingId, ledger_tolerance: '0.15' })
        .execute(),
    );
    try {
      // Drift 0.1333 is within 0.15; attendance at 60 % is still below 80 %.
      expect(of(await cohortLedger(), 'misses').status).toBe('AT_RISK');
    } finally {
      await a.inTenant((tx) => tx.deleteFrom('timetable_setting').where('id', '=', settingId).execute());
    }
    expect(of(await cohortLedger(), 'misses').status).toBe('OFF_TRACK');
  });

  it('changes after an audited correction', async () => {
    const result = await t.gql(
      `mutation ($input: CorrectAttendanceInput!) {
        correctAttendance(input: $input) { attendance { id status hours } errors { code field } }
      }`,
      { input: { id: ids.toCorrect, status: 'ABSENT_UNEXCUSED', reason: 'Absent en réalité' } },
      as('artisan'),
    );
    expect(result.data.correctAttendance).toEqual({
      attendance: { id: ids.toCorrect, status: 'ABSENT_UNEXCUSED', hours: 0 },
      errors: [],
    });
    const [events, audit] = await a.inTenant(async (tx) => [
      await tx
        .selectFrom('attendance_event')
        .selectAll()
        .where('attendance_id', '=', ids.toCorrect!)
        .execute(),
      await tx.selectFrom('audit_event').selectAll().where('action', '=', 'attendance.corrected').execute(),
    ]);
    expect(events).toEqual([
      expect.objectContaining({ from_status: 'PRESENT', to_status: 'ABSENT_UNEXCUSED', from_hours: '4.00' }),
    ]);
    expect(audit).toHaveLength(1);
    expect(of(await cohortLedger(), 'corrected')).toMatchObject({
      attendedPracticeHours: 60,
      attendanceRate: 0.95,
      status: 'ON_TRACK',
    });
  });

  it('counts a session of today once its register is taken, and not as unrecorded before', async () => {
    const todaySession = await a.session({
      cohortId: ids.cohort!,
      kind: 'PRACTICE',
      day: T,
      hostId: ids.host,
    });
    try {
      const before = await cohortLedger();
      expect(of(before, 'diligent')).toMatchObject({
        plannedPracticeHours: 68,
        unrecordedHours: 0,
        attendanceRate: 1,
      });
      expect(of(before, 'unrecorded').unrecordedHours).toBe(80);
      const taken = await t.gql(
        `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { errors { code field } } }`,
        { input: { sessionId: todaySession, entries: [{ enrollmentId: ids.diligent, status: 'PRESENT' }] } },
        as('artisan'),
      );
      expect(taken.data.recordAttendance.errors).toEqual([]);
      expect(of(await cohortLedger(), 'diligent')).toMatchObject({
        attendedPracticeHours: 68,
        attendanceRate: 1,
        actualTheoryShare: 0.1905,
      });
    } finally {
      await a.inTenant(async (tx) => {
        const entries = tx.selectFrom('attendance').select('id').where('session_id', '=', todaySession);
        await tx.deleteFrom('attendance_event').where('attendance_id', 'in', entries).execute();
        await tx.deleteFrom('attendance').where('session_id', '=', todaySession).execute();
        await tx.deleteFrom('class_session').where('id', '=', todaySession).execute();
      });
    }
  });

  it('is for staff: host artisans and trainees are refused, tenant B finds nothing', async () => {
    for (const who of ['artisan', 'trainee']) {
      const result = await t.gql(COHORT_LEDGER, { cohortId: ids.cohort }, as(who));
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const fromB = await t.gql(COHORT_LEDGER, { cohortId: ids.cohort }, as('directorB', f.tenantB));
    expect(fromB.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('tenantLedger and myLedger', () => {
  it("adds up the centre's cohorts, and shows tenant B only its own", async () => {
    const result = await t.gql(TENANT_LEDGER, { from: W0, to: T }, as('director'));
    expect(result.errors).toBeUndefined();
    const { figures, cohorts } = result.data.tenantLedger;
    expect(cohorts).toHaveLength(1);
    expect(cohorts[0].cohort.id).toBe(ids.cohort);
    expect(cohorts[0].trainees).toEqual([]);
    const cohort = await cohortLedger({ from: W0, to: T });
    expect(cohorts[0].figures).toEqual(cohort.figures);
    expect(figures).toEqual(cohort.figures);

    const fromB = await t.gql(TENANT_LEDGER, { from: W0, to: T }, as('directorB', f.tenantB));
    expect(fromB.data.tenantLedger.cohorts.map((c: { cohort: { id: string } }) => c.cohort.id)).toEqual([
      ids.cohortB,
    ]);
    expect(fromB.data.tenantLedger.figures).toMatchObject({ plannedTheoryHours: 4, attendedTheoryHours: 4 });

    const artisan = await t.gql(TENANT_LEDGER, { from: W0, to: T }, as('artisan'));
    expect(artisan.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("gives a trainee their own ledger and nobody else's", async () => {
    const mine = await t.gql(MY_LEDGER, {}, as('trainee'));
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myLedger).toEqual([
      { enrollment: { id: ids.diligent }, figures: of(await cohortLedger(), 'diligent') },
    ]);
    const week = await t.gql(MY_LEDGER, { from: weekDays(0)[0], to: weekDays(0)[4] }, as('trainee'));
    expect(week.data.myLedger[0].figures).toMatchObject({ plannedTheoryHours: 4, plannedPracticeHours: 16 });
    const director = await t.gql(MY_LEDGER, {}, as('director'));
    expect(director.data.myLedger).toEqual([]);
  });
});
