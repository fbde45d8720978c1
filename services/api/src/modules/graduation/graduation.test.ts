import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestApp, type TestEnv } from '../../../test/app.js';
import { dataStatements } from '../../../test/statements.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, type Seeder, seeder, today } from '../attendance/test-seed.js';
import { blockersOf } from './rules.js';

let env: TestEnv;
let s: Seeder;
const tokens: Record<string, string> = {};
const TODAY = today();

// ----- GraphQL

const ERRORS = 'errors { code field message }';
const BLOCKERS = 'blockers { code required actual }';
const ASSESSMENT =
  'id assessorRole score passed comment assessedOn recordedBy { displayName } enrollment { id }';
const CHECK = `enrollment { id status } ${BLOCKERS} eligible attendanceRate attendedTheoryHours attendedPracticeHours
  instructorAssessment { score passed } artisanAssessment { score passed } graduation { id }`;
const GRADUATION = `id graduatedOn overriddenBlockers overrideReason graduatedBy { displayName }
  enrollment { id status } certificate { serial status }`;
const RECORD = `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { ${ASSESSMENT} } ${ERRORS} } }`;
const GRADUATE = `mutation ($input: GraduateInput!) { graduate(input: $input) { graduation { ${GRADUATION} } ${BLOCKERS} ${ERRORS} } }`;
const BATCH = `mutation ($input: GraduateCohortInput!) {
  graduateCohort(input: $input) { graduated blocked results { enrollment { id status } graduation { id } ${BLOCKERS} } ${ERRORS} }
}`;
const RULES = `mutation ($input: SetCompletionRulesInput!) {
  setCompletionRules(input: $input) { programme { id completionRules { minAttendanceRate minPracticeHours passMark } } ${ERRORS} }
}`;
const CHECK_ONE = `query ($id: ID!) { graduationCheck(enrollmentId: $id) { ${CHECK} } }`;
const COHORT = `query ($id: ID!) { cohortGraduation(cohortId: $id) { ${CHECK} } }`;

const as = (who: string, tenantId = env.f.tenantA) => ({ token: tokens[who]!, tenantId });
const record = (input: Record<string, unknown>, who = 'director') => t().gql(RECORD, { input }, as(who));
const graduate = (input: Record<string, unknown>, who = 'director') => t().gql(GRADUATE, { input }, as(who));
const t = () => env.t;

// ----- the centre: one cohort, five past theory sessions and five past practice sessions at a
// workshop (4 hours each), and trainees whose attendance and marks each break one rule.

let cohort: { tradeId: string; programmeId: string; cohortId: string };
let host: string;
let otherHost: string;
const STARTS = addDays(TODAY, -60);
const ENDS = addDays(TODAY, 60);
const theoryDays = [40, 39, 38, 37, 36].map((d) => addDays(TODAY, -d));
const practiceDays = [30, 29, 28, 27, 26].map((d) => addDays(TODAY, -d));
let theory: string[] = [];
let practice: string[] = [];
const trainees: Record<string, { personId: string; enrollmentId: string }> = {};

/** Present at the first `theoryPresent` theory and `practicePresent` practice sessions, absent at the rest. */
async function attend(enrollmentId: string, theoryPresent: number, practicePresent: number) {
  const row = (sessionId: string, present: boolean) => ({
    sessionId,
    enrollmentId,
    status: present ? 'PRESENT' : 'ABSENT_UNEXCUSED',
    hours: present ? 4 : 0,
  });
  await s.attendance([
    ...theory.map((id, i) => row(id, i < theoryPresent)),
    ...practice.map((id, i) => row(id, i < practicePresent)),
  ]);
}

async function trainee(
  key: string,
  options: { status?: string; placed?: string | null; at?: string; userId?: string } = {},
) {
  const ids = await s.trainee(cohort.cohortId, {
    status: options.status,
    lastName: key,
    userId: options.userId,
  });
  if (options.placed !== null) {
    await s.placement({
      enrollmentId: ids.enrollmentId,
      hostId: options.at ?? host,
      startsOn: STARTS,
      endsOn: ENDS,
      status: options.placed ?? 'CONFIRMED',
    });
  }
  trainees[key] = ids;
  return ids;
}

/** Marks written directly (the recordAssessment rules have tests of their own). */
async function marks(key: string, instructor: number | null, artisan: number | null) {
  const rows = [
    ...(instructor === null ? [] : [{ role: 'INSTRUCTOR', score: instructor }]),
    ...(artisan === null ? [] : [{ role: 'HOST_ARTISAN', score: artisan }]),
  ];
  await s.inTenant((tx) =>
    tx
      .insertInto('assessment')
      .values(
        rows.map((r) => ({
          tenant_id: s.tenantId,
          id: newId(),
          enrollment_id: trainees[key]!.enrollmentId,
          assessor_role: r.role,
          score: String(r.score),
          assessed_on: addDays(TODAY, -5),
        })),
      )
      .execute(),
  );
}

type Counted = 'graduation' | 'certificate' | 'certificate_serial' | 'audit_event' | 'job' | 'assessment';

/** Rows of a table in both tenants (row-level security applies to the owner too). */
async function count(table: Counted): Promise<number> {
  let n = 0;
  for (const tenantId of [env.f.tenantA, env.f.tenantB]) {
    const row = await withTenant(env.db.owner, tenantId, (tx) =>
      tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    n += row.n;
  }
  // The job queue and the serial lookup are not tenant-owned: each tenant's count saw them all.
  return table === 'job' || table === 'certificate_serial' ? n / 2 : n;
}

/** Reads as the owner inside tenant A. */
const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(env.db.owner, env.f.tenantA, fn);

/** Every row a graduation could leave behind. */
async function footprint() {
  return {
    graduation: await count('graduation'),
    certificate: await count('certificate'),
    serial: await count('certificate_serial'),
    audit: await count('audit_event'),
    job: await count('job'),
    statuses: await inA((tx) => tx.selectFrom('enrollment').select(['id', 'status']).orderBy('id').execute()),
    events: await inA((tx) =>
      tx
        .selectFrom('enrollment_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  };
}

beforeAll(async () => {
  env = await openTestEnv();
  s = seeder(env.db.owner, env.f.tenantA);
  cohort = await s.cohort({ startsOn: STARTS, endsOn: ENDS });
  host = await s.host(cohort.tradeId, 'Atelier Bennis');
  otherHost = await s.host(cohort.tradeId, 'Atelier Tazi');
  theory = [];
  practice = [];
  for (const day of theoryDays)
    theory.push(await s.session({ cohortId: cohort.cohortId, kind: 'THEORY', day }));
  for (const day of practiceDays)
    practice.push(await s.session({ cohortId: cohort.cohortId, kind: 'PRACTICE', day, hostId: host }));

  await s.user('COORDINATOR', 'coordination@test.ma');
  await s.user('INSTRUCTOR', 'formateur@test.ma');
  await s.user('HOST_ARTISAN', 'maalem.bennis@test.ma', host);
  const traineeUser = await s.user('TRAINEE', 'stagiaire@test.ma');
  tokens.director = await t().signIn(env.f.directorA.email);
  tokens.directorB = await t().signIn(env.f.directorB.email);
  tokens.coordinator = await t().signIn('coordination@test.ma');
  tokens.instructor = await t().signIn('formateur@test.ma');
  tokens.artisan = await t().signIn('maalem.bennis@test.ma');
  tokens.trainee = await t().signIn('stagiaire@test.ma');

  // Everything attended: 20 h theory + 20 h practice of 40 h due. Marks 14 and 15.
  await trainee('good', { userId: traineeUser });
  await attend(trainees.good!.enrollmentId, 5, 5);
  await marks('good', 14, 15);
  // 2 of 5 theory sessions: (8 + 20) / 40 = 0.70.
  await trainee('lowAttendance');
  await attend(trainees.lowAttendance!.enrollmentId, 2, 5);
  await marks('lowAttendance', 12, 12);
  // 3 of 5 practice sessions: (20 + 12) / 40 = 0.80, exactly enough; 12 h of practice < 16.
  await trainee('practiceLow');
  await attend(trainees.practiceLow!.enrollmentId, 5, 3);
  await marks('practiceLow', 12, 12);
  await trainee('noMarks');
  await attend(trainees.noMarks!.enrollmentId, 5, 5);
  await trainee('failed');
  await attend(trainees.failed!.enrollmentId, 5, 5);
  await marks('failed', 8.5, 9.99);
  // Placed elsewhere, and only proposed here: what the artisan may and may not assess.
  await trainee('elsewhere', { at: otherHost });
  await trainee('proposed', { placed: 'PROPOSED' });
  await trainee('dropped', { status: 'DROPPED_OUT' });
});

afterAll(async () => {
  await env?.close();
});

describe('the rules alone', () => {
  const rules = { minAttendanceRate: 0.8, minPracticeHours: 400, passMark: 10 };
  const fine = {
    enrolled: true,
    attendanceRate: 0.9,
    attendedPracticeHours: 500,
    instructorScore: 10,
    artisanScore: 12,
  };

  it('lets through exactly the pass mark and the minimum rate', () => {
    expect(blockersOf(rules, { ...fine, attendanceRate: 0.8, instructorScore: 10 })).toEqual([]);
  });

  it('blocks a trainee with nothing due (no rate), unless the programme asks for no attendance', () => {
    expect(blockersOf(rules, { ...fine, attendanceRate: null })).toEqual([
      { code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: null },
    ]);
    expect(blockersOf({ ...rules, minAttendanceRate: 0 }, { ...fine, attendanceRate: null })).toEqual([]);
  });

  it('checks practice hours only when the programme sets a minimum', () => {
    expect(blockersOf({ ...rules, minPracticeHours: null }, { ...fine, attendedPracticeHours: 0 })).toEqual(
      [],
    );
    expect(blockersOf(rules, { ...fine, attendedPracticeHours: 399.5 })).toEqual([
      { code: 'PRACTICE_HOURS_TOO_LOW', required: 400, actual: 399.5 },
    ]);
  });
});

describe('completion rules', () => {
  it('are the defaults until a director sets them, checked field by field', async () => {
    const read = await t().gql(
      `query { programmes { id completionRules { minAttendanceRate minPracticeHours passMark } } }`,
      {},
      as('coordinator'),
    );
    expect(read.data.programmes).toContainEqual({
      id: cohort.programmeId,
      completionRules: { minAttendanceRate: 0.8, minPracticeHours: null, passMark: 10 },
    });

    const input = {
      programmeId: cohort.programmeId,
      minAttendanceRate: 0.8,
      minPracticeHours: 16,
      passMark: 10,
    };
    const refused = await t().gql(RULES, { input }, as('coordinator'));
    expect(refused.data.setCompletionRules.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const invalid = await t().gql(
      RULES,
      { input: { ...input, minAttendanceRate: 1.5, minPracticeHours: -1, passMark: 20.5 } },
      as('director'),
    );
    expect(invalid.data.setCompletionRules.errors.map((e: { field: string }) => e.field)).toEqual([
      'minAttendanceRate',
      'minPracticeHours',
      'passMark',
    ]);
    const set = await t().gql(RULES, { input }, as('director'));
    expect(set.data.setCompletionRules).toEqual({
      programme: {
        id: cohort.programmeId,
        completionRules: { minAttendanceRate: 0.8, minPracticeHours: 16, passMark: 10 },
      },
      errors: [],
    });
    const audit = await inA((tx) =>
      tx
        .selectFrom('audit_event')
        .select('data')
        .where('action', '=', 'programme.completion_rules_changed')
        .executeTakeFirstOrThrow(),
    );
    expect(audit.data).toMatchObject({
      from: { min_practice_hours: null },
      to: { min_practice_hours: '16.0' },
    });
  });
});

describe('recordAssessment', () => {
  it('lets an instructor give the instructor’s mark only', async () => {
    const { enrollmentId } = await trainee('assessedByInstructor');
    const ok = await record(
      { enrollmentId, assessorRole: 'INSTRUCTOR', score: 13.5, comment: ' Régulière ' },
      'instructor',
    );
    expect(ok.data.recordAssessment).toMatchObject({
      assessment: {
        assessorRole: 'INSTRUCTOR',
        score: 13.5,
        passed: true,
        comment: 'Régulière',
        assessedOn: TODAY,
        recordedBy: { displayName: 'formateur' },
        enrollment: { id: enrollmentId },
      },
      errors: [],
    });
    const other = await record({ enrollmentId, assessorRole: 'HOST_ARTISAN', score: 13 }, 'instructor');
    expect(other.data.recordAssessment.errors).toMatchObject([{ code: 'FORBIDDEN', field: 'assessorRole' }]);
  });

  it('lets a host artisan assess only a trainee placed (confirmed) in their own workshop', async () => {
    const mine = await record(
      { enrollmentId: trainees.noMarks!.enrollmentId, assessorRole: 'HOST_ARTISAN', score: 16 },
      'artisan',
    );
    expect(mine.data.recordAssessment.errors).toEqual([]);
    expect(mine.data.recordAssessment.assessment).toMatchObject({ assessorRole: 'HOST_ARTISAN', score: 16 });
    const before = await count('assessment');
    const elsewhere = await record(
      { enrollmentId: trainees.elsewhere!.enrollmentId, assessorRole: 'HOST_ARTISAN', score: 16 },
      'artisan',
    );
    expect(elsewhere.data.recordAssessment.errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'enrollmentId' },
    ]);
    const proposed = await record(
      { enrollmentId: trainees.proposed!.enrollmentId, assessorRole: 'HOST_ARTISAN', score: 16 },
      'artisan',
    );
    expect(proposed.data.recordAssessment.errors).toMatchObject([
      { code: 'FORBIDDEN', field: 'enrollmentId' },
    ]);
    const instructorMark = await record(
      { enrollmentId: trainees.noMarks!.enrollmentId, assessorRole: 'INSTRUCTOR', score: 16 },
      'artisan',
    );
    expect(instructorMark.data.recordAssessment.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await count('assessment')).toBe(before);
    // Undo: noMarks must stay without marks for the graduation tests.
    await s.inTenant((tx) =>
      tx.deleteFrom('assessment').where('enrollment_id', '=', trainees.noMarks!.enrollmentId).execute(),
    );
  });

  it('refuses a mark out of 0–20, a future day, a day before the cohort and a dropout', async () => {
    const enrollmentId = trainees.assessedByInstructor!.enrollmentId;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ score: 20.5 }, 'INVALID_INPUT', 'score'],
      [{ score: -1 }, 'INVALID_INPUT', 'score'],
      [{ assessedOn: addDays(TODAY, 1) }, 'DATE_IN_FUTURE', 'assessedOn'],
      [{ assessedOn: addDays(STARTS, -1) }, 'OUTSIDE_COHORT_DATES', 'assessedOn'],
      [{ enrollmentId: trainees.dropped!.enrollmentId }, 'NOT_ENROLLED', 'enrollmentId'],
      [{ enrollmentId: newId() }, 'NOT_FOUND', 'enrollmentId'],
    ];
    for (const [change, code, field] of cases) {
      const result = await record({ enrollmentId, assessorRole: 'INSTRUCTOR', score: 12, ...change });
      expect(result.data.recordAssessment, JSON.stringify(change)).toMatchObject({
        assessment: null,
        errors: [{ code, field }],
      });
    }
  });

  it('replaces a mark recorded again, and the audit trail keeps the old one', async () => {
    const enrollmentId = trainees.assessedByInstructor!.enrollmentId;
    const first = await record({
      enrollmentId,
      assessorRole: 'INSTRUCTOR',
      score: 9,
      assessedOn: addDays(TODAY, -2),
    });
    expect(first.data.recordAssessment.assessment).toMatchObject({ score: 9, passed: false });
    const rows = await inA((tx) =>
      tx
        .selectFrom('assessment')
        .select(['score', 'assessed_on'])
        .where('enrollment_id', '=', enrollmentId)
        .execute(),
    );
    expect(rows).toEqual([{ score: '9.00', assessed_on: addDays(TODAY, -2) }]);
    const audit = await inA((tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'data'])
        .where(sql<boolean>`${enrollmentId} = any(entity_ids)`)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['assessment.recorded', 'assessment.replaced']);
    expect(audit[1]!.data).toMatchObject({
      assessorRole: 'INSTRUCTOR',
      score: 9,
      previous: { score: 13.5, assessedOn: TODAY },
    });
  });
});

describe('graduation checks', () => {
  it('name each rule a trainee does not meet, with its figures', async () => {
    const result = await t().gql(COHORT, { id: cohort.cohortId }, as('coordinator'));
    expect(result.errors).toBeUndefined();
    const byId = new Map<string, { blockers: unknown[] }>(
      result.data.cohortGraduation.map((c: { enrollment: { id: string }; blockers: unknown[] }) => [
        c.enrollment.id,
        c,
      ]),
    );
    const checkOf = (key: string) => byId.get(trainees[key]!.enrollmentId);
    expect(checkOf('good')).toMatchObject({
      blockers: [],
      eligible: true,
      attendanceRate: 1,
      attendedTheoryHours: 20,
      attendedPracticeHours: 20,
      instructorAssessment: { score: 14, passed: true },
      artisanAssessment: { score: 15, passed: true },
      graduation: null,
    });
    expect(checkOf('lowAttendance')).toMatchObject({
      blockers: [{ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0.7 }],
      eligible: false,
      attendanceRate: 0.7,
      attendedTheoryHours: 8,
    });
    expect(checkOf('practiceLow')).toMatchObject({
      blockers: [{ code: 'PRACTICE_HOURS_TOO_LOW', required: 16, actual: 12 }],
      attendanceRate: 0.8,
      attendedPracticeHours: 12,
    });
    expect(checkOf('noMarks')!.blockers).toEqual([
      { code: 'INSTRUCTOR_ASSESSMENT_MISSING', required: 10, actual: null },
      { code: 'ARTISAN_ASSESSMENT_MISSING', required: 10, actual: null },
    ]);
    expect(checkOf('failed')).toMatchObject({
      blockers: [
        { code: 'INSTRUCTOR_ASSESSMENT_FAILED', required: 10, actual: 8.5 },
        { code: 'ARTISAN_ASSESSMENT_FAILED', required: 10, actual: 9.99 },
      ],
      instructorAssessment: { score: 8.5, passed: false },
    });
    // The dropout is not listed (only ENROLLED and GRADUATED trainees are).
    expect(checkOf('dropped')).toBeUndefined();
  });

  it('show a trainee their own check and nobody else’s', async () => {
    const own = await t().gql(CHECK_ONE, { id: trainees.good!.enrollmentId }, as('trainee'));
    expect(own.data.graduationCheck.eligible).toBe(true);
    const other = await t().gql(CHECK_ONE, { id: trainees.failed!.enrollmentId }, as('trainee'));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await t().gql(COHORT, { id: cohort.cohortId }, as('trainee'));
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('graduate', () => {
  it.each([
    ['lowAttendance', [{ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0.7 }]],
    ['practiceLow', [{ code: 'PRACTICE_HOURS_TOO_LOW', required: 16, actual: 12 }]],
    [
      'noMarks',
      [
        { code: 'INSTRUCTOR_ASSESSMENT_MISSING', required: 10, actual: null },
        { code: 'ARTISAN_ASSESSMENT_MISSING', required: 10, actual: null },
      ],
    ],
    [
      'failed',
      [
        { code: 'INSTRUCTOR_ASSESSMENT_FAILED', required: 10, actual: 8.5 },
        { code: 'ARTISAN_ASSESSMENT_FAILED', required: 10, actual: 9.99 },
      ],
    ],
  ])('refuses %s with GRADUATION_BLOCKED and the rules it breaks, writing nothing', async (key, blockers) => {
    const before = await footprint();
    const result = await graduate({ enrollmentId: trainees[key]!.enrollmentId });
    expect(result.data.graduate).toEqual({
      graduation: null,
      blockers,
      errors: [
        {
          code: 'GRADUATION_BLOCKED',
          field: 'enrollmentId',
          message: 'Cet apprenti ne remplit pas encore les conditions de réussite du programme.',
        },
      ],
    });
    expect(await footprint()).toEqual(before);
  });

  it('refuses a dropout as NOT_ENROLLED, even with an override', async () => {
    const result = await graduate({
      enrollmentId: trainees.dropped!.enrollmentId,
      override: true,
      overrideReason: 'Exception',
    });
    expect(result.data.graduate.errors).toMatchObject([{ code: 'GRADUATION_BLOCKED' }]);
    expect(result.data.graduate.blockers[0]).toEqual({ code: 'NOT_ENROLLED', required: null, actual: null });
  });

  it('refuses a trainee with nothing due: no attendance shown is no attendance', async () => {
    const empty = await s.cohort({ startsOn: STARTS, endsOn: ENDS });
    const { enrollmentId } = await s.trainee(empty.cohortId, { lastName: 'Sans séance' });
    const result = await graduate({ enrollmentId });
    expect(result.data.graduate.blockers[0]).toEqual({
      code: 'ATTENDANCE_TOO_LOW',
      required: 0.8,
      actual: null,
    });
  });

  it('refuses a day in the future, or before the cohort started', async () => {
    const enrollmentId = trainees.good!.enrollmentId;
    expect(
      (await graduate({ enrollmentId, graduatedOn: addDays(TODAY, 1) })).data.graduate.errors,
    ).toMatchObject([{ code: 'DATE_IN_FUTURE', field: 'graduatedOn' }]);
    expect(
      (await graduate({ enrollmentId, graduatedOn: addDays(STARTS, -1) })).data.graduate.errors,
    ).toMatchObject([{ code: 'OUTSIDE_COHORT_DATES', field: 'graduatedOn' }]);
  });

  it('graduates, issues the certificate and asks for the follow-up, all at once', async () => {
    const enrollmentId = trainees.good!.enrollmentId;
    const jobsBefore = await count('job');
    const result = await graduate({ enrollmentId, graduatedOn: addDays(TODAY, -1) }, 'coordinator');
    expect(result.data.graduate).toMatchObject({
      graduation: {
        graduatedOn: addDays(TODAY, -1),
        overriddenBlockers: [],
        overrideReason: null,
        graduatedBy: { displayName: 'coordination' },
        enrollment: { id: enrollmentId, status: 'GRADUATED' },
        certificate: { serial: expect.stringMatching(/^MLM(-[0-9A-HJKMNP-TV-Z]{4}){4}$/), status: 'VALID' },
      },
      blockers: [],
      errors: [],
    });
    const events = await inA((tx) =>
      tx
        .selectFrom('enrollment_event')
        .select(['from_status', 'to_status'])
        .where('enrollment_id', '=', enrollmentId)
        .execute(),
    );
    expect(events).toEqual([{ from_status: 'ENROLLED', to_status: 'GRADUATED' }]);
    const jobs = await env.db.owner
      .selectFrom('job')
      .select('kind')
      .orderBy('created_at')
      .offset(jobsBefore)
      .execute();
    expect(jobs.map((j) => j.kind).sort()).toEqual(['certificate.render', 'followup.schedule']);
    const certificate = await inA((tx) =>
      tx
        .selectFrom('certificate')
        .select(['content', 'issued_on'])
        .where('enrollment_id', '=', enrollmentId)
        .executeTakeFirstOrThrow(),
    );
    expect(certificate.issued_on).toBe(addDays(TODAY, -1));
    expect(certificate.content).toMatchObject({
      theoryHours: 20,
      practiceHours: 20,
      graduatedOn: addDays(TODAY, -1),
    });

    const again = await graduate({ enrollmentId });
    expect(again.data.graduate.errors).toMatchObject([{ code: 'ALREADY_GRADUATED' }]);
    const check = await t().gql(CHECK_ONE, { id: enrollmentId }, as('director'));
    expect(check.data.graduationCheck).toMatchObject({
      enrollment: { status: 'GRADUATED' },
      blockers: [{ code: 'NOT_ENROLLED' }],
      graduation: { id: result.data.graduate.graduation.id },
    });
  });

  it('lets only a director override, with a reason, and audits which rules were overridden', async () => {
    const enrollmentId = trainees.lowAttendance!.enrollmentId;
    const coordinator = await graduate(
      { enrollmentId, override: true, overrideReason: 'Malade' },
      'coordinator',
    );
    expect(coordinator.data.graduate.errors).toMatchObject([{ code: 'FORBIDDEN', field: 'override' }]);
    const noReason = await graduate({ enrollmentId, override: true, overrideReason: '  ' });
    expect(noReason.data.graduate.errors).toMatchObject([
      { code: 'REASON_REQUIRED', field: 'overrideReason' },
    ]);

    const reason = 'Hospitalisée trois semaines, travaux rattrapés';
    const result = await graduate({ enrollmentId, override: true, overrideReason: reason });
    expect(result.data.graduate).toMatchObject({
      graduation: { overriddenBlockers: ['ATTENDANCE_TOO_LOW'], overrideReason: reason },
      errors: [],
    });
    const audit = await inA((tx) =>
      tx
        .selectFrom('audit_event')
        .select(['actor_user_id', 'data', 'entity_ids'])
        .where('action', '=', 'graduation.overridden')
        .execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(env.f.directorA.id);
    expect(audit[0]!.entity_ids).toContain(enrollmentId);
    expect(audit[0]!.data).toEqual({
      graduatedOn: TODAY,
      blockers: [{ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0.7 }],
      reason,
    });
  });

  it('is for directors and coordinators only', async () => {
    for (const who of ['instructor', 'artisan', 'trainee']) {
      const result = await graduate({ enrollmentId: trainees.practiceLow!.enrollmentId }, who);
      expect(result.data.graduate.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    }
  });
});

describe('graduateCohort', () => {
  it('graduates the eligible ones and reports what blocks each of the others', async () => {
    const batch = await s.cohort({ startsOn: STARTS, endsOn: ENDS });
    const session = await s.session({ cohortId: batch.cohortId, kind: 'THEORY', day: addDays(TODAY, -3) });
    const ids: Record<string, string> = {};
    for (const [key, present, instructor] of [
      ['Alami', true, 15],
      ['Berrada', false, 15],
      ['Chami', true, 7],
      ['Daoudi', true, 11],
    ] as const) {
      const { enrollmentId } = await s.trainee(batch.cohortId, { lastName: key });
      ids[key] = enrollmentId;
      await s.attendance([
        {
          sessionId: session,
          enrollmentId,
          status: present ? 'PRESENT' : 'ABSENT_EXCUSED',
          hours: present ? 4 : 0,
        },
      ]);
      await s.inTenant((tx) =>
        tx
          .insertInto('assessment')
          .values(
            (['INSTRUCTOR', 'HOST_ARTISAN'] as const).map((role) => ({
              tenant_id: s.tenantId,
              id: newId(),
              enrollment_id: enrollmentId,
              assessor_role: role,
              score: String(role === 'INSTRUCTOR' ? instructor : 12),
              assessed_on: TODAY,
            })),
          )
          .execute(),
      );
    }
    const result = await t().gql(BATCH, { input: { cohortId: batch.cohortId } }, as('coordinator'));
    expect(result.data.graduateCohort).toEqual({
      graduated: 2,
      blocked: 2,
      results: [
        {
          enrollment: { id: ids.Alami, status: 'GRADUATED' },
          graduation: { id: expect.any(String) },
          blockers: [],
        },
        {
          enrollment: { id: ids.Berrada, status: 'ENROLLED' },
          graduation: null,
          blockers: [{ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0 }],
        },
        {
          enrollment: { id: ids.Chami, status: 'ENROLLED' },
          graduation: null,
          blockers: [{ code: 'INSTRUCTOR_ASSESSMENT_FAILED', required: 10, actual: 7 }],
        },
        {
          enrollment: { id: ids.Daoudi, status: 'GRADUATED' },
          graduation: { id: expect.any(String) },
          blockers: [],
        },
      ],
      errors: [],
    });
    const certificates = await inA((tx) =>
      tx
        .selectFrom('certificate')
        .select('enrollment_id')
        .where('enrollment_id', 'in', [ids.Alami!, ids.Daoudi!])
        .execute(),
    );
    expect(certificates).toHaveLength(2);
    // Again: nobody left to graduate, the two blocked still reported.
    const again = await t().gql(BATCH, { input: { cohortId: batch.cohortId } }, as('director'));
    expect(again.data.graduateCohort).toMatchObject({ graduated: 0, blocked: 2 });
    const elsewhere = await t().gql(
      BATCH,
      { input: { cohortId: batch.cohortId, enrollmentIds: [trainees.failed!.enrollmentId] } },
      as('director'),
    );
    expect(elsewhere.data.graduateCohort.errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'enrollmentIds' },
    ]);
  });
});

describe('SQL statements per request', () => {
  let counted: TestApp;
  let statements: string[] = [];

  /** A cohort of `size` trainees, all present at two theory sessions; every other one has passing marks. */
  async function bigCohort(size: number) {
    const big = await s.cohort({ startsOn: STARTS, endsOn: ENDS });
    const sessions = [
      await s.session({ cohortId: big.cohortId, kind: 'THEORY', day: addDays(TODAY, -10) }),
      await s.session({ cohortId: big.cohortId, kind: 'THEORY', day: addDays(TODAY, -9) }),
    ];
    const rows = Array.from({ length: size }, (_, i) => ({ personId: newId(), enrollmentId: newId(), i }));
    await s.inTenant(async (tx) => {
      await tx
        .insertInto('person')
        .values(
          rows.map((r) => ({
            tenant_id: s.tenantId,
            id: r.personId,
            first_name_latin: `Prénom${r.i}`,
            last_name_latin: `Nom${String(r.i).padStart(4, '0')}`,
            first_name_ar: 'سلمى',
            last_name_ar: 'بنعلي',
            sex: 'F',
            birth_date: '2004-01-01',
          })),
        )
        .execute();
      await tx
        .insertInto('enrollment')
        .values(
          rows.map((r) => ({
            tenant_id: s.tenantId,
            id: r.enrollmentId,
            person_id: r.personId,
            cohort_id: big.cohortId,
            status: 'ENROLLED',
          })),
        )
        .execute();
      await tx
        .insertInto('attendance')
        .values(
          rows.flatMap((r) =>
            sessions.map((sessionId) => ({
              tenant_id: s.tenantId,
              id: newId(),
              session_id: sessionId,
              enrollment_id: r.enrollmentId,
              status: 'PRESENT',
              hours: '4',
            })),
          ),
        )
        .execute();
      await tx
        .insertInto('assessment')
        .values(
          rows
            .filter((r) => r.i % 2 === 0)
            .flatMap((r) =>
              (['INSTRUCTOR', 'HOST_ARTISAN'] as const).map((role) => ({
                tenant_id: s.tenantId,
                id: newId(),
                enrollment_id: r.enrollmentId,
                assessor_role: role,
                score: '12',
                assessed_on: TODAY,
              })),
            ),
        )
        .execute();
    });
    return big.cohortId;
  }

  beforeAll(async () => {
    counted = await createTestApp(env.db, { onQuery: (q) => statements.push(q) });
  });
  afterAll(async () => {
    await counted.app.close();
  });

  it('graduates a cohort of 10 or of 300 with the same statements, then lists it with the same', async () => {
    const LIST = `query ($id: ID!) { cohortGraduation(cohortId: $id) {
      enrollment { id person { fullName } } blockers { code } eligible attendanceRate
      instructorAssessment { score passed recordedBy { displayName } }
      graduation { graduatedOn graduatedBy { displayName } certificate { serial holderNameAr } }
    } }`;
    const counts: { size: number; batch: number; list: number }[] = [];
    for (const size of [10, 300]) {
      const cohortId = await bigCohort(size);
      statements = [];
      const batch = await counted.gql(BATCH, { input: { cohortId } }, as('director'));
      expect(batch.data.graduateCohort).toMatchObject({ graduated: size / 2, blocked: size / 2, errors: [] });
      const batchCount = dataStatements(statements);
      statements = [];
      const list = await counted.gql(LIST, { id: cohortId }, as('director'));
      expect(list.errors).toBeUndefined();
      expect(list.data.cohortGraduation).toHaveLength(size);
      expect(list.data.cohortGraduation[0].graduation.certificate.holderNameAr).toBe('سلمى بنعلي');
      counts.push({
        size,
        batch: batchCount,
        list: dataStatements(statements),
      });
    }
    // The batch: session, membership, the tenant's today, the cohort lock (2), its enrollments, the
    // checks (cohorts, programmes, ledger settings and tallies, assessments, graduations), then
    // the writes: graduations, enrollments and their events (2), the certificates (tenant, five
    // reads, the ledger's two, certificates, serials, render job), the follow-up job, the audit
    // event, and the people for the order: 29. The list: the same reads up to the people (11),
    // then one statement per loader: persons, pass marks (3), certificates.
    expect(counts.map((c) => c.batch)).toEqual([29, 29]);
    expect(counts.map((c) => c.list)).toEqual([17, 17]);
  });
});

describe('another tenant', () => {
  it('cannot read, assess, graduate or change the rules of tenant A’s trainees', async () => {
    const asB = { token: tokens.directorB!, tenantId: env.f.tenantB };
    const enrollmentId = trainees.practiceLow!.enrollmentId;
    const before = { ...(await footprint()), assessments: await count('assessment') };
    expect((await t().gql(CHECK_ONE, { id: enrollmentId }, asB)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await t().gql(COHORT, { id: cohort.cohortId }, asB)).data.cohortGraduation).toEqual([]);
    expect((await t().gql(GRADUATE, { input: { enrollmentId } }, asB)).data.graduate.errors).toMatchObject([
      { code: 'NOT_FOUND' },
    ]);
    expect(
      (await t().gql(RECORD, { input: { enrollmentId, assessorRole: 'INSTRUCTOR', score: 20 } }, asB)).data
        .recordAssessment.errors,
    ).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(
      (await t().gql(BATCH, { input: { cohortId: cohort.cohortId } }, asB)).data.graduateCohort.errors,
    ).toMatchObject([{ code: 'NOT_FOUND', field: 'cohortId' }]);
    expect(
      (
        await t().gql(
          RULES,
          { input: { programmeId: cohort.programmeId, minAttendanceRate: 0, passMark: 0 } },
          asB,
        )
      ).data.setCompletionRules.errors,
    ).toMatchObject([{ code: 'NOT_FOUND' }]);
    const enrollment = await t().gql(
      `query ($id: ID!) { enrollment(id: $id) { id graduation { id } assessments { id } } }`,
      { id: enrollmentId },
      asB,
    );
    expect(enrollment.data.enrollment).toBeNull();
    expect({ ...(await footprint()), assessments: await count('assessment') }).toEqual(before);
  });
});
