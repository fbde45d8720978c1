import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { connect, type Database } from '../../db/connect.js';
import type { EnrollmentRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { EnrollmentStatus, Role } from '../../graphql/generated/resolvers.js';
import { newId } from '../../lib/ids.js';
import { todayIn } from '../../lib/time.js';
import type { Actor } from '../identity/access.js';
import { hashPassword } from '../identity/password.js';
import { enrollmentsOfPeople, reassignEnrollments } from './service.js';
import { isLegalTransition, STATUSES } from './transitions.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
/** Connected as the service's own role, for calling the cross-module functions directly. */
let service: Database;
const tokens: Record<
  'directorA' | 'directorB' | 'coordinator' | 'instructor' | 'trainee' | 'artisan',
  string
> = {} as never;
let traineeUserId: string;
let traineePersonId: string;
let tradeId: string;
let programmeId: string;
/** A roomy cohort most tests apply to (ages 15–30, no school requirement). */
let cohortId: string;

// ----- arranging rows directly, as the owner inside tenant A (tests need not wait for other modules)

const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db.owner, f.tenantA, fn);

async function seedUser(role: Role, email: string): Promise<string> {
  const id = newId();
  await db.owner
    .insertInto('app_user')
    .values({ id, display_name: `${role} test`, email, password_hash: await hashPassword(PASSWORD) })
    .execute();
  await inA((tx) =>
    tx.insertInto('membership').values({ tenant_id: f.tenantA, id: newId(), user_id: id, role }).execute(),
  );
  return id;
}

async function seedProgramme(
  rules: { minAge?: number; maxAge?: number; minSchoolLevel?: string | null } = {},
) {
  const id = newId();
  await inA((tx) =>
    tx
      .insertInto('programme')
      .values({
        tenant_id: f.tenantA,
        id,
        trade_id: tradeId,
        name_fr: `Programme ${id.slice(-6)}`,
        name_ar: 'برنامج',
        duration_months: 24,
        min_age: rules.minAge ?? 15,
        max_age: rules.maxAge ?? 30,
        min_school_level: rules.minSchoolLevel ?? null,
      })
      .execute(),
  );
  return id;
}

async function seedCohort(options: { programmeId?: string; capacity?: number; startsOn?: string } = {}) {
  const id = newId();
  await inA((tx) =>
    tx
      .insertInto('cohort')
      .values({
        tenant_id: f.tenantA,
        id,
        programme_id: options.programmeId ?? programmeId,
        label: `Promotion ${id.slice(-8)}`,
        starts_on: options.startsOn ?? '2027-09-15',
        ends_on: '2029-07-15',
        capacity: options.capacity ?? 500,
      })
      .execute(),
  );
  return id;
}

let personCounter = 0;
async function seedPerson(
  fields: {
    birthDate?: string;
    schoolLevel?: string | null;
    sex?: 'F' | 'M';
    userId?: string;
    mergedIntoId?: string;
  } = {},
) {
  const id = newId();
  personCounter += 1;
  await inA((tx) =>
    tx
      .insertInto('person')
      .values({
        tenant_id: f.tenantA,
        id,
        first_name_latin: 'Salma',
        last_name_latin: `Test${personCounter}`,
        sex: fields.sex ?? 'F',
        birth_date: fields.birthDate ?? '2005-03-10',
        school_level: fields.schoolLevel === undefined ? 'MIDDLE' : fields.schoolLevel,
        user_id: fields.userId ?? null,
        merged_into_id: fields.mergedIntoId ?? null,
      })
      .execute(),
  );
  return id;
}

/** An enrollment already at `status`, written directly (with no history), to start a transition from. */
async function seedEnrollment(personId: string, inCohort: string, status: EnrollmentStatus) {
  const id = newId();
  await inA((tx) =>
    tx
      .insertInto('enrollment')
      .values({ tenant_id: f.tenantA, id, person_id: personId, cohort_id: inCohort, status })
      .execute(),
  );
  return id;
}

const rowOf = (id: string) =>
  inA((tx) => tx.selectFrom('enrollment').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

/** Rows a mutation could leave behind, in both tenants. */
async function footprint() {
  const countIn = (tenantId: string, table: 'enrollment' | 'enrollment_event' | 'audit_event') =>
    withTenant(db.owner, tenantId, (tx) =>
      tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).then((r) => r.n);
  return {
    a: [
      await countIn(f.tenantA, 'enrollment'),
      await countIn(f.tenantA, 'enrollment_event'),
      await countIn(f.tenantA, 'audit_event'),
    ],
    b: [
      await countIn(f.tenantB, 'enrollment'),
      await countIn(f.tenantB, 'enrollment_event'),
      await countIn(f.tenantB, 'audit_event'),
    ],
    statuses: await inA((tx) =>
      tx.selectFrom('enrollment').select(['id', 'status', 'person_id']).orderBy('id').execute(),
    ),
  };
}

// ----- GraphQL

const ENROLLMENT = `id status statusReason statusChangedAt createdAt person { id } cohort { id }
  history { fromStatus toStatus reason at actor { id displayName } }`;
const APPLY = `mutation ($input: ApplyInput!) {
  apply(input: $input) { enrollment { ${ENROLLMENT} } errors { code field message } }
}`;
const TRANSITION = `mutation ($input: TransitionEnrollmentInput!) {
  transitionEnrollment(input: $input) { enrollment { ${ENROLLMENT} } errors { code field message } }
}`;
const ONE = `query ($id: ID!) { enrollment(id: $id) { ${ENROLLMENT} } }`;
const LIST = `query ($filter: EnrollmentFilter) { enrollments(first: 1000, filter: $filter) { totalCount edges { node { id person { id } } } } }`;

const asA = (token: string) => ({ token, tenantId: f.tenantA });
const apply = (input: Record<string, unknown>, token = tokens.directorA) =>
  t.gql(APPLY, { input }, asA(token));
const transition = (id: string, to: EnrollmentStatus, reason?: string | null, token = tokens.directorA) =>
  t.gql(TRANSITION, { input: { id, to, reason } }, asA(token));

const REASONS: Partial<Record<EnrollmentStatus, string>> = {
  DROPPED_OUT: 'Moved to Casablanca with her family',
  WITHDRAWN: 'Found a job',
};

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  service = connect(db.appUrl, { max: 4 });
  tradeId = newId();
  await inA((tx) =>
    tx
      .insertInto('trade')
      .values({ tenant_id: f.tenantA, id: tradeId, code: 'WEAVING', name_fr: 'Tissage', name_ar: 'النسيج' })
      .execute(),
  );
  programmeId = await seedProgramme();
  cohortId = await seedCohort();
  await seedUser('COORDINATOR', 'coordination.a@test.ma');
  await seedUser('INSTRUCTOR', 'formateur.a@test.ma');
  traineeUserId = await seedUser('TRAINEE', 'stagiaire.a@test.ma');
  traineePersonId = await seedPerson({ userId: traineeUserId });
  tokens.directorA = await t.signIn(f.directorA.email);
  tokens.directorB = await t.signIn(f.directorB.email);
  tokens.coordinator = await t.signIn('coordination.a@test.ma');
  tokens.instructor = await t.signIn('formateur.a@test.ma');
  tokens.trainee = await t.signIn('stagiaire.a@test.ma');
  tokens.artisan = await t.signInByCode(f.artisanA.phone);
});
afterAll(async () => {
  await service.destroy();
  await close();
});

describe('apply', () => {
  it('records an application with its first event and an audit event', async () => {
    const personId = await seedPerson();
    const result = await apply(
      { personId, cohortId, reason: '  Orientée par l’association  ' },
      tokens.coordinator,
    );
    expect(result.data.apply.errors).toEqual([]);
    const enrollment = result.data.apply.enrollment;
    expect(enrollment).toMatchObject({
      status: 'APPLIED',
      statusReason: 'Orientée par l’association',
      person: { id: personId },
      cohort: { id: cohortId },
      history: [
        {
          fromStatus: null,
          toStatus: 'APPLIED',
          reason: 'Orientée par l’association',
          actor: { displayName: 'COORDINATOR test' },
        },
      ],
    });
    expect(new Date(enrollment.statusChangedAt).getTime()).toBe(new Date(enrollment.createdAt).getTime());
    const audit = await inA((tx) =>
      tx
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'enrollment.applied')
        .where(sql<boolean>`${enrollment.id} = any(entity_ids)`)
        .execute(),
    );
    expect(audit).toHaveLength(1);
  });

  it('judges the age on the cohort’s first day, not today', async () => {
    // 14 today, 15 when a cohort starting next year begins: eligible for it (15–30).
    const today = todayIn('Africa/Casablanca');
    const year = Number(today.slice(0, 4));
    const startsOn = `${year + 1}-09-15`;
    const laterCohort = await seedCohort({ startsOn });
    const personId = await seedPerson({ birthDate: `${year + 1 - 15}-09-15` });
    const result = await apply({ personId, cohortId: laterCohort });
    expect(result.data.apply.errors).toEqual([]);
    // One day younger is 14 on that day.
    const younger = await seedPerson({ birthDate: `${year + 1 - 15}-09-16` });
    expect((await apply({ personId: younger, cohortId: laterCohort })).data.apply.errors).toMatchObject([
      { code: 'INELIGIBLE_AGE', field: 'birthDate' },
    ]);
  });

  it.each([
    ['too young', { birthDate: '2013-01-01' }, {}, 'INELIGIBLE_AGE', 'birthDate'],
    ['too old', { birthDate: '1990-01-01' }, {}, 'INELIGIBLE_AGE', 'birthDate'],
    [
      'older than a narrower band',
      { birthDate: '2004-01-01' },
      { minAge: 16, maxAge: 22 },
      'INELIGIBLE_AGE',
      'birthDate',
    ],
    [
      'below the school level',
      { schoolLevel: 'PRIMARY' },
      { minSchoolLevel: 'MIDDLE' },
      'INELIGIBLE_SCHOOL_LEVEL',
      'schoolLevel',
    ],
    [
      'without a known school level',
      { schoolLevel: null },
      { minSchoolLevel: 'PRIMARY' },
      'INELIGIBLE_SCHOOL_LEVEL',
      'schoolLevel',
    ],
  ] as const)(
    'refuses someone %s, saying which rule failed, and writes nothing',
    async (_case, person, rules, code, field) => {
      const programme = await seedProgramme(rules);
      const cohort = await seedCohort({ programmeId: programme });
      const personId = await seedPerson(person);
      const before = await footprint();
      const result = await apply({ personId, cohortId: cohort }, tokens.directorA);
      expect(result.data.apply).toMatchObject({ enrollment: null, errors: [{ code, field }] });
      expect(result.data.apply.errors[0].message).not.toBe('');
      expect(await footprint()).toEqual(before);
    },
  );

  it('takes a school level at or above the minimum, and anyone when the minimum is NONE', async () => {
    const cohortMiddle = await seedCohort({ programmeId: await seedProgramme({ minSchoolLevel: 'MIDDLE' }) });
    const cohortNone = await seedCohort({ programmeId: await seedProgramme({ minSchoolLevel: 'NONE' }) });
    for (const [schoolLevel, cohort] of [
      ['MIDDLE', cohortMiddle],
      ['HIGHER', cohortMiddle],
      [null, cohortNone],
    ] as const) {
      const personId = await seedPerson({ schoolLevel });
      expect((await apply({ personId, cohortId: cohort })).data.apply.errors).toEqual([]);
    }
  });

  it('refuses a second active enrollment in a cohort, and allows a new one once the first ended', async () => {
    const personId = await seedPerson();
    const first = await apply({ personId, cohortId });
    expect(first.data.apply.errors).toEqual([]);
    const before = await footprint();
    expect((await apply({ personId, cohortId })).data.apply.errors).toMatchObject([
      { code: 'ALREADY_ENROLLED', field: 'personId' },
    ]);
    expect(await footprint()).toEqual(before);
    await transition(first.data.apply.enrollment.id, 'WITHDRAWN', 'Changed her mind');
    expect((await apply({ personId, cohortId })).data.apply.errors).toEqual([]);
  });

  it.each([
    ['an unknown person', () => ({ personId: newId(), cohortId }), 'NOT_FOUND', 'personId'],
    ['a malformed person id', () => ({ personId: 'x', cohortId }), 'NOT_FOUND', 'personId'],
    [
      'an unknown cohort',
      async () => ({ personId: await seedPerson(), cohortId: newId() }),
      'NOT_FOUND',
      'cohortId',
    ],
    [
      'a merged person',
      async () => ({ personId: await seedPerson({ mergedIntoId: await seedPerson() }), cohortId }),
      'ALREADY_MERGED',
      'personId',
    ],
    [
      'a one-letter reason',
      async () => ({ personId: await seedPerson(), cohortId, reason: 'x' }),
      'INVALID_INPUT',
      'reason',
    ],
  ] as const)('refuses %s', async (_case, input, code, field) => {
    const args = await input();
    const before = await footprint();
    expect((await apply(args)).data.apply).toMatchObject({ enrollment: null, errors: [{ code, field }] });
    expect(await footprint()).toEqual(before);
  });
});

describe('transitionEnrollment', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

  it('knows exactly the seven legal moves', () => {
    expect(pairs.filter(([from, to]) => isLegalTransition(from, to))).toEqual([
      ['APPLIED', 'ADMITTED'],
      ['APPLIED', 'WITHDRAWN'],
      ['ADMITTED', 'ENROLLED'],
      ['ADMITTED', 'WITHDRAWN'],
      ['ENROLLED', 'GRADUATED'],
      ['ENROLLED', 'DROPPED_OUT'],
      ['ENROLLED', 'WITHDRAWN'],
    ]);
  });

  // ENROLLED → GRADUATED is legal, but only through graduate (modules/graduation), which checks
  // the completion rules and issues the certificate.
  it.each(pairs.filter(([from, to]) => isLegalTransition(from, to) && to !== 'GRADUATED'))(
    'moves %s → %s with its event and audit event',
    async (from, to) => {
      const id = await seedEnrollment(await seedPerson(), cohortId, from);
      const reason = REASONS[to] ?? null;
      const result = await transition(id, to, reason, tokens.coordinator);
      expect(result.data.transitionEnrollment.errors).toEqual([]);
      expect(result.data.transitionEnrollment.enrollment).toMatchObject({
        id,
        status: to,
        statusReason: reason,
        history: [{ fromStatus: from, toStatus: to, reason, actor: { displayName: 'COORDINATOR test' } }],
      });
      const row = await rowOf(id);
      expect(row.status).toBe(to);
      expect(row.status_changed_at.getTime()).toBeGreaterThan(row.created_at.getTime());
      const audit = await inA((tx) =>
        tx
          .selectFrom('audit_event')
          .select('data')
          .where('action', '=', 'enrollment.transitioned')
          .where(sql<boolean>`${id} = any(entity_ids)`)
          .execute(),
      );
      expect(audit.map((a) => a.data)).toEqual([{ from, to, reason }]);
    },
  );

  it('refuses ENROLLED → GRADUATED as GRADUATION_REQUIRED and changes nothing', async () => {
    const id = await seedEnrollment(await seedPerson(), cohortId, 'ENROLLED');
    const before = await footprint();
    const result = await transition(id, 'GRADUATED', null, tokens.coordinator);
    expect(result.data.transitionEnrollment).toMatchObject({
      enrollment: null,
      errors: [{ code: 'GRADUATION_REQUIRED', field: 'to' }],
    });
    expect(await footprint()).toEqual(before);
    expect((await rowOf(id)).status).toBe('ENROLLED');
  });

  it.each(pairs.filter(([from, to]) => !isLegalTransition(from, to)))(
    'refuses %s → %s as ILLEGAL_TRANSITION and changes nothing',
    async (from, to) => {
      const id = await seedEnrollment(await seedPerson(), cohortId, from);
      const before = await footprint();
      const result = await transition(id, to, 'A reason, in case one is needed');
      expect(result.data.transitionEnrollment).toMatchObject({
        enrollment: null,
        errors: [{ code: 'ILLEGAL_TRANSITION', field: 'to' }],
      });
      expect(await footprint()).toEqual(before);
    },
  );

  it.each([
    ['DROPPED_OUT', null, 'REASON_REQUIRED'],
    ['DROPPED_OUT', '   ', 'REASON_REQUIRED'],
    ['WITHDRAWN', null, 'REASON_REQUIRED'],
    ['WITHDRAWN', 'x', 'INVALID_INPUT'],
    ['DROPPED_OUT', 'x'.repeat(301), 'INVALID_INPUT'],
  ] as const)('refuses leaving as %s with reason %j (%s)', async (to, reason, code) => {
    const id = await seedEnrollment(await seedPerson(), cohortId, 'ENROLLED');
    const before = await footprint();
    const result = await transition(id, to, reason);
    expect(result.data.transitionEnrollment.errors).toMatchObject([{ code, field: 'reason' }]);
    expect(await footprint()).toEqual(before);
    // 300 characters is still a reason.
    expect((await transition(id, to, 'y'.repeat(300))).data.transitionEnrollment.errors).toEqual([]);
  });

  it('refuses an unknown or malformed id', async () => {
    expect((await transition(newId(), 'ADMITTED')).data.transitionEnrollment.errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'id' },
    ]);
    expect((await transition('nope', 'ADMITTED')).data.transitionEnrollment.errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'id' },
    ]);
  });

  it('keeps the whole history, oldest first, with who and why', async () => {
    const personId = await seedPerson({ sex: 'M' });
    const applied = await apply({ personId, cohortId }, tokens.coordinator);
    const id = applied.data.apply.enrollment.id;
    await transition(id, 'ADMITTED', null, tokens.directorA);
    await transition(id, 'ENROLLED', null, tokens.coordinator);
    await transition(id, 'DROPPED_OUT', 'Health reasons', tokens.directorA);
    const result = await t.gql(ONE, { id }, asA(tokens.directorA));
    const enrollment = result.data.enrollment;
    expect(enrollment.status).toBe('DROPPED_OUT');
    expect(enrollment.statusReason).toBe('Health reasons');
    expect(
      enrollment.history.map((e: Record<string, unknown>) => [
        e.fromStatus,
        e.toStatus,
        e.reason,
        (e.actor as { displayName: string }).displayName,
      ]),
    ).toEqual([
      [null, 'APPLIED', null, 'COORDINATOR test'],
      ['APPLIED', 'ADMITTED', null, 'Directeur A'],
      ['ADMITTED', 'ENROLLED', null, 'COORDINATOR test'],
      ['ENROLLED', 'DROPPED_OUT', 'Health reasons', 'Directeur A'],
    ]);
    const times = enrollment.history.map((e: { at: string }) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Date(enrollment.statusChangedAt).getTime()).toBe(times.at(-1));
  });

  it('leaves the enrollment and its history untouched when the transaction fails halfway', async () => {
    const id = await seedEnrollment(await seedPerson(), cohortId, 'APPLIED');
    // The audit event is the last write: make it fail after the update and the event were made.
    await sql`create function fail_enrollment_audit() returns trigger language plpgsql as $$
              begin raise exception 'audit store unavailable'; end $$`.execute(db.owner);
    await sql`create trigger fail_enrollment_audit before insert on audit_event for each row execute function fail_enrollment_audit()`.execute(
      db.owner,
    );
    try {
      const before = await footprint();
      const result = await transition(id, 'ADMITTED');
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL');
      expect(await footprint()).toEqual(before);
      expect((await rowOf(id)).status).toBe('APPLIED');
    } finally {
      await sql`drop trigger fail_enrollment_audit on audit_event`.execute(db.owner);
      await sql`drop function fail_enrollment_audit()`.execute(db.owner);
    }
  });
});

describe('capacity', () => {
  it('refuses an admission into a full cohort but still lets admitted trainees enroll', async () => {
    const small = await seedCohort({ capacity: 2 });
    const admitted = await seedEnrollment(await seedPerson(), small, 'ADMITTED');
    await seedEnrollment(await seedPerson(), small, 'ENROLLED');
    // Applications and departures do not hold a place.
    await seedEnrollment(await seedPerson(), small, 'DROPPED_OUT');
    const waiting = await seedEnrollment(await seedPerson(), small, 'APPLIED');
    const before = await footprint();
    expect((await transition(waiting, 'ADMITTED')).data.transitionEnrollment.errors).toMatchObject([
      { code: 'COHORT_FULL' },
    ]);
    expect(await footprint()).toEqual(before);
    expect((await transition(admitted, 'ENROLLED')).data.transitionEnrollment.errors).toEqual([]);
    // A place freed by a withdrawal can be taken.
    expect(
      (await transition(admitted, 'WITHDRAWN', 'Left for work')).data.transitionEnrollment.errors,
    ).toEqual([]);
    expect((await transition(waiting, 'ADMITTED')).data.transitionEnrollment.errors).toEqual([]);
  });

  it('never overflows under concurrent admissions: exactly one of several takes the last place', async () => {
    const cohort = await seedCohort({ capacity: 3 });
    await seedEnrollment(await seedPerson(), cohort, 'ADMITTED');
    await seedEnrollment(await seedPerson(), cohort, 'ENROLLED');
    const applicants = [];
    for (let i = 0; i < 6; i++) applicants.push(await seedEnrollment(await seedPerson(), cohort, 'APPLIED'));
    const results = await Promise.all(applicants.map((id) => transition(id, 'ADMITTED')));
    const codes = results.map((r) => r.data.transitionEnrollment.errors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'COHORT_FULL')).toHaveLength(5);
    const held = await inA((tx) =>
      tx
        .selectFrom('enrollment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('cohort_id', '=', cohort)
        .where('status', 'in', ['ADMITTED', 'ENROLLED'])
        .executeTakeFirstOrThrow(),
    );
    expect(held.n).toBe(3);
  });

  it('reports the overview of a cohort: counts by status and sex, places, dropout reasons', async () => {
    const cohort = await seedCohort({ capacity: 10 });
    const seed = async (sex: 'F' | 'M', status: EnrollmentStatus, reason: string | null = null) => {
      const id = await seedEnrollment(await seedPerson({ sex }), cohort, status);
      if (reason)
        await inA((tx) =>
          tx.updateTable('enrollment').set({ status_reason: reason }).where('id', '=', id).execute(),
        );
      return id;
    };
    const first = await seed('F', 'APPLIED');
    await seed('M', 'APPLIED');
    await seed('F', 'ADMITTED');
    await seed('F', 'ENROLLED');
    await seed('M', 'ENROLLED');
    await seed('F', 'DROPPED_OUT', 'Marriage');
    await seed('F', 'DROPPED_OUT', 'Marriage');
    await seed('M', 'DROPPED_OUT', 'Distance');
    await seed('M', 'WITHDRAWN', 'Found a job');
    const result = await t.gql(
      `query ($id: ID!) { enrollment(id: $id) { cohort { overview {
        byStatus { status f m total } active { f m total } capacityUsed capacityLeft dropoutReasons { reason count }
      } } } }`,
      { id: first },
      asA(tokens.instructor),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.enrollment.cohort.overview).toEqual({
      byStatus: [
        { status: 'APPLIED', f: 1, m: 1, total: 2 },
        { status: 'ADMITTED', f: 1, m: 0, total: 1 },
        { status: 'ENROLLED', f: 1, m: 1, total: 2 },
        { status: 'GRADUATED', f: 0, m: 0, total: 0 },
        { status: 'DROPPED_OUT', f: 2, m: 1, total: 3 },
        { status: 'WITHDRAWN', f: 0, m: 1, total: 1 },
      ],
      active: { f: 3, m: 2, total: 5 },
      capacityUsed: 3,
      capacityLeft: 7,
      dropoutReasons: [
        { reason: 'Marriage', count: 2 },
        { reason: 'Distance', count: 1 },
      ],
    });
  });
});

describe('who may see and change enrollments', () => {
  it('lets an instructor read but not apply or transition', async () => {
    const personId = await seedPerson();
    const id = await seedEnrollment(personId, cohortId, 'APPLIED');
    expect((await t.gql(ONE, { id }, asA(tokens.instructor))).data.enrollment).toMatchObject({
      id,
      person: { id: personId },
    });
    const before = await footprint();
    expect(
      (await apply({ personId: await seedPerson(), cohortId }, tokens.instructor)).data.apply.errors,
    ).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(
      (await transition(id, 'ADMITTED', null, tokens.instructor)).data.transitionEnrollment.errors,
    ).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect((await footprint()).statuses).toEqual(before.statuses);
  });

  it('shows a host artisan no enrollment (until placements exist), and lets them change none', async () => {
    const id = await seedEnrollment(await seedPerson(), cohortId, 'APPLIED');
    expect((await t.gql(ONE, { id }, asA(tokens.artisan))).data.enrollment).toBeNull();
    const list = await t.gql(LIST, {}, asA(tokens.artisan));
    expect(list.data.enrollments).toEqual({ totalCount: 0, edges: [] });
    expect(
      (await transition(id, 'ADMITTED', null, tokens.artisan)).data.transitionEnrollment.errors,
    ).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  it('shows a trainee only their own enrollments, and no cohort overview', async () => {
    const own = await seedEnrollment(traineePersonId, cohortId, 'ENROLLED');
    const other = await seedEnrollment(await seedPerson(), cohortId, 'ENROLLED');
    const list = await t.gql(LIST, {}, asA(tokens.trainee));
    expect(list.data.enrollments).toEqual({
      totalCount: 1,
      edges: [{ node: { id: own, person: { id: traineePersonId } } }],
    });
    expect((await t.gql(ONE, { id: own }, asA(tokens.trainee))).data.enrollment.id).toBe(own);
    expect((await t.gql(ONE, { id: other }, asA(tokens.trainee))).data.enrollment).toBeNull();
    const overview = await t.gql(
      `query ($id: ID!) { enrollment(id: $id) { cohort { overview { capacityUsed } } } }`,
      { id: own },
      asA(tokens.trainee),
    );
    expect(overview.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await transition(own, 'GRADUATED', null, tokens.trainee)).data.transitionEnrollment.errors,
    ).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  it('keeps tenant B from reading or changing tenant A’s enrollments', async () => {
    const personId = await seedPerson();
    const id = await seedEnrollment(personId, cohortId, 'APPLIED');
    const asB = { token: tokens.directorB, tenantId: f.tenantB };
    expect((await t.gql(ONE, { id }, asB)).data.enrollment).toBeNull();
    const list = await t.gql(LIST, {}, asB);
    expect(list.data.enrollments.totalCount).toBe(0);
    expect(JSON.stringify(list)).not.toContain(id);
    const filtered = await t.gql(LIST, { filter: { cohortId } }, asB);
    expect(filtered.data.enrollments.totalCount).toBe(0);
    const before = await footprint();
    const moved = await t.gql(TRANSITION, { input: { id, to: 'ADMITTED' } }, asB);
    expect(moved.data.transitionEnrollment.errors).toMatchObject([{ code: 'NOT_FOUND', field: 'id' }]);
    const applied = await t.gql(APPLY, { input: { personId, cohortId } }, asB);
    expect(applied.data.apply.errors).toMatchObject([{ code: 'NOT_FOUND', field: 'personId' }]);
    // Nor by naming tenant A while being a member of B only.
    const sneaky = await t.gql(
      TRANSITION,
      { input: { id, to: 'ADMITTED' } },
      { token: tokens.directorB, tenantId: f.tenantA },
    );
    expect(sneaky.data.transitionEnrollment.errors).toMatchObject([{ code: 'NOT_A_MEMBER' }]);
    expect(await footprint()).toEqual(before);
  });
});

describe('functions for the people module', () => {
  const actorA = (): Actor => ({
    userId: f.directorA.id,
    tenantId: f.tenantA,
    roles: ['DIRECTOR'],
    hostIds: [],
    requestId: 'test',
  });

  it('moves every enrollment with its history to the kept record, closing a duplicate active place', async () => {
    const keep = await seedPerson();
    const merge = await seedPerson();
    const otherCohort = await seedCohort();
    const thirdCohort = await seedCohort();
    const keptPlace = await seedEnrollment(keep, cohortId, 'ENROLLED');
    const duplicatePlace = (await apply({ personId: merge, cohortId })).data.apply.enrollment.id as string;
    const ownPlace = (await apply({ personId: merge, cohortId: otherCohort })).data.apply.enrollment
      .id as string;
    const oldPlace = await seedEnrollment(merge, thirdCohort, 'GRADUATED');
    const keptApplication = await seedEnrollment(keep, thirdCohort, 'APPLIED');

    await withTenant(service, f.tenantA, (tx) => reassignEnrollments(tx, actorA(), merge, keep));

    const byPerson = await withTenant(service, f.tenantA, (tx) => enrollmentsOfPeople(tx, [keep, merge]));
    expect(byPerson.get(merge)).toEqual([]);
    const kept = byPerson.get(keep)!;
    expect(new Set(kept.map((e: EnrollmentRow) => e.id))).toEqual(
      new Set([keptPlace, duplicatePlace, ownPlace, oldPlace, keptApplication]),
    );
    const statusOf = (id: string) => kept.find((e) => e.id === id)!;
    expect(statusOf(duplicatePlace)).toMatchObject({
      status: 'WITHDRAWN',
      status_reason: 'merged duplicate',
    });
    expect(statusOf(ownPlace).status).toBe('APPLIED');
    expect(statusOf(oldPlace).status).toBe('GRADUATED');
    expect(statusOf(keptPlace).status).toBe('ENROLLED');
    const history = await t.gql(ONE, { id: duplicatePlace }, asA(tokens.directorA));
    expect(history.data.enrollment.person.id).toBe(keep);
    expect(
      history.data.enrollment.history.map((e: { toStatus: string; reason: string | null }) => [
        e.toStatus,
        e.reason,
      ]),
    ).toEqual([
      ['APPLIED', null],
      ['WITHDRAWN', 'merged duplicate'],
    ]);
  });

  it('lists enrollments of people, oldest first, empty for people without any', async () => {
    const person = await seedPerson();
    const nobody = await seedPerson();
    const a = await seedEnrollment(person, cohortId, 'WITHDRAWN');
    const b = await seedEnrollment(person, cohortId, 'APPLIED');
    const map = await withTenant(service, f.tenantA, (tx) => enrollmentsOfPeople(tx, [person, nobody]));
    expect(map.get(person)!.map((e) => e.id)).toEqual([a, b]);
    expect(map.get(nobody)).toEqual([]);
    // Tenant B's transaction sees none of A's.
    const fromB = await withTenant(service, f.tenantB, (tx) => enrollmentsOfPeople(tx, [person]));
    expect(fromB.get(person)).toEqual([]);
  });
});
