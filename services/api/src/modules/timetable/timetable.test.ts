import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, openTestEnv, type TestApp, type TestEnv } from '../../../test/app.js';
import { countRows } from '../../../test/rows.js';
import type { Database } from '../../db/connect.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, todayIn } from '../../lib/time.js';
import { moroccanHolidays } from './holidays.js';

let env: TestEnv;
let t: TestEnv['t'];
let f: TestEnv['f'];
let tokenA: string;
let tokenB: string;

// ---------------------------------------------------------------------------------------------
// Test-only seeding: rows written as the schema owner inside a tenant (other modules' mutations
// are not what these tests are about).

let counter = 0;
const next = () => ++counter;

function seed(owner: Database, tenantId: string) {
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(owner, tenantId, fn);
  return {
    inTenant,
    async programme(theory: number[], practice: number[]) {
      const tradeId = newId();
      const id = newId();
      const n = next();
      await inTenant(async (tx) => {
        await tx
          .insertInto('trade')
          .values({
            tenant_id: tenantId,
            id: tradeId,
            code: `TT${n}`,
            name_fr: `Métier ${n}`,
            name_ar: 'حرفة',
          })
          .execute();
        await tx
          .insertInto('programme')
          .values({
            tenant_id: tenantId,
            id,
            trade_id: tradeId,
            name_fr: `Programme ${n}`,
            name_ar: 'برنامج',
            duration_months: 12,
            theory_weekdays: theory,
            practice_weekdays: practice,
          })
          .execute();
      });
      return { id, tradeId };
    },
    async cohort(programmeId: string, startsOn: string, endsOn: string) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('cohort')
          .values({
            tenant_id: tenantId,
            id,
            programme_id: programmeId,
            label: `Promotion ${next()}`,
            starts_on: startsOn,
            ends_on: endsOn,
            capacity: 2000,
          })
          .execute(),
      );
      return id;
    },
    async host(tradeId: string, name: string, address: string) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('host')
          .values({
            tenant_id: tenantId,
            id,
            kind: 'ARTISAN_WORKSHOP',
            name,
            trade_id: tradeId,
            capacity: 50,
            address,
            province: 'Fès',
          })
          .execute(),
      );
      return id;
    },
    /** A phone-only user with one membership; returns the user id. */
    async user(phone: string, role: 'HOST_ARTISAN' | 'TRAINEE' | 'COORDINATOR', hostId?: string) {
      const id = newId();
      await owner
        .insertInto('app_user')
        .values({ id, display_name: `Test ${phone}`, phone })
        .execute();
      await inTenant((tx) =>
        tx
          .insertInto('membership')
          .values({ tenant_id: tenantId, id: newId(), user_id: id, role, host_id: hostId ?? null })
          .execute(),
      );
      return id;
    },
    async trainee(cohortId: string, options: { userId?: string; lastName?: string } = {}) {
      const n = next();
      const personId = newId();
      const enrollmentId = newId();
      await inTenant(async (tx) => {
        await tx
          .insertInto('person')
          .values({
            tenant_id: tenantId,
            id: personId,
            first_name_latin: 'Salma',
            last_name_latin: options.lastName ?? `Test${String(n).padStart(5, '0')}`,
            sex: 'F',
            birth_date: '2005-03-10',
            user_id: options.userId ?? null,
          })
          .execute();
        await tx
          .insertInto('enrollment')
          .values({
            tenant_id: tenantId,
            id: enrollmentId,
            person_id: personId,
            cohort_id: cohortId,
            status: 'ENROLLED',
          })
          .execute();
      });
      return { personId, enrollmentId };
    },
    async placement(
      enrollmentId: string,
      hostId: string,
      startsOn: string,
      endsOn: string,
      weekdays: number[],
      status = 'CONFIRMED',
    ) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('placement')
          .values({
            tenant_id: tenantId,
            id,
            enrollment_id: enrollmentId,
            host_id: hostId,
            starts_on: startsOn,
            ends_on: endsOn,
            weekdays,
            status,
          })
          .execute(),
      );
      return id;
    },
  };
}

type Seed = ReturnType<typeof seed>;
let a: Seed;

const countIn = (
  tenantId: string,
  table: 'class_session' | 'holiday' | 'audit_event' | 'timetable_setting' | 'attendance',
) => countRows(env.db.owner, tenantId, table);

// ---------------------------------------------------------------------------------------------
// GraphQL documents

const GENERATE = `mutation ($input: GenerateTimetableInput!) {
  generateTimetable(input: $input) { created kept removed skippedDays errors { code field } }
}`;
const ADD_HOLIDAY = `mutation ($input: AddHolidayInput!) {
  addHoliday(input: $input) { holiday { id day kind nameFr nameAr } errors { code field message } }
}`;
const REMOVE_HOLIDAY = `mutation ($id: ID!) { removeHoliday(input: { id: $id }) { holiday { id day } errors { code field } } }`;
const LOAD = `mutation ($year: Int!) { loadMoroccanHolidays(input: { year: $year }) { added { day kind nameFr nameAr } errors { code field } } }`;
const HOLIDAYS = `query ($from: Date!, $to: Date!) { holidays(from: $from, to: $to) { id day kind nameFr nameAr } }`;
const SESSIONS = `query ($from: Date!, $to: Date!, $cohortId: ID, $hostId: ID, $kind: SessionKind) {
  sessions(from: $from, to: $to, cohortId: $cohortId, hostId: $hostId, kind: $kind) {
    id kind day startsAt endsAt timezone startsAtInstant endsAtInstant hours place cancelled
    cohort { id } host { id name } expected { id } attendance { id }
  }
}`;
const SESSION = `query ($id: ID!) { session(id: $id) { id kind day host { id } expected { id } attendance { id } } }`;
const SCHEDULE = `query ($days: Int) { mySchedule(days: $days) { id kind day startsAt host { id } place } }`;
const SETTINGS = `{ timetableSettings { theoryStarts theoryEnds practiceStarts practiceEnds ledgerTolerance } }`;
const UPDATE_SETTINGS = `mutation ($input: UpdateTimetableSettingsInput!) {
  updateTimetableSettings(input: $input) {
    settings { theoryStarts theoryEnds practiceStarts practiceEnds ledgerTolerance } errors { code field }
  }
}`;

interface SessionView {
  id: string;
  kind: string;
  day: string;
  startsAt: string;
  endsAt: string;
  startsAtInstant: string;
  endsAtInstant: string;
  hours: number;
  place: string | null;
  host: { id: string; name: string } | null;
  expected: { id: string }[];
  attendance: { id: string }[];
}

// Code requests are rate-limited per address: each phone signs in once.
const tokens = new Map<string, Promise<string>>();
const signedIn = (phone: string): Promise<string> => {
  if (!tokens.has(phone)) tokens.set(phone, t.signInByCode(phone));
  return tokens.get(phone)!;
};

const asA = () => ({ token: tokenA, tenantId: f.tenantA });
const generate = async (input: Record<string, unknown>, as = asA()) =>
  (await t.gql(GENERATE, { input }, as)).data.generateTimetable;
const sessions = async (vars: Record<string, unknown>, as: Caller = asA()): Promise<SessionView[]> => {
  const result = await t.gql(SESSIONS, vars, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.sessions;
};
const addHoliday = async (day: string, nameFr = 'Fermeture', kind = 'PUBLIC_HOLIDAY', as = asA()) =>
  (await t.gql(ADD_HOLIDAY, { input: { day, kind, nameFr, nameAr: 'عطلة' } }, as)).data.addHoliday;

// The term of the issue: 26 Oct – 27 Nov 2026, theory on Mondays, practice Tuesday to Saturday.
const TERM = { from: '2026-10-26', to: '2026-11-27' };
let term: {
  cohortId: string;
  hostX: string;
  hostY: string;
  t1: { personId: string; enrollmentId: string };
  t2: { personId: string; enrollmentId: string };
  traineeUser: string;
  artisanX: string;
};

beforeAll(async () => {
  env = await openTestEnv();
  ({ t, f } = env);
  a = seed(env.db.owner, f.tenantA);
  tokenA = await t.signIn(f.directorA.email);
  tokenB = await t.signIn(f.directorB.email);

  const programme = await a.programme([1], [2, 3, 4, 5, 6]);
  const cohortId = await a.cohort(programme.id, TERM.from, TERM.to);
  const hostX = await a.host(programme.tradeId, 'Atelier Bennani', '12 Derb Sidi Ahmed, Fès');
  const hostY = await a.host(programme.tradeId, 'Coopérative Nour', 'Route de Sefrou, Fès');
  const traineeUser = await a.user('+212661000222', 'TRAINEE');
  const artisanX = await a.user('+212661000111', 'HOST_ARTISAN', hostX);
  const t1 = await a.trainee(cohortId, { userId: traineeUser, lastName: 'Alaoui' });
  const t2 = await a.trainee(cohortId, { lastName: 'Berrada' });
  const t3 = await a.trainee(cohortId, { lastName: 'Chraibi' });
  await a.trainee(cohortId, { lastName: 'Dahbi' }); // not placed: theory only
  // t1 at X every practice day; t2 at Y Tuesday to Thursday; t3 only proposed at Y (no session).
  await a.placement(t1.enrollmentId, hostX, TERM.from, TERM.to, [2, 3, 4, 5, 6]);
  await a.placement(t2.enrollmentId, hostY, TERM.from, TERM.to, [2, 3, 4]);
  await a.placement(t3.enrollmentId, hostY, TERM.from, TERM.to, [5, 6], 'PROPOSED');
  term = { cohortId, hostX, hostY, t1, t2, traineeUser, artisanX };
});

afterAll(async () => {
  await env.close();
});

// ---------------------------------------------------------------------------------------------

describe('generating a term', () => {
  it('writes theory on Mondays and practice at each confirmed host, skipping the holidays', async () => {
    expect((await addHoliday('2026-11-06', 'Marche Verte')).errors).toEqual([]);
    expect((await addHoliday('2026-11-18', "Fête de l'Indépendance")).errors).toEqual([]);
    const auditsBefore = await countIn(f.tenantA, 'audit_event');

    const result = await generate({ cohortId: term.cohortId });
    // Theory: 5 Mondays. X: 24 days Tue–Sat, less 6 and 18 Nov = 22. Y: 15 days Tue–Thu, less 18 Nov = 14.
    expect(result).toEqual({ created: 41, kept: 0, removed: 0, skippedDays: 2, errors: [] });
    expect(await countIn(f.tenantA, 'audit_event')).toBe(auditsBefore + 1);

    const all = await sessions({ ...TERM, cohortId: term.cohortId });
    const theory = all.filter((s) => s.kind === 'THEORY');
    const atX = all.filter((s) => s.host?.id === term.hostX);
    const atY = all.filter((s) => s.host?.id === term.hostY);
    expect(theory.map((s) => s.day)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(atX).toHaveLength(22);
    expect(atY).toHaveLength(14);
    expect(all.some((s) => s.day === '2026-11-06' || s.day === '2026-11-18')).toBe(false);
    // Sundays have nothing; the proposed placement at Y on Fridays and Saturdays made no session.
    expect(atY.every((s) => [2, 3, 4].includes(new Date(`${s.day}T00:00:00Z`).getUTCDay()))).toBe(true);

    expect(theory[0]).toMatchObject({ startsAt: '09:00', endsAt: '13:00', hours: 4, place: 'Centre A' });
    expect(atX[0]).toMatchObject({
      startsAt: '09:00',
      endsAt: '16:00',
      hours: 7,
      timezone: 'Africa/Casablanca',
      place: 'Atelier Bennani, 12 Derb Sidi Ahmed, Fès',
    });
    // An Arabic reader gets the Arabic names, and a host's new address at once.
    await env.db.owner
      .updateTable('tenant')
      .set({ name_ar: 'المركز أ' })
      .where('id', '=', f.tenantA)
      .execute();
    await withTenant(env.db.owner, f.tenantA, (tx) =>
      tx
        .updateTable('host')
        .set({ name_ar: 'ورشة بناني', address: '14 درب سيدي أحمد، فاس' })
        .where('id', '=', term.hostX)
        .execute(),
    );
    const arabic = await sessions({ ...TERM, cohortId: term.cohortId }, { ...asA(), locale: 'ar' });
    expect(arabic.find((s) => s.id === theory[0]!.id)?.place).toBe('المركز أ');
    expect(arabic.find((s) => s.id === atX[0]!.id)?.place).toBe('ورشة بناني، 14 درب سيدي أحمد، فاس');
    expect(
      (await sessions({ ...TERM, cohortId: term.cohortId })).find((s) => s.id === theory[0]!.id)?.place,
    ).toBe('Centre A');
    // Who is expected: every enrolled trainee at theory, the placed one at each workshop.
    expect(theory[0]!.expected).toHaveLength(4);
    expect(atX[0]!.expected).toEqual([{ id: term.t1.enrollmentId }]);
    expect(atY[0]!.expected).toEqual([{ id: term.t2.enrollmentId }]);
  });

  it('regenerates idempotently: the same sessions found again, none duplicated', async () => {
    const before = await countIn(f.tenantA, 'class_session');
    expect(await generate({ cohortId: term.cohortId })).toEqual({
      created: 0,
      kept: 41,
      removed: 0,
      skippedDays: 2,
      errors: [],
    });
    expect(await countIn(f.tenantA, 'class_session')).toBe(before);
    // A narrower range is clamped to the cohort and touches nothing outside it.
    expect(await generate({ cohortId: term.cohortId, from: '2026-01-01', to: '2026-10-31' })).toMatchObject({
      created: 0,
      kept: 9,
      removed: 0,
    });
  });

  it('keeps the sessions with attendance when a holiday is added, and removes only the empty ones', async () => {
    const [onTenth] = await sessions({ from: '2026-11-10', to: '2026-11-10', hostId: term.hostX });
    // Written as the attendance module would: a register taken at X on 10 Nov.
    await a.inTenant((tx) =>
      tx
        .insertInto('attendance')
        .values({
          tenant_id: f.tenantA,
          id: newId(),
          session_id: onTenth!.id,
          enrollment_id: term.t1.enrollmentId,
          status: 'PRESENT',
          hours: '7',
          recorded_by: f.directorA.id,
        })
        .execute(),
    );
    expect((await addHoliday('2026-11-10', 'Fermeture exceptionnelle', 'CLOSURE')).errors).toEqual([]);
    expect((await addHoliday('2026-11-11', 'Fermeture exceptionnelle', 'CLOSURE')).errors).toEqual([]);

    // Out of the plan: X and Y on the 10th and the 11th. X on the 10th has a register: it stays.
    expect(await generate({ cohortId: term.cohortId })).toEqual({
      created: 0,
      kept: 38,
      removed: 3,
      skippedDays: 4,
      errors: [],
    });
    const left = await sessions({ from: '2026-11-10', to: '2026-11-11' });
    expect(left.map((s) => s.id)).toEqual([onTenth!.id]);
    expect(left[0]!.attendance).toHaveLength(1);
    expect(await countIn(f.tenantA, 'attendance')).toBe(1);

    // Again: nothing more goes, and the kept session is not counted as created.
    expect(await generate({ cohortId: term.cohortId })).toMatchObject({ created: 0, kept: 38, removed: 0 });
  });

  it('removes the sessions that left the plan: a placement gone, days the cohort no longer covers', async () => {
    const programme = await a.programme([1], [2, 3, 4, 5, 6]);
    const cohortId = await a.cohort(programme.id, '2027-02-01', '2027-02-28');
    const hostId = await a.host(programme.tradeId, 'Atelier Saffarine', 'Fès');
    const { enrollmentId } = await a.trainee(cohortId);
    const placementId = await a.placement(enrollmentId, hostId, '2027-02-01', '2027-02-28', [2, 3]);
    // Mondays 1, 8, 15, 22 Feb; Tuesdays and Wednesdays 2–24 Feb.
    expect(await generate({ cohortId })).toMatchObject({ created: 4 + 8, removed: 0 });

    await a.inTenant(async (tx) => {
      await tx.updateTable('cohort').set({ ends_on: '2027-02-14' }).where('id', '=', cohortId).execute();
      await tx
        .updateTable('placement')
        .set({ status: 'DECLINED', status_reason: 'Atelier fermé' })
        .where('id', '=', placementId)
        .execute();
    });
    // Left: the Mondays 1 and 8 Feb. Gone: the other two Mondays and every practice day.
    expect(await generate({ cohortId })).toEqual({
      created: 0,
      kept: 2,
      removed: 2 + 8,
      skippedDays: 0,
      errors: [],
    });
    const left = await sessions({ from: '2027-02-01', to: '2027-02-28', cohortId });
    expect(left.map((s) => `${s.kind} ${s.day}`)).toEqual(['THEORY 2027-02-01', 'THEORY 2027-02-08']);
  });

  it('refuses a reversed range or one outside the cohort, and leaves nothing behind', async () => {
    const sessionsBefore = await countIn(f.tenantA, 'class_session');
    const auditsBefore = await countIn(f.tenantA, 'audit_event');
    expect(
      (await generate({ cohortId: term.cohortId, from: '2026-11-20', to: '2026-11-01' })).errors,
    ).toEqual([{ code: 'INVALID_DATE', field: 'to' }]);
    expect((await generate({ cohortId: term.cohortId, from: '2027-01-01' })).errors).toEqual([
      { code: 'OUTSIDE_COHORT_DATES', field: 'from' },
    ]);
    expect((await generate({ cohortId: newId() })).errors).toEqual([
      { code: 'NOT_FOUND', field: 'cohortId' },
    ]);
    expect((await generate({ cohortId: 'nope' })).errors).toEqual([{ code: 'NOT_FOUND', field: 'cohortId' }]);
    expect(await countIn(f.tenantA, 'class_session')).toBe(sessionsBefore);
    expect(await countIn(f.tenantA, 'audit_event')).toBe(auditsBefore);
  });

  it('lets only directors and coordinators generate', async () => {
    const artisan = await signedIn('+212661000111');
    const result = await generate({ cohortId: term.cohortId }, { token: artisan, tenantId: f.tenantA });
    expect(result.errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
  });
});

describe('local times and instants', () => {
  it('converts with current zone data: Casablanca is UTC+0 from 20 Sep 2026, UTC+1 before', async () => {
    const monday = await a.programme([1], [2, 3]);
    const thursday = await a.programme([4], [2, 3]);
    const june = await a.cohort(monday.id, '2026-06-01', '2026-06-02');
    const october = await a.cohort(thursday.id, '2026-10-01', '2026-10-02');
    expect((await generate({ cohortId: june })).created).toBe(1);
    expect((await generate({ cohortId: october })).created).toBe(1);

    const [inJune] = await sessions({ from: '2026-06-01', to: '2026-06-01', cohortId: june });
    expect(inJune).toMatchObject({ startsAt: '09:00', startsAtInstant: '2026-06-01T08:00:00.000Z' });
    expect(inJune!.endsAtInstant).toBe('2026-06-01T12:00:00.000Z');
    const [inOctober] = await sessions({ from: '2026-10-01', to: '2026-10-01', cohortId: october });
    expect(inOctober).toMatchObject({ startsAt: '09:00', startsAtInstant: '2026-10-01T09:00:00.000Z' });
    expect(inOctober!.endsAtInstant).toBe('2026-10-01T13:00:00.000Z');
  });
});

describe('who sees which sessions', () => {
  it('shows a host artisan only the practice sessions at their host, and only their trainees', async () => {
    const artisan = await signedIn('+212661000111');
    const as = { token: artisan, tenantId: f.tenantA };
    const seen = await sessions(TERM, as);
    expect(seen.length).toBe(21); // 22 at X, less the 11th removed
    expect(seen.every((s) => s.kind === 'PRACTICE' && s.host?.id === term.hostX)).toBe(true);
    expect(seen.every((s) => s.expected.every((e) => e.id === term.t1.enrollmentId))).toBe(true);
    // Asking for the other host's sessions, or one by id, shows nothing.
    expect(await sessions({ ...TERM, hostId: term.hostY }, as)).toEqual([]);
    const all = await sessions({ ...TERM, cohortId: term.cohortId });
    const atY = all.find((s) => s.host?.id === term.hostY)!;
    const theory = all.find((s) => s.kind === 'THEORY')!;
    expect((await t.gql(SESSION, { id: atY.id }, as)).data.session).toBeNull();
    expect((await t.gql(SESSION, { id: theory.id }, as)).data.session).toBeNull();
    const atX = all.find((s) => s.host?.id === term.hostX)!;
    expect((await t.gql(SESSION, { id: atX.id }, as)).data.session).toMatchObject({
      id: atX.id,
      expected: [{ id: term.t1.enrollmentId }],
    });
    // The fixture's artisan answers for no host: nothing at all.
    const unattached = await signedIn(f.artisanA.phone);
    expect(await sessions(TERM, { token: unattached, tenantId: f.tenantA })).toEqual([]);
  });

  it('shows a trainee only the sessions they are expected at, and only themselves there', async () => {
    const trainee = await signedIn('+212661000222');
    const as = { token: trainee, tenantId: f.tenantA };
    const seen = await sessions(TERM, as);
    expect(seen.filter((s) => s.kind === 'THEORY')).toHaveLength(5);
    expect(seen.filter((s) => s.kind === 'PRACTICE')).toHaveLength(21);
    expect(seen.every((s) => s.kind === 'THEORY' || s.host?.id === term.hostX)).toBe(true);
    // At theory four are expected; the trainee sees one: themselves.
    expect(seen.every((s) => s.expected.length === 1 && s.expected[0]!.id === term.t1.enrollmentId)).toBe(
      true,
    );
    const all = await sessions({ ...TERM, cohortId: term.cohortId });
    const atY = all.find((s) => s.host?.id === term.hostY)!;
    expect((await t.gql(SESSION, { id: atY.id }, as)).data.session).toBeNull();
  });

  it('refuses a range over 92 days or reversed', async () => {
    const tooLong = await t.gql(SESSIONS, { from: '2026-01-01', to: '2026-04-03' }, asA());
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const reversed = await t.gql(SESSIONS, { from: '2026-02-01', to: '2026-01-01' }, asA());
    expect(reversed.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    // 92 days exactly is fine.
    expect((await t.gql(SESSIONS, { from: '2026-01-01', to: '2026-04-02' }, asA())).errors).toBeUndefined();
  });

  it("keeps tenant B out of A's timetable", async () => {
    const asB = { token: tokenB, tenantId: f.tenantB };
    expect(await sessions(TERM, asB)).toEqual([]);
    const [one] = await sessions({ ...TERM, cohortId: term.cohortId });
    expect((await t.gql(SESSION, { id: one!.id }, asB)).data.session).toBeNull();
    expect((await t.gql(HOLIDAYS, TERM, asB)).data.holidays).toEqual([]);
    const before = await countIn(f.tenantB, 'audit_event');
    expect((await generate({ cohortId: term.cohortId }, asB)).errors).toEqual([
      { code: 'NOT_FOUND', field: 'cohortId' },
    ]);
    const aHoliday = (await t.gql(HOLIDAYS, TERM, asA())).data.holidays[0];
    expect((await t.gql(REMOVE_HOLIDAY, { id: aHoliday.id }, asB)).data.removeHoliday.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id' },
    ]);
    expect(await countIn(f.tenantB, 'class_session')).toBe(0);
    expect(await countIn(f.tenantB, 'audit_event')).toBe(before);
    // A member of A naming tenant B is not a member there.
    const crossed = await t.gql(SESSIONS, TERM, { token: tokenA, tenantId: f.tenantB });
    expect(crossed.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
  });
});

describe("the trainee's schedule", () => {
  it('lists their theory and their host’s practice days from today, by day', async () => {
    const today = todayIn('Africa/Casablanca');
    const programme = await a.programme([1], [2, 3, 4, 5, 6]);
    const cohortId = await a.cohort(programme.id, addDays(today, -10), addDays(today, 60));
    const hostX = await a.host(programme.tradeId, 'Atelier Zellige', 'Fès');
    const hostY = await a.host(programme.tradeId, 'Atelier Dinanderie', 'Fès');
    const userId = await a.user('+212661000333', 'TRAINEE');
    const mine = await a.trainee(cohortId, { userId });
    const other = await a.trainee(cohortId);
    await a.placement(mine.enrollmentId, hostX, addDays(today, -10), addDays(today, 60), [2, 4, 6]);
    await a.placement(other.enrollmentId, hostY, addDays(today, -10), addDays(today, 60), [3, 5]);
    expect((await generate({ cohortId })).errors).toEqual([]);

    const token = await signedIn('+212661000333');
    const schedule = (await t.gql(SCHEDULE, { days: 14 }, { token, tenantId: f.tenantA })).data.mySchedule;
    const to = addDays(today, 13);
    const holidays = new Set(
      (await t.gql(HOLIDAYS, { from: today, to }, asA())).data.holidays.map((h: { day: string }) => h.day),
    );
    const wanted: string[] = [];
    for (let day = today; day <= to; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
      if (!holidays.has(day) && [1, 2, 4, 6].includes(weekday)) wanted.push(day);
    }
    expect(schedule.map((s: { day: string }) => s.day)).toEqual(wanted);
    for (const s of schedule) {
      const weekday = new Date(`${s.day}T00:00:00Z`).getUTCDay() || 7;
      if (weekday === 1) expect(s).toMatchObject({ kind: 'THEORY', host: null, place: 'Centre A' });
      else expect(s).toMatchObject({ kind: 'PRACTICE', host: { id: hostX }, place: 'Atelier Zellige, Fès' });
    }
    // Staff have no schedule of their own; a silly span is refused.
    expect((await t.gql(SCHEDULE, {}, asA())).data.mySchedule).toEqual([]);
    const refused = await t.gql(SCHEDULE, { days: 0 }, { token, tenantId: f.tenantA });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

describe('timetable settings', () => {
  it('reads the defaults before any write', async () => {
    expect((await t.gql(SETTINGS, {}, asA())).data.timetableSettings).toEqual({
      theoryStarts: '09:00',
      theoryEnds: '13:00',
      practiceStarts: '09:00',
      practiceEnds: '16:00',
      ledgerTolerance: 0.05,
    });
    expect(await countIn(f.tenantA, 'timetable_setting')).toBe(0);
  });

  it('refuses bad times and tolerances, every problem at once, and writes nothing', async () => {
    const auditsBefore = await countIn(f.tenantA, 'audit_event');
    const bad = await t.gql(
      UPDATE_SETTINGS,
      { input: { theoryStarts: '9h', practiceStarts: '17:00', ledgerTolerance: 0.6 } },
      asA(),
    );
    expect(bad.data.updateTimetableSettings.errors).toEqual([
      { code: 'INVALID_TIME', field: 'theoryStarts' },
      { code: 'INVALID_TIME', field: 'practiceEnds' },
      { code: 'INVALID_INPUT', field: 'ledgerTolerance' },
    ]);
    for (const input of [{ theoryEnds: '24:00' }, { theoryStarts: '13:00' }, { ledgerTolerance: -0.01 }]) {
      expect(
        (await t.gql(UPDATE_SETTINGS, { input }, asA())).data.updateTimetableSettings.errors,
      ).toHaveLength(1);
    }
    expect(await countIn(f.tenantA, 'timetable_setting')).toBe(0);
    expect(await countIn(f.tenantA, 'audit_event')).toBe(auditsBefore);
  });

  it('lets only the director change them; the first write creates the row and is audited', async () => {
    await a.user('+212661000444', 'COORDINATOR');
    const coordinatorToken = await signedIn('+212661000444');
    const refused = await t.gql(
      UPDATE_SETTINGS,
      { input: { theoryStarts: '08:00' } },
      { token: coordinatorToken, tenantId: f.tenantA },
    );
    expect(refused.data.updateTimetableSettings.errors).toEqual([{ code: 'FORBIDDEN', field: null }]);

    const auditsBefore = await countIn(f.tenantA, 'audit_event');
    const ok = await t.gql(
      UPDATE_SETTINGS,
      { input: { theoryStarts: '08:30', ledgerTolerance: 0.1 } },
      asA(),
    );
    expect(ok.data.updateTimetableSettings).toEqual({
      settings: {
        theoryStarts: '08:30',
        theoryEnds: '13:00',
        practiceStarts: '09:00',
        practiceEnds: '16:00',
        ledgerTolerance: 0.1,
      },
      errors: [],
    });
    const again = await t.gql(UPDATE_SETTINGS, { input: { practiceEnds: '17:00' } }, asA());
    expect(again.data.updateTimetableSettings.settings).toMatchObject({
      theoryStarts: '08:30',
      practiceEnds: '17:00',
    });
    expect(await countIn(f.tenantA, 'timetable_setting')).toBe(1);
    expect(await countIn(f.tenantA, 'audit_event')).toBe(auditsBefore + 2);
    // Tenant B still has the defaults.
    const inB = await t.gql(SETTINGS, {}, { token: tokenB, tenantId: f.tenantB });
    expect(inB.data.timetableSettings.theoryStarts).toBe('09:00');

    // New sessions take the new hours.
    const programme = await a.programme([3], [1]);
    const cohortId = await a.cohort(programme.id, '2026-12-02', '2026-12-03');
    expect((await generate({ cohortId })).created).toBe(1);
    const [wednesday] = await sessions({ from: '2026-12-02', to: '2026-12-02', cohortId });
    expect(wednesday).toMatchObject({ startsAt: '08:30', endsAt: '13:00', hours: 4.5 });
  });
});

describe('holidays', () => {
  it('adds, refuses a day already listed or a blank name, and removes', async () => {
    const auditsBefore = await countIn(f.tenantA, 'audit_event');
    const added = await addHoliday('2026-12-24', 'Fermeture de fin d’année', 'CLOSURE');
    expect(added).toMatchObject({ holiday: { day: '2026-12-24', kind: 'CLOSURE' }, errors: [] });
    expect((await addHoliday('2026-12-24', 'Encore')).errors).toEqual([
      { code: 'DAY_TAKEN', field: 'day', message: expect.any(String) },
    ]);
    expect((await addHoliday('2026-12-25', '   ')).errors[0]).toMatchObject({
      code: 'REQUIRED',
      field: 'nameFr',
    });
    expect(
      (await t.gql(HOLIDAYS, { from: '2026-12-20', to: '2026-12-31' }, asA())).data.holidays,
    ).toHaveLength(1);

    const removed = await t.gql(REMOVE_HOLIDAY, { id: added.holiday.id }, asA());
    expect(removed.data.removeHoliday).toEqual({
      holiday: { id: added.holiday.id, day: '2026-12-24' },
      errors: [],
    });
    expect((await t.gql(REMOVE_HOLIDAY, { id: added.holiday.id }, asA())).data.removeHoliday.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id' },
    ]);
    expect(await countIn(f.tenantA, 'audit_event')).toBe(auditsBefore + 2);
  });

  it('is readable by every member and writable by directors and coordinators only', async () => {
    const trainee = await signedIn('+212661000222');
    const as = { token: trainee, tenantId: f.tenantA };
    expect((await t.gql(HOLIDAYS, TERM, as)).data.holidays.map((h: { day: string }) => h.day)).toEqual([
      '2026-11-06',
      '2026-11-10',
      '2026-11-11',
      '2026-11-18',
    ]);
    expect((await addHoliday('2026-12-30', 'Non', 'CLOSURE', as)).errors[0].code).toBe('FORBIDDEN');
    expect((await t.gql(LOAD, { year: 2026 }, as)).data.loadMoroccanHolidays.errors[0].code).toBe(
      'FORBIDDEN',
    );
  });

  it("loads Morocco's holidays of a year once, leaving the days already listed", async () => {
    const first = (await t.gql(LOAD, { year: 2026 }, asA())).data.loadMoroccanHolidays;
    expect(first.errors).toEqual([]);
    const days = first.added.map((h: { day: string }) => h.day);
    // 10 fixed and 7 Islamic days, less 6 and 18 Nov already listed by the centre.
    expect(days).toHaveLength(15);
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-01-14',
        '2026-03-20',
        '2026-03-21',
        '2026-05-27',
        '2026-06-16',
        '2026-08-26',
      ]),
    );
    expect(days).not.toContain('2026-11-06');
    const kept = (await t.gql(HOLIDAYS, { from: '2026-11-06', to: '2026-11-06' }, asA())).data.holidays;
    expect(kept[0].nameFr).toBe('Marche Verte');

    const second = (await t.gql(LOAD, { year: 2026 }, asA())).data.loadMoroccanHolidays;
    expect(second).toEqual({ added: [], errors: [] });
    // A year the Islamic table does not know gets the fixed holidays only.
    expect((await t.gql(LOAD, { year: 2031 }, asA())).data.loadMoroccanHolidays.added).toHaveLength(10);
    expect((await t.gql(LOAD, { year: 1900 }, asA())).data.loadMoroccanHolidays.errors).toEqual([
      { code: 'INVALID_INPUT', field: 'year' },
    ]);
    // Tenant B's list is its own.
    expect(
      (
        await t.gql(
          HOLIDAYS,
          { from: '2026-01-01', to: '2026-12-31' },
          { token: tokenB, tenantId: f.tenantB },
        )
      ).data.holidays,
    ).toEqual([]);
  });

  it('knows the Islamic holidays of 2024 to 2028, two days for each Eid and the Mawlid', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      const list = moroccanHolidays(year);
      expect(list).toHaveLength(17);
      expect(list.filter((h) => h.name_fr.startsWith('Aïd al-Fitr'))).toHaveLength(2);
    }
    expect(moroccanHolidays(2027).map((h) => h.day)).toEqual(
      expect.arrayContaining([
        '2027-03-10',
        '2027-03-11',
        '2027-05-17',
        '2027-05-18',
        '2027-06-06',
        '2027-08-15',
        '2027-08-16',
      ]),
    );
    // 2024, 2025 and Eid al-Fitr 2026 as the Ministry of Habous announced them (1 Muharram 1446 a day early).
    const islamic = (year: number) =>
      moroccanHolidays(year)
        .filter((h) => /Aïd|Moharram/.test(h.name_fr))
        .map((h) => h.day);
    expect(islamic(2024)).toEqual([
      '2024-04-10',
      '2024-04-11',
      '2024-06-17',
      '2024-06-18',
      '2024-07-07',
      '2024-09-16',
      '2024-09-17',
    ]);
    expect(islamic(2025)).toEqual([
      '2025-03-31',
      '2025-04-01',
      '2025-06-07',
      '2025-06-08',
      '2025-06-27',
      '2025-09-05',
      '2025-09-06',
    ]);
    expect(islamic(2026).slice(0, 2)).toEqual(['2026-03-20', '2026-03-21']);
    // Yennayer became a holiday in 2024.
    expect(moroccanHolidays(2023).map((h) => h.day)).not.toContain('2023-01-14');
  });
});

describe('a large cohort', () => {
  let counted: TestApp;
  let statements: string[];

  beforeAll(async () => {
    statements = [];
    counted = await createTestApp(env.db, { onQuery: (text) => statements.push(text) });
  });
  afterAll(async () => {
    await counted.app.close();
  });

  /** The statements one generation of a one-trainee, one-host year sends. */
  async function statementsForOneTrainee(token: string): Promise<number> {
    const programme = await a.programme([1], [2, 3, 4, 5, 6]);
    const cohortId = await a.cohort(programme.id, '2027-01-04', '2027-12-31');
    const hostId = await a.host(programme.tradeId, 'Atelier seul', 'Fès');
    const { enrollmentId } = await a.trainee(cohortId);
    await a.placement(enrollmentId, hostId, '2027-01-04', '2027-12-31', [2, 3, 4, 5, 6]);
    statements.length = 0;
    const result = await counted.gql(GENERATE, { input: { cohortId } }, { token, tenantId: f.tenantA });
    expect(result.data.generateTimetable.errors).toEqual([]);
    return statements.length;
  }

  it('generates a year for 1,000 trainees at 50 hosts in a few seconds and a fixed number of statements', async () => {
    const programme = await a.programme([1], [2, 3, 4, 5, 6]);
    const cohortId = await a.cohort(programme.id, '2027-01-04', '2027-12-31');
    const hostIds: string[] = [];
    for (let i = 0; i < 50; i++) hostIds.push(await a.host(programme.tradeId, `Atelier ${i}`, 'Fès'));
    await a.inTenant(async (tx) => {
      const people = Array.from({ length: 1000 }, (_, i) => ({
        tenant_id: f.tenantA,
        id: newId(),
        first_name_latin: 'Youssef',
        last_name_latin: `Grand${String(i).padStart(4, '0')}`,
        sex: 'M',
        birth_date: '2006-01-01',
      }));
      await tx.insertInto('person').values(people).execute();
      const enrollments = people.map((p) => ({
        tenant_id: f.tenantA,
        id: newId(),
        person_id: p.id,
        cohort_id: cohortId,
        status: 'ENROLLED',
      }));
      await tx.insertInto('enrollment').values(enrollments).execute();
      await tx
        .insertInto('placement')
        .values(
          enrollments.map((e, i) => ({
            tenant_id: f.tenantA,
            id: newId(),
            enrollment_id: e.id,
            host_id: hostIds[i % 50]!,
            starts_on: '2027-01-04',
            ends_on: '2027-12-31',
            weekdays: [2, 3, 4, 5, 6],
            status: 'CONFIRMED',
          })),
        )
        .execute();
    });

    const token = await counted.signIn(f.directorA.email);
    statements.length = 0;
    const started = Date.now();
    const result = await counted.gql(GENERATE, { input: { cohortId } }, { token, tenantId: f.tenantA });
    const elapsed = Date.now() - started;
    const { created, skippedDays, errors } = result.data.generateTimetable;
    expect(errors).toEqual([]);
    // Every Monday of the year, and every Tuesday to Saturday at each of the 50 hosts (the tenant
    // lists no holiday in 2027).
    let mondays = 0;
    let practiceDays = 0;
    for (let day = '2027-01-04'; day <= '2027-12-31'; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 1) mondays++;
      else if (weekday !== 0) practiceDays++;
    }
    expect(skippedDays).toBe(0);
    expect(created).toBe(mondays + practiceDays * 50);
    expect(elapsed).toBeLessThan(10_000);
    // Set-based: as many statements as for a cohort of one trainee at one host.
    const forThousand = statements.length;
    expect(await statementsForOneTrainee(token)).toBe(forThousand);

    const again = await counted.gql(GENERATE, { input: { cohortId } }, { token, tenantId: f.tenantA });
    expect(again.data.generateTimetable).toMatchObject({ created: 0, kept: created, removed: 0 });
  });
});
