import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import type { Database } from '../../db/connect.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { founder, incubationCohort, userWithRoles } from './test-seed.js';

// A hand-made incubator (tenant B) whose 2024 figures are worked out below by hand, a second
// incubator of the same network (C), and an incubator of another network (D).

let env: TestEnv;
let tenantC: string;
let tenantD: string;
let director: string;
let admin: string;
let coach: string;

const QUERY = `query ($year: Int!, $scope: ReportScope) {
  incubatorIndicators(year: $year, scope: $scope) {
    year scope
    centres { ...F }
    total { ...F }
  }
}
fragment F on IncubatorFigures {
  tenant { id name } name venturesCreated venturesCreatedToDate jobsFullTime jobsTemporary jobs
  peopleFinanced fundingMad coachingSessions coachingHours survivalRate
  survival { yearsAfterExit due checked active rate }
  cohorts { cohort { id } label selection incubation postIncubation exited abandoned }
}`;

interface VentureSpec {
  phase: string;
  cohortId?: string;
  formalisedOn?: string;
  exitedOn?: string;
  abandonedOn?: string;
  founders?: string[];
  jobs?: [day: string, fullTime: number, temporary: number][];
  checks?: [k: number, day: string, active: boolean][];
  funding?: [day: string, amount: number][];
  coaching?: [day: string, minutes: number][];
}

/** Writes ventures and their facts straight into a tenant (as the owner, in its scope). */
async function ventures(owner: Database, tenantId: string, coachId: string, specs: VentureSpec[]) {
  await withTenant(owner, tenantId, async (tx) => {
    for (const [i, spec] of specs.entries()) {
      const id = newId();
      await tx
        .insertInto('venture')
        .values({
          tenant_id: tenantId,
          id,
          name: `V${i + 1}`,
          sector: 'Commerce',
          phase: spec.phase,
          cohort_id: spec.cohortId ?? null,
          legal_form: spec.formalisedOn ? 'AUTO_ENTREPRENEUR' : null,
          formalised_on: spec.formalisedOn ?? null,
          exited_on: spec.exitedOn ?? null,
          coach_user_id: coachId,
        })
        .execute();
      const rows = <T>(list: T[] | undefined, make: (item: T) => Record<string, unknown>) =>
        (list ?? []).map((item) => ({ tenant_id: tenantId, id: newId(), venture_id: id, ...make(item) }));
      const founders = rows(spec.founders, (person) => ({ person_id: person, is_lead: true }));
      if (founders.length)
        await tx
          .insertInto('venture_founder')
          .values(founders as never)
          .execute();
      if (spec.abandonedOn)
        await tx
          .insertInto('venture_event')
          .values({
            tenant_id: tenantId,
            id: newId(),
            venture_id: id,
            from_phase: 'INCUBATION',
            to_phase: 'ABANDONED',
            on_date: spec.abandonedOn,
            reason: 'Projet arrêté',
          })
          .execute();
      const jobs = rows(spec.jobs, ([day, ft, tmp]) => ({ counted_on: day, full_time: ft, temporary: tmp }));
      if (jobs.length)
        await tx
          .insertInto('venture_jobs')
          .values(jobs as never)
          .execute();
      const checks = rows(spec.checks, ([k, day, active]) => ({
        years_after_exit: k,
        checked_on: day,
        active,
      }));
      if (checks.length)
        await tx
          .insertInto('survival_check')
          .values(checks as never)
          .execute();
      const funding = rows(spec.funding, ([day, amount]) => ({
        received_on: day,
        amount_mad: String(amount),
        source: 'INDH',
        kind: 'GRANT',
      }));
      if (funding.length)
        await tx
          .insertInto('venture_funding')
          .values(funding as never)
          .execute();
      const sessions = rows(spec.coaching, ([day, minutes]) => ({
        held_on: day,
        minutes,
        coach_user_id: coachId,
        topic: 'Suivi',
      }));
      if (sessions.length)
        await tx
          .insertInto('coaching_session')
          .values(sessions as never)
          .execute();
    }
  });
}

let cohort1: string;
let cohort2: string;

beforeAll(async () => {
  env = await openTestEnv();
  const { owner } = env.db;
  const B = env.f.tenantB;
  tenantC = newId();
  tenantD = newId();
  const otherNetwork = newId();
  await owner.insertInto('network').values({ id: otherNetwork, name: 'Autre réseau' }).execute();
  await owner
    .insertInto('tenant')
    .values([
      { id: tenantC, network_id: env.f.networkId, kind: 'INCUBATOR', name: 'Centre C', city: 'Salé' },
      { id: tenantD, network_id: otherNetwork, kind: 'INCUBATOR', name: 'Centre D', city: 'Agadir' },
    ])
    .execute();
  // The same person administers both networks: the roll-up still stays inside the one asked from.
  await userWithRoles(owner, 'reseau@test.ma', [
    { tenantId: env.f.tenantA, role: 'NETWORK_ADMIN' },
    { tenantId: B, role: 'NETWORK_ADMIN' },
    { tenantId: tenantC, role: 'NETWORK_ADMIN' },
    { tenantId: tenantD, role: 'NETWORK_ADMIN' },
  ]);
  const coachB = await userWithRoles(owner, 'coach@test.ma', [{ tenantId: B, role: 'COACH' }]);
  const coachC = await userWithRoles(owner, 'coach.c@test.ma', [{ tenantId: tenantC, role: 'COACH' }]);
  const coachD = await userWithRoles(owner, 'coach.d@test.ma', [{ tenantId: tenantD, role: 'COACH' }]);

  cohort1 = await incubationCohort(owner, B, 'Cohorte 1', '2018-01-08');
  cohort2 = await withTenant(owner, B, async (tx) => {
    const first = await tx.selectFrom('cohort').select('programme_id').executeTakeFirstOrThrow();
    const id = newId();
    await tx
      .insertInto('cohort')
      .values({
        tenant_id: B,
        id,
        programme_id: first.programme_id,
        label: 'Cohorte 2',
        starts_on: '2024-01-08',
        ends_on: '2026-12-31',
        capacity: 50,
        phase: 'POST_INCUBATION',
      })
      .execute();
    return id;
  });
  const [p1, p2, p3, p4] = [
    await founder(owner, B, 'Nadia', 'Alaoui'),
    await founder(owner, B, 'Omar', 'Bennani'),
    await founder(owner, B, 'Hajar', 'Sqalli'),
    await founder(owner, B, 'Anas', 'Tazi'),
  ];
  const c1 = cohort1;
  const c2 = cohort2;
  await ventures(owner, B, coachB, [
    // V1
    {
      phase: 'EXITED',
      cohortId: c1,
      formalisedOn: '2019-05-01',
      exitedOn: '2020-06-30',
      jobs: [
        ['2019-06-01', 1, 0],
        ['2023-12-01', 2, 1],
        ['2025-03-01', 5, 5],
      ],
      checks: [
        [1, '2021-07-01', true],
        [2, '2022-07-01', true],
        [3, '2023-07-03', true],
        [4, '2024-07-01', true],
      ],
    },
    // V2: closed in its second year after exit.
    {
      phase: 'EXITED',
      cohortId: c1,
      formalisedOn: '2020-02-01',
      exitedOn: '2021-06-30',
      jobs: [
        ['2020-03-01', 1, 1],
        ['2023-07-01', 0, 0],
      ],
      checks: [
        [1, '2022-07-01', true],
        [2, '2023-07-01', false],
        [3, '2024-07-01', false],
      ],
    },
    // V3: its second-year check is due but not made.
    {
      phase: 'EXITED',
      cohortId: c1,
      formalisedOn: '2021-03-15',
      exitedOn: '2022-06-30',
      jobs: [['2021-04-01', 2, 0]],
      checks: [[1, '2023-07-10', true]],
    },
    // V4: due on the year's last day, checked after it.
    {
      phase: 'EXITED',
      cohortId: c1,
      formalisedOn: '2022-11-01',
      exitedOn: '2023-12-31',
      jobs: [['2022-12-01', 1, 0]],
      checks: [[1, '2025-01-05', true]],
    },
    // V5: exited in 2024, nothing due yet; created in 2024.
    {
      phase: 'EXITED',
      cohortId: c1,
      formalisedOn: '2024-02-10',
      exitedOn: '2024-03-31',
      jobs: [['2024-04-01', 3, 2]],
    },
    // V6: created and financed in 2024, two founders, coached three times.
    {
      phase: 'INCUBATION',
      cohortId: c2,
      formalisedOn: '2024-09-01',
      founders: [p1, p2],
      jobs: [['2024-10-01', 1, 1]],
      funding: [['2024-05-10', 30000]],
      coaching: [
        ['2024-02-01', 60],
        ['2024-03-01', 90],
        ['2024-04-01', 45],
      ],
    },
    // V7: financed in 2023 and in 2024 (Omar again), coached on the year's last day.
    {
      phase: 'POST_INCUBATION',
      cohortId: c2,
      founders: [p2, p3],
      jobs: [['2024-06-01', 2, 0]],
      funding: [
        ['2023-12-20', 10000],
        ['2024-11-20', 15000],
      ],
      coaching: [
        ['2023-12-31', 120],
        ['2024-12-31', 30],
        ['2025-01-01', 60],
      ],
    },
    // V8: abandoned in 2024: its jobs no longer count, its 2024 funding does.
    {
      phase: 'ABANDONED',
      cohortId: c2,
      abandonedOn: '2024-09-30',
      founders: [p4],
      jobs: [['2024-05-01', 1, 0]],
      funding: [['2024-03-01', 5000]],
    },
    // V9: abandoned only in 2025: its 2024 jobs count for 2024.
    { phase: 'ABANDONED', cohortId: c2, abandonedOn: '2025-02-01', jobs: [['2024-05-01', 1, 1]] },
    // V10: formalised in 2025.
    { phase: 'SELECTION', cohortId: c2, formalisedOn: '2025-01-10' },
    // V11: followed five years after exit, always trading.
    {
      phase: 'EXITED',
      cohortId: c1,
      formalisedOn: '2018-01-01',
      exitedOn: '2019-06-30',
      jobs: [['2019-07-01', 4, 0]],
      checks: [
        [1, '2020-07-01', true],
        [2, '2021-07-01', true],
        [3, '2022-07-01', true],
        [4, '2023-07-01', true],
        [5, '2024-07-01', true],
      ],
    },
    // V12: no cohort: left out of the cohorts' progress.
    { phase: 'SELECTION' },
  ]);

  await ventures(owner, tenantC, coachC, [
    {
      phase: 'EXITED',
      formalisedOn: '2024-03-01',
      exitedOn: '2022-01-31',
      jobs: [['2024-03-01', 2, 0]],
      checks: [[1, '2023-02-01', false]],
      coaching: [['2024-05-05', 120]],
    },
  ]);
  await ventures(owner, tenantD, coachD, [
    {
      phase: 'INCUBATION',
      formalisedOn: '2024-03-01',
      jobs: [['2024-03-01', 50, 50]],
      coaching: [['2024-05-05', 120]],
    },
  ]);

  director = await env.t.signIn(env.f.directorB.email);
  admin = await env.t.signIn('reseau@test.ma');
  coach = await env.t.signIn('coach@test.ma');
});

afterAll(async () => {
  await env.close();
});

// Tenant B's 2024, worked out by hand from the rows above.
const B_2024 = {
  // V5, V6 formalised in 2024; V1–V6 and V11 by its end (V10 came in 2025).
  venturesCreated: 2,
  venturesCreatedToDate: 7,
  // Latest counts by 31 Dec: V1 2+1, V2 0, V3 2, V4 1, V5 3+2, V6 1+1, V7 2, V9 1+1, V11 4; V8 abandoned.
  jobsFullTime: 16,
  jobsTemporary: 5,
  jobs: 21,
  // Nadia, Omar (V6 and V7), Hajar, Anas.
  peopleFinanced: 4,
  fundingMad: 50000,
  coachingSessions: 4,
  coachingHours: 3.75,
  // Latest check by 31 Dec: V1 active (k4), V2 closed (k3), V3 active (k1), V11 active (k5).
  survivalRate: 0.75,
  survival: [
    // k = 1: V1, V2, V3, V4 (exited 31 Dec 2023), V11 due; V4 checked only in 2025.
    { yearsAfterExit: 1, due: 5, checked: 4, active: 4, rate: 1 },
    // k = 2: V1, V2, V3, V11 due; V3 not checked; V2 closed.
    { yearsAfterExit: 2, due: 4, checked: 3, active: 2, rate: 2 / 3 },
    { yearsAfterExit: 3, due: 3, checked: 3, active: 2, rate: 2 / 3 },
    { yearsAfterExit: 4, due: 2, checked: 2, active: 2, rate: 1 },
    { yearsAfterExit: 5, due: 1, checked: 1, active: 1, rate: 1 },
  ],
};

describe('incubator indicators', () => {
  it('computes a centre’s year from its ventures, as of the year’s end', async () => {
    const result = await env.t.gql(QUERY, { year: 2024 }, { token: director, tenantId: env.f.tenantB });
    expect(result.errors).toBeUndefined();
    const { centres, total, scope } = result.data.incubatorIndicators;
    expect(scope).toBe('TENANT');
    expect(centres).toHaveLength(1);
    expect(centres[0]).toMatchObject({ tenant: { id: env.f.tenantB }, name: 'Centre B', ...B_2024 });
    expect(centres[0].cohorts).toEqual([
      {
        cohort: { id: cohort1 },
        label: 'Cohorte 1',
        selection: 0,
        incubation: 0,
        postIncubation: 0,
        exited: 6,
        abandoned: 0,
      },
      {
        cohort: { id: cohort2 },
        label: 'Cohorte 2',
        selection: 1,
        incubation: 1,
        postIncubation: 1,
        exited: 0,
        abandoned: 2,
      },
    ]);
    expect(total).toMatchObject({ tenant: null, ...B_2024 });

    // 2023: V7's first funding, nothing created (V1–V4 and V11 before); V1's 2023 count.
    const before = await env.t.gql(QUERY, { year: 2023 }, { token: director, tenantId: env.f.tenantB });
    expect(before.data.incubatorIndicators.total).toMatchObject({
      venturesCreated: 0,
      venturesCreatedToDate: 5,
      peopleFinanced: 2,
      fundingMad: 10000,
      coachingSessions: 1,
      coachingHours: 2,
      jobs: 3 + 0 + 2 + 1 + 4,
      // V1 (k3), V2 (k2 closed), V3 (k1), V11 (k4).
      survivalRate: 0.75,
    });
  });

  it('adds up the incubators of the caller’s network only, each computed in its own centre', async () => {
    const result = await env.t.gql(
      QUERY,
      { year: 2024, scope: 'NETWORK' },
      { token: admin, tenantId: env.f.tenantB },
    );
    expect(result.errors).toBeUndefined();
    const { centres, total } = result.data.incubatorIndicators;
    // Not the craft centre A, not D of the other network.
    expect(centres.map((c: { name: string }) => c.name)).toEqual(['Centre B', 'Centre C']);
    expect(centres[1]).toMatchObject({
      tenant: { id: tenantC },
      venturesCreated: 1,
      jobs: 2,
      coachingSessions: 1,
      survivalRate: 0,
    });
    expect(total).toMatchObject({
      tenant: null,
      name: 'Réseau de test',
      venturesCreated: 3,
      venturesCreatedToDate: 8,
      jobs: 23,
      jobsFullTime: 18,
      peopleFinanced: 4,
      fundingMad: 50000,
      coachingSessions: 5,
      coachingHours: 5.75,
      // 3 active of 5 checked: C's only venture closed.
      survivalRate: 0.6,
      cohorts: [],
    });
    expect(total.survival[0]).toEqual({ yearsAfterExit: 1, due: 6, checked: 5, active: 4, rate: 0.8 });

    // From D, the same admin sees D's network: D alone.
    const fromD = await env.t.gql(
      QUERY,
      { year: 2024, scope: 'NETWORK' },
      { token: admin, tenantId: tenantD },
    );
    expect(fromD.data.incubatorIndicators.centres.map((c: { name: string }) => c.name)).toEqual(['Centre D']);
    expect(fromD.data.incubatorIndicators.total).toMatchObject({ jobs: 100, venturesCreated: 1 });
  });

  it('is for the centre’s staff and network admins, on a sensible year', async () => {
    const asB = (token: string) => ({ token, tenantId: env.f.tenantB });
    const network = await env.t.gql(QUERY, { year: 2024, scope: 'NETWORK' }, asB(director));
    expect(network.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byCoach = await env.t.gql(QUERY, { year: 2024 }, asB(coach));
    expect(byCoach.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badYear = await env.t.gql(QUERY, { year: 1850 }, asB(director));
    expect(badYear.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    // Another centre's director sees their own (empty) figures, nothing of B's.
    const other = await env.t.gql(
      QUERY,
      { year: 2024 },
      { token: await env.t.signIn(env.f.directorA.email), tenantId: env.f.tenantA },
    );
    expect(other.data.incubatorIndicators.total).toMatchObject({
      venturesCreatedToDate: 0,
      jobs: 0,
      survivalRate: null,
    });
  });
});
