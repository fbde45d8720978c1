import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { countRows } from '../../../test/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, todayIn } from '../../lib/time.js';
import { hashPassword } from '../identity/password.js';
import { runDueJobs } from '../jobs/queue.js';
import { deliverPending } from '../outbox/service.js';
import { courseJobHandlers } from './reminders.js';
import { COURSE_REMINDER_JOB } from './sms.js';

let env: TestEnv;
let director: string;
let directorB: string;
let instructor: string;
const today = todayIn('Africa/Casablanca');
const FUTURE = addDays(today, 40);

// ----- GraphQL

const ERRORS = 'errors { code field message }';
const COURSE = `id titleFr titleAr trainingLine topic audience partners mode city capacity priceMad
  completionThreshold status registeredCount waitlistCount startsOn trainingDays createdAt
  sessions { id day startsAt endsAt days hours place }`;
const CREATE = `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { course { ${COURSE} } ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateCourseInput!) { updateCourse(input: $input) { course { ${COURSE} } ${ERRORS} } }`;
const STATUS = `mutation ($input: SetCourseStatusInput!) { setCourseStatus(input: $input) { course { id status } ${ERRORS} } }`;
const ADD_SESSION = `mutation ($input: AddCourseSessionInput!) {
  addCourseSession(input: $input) { session { id day startsAt endsAt days hours place course { id } } ${ERRORS} }
}`;
const REMOVE_SESSION = `mutation ($input: RemoveCourseSessionInput!) { removeCourseSession(input: $input) { session { id } ${ERRORS} } }`;
const REGISTRATION =
  'id status statusReason waitlistPosition attendanceRate createdAt statusChangedAt person { id firstNameLatin } course { id }';
const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) {
    registration { ${REGISTRATION} }
    duplicates { reason person { id } }
    ${ERRORS}
  }
}`;
const CANCEL = `mutation ($input: CancelRegistrationInput!) {
  cancelRegistration(input: $input) { registration { id status statusReason } promoted { ${REGISTRATION} } ${ERRORS} }
}`;
const ATTEND = `mutation ($input: RecordCourseAttendanceInput!) {
  recordCourseAttendance(input: $input) { session { id attendance { present registration { id status } } } ${ERRORS} }
}`;
const ONE = `query ($id: ID!) { course(id: $id) { ${COURSE} registrations { ${REGISTRATION} } } }`;
const LIST = `query ($first: Int, $after: String, $filter: CourseFilter) {
  courses(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id titleFr } } pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id } ${ERRORS} } }`;
const HISTORY = `query ($id: ID!) {
  person(id: $id) { id history { at kind title status refId } registrations { id status course { titleFr } } }
}`;

const asA = () => ({ token: director, tenantId: env.f.tenantA });
const asB = () => ({ token: directorB, tenantId: env.f.tenantB });

function courseInput(overrides: Record<string, unknown> = {}) {
  return {
    titleFr: 'Vente en ligne pour artisans',
    titleAr: 'البيع عبر الإنترنت للصناع',
    trainingLine: 'Commercialisation',
    topic: 'Boutiques en ligne, photos, prix',
    audience: 'ARTISANS',
    partners: ['UNESCO'],
    mode: 'IN_PERSON',
    city: 'Fès',
    capacity: 2,
    priceMad: 0,
    ...overrides,
  };
}

async function createCourse(overrides: Record<string, unknown> = {}, sessions: string[] = [FUTURE]) {
  const result = await env.t.gql(CREATE, { input: { course: courseInput(overrides) } }, asA());
  expect(result.data.createCourse.errors).toEqual([]);
  const id: string = result.data.createCourse.course.id;
  const sessionIds: string[] = [];
  for (const day of sessions) {
    const added = await env.t.gql(ADD_SESSION, { input: { courseId: id, day, hours: 8 } }, asA());
    expect(added.data.addCourseSession.errors).toEqual([]);
    sessionIds.push(added.data.addCourseSession.session.id);
  }
  return { id, sessionIds };
}

let personCounter = 0;
/** 1 → 'b', 27 → 'bb'…: names take letters only. */
const letters = (n: number): string =>
  n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26)) + String.fromCharCode(97 + (n % 26));
/** A new adult with a phone of their own, as the registration form would send it. */
function newPerson(overrides: Record<string, unknown> = {}) {
  personCounter++;
  return {
    firstNameLatin: 'Salma',
    lastNameLatin: `Alami${letters(personCounter)}`,
    sex: personCounter % 2 ? 'F' : 'M',
    birthDate: '1990-05-12',
    phone: `+2126610${String(10000 + personCounter).padStart(5, '0')}`,
    ...overrides,
  };
}

async function existingPerson(): Promise<{ id: string; phone: string }> {
  const person = newPerson();
  const result = await env.t.gql(CREATE_PERSON, { input: { person } }, asA());
  expect(result.data.createPerson.errors).toEqual([]);
  return { id: result.data.createPerson.person.id, phone: person.phone };
}

const register = (input: Record<string, unknown>, as = asA()) => env.t.gql(REGISTER, { input }, as);

/** Rows of tenant A in a table (RLS applies to the owner too). */
const count = (table: 'person' | 'registration' | 'audit_event' | 'course' | 'course_session') =>
  countRows(env.db.owner, env.f.tenantA, table);

beforeAll(async () => {
  env = await openTestEnv();
  director = await env.t.signIn(env.f.directorA.email);
  directorB = await env.t.signIn(env.f.directorB.email);
  const instructorId = newId();
  await env.db.owner
    .insertInto('app_user')
    .values({
      id: instructorId,
      display_name: 'Formatrice',
      email: 'formatrice@test.ma',
      password_hash: await hashPassword(PASSWORD),
    })
    .execute();
  await withTenant(env.db.owner, env.f.tenantA, (tx) =>
    tx
      .insertInto('membership')
      .values({ tenant_id: env.f.tenantA, id: newId(), user_id: instructorId, role: 'INSTRUCTOR' })
      .execute(),
  );
  instructor = await env.t.signIn('formatrice@test.ma');
});

afterAll(async () => {
  await env.close();
});

describe('courses', () => {
  it('creates a course with sessions, derives days from hours, lists and filters it', async () => {
    const { id } = await createCourse(
      { titleFr: 'Patrimoine et séisme', partners: ['UNESCO', 'unesco', ' ONU  Habitat '] },
      [],
    );
    const morning = await env.t.gql(
      ADD_SESSION,
      { input: { courseId: id, day: '2031-03-10', startsAt: '09:00', endsAt: '13:00', place: 'Salle 2' } },
      asA(),
    );
    expect(morning.data.addCourseSession).toMatchObject({
      session: { day: '2031-03-10', startsAt: '09:00', endsAt: '13:00', hours: 4, days: 0.5, course: { id } },
      errors: [],
    });
    const plain = await env.t.gql(ADD_SESSION, { input: { courseId: id, day: '2031-03-09' } }, asA());
    expect(plain.data.addCourseSession.session).toMatchObject({ days: 1, hours: null });
    const long = await env.t.gql(
      ADD_SESSION,
      { input: { courseId: id, day: '2031-03-11', hours: 20 } },
      asA(),
    );
    expect(long.data.addCourseSession.session).toMatchObject({ days: 2.5, hours: 20 });

    const one = await env.t.gql(ONE, { id }, asA());
    expect(one.data.course).toMatchObject({
      partners: ['UNESCO', 'ONU Habitat'],
      startsOn: '2031-03-09',
      trainingDays: 4,
      completionThreshold: 0.8,
      priceMad: 0,
      status: 'OPEN',
      registeredCount: 0,
      waitlistCount: 0,
    });
    expect(one.data.course.sessions.map((s: { day: string }) => s.day)).toEqual([
      '2031-03-09',
      '2031-03-10',
      '2031-03-11',
    ]);

    const found = await env.t.gql(LIST, { filter: { year: 2031, city: 'FÈS', search: 'habitat' } }, asA());
    expect(found.data.courses.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
    const none = await env.t.gql(LIST, { filter: { year: 2030 } }, asA());
    expect(none.data.courses.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    const online = await env.t.gql(LIST, { filter: { mode: 'E_LEARNING' } }, asA());
    expect(online.data.courses.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
  });

  it('pages the catalogue newest first', async () => {
    const first = await createCourse({ titleFr: 'Page un' }, []);
    const second = await createCourse({ titleFr: 'Page deux' }, []);
    const page = await env.t.gql(LIST, { first: 1 }, asA());
    expect(page.data.courses.edges[0].node.id).toBe(second.id);
    expect(page.data.courses.pageInfo.hasNextPage).toBe(true);
    const next = await env.t.gql(LIST, { first: 1, after: page.data.courses.pageInfo.endCursor }, asA());
    expect(next.data.courses.edges[0].node.id).toBe(first.id);
  });

  it('validates every field of a course at once and writes nothing', async () => {
    const [courses, audits] = [await count('course'), await count('audit_event')];
    const result = await env.t.gql(
      CREATE,
      {
        input: {
          course: courseInput({
            titleFr: 'x',
            trainingLine: ' ',
            city: null,
            capacity: 0,
            priceMad: -1,
            completionThreshold: 1.5,
            partners: Array.from({ length: 11 }, (_, i) => `P${i}`),
          }),
        },
      },
      asA(),
    );
    expect(result.data.createCourse.course).toBeNull();
    expect(
      result.data.createCourse.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ).toEqual([
      ['titleFr', 'INVALID_INPUT'],
      ['trainingLine', 'REQUIRED'],
      ['partners', 'INVALID_INPUT'],
      ['city', 'REQUIRED'],
      ['capacity', 'INVALID_INPUT'],
      ['priceMad', 'INVALID_INPUT'],
      ['completionThreshold', 'INVALID_INPUT'],
    ]);
    expect(result.data.createCourse.errors[0].message).toBeTruthy();
    const longPartner = await env.t.gql(
      CREATE,
      { input: { course: courseInput({ partners: ['x'.repeat(121)] }) } },
      asA(),
    );
    expect(longPartner.data.createCourse.errors).toMatchObject([
      { field: 'partners', code: 'INVALID_INPUT' },
    ]);
    expect([await count('course'), await count('audit_event')]).toEqual([courses, audits]);

    // E-learning needs no city, and keeps none.
    const online = await env.t.gql(
      CREATE,
      {
        input: {
          course: courseInput({ mode: 'E_LEARNING', city: 'Rabat', capacity: 10000, priceMad: 150.5 }),
        },
      },
      asA(),
    );
    expect(online.data.createCourse).toMatchObject({ course: { city: null, priceMad: 150.5 }, errors: [] });

    const { id } = await createCourse({}, []);
    const badTime = await env.t.gql(
      ADD_SESSION,
      { input: { courseId: id, day: FUTURE, startsAt: '9h' } },
      asA(),
    );
    expect(badTime.data.addCourseSession.errors).toMatchObject([{ field: 'startsAt', code: 'INVALID_TIME' }]);
    const backwards = await env.t.gql(
      ADD_SESSION,
      { input: { courseId: id, day: FUTURE, startsAt: '14:00', endsAt: '10:00' } },
      asA(),
    );
    expect(backwards.data.addCourseSession.errors).toMatchObject([{ field: 'endsAt', code: 'INVALID_TIME' }]);
    const tooLong = await env.t.gql(ADD_SESSION, { input: { courseId: id, day: FUTURE, days: 40 } }, asA());
    expect(tooLong.data.addCourseSession.errors).toMatchObject([{ field: 'days', code: 'INVALID_INPUT' }]);
    const missing = await env.t.gql(ADD_SESSION, { input: { courseId: newId(), day: FUTURE } }, asA());
    expect(missing.data.addCourseSession.errors).toMatchObject([{ field: 'courseId', code: 'NOT_FOUND' }]);
    expect((await env.t.gql(ONE, { id }, asA())).data.course.sessions).toEqual([]);

    const instructorWrite = await env.t.gql(
      CREATE,
      { input: { course: courseInput() } },
      { token: instructor, tenantId: env.f.tenantA },
    );
    expect(instructorWrite.data.createCourse.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  it('fills a course, waitlists the next, and promotes them when a place frees up (with SMS)', async () => {
    const { id } = await createCourse({ titleFr: 'Design textile', capacity: 2 });
    const people = [newPerson(), newPerson(), newPerson()];
    const results = [];
    for (const person of people) results.push((await register({ courseId: id, person })).data.register);
    expect(results.map((r) => r.errors)).toEqual([[], [], []]);
    expect(results.map((r) => [r.registration.status, r.registration.waitlistPosition])).toEqual([
      ['REGISTERED', null],
      ['REGISTERED', null],
      ['WAITLISTED', 1],
    ]);

    const course = (await env.t.gql(ONE, { id }, asA())).data.course;
    expect(course).toMatchObject({ registeredCount: 2, waitlistCount: 1 });
    expect(course.registrations.map((r: { id: string }) => r.id)).toEqual(
      results.map((r) => r.registration.id),
    );

    // Confirmation texts: two registered, one on the waitlist, each to their own phone.
    await deliverPending(env.t.app.deps.db, env.t.app.deps.delivery, 100);
    const texts = env.t.sent.filter((m) => people.some((p) => p.phone === m.recipient));
    expect(texts.map((m) => [m.recipient, m.template])).toEqual([
      [people[0]!.phone, 'course_registered'],
      [people[1]!.phone, 'course_registered'],
      [people[2]!.phone, 'course_waitlisted'],
    ]);
    expect(texts[0]!.body).toContain('Design textile');
    expect(texts[0]!.body).toContain(FUTURE.split('-').reverse().join('/'));

    const cancelled = await env.t.gql(
      CANCEL,
      { input: { id: results[0].registration.id, reason: 'Empêchement' } },
      asA(),
    );
    expect(cancelled.data.cancelRegistration).toMatchObject({
      registration: { status: 'CANCELLED', statusReason: 'Empêchement' },
      promoted: { id: results[2].registration.id, status: 'REGISTERED', waitlistPosition: null },
      errors: [],
    });
    const before = env.t.sent.length;
    await deliverPending(env.t.app.deps.db, env.t.app.deps.delivery, 100);
    expect(env.t.sent.slice(before).map((m) => [m.recipient, m.template])).toEqual([
      [people[2]!.phone, 'course_promoted'],
    ]);
    expect((await env.t.gql(ONE, { id }, asA())).data.course).toMatchObject({
      registeredCount: 2,
      waitlistCount: 0,
    });

    const again = await env.t.gql(CANCEL, { input: { id: results[0].registration.id } }, asA());
    expect(again.data.cancelRegistration.errors).toMatchObject([{ field: 'id', code: 'ILLEGAL_TRANSITION' }]);

    // The reminders are queued for the day before at 09:00; when due, only people still
    // REGISTERED get one.
    const jobs = await env.db.owner
      .selectFrom('job')
      .select(['id', 'run_at'])
      .where('kind', '=', COURSE_REMINDER_JOB)
      .where(
        sql`payload->>'registrationId'`,
        'in',
        results.map((r) => r.registration.id),
      )
      .execute();
    expect(jobs).toHaveLength(3);
    expect(jobs[0]!.run_at.toISOString().slice(0, 10)).toBe(addDays(FUTURE, -1));
    await env.db.owner
      .updateTable('job')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where(
        'id',
        'in',
        jobs.map((j) => j.id),
      )
      .execute();
    await runDueJobs(env.t.app.deps.db, courseJobHandlers, {
      onlyIds: jobs.map((j) => j.id),
      limit: 10,
    });
    const afterJobs = env.t.sent.length;
    await deliverPending(env.t.app.deps.db, env.t.app.deps.delivery, 100);
    expect(
      env.t.sent
        .slice(afterJobs)
        .map((m) => [m.recipient, m.template])
        .sort(),
    ).toEqual(
      [
        [people[1]!.phone, 'course_reminder'],
        [people[2]!.phone, 'course_reminder'],
      ].sort(),
    );
  });

  it('never overfills a course under concurrent registrations', async () => {
    const { id } = await createCourse({ titleFr: 'Concurrence', capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => existingPerson()));
    const results = await Promise.all(people.map((p) => register({ courseId: id, personId: p.id })));
    expect(results.map((r) => r.data.register.errors)).toEqual([[], [], [], [], []]);
    const statuses = results.map((r) => r.data.register.registration.status).sort();
    expect(statuses).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    const course = (await env.t.gql(ONE, { id }, asA())).data.course;
    expect(course).toMatchObject({ registeredCount: 2, waitlistCount: 3 });
    expect(course.registrations.map((r: { waitlistPosition: number | null }) => r.waitlistPosition)).toEqual([
      null,
      null,
      1,
      2,
      3,
    ]);
  });

  it('completes participants under the attendance rule, and corrections flip it back', async () => {
    const days = [5, 4, 3, 2, 1].map((n) => addDays(today, -n));
    const { id, sessionIds } = await createCourse({ titleFr: 'Gestion financière', capacity: 3 }, days);
    const [a, b, c] = [await existingPerson(), await existingPerson(), await existingPerson()];
    const regA = (await register({ courseId: id, personId: a.id })).data.register.registration.id;
    const regB = (await register({ courseId: id, personId: b.id })).data.register.registration.id;
    const regC = (await register({ courseId: id, personId: c.id })).data.register.registration.id;
    await env.t.gql(CANCEL, { input: { id: regC } }, asA());

    // A is present at 4 of 5 sessions (80 %), B at 3 (60 %). The instructor takes attendance.
    for (const [i, sessionId] of sessionIds.entries()) {
      const result = await env.t.gql(
        ATTEND,
        {
          input: {
            sessionId,
            entries: [
              { registrationId: regA, present: i !== 4 },
              { registrationId: regB, present: i < 3 },
            ],
          },
        },
        { token: instructor, tenantId: env.f.tenantA },
      );
      expect(result.data.recordCourseAttendance.errors).toEqual([]);
    }
    const statusOf = async () => {
      const course = (await env.t.gql(ONE, { id }, asA())).data.course;
      return Object.fromEntries(
        course.registrations.map((r: { id: string; status: string; attendanceRate: number }) => [
          r.id,
          [r.status, r.attendanceRate],
        ]),
      );
    };
    expect(await statusOf()).toEqual({ [regA]: ['COMPLETED', 0.8], [regB]: ['REGISTERED', 0.6] });

    // A correction: A was in fact absent on day 1 (now 3 of 5), B present on day 5 (4 of 5).
    const correction = await env.t.gql(
      ATTEND,
      { input: { sessionId: sessionIds[0], entries: [{ registrationId: regA, present: false }] } },
      asA(),
    );
    expect(correction.data.recordCourseAttendance.errors).toEqual([]);
    await env.t.gql(
      ATTEND,
      { input: { sessionId: sessionIds[4], entries: [{ registrationId: regB, present: true }] } },
      asA(),
    );
    expect(await statusOf()).toEqual({ [regA]: ['REGISTERED', 0.6], [regB]: ['COMPLETED', 0.8] });
    const session = await env.t.gql(
      ATTEND,
      { input: { sessionId: sessionIds[0], entries: [{ registrationId: regB, present: true }] } },
      asA(),
    );
    expect(session.data.recordCourseAttendance.session.attendance).toHaveLength(2);

    // Only people holding a place are expected; a session with attendance stays.
    const cancelledOne = await env.t.gql(
      ATTEND,
      { input: { sessionId: sessionIds[0], entries: [{ registrationId: regC, present: true }] } },
      asA(),
    );
    expect(cancelledOne.data.recordCourseAttendance.errors).toMatchObject([
      { field: 'entries', code: 'NOT_EXPECTED' },
    ]);
    const removal = await env.t.gql(REMOVE_SESSION, { input: { id: sessionIds[0] } }, asA());
    expect(removal.data.removeCourseSession.errors).toMatchObject([{ field: 'id', code: 'INVALID_INPUT' }]);

    // A future session takes no attendance; removing it is fine and recomputes nothing wrongly.
    const future = await env.t.gql(ADD_SESSION, { input: { courseId: id, day: FUTURE } }, asA());
    const futureId = future.data.addCourseSession.session.id;
    // Six sessions now: B's 4 present fall below 80 % (4.8 needed).
    expect(await statusOf()).toEqual({ [regA]: ['REGISTERED', 0.5], [regB]: ['REGISTERED', 4 / 6] });
    const early = await env.t.gql(
      ATTEND,
      { input: { sessionId: futureId, entries: [{ registrationId: regB, present: true }] } },
      asA(),
    );
    expect(early.data.recordCourseAttendance.errors).toMatchObject([
      { field: 'sessionId', code: 'SESSION_IN_FUTURE' },
    ]);
    const removed = await env.t.gql(REMOVE_SESSION, { input: { id: futureId } }, asA());
    expect(removed.data.removeCourseSession.errors).toEqual([]);
    expect(await statusOf()).toEqual({ [regA]: ['REGISTERED', 0.6], [regB]: ['COMPLETED', 0.8] });
  });

  it('refuses registrations with typed errors and writes nothing', async () => {
    const { id } = await createCourse({ titleFr: 'Refus', capacity: 5 });
    const person = await existingPerson();

    const first = await register({ courseId: id, personId: person.id });
    expect(first.data.register.errors).toEqual([]);
    const twice = await register({ courseId: id, personId: person.id });
    expect(twice.data.register).toMatchObject({
      registration: null,
      duplicates: [],
      errors: [{ field: 'personId', code: 'ALREADY_REGISTERED' }],
    });

    const both = await register({ courseId: id, personId: person.id, person: newPerson() });
    expect(both.data.register.errors).toMatchObject([{ field: 'personId', code: 'INVALID_INPUT' }]);
    const neither = await register({ courseId: id });
    expect(neither.data.register.errors).toMatchObject([{ field: 'personId', code: 'INVALID_INPUT' }]);
    const nobody = await register({ courseId: id, personId: newId() });
    expect(nobody.data.register.errors).toMatchObject([{ field: 'personId', code: 'NOT_FOUND' }]);

    const [people, registrations, audits] = [
      await count('person'),
      await count('registration'),
      await count('audit_event'),
    ];
    const invalid = await register({
      courseId: id,
      person: newPerson({ firstNameLatin: ' ', phone: '12', birthDate: '2099-01-01' }),
    });
    expect(invalid.data.register.registration).toBeNull();
    const fields = invalid.data.register.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['firstNameLatin', 'phone', 'birthDate']));

    // The same human typed again: a warning with the look-alike, nothing written.
    const existing = newPerson();
    const created = await env.t.gql(CREATE_PERSON, { input: { person: existing } }, asA());
    const existingId = created.data.createPerson.person.id;
    const [people2, registrations2, audits2] = [
      await count('person'),
      await count('registration'),
      await count('audit_event'),
    ];
    expect([people2, registrations2]).toEqual([people + 1, registrations]);
    const lookalike = await register({
      courseId: id,
      person: { ...existing, lastNameLatin: existing.lastNameLatin.toUpperCase() },
    });
    expect(lookalike.data.register).toMatchObject({
      registration: null,
      duplicates: [{ reason: 'SAME_NAME_BIRTH_DATE_PHONE', person: { id: existingId } }],
      errors: [],
    });
    expect([await count('person'), await count('registration'), await count('audit_event')]).toEqual([
      people2,
      registrations2,
      audits2,
    ]);
    expect(audits2).toBe(audits + 1);
    const anyway = await register({ courseId: id, person: existing, ignoreDuplicates: true });
    expect(anyway.data.register.registration.person.id).not.toBe(existingId);

    const closed = await env.t.gql(STATUS, { input: { id, status: 'CLOSED' } }, asA());
    expect(closed.data.setCourseStatus).toMatchObject({ course: { status: 'CLOSED' }, errors: [] });
    const late = await register({ courseId: id, personId: (await existingPerson()).id });
    expect(late.data.register.errors).toMatchObject([{ field: 'courseId', code: 'COURSE_CLOSED' }]);
    const unknown = await register({ courseId: newId(), personId: person.id });
    expect(unknown.data.register.errors).toMatchObject([{ field: 'courseId', code: 'NOT_FOUND' }]);

    await env.t.gql(STATUS, { input: { id, status: 'CANCELLED' } }, asA());
    const reopen = await env.t.gql(STATUS, { input: { id, status: 'OPEN' } }, asA());
    expect(reopen.data.setCourseStatus.errors).toMatchObject([
      { field: 'status', code: 'ILLEGAL_TRANSITION' },
    ]);
  });

  it('keeps capacity above the places taken, and takes from the waitlist when it grows', async () => {
    const { id } = await createCourse({ titleFr: 'Capacité', capacity: 2 });
    const people = [await existingPerson(), await existingPerson(), await existingPerson()];
    const regs = [];
    for (const p of people)
      regs.push((await register({ courseId: id, personId: p.id })).data.register.registration);
    expect(regs.map((r) => r.status)).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED']);

    const audits = await count('audit_event');
    const shrink = await env.t.gql(
      UPDATE,
      { input: { id, course: courseInput({ titleFr: 'Changé', capacity: 1 }) } },
      asA(),
    );
    expect(shrink.data.updateCourse).toMatchObject({
      course: null,
      errors: [{ field: 'capacity', code: 'COURSE_FULL' }],
    });
    // A failed mutation leaves nothing: not the new title, not an audit event.
    expect((await env.t.gql(ONE, { id }, asA())).data.course).toMatchObject({
      titleFr: 'Capacité',
      capacity: 2,
    });
    expect(await count('audit_event')).toBe(audits);

    const grow = await env.t.gql(
      UPDATE,
      { input: { id, course: courseInput({ titleFr: 'Capacité', capacity: 3 }) } },
      asA(),
    );
    expect(grow.data.updateCourse).toMatchObject({
      course: { capacity: 3, registeredCount: 3, waitlistCount: 0 },
      errors: [],
    });
    expect(await count('audit_event')).toBe(audits + 1);
  });

  it('shows one history across enrollments, placements and courses, newest first', async () => {
    const person = await existingPerson();
    const tenantId = env.f.tenantA;
    const ids = {
      trade: newId(),
      programme: newId(),
      cohort: newId(),
      enrollment: newId(),
      host: newId(),
      placement: newId(),
    };
    await withTenant(env.db.owner, tenantId, async (tx: Tx) => {
      await tx
        .insertInto('trade')
        .values({ tenant_id: tenantId, id: ids.trade, code: 'TIS', name_fr: 'Tissage', name_ar: 'النسيج' })
        .execute();
      await tx
        .insertInto('programme')
        .values({
          tenant_id: tenantId,
          id: ids.programme,
          trade_id: ids.trade,
          name_fr: 'Tissage',
          name_ar: 'النسيج',
          duration_months: 10,
        })
        .execute();
      await tx
        .insertInto('cohort')
        .values({
          tenant_id: tenantId,
          id: ids.cohort,
          programme_id: ids.programme,
          label: 'Tissage 2024',
          starts_on: '2024-09-02',
          ends_on: '2025-06-30',
          capacity: 20,
        })
        .execute();
      await tx
        .insertInto('enrollment')
        .values({
          tenant_id: tenantId,
          id: ids.enrollment,
          person_id: person.id,
          cohort_id: ids.cohort,
          status: 'GRADUATED',
        })
        .execute();
      await tx
        .insertInto('enrollment_event')
        .values([
          {
            tenant_id: tenantId,
            id: newId(),
            enrollment_id: ids.enrollment,
            from_status: null,
            to_status: 'APPLIED',
            at: new Date('2024-07-01T10:00:00Z'),
          },
          {
            tenant_id: tenantId,
            id: newId(),
            enrollment_id: ids.enrollment,
            from_status: 'ENROLLED',
            to_status: 'GRADUATED',
            at: new Date('2025-07-01T10:00:00Z'),
          },
        ])
        .execute();
      await tx
        .insertInto('host')
        .values({
          tenant_id: tenantId,
          id: ids.host,
          kind: 'ARTISAN_WORKSHOP',
          name: 'Atelier Bennani',
          trade_id: ids.trade,
          capacity: 3,
          province: 'Fès',
        })
        .execute();
      await tx
        .insertInto('placement')
        .values({
          tenant_id: tenantId,
          id: ids.placement,
          enrollment_id: ids.enrollment,
          host_id: ids.host,
          starts_on: '2024-10-01',
          ends_on: '2025-06-30',
          weekdays: [2, 3, 4, 5],
          status: 'COMPLETED',
        })
        .execute();
      await tx
        .insertInto('placement_event')
        .values({
          tenant_id: tenantId,
          id: newId(),
          placement_id: ids.placement,
          from_status: null,
          to_status: 'PROPOSED',
          at: new Date('2024-09-20T10:00:00Z'),
        })
        .execute();
    });
    const { id: courseId } = await createCourse({ titleFr: 'Vente en ligne', capacity: 5 });
    const registration = (await register({ courseId, personId: person.id })).data.register.registration;

    const result = await env.t.gql(HISTORY, { id: person.id }, asA());
    expect(
      result.data.person.history.map((h: { kind: string; title: string; status: string; refId: string }) => [
        h.kind,
        h.title,
        h.status,
        h.refId,
      ]),
    ).toEqual([
      ['COURSE', 'Vente en ligne', 'REGISTERED', registration.id],
      ['ENROLLMENT', 'Tissage 2024', 'GRADUATED', ids.enrollment],
      ['PLACEMENT', 'Atelier Bennani', 'PROPOSED', ids.placement],
      ['ENROLLMENT', 'Tissage 2024', 'APPLIED', ids.enrollment],
    ]);
    expect(result.data.person.registrations).toEqual([
      { id: registration.id, status: 'REGISTERED', course: { titleFr: 'Vente en ligne' } },
    ]);
  });

  it("keeps tenant B out of tenant A's courses", async () => {
    const { id, sessionIds } = await createCourse({ titleFr: 'Seulement A', capacity: 2 });
    const person = await existingPerson();
    const registration = (await register({ courseId: id, personId: person.id })).data.register.registration;

    const list = await env.t.gql(LIST, {}, asB());
    expect(list.data.courses).toMatchObject({ totalCount: 0, edges: [] });
    expect((await env.t.gql(ONE, { id }, asB())).data.course).toBeNull();
    const registerThere = await register({ courseId: id, person: newPerson() }, asB());
    expect(registerThere.data.register.errors).toMatchObject([{ field: 'courseId', code: 'NOT_FOUND' }]);
    const cancelThere = await env.t.gql(CANCEL, { input: { id: registration.id } }, asB());
    expect(cancelThere.data.cancelRegistration.errors).toMatchObject([{ field: 'id', code: 'NOT_FOUND' }]);
    const update = await env.t.gql(UPDATE, { input: { id, course: courseInput() } }, asB());
    expect(update.data.updateCourse.errors).toMatchObject([{ field: 'id', code: 'NOT_FOUND' }]);
    const session = await env.t.gql(ADD_SESSION, { input: { courseId: id, day: FUTURE } }, asB());
    expect(session.data.addCourseSession.errors).toMatchObject([{ field: 'courseId', code: 'NOT_FOUND' }]);
    const attend = await env.t.gql(
      ATTEND,
      { input: { sessionId: sessionIds[0], entries: [{ registrationId: registration.id, present: true }] } },
      asB(),
    );
    expect(attend.data.recordCourseAttendance.errors).toMatchObject([
      { field: 'sessionId', code: 'NOT_FOUND' },
    ]);
    expect((await env.t.gql(ONE, { id }, asA())).data.course).toMatchObject({
      registeredCount: 1,
      sessions: [{ id: sessionIds[0] }],
    });
  });
});
