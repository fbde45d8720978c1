import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { withTenant } from '../db/with-tenant.js';
import { addDays, todayIn } from '../lib/time.js';
import { computeTrainingIndicators } from '../modules/indicators/service.js';
import { CRAFT_FIGURES } from './craft-enrollment.js';
import { DEMO_COACH, INCUBATOR_REPORT_2024 } from './incubators.js';
import { DEMO_PASSWORD, seedDemoData } from './seed.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

interface Figures {
  trained: number;
  graduated: number;
  women: number;
  weaving: number;
  open_applicants: number;
}

describe('the demo data', () => {
  it('loads once, with each craft centre sized like its 2024 report', async () => {
    expect(await seedDemoData(db.owner)).not.toBeNull();
    expect(await seedDemoData(db.owner)).toBeNull();

    const tenants = await db.owner.selectFrom('tenant').select(['id', 'city', 'kind']).execute();
    const slugOf: Record<string, string> = { Fès: 'fes', Salé: 'sale', Marrakech: 'marrakech' };
    let women = 0;
    let trained = 0;
    for (const tenant of tenants.filter((t) => t.kind === 'CRAFT_CENTRE')) {
      const figures = await withTenant(db.owner, tenant.id, async (tx) => {
        const { rows } = await sql<Figures>`
          select count(*) filter (where c.starts_on < '2025-01-01')::int as trained,
                 count(*) filter (where e.status = 'GRADUATED')::int as graduated,
                 count(*) filter (where c.starts_on < '2025-01-01' and p.sex = 'F')::int as women,
                 count(*) filter (where c.starts_on < '2025-01-01' and t.code = 'WEAVING')::int as weaving,
                 count(*) filter (where c.starts_on >= '2026-01-01')::int as open_applicants
            from enrollment e
            join person p on p.id = e.person_id
            join cohort c on c.id = e.cohort_id
            join programme pr on pr.id = c.programme_id
            join trade t on t.id = pr.trade_id`.execute(tx);
        return rows[0]!;
      });
      const expected = CRAFT_FIGURES[slugOf[tenant.city]!]!;
      expect(figures.trained, tenant.city).toBe(expected.trained);
      expect(figures.graduated, tenant.city).toBe(expected.graduated);
      expect(figures.weaving / figures.trained).toBeCloseTo(0.84, 1);
      expect(figures.open_applicants).toBeGreaterThan(0);
      women += figures.women;
      trained += figures.trained;
    }
    expect(trained).toBe(2012);
    // 1,511 of 2,012 were women in the report.
    expect(women).toBe(1511);
  });

  it('places the 2024 trainees in and outside the centre like the report, never over a host’s capacity', async () => {
    const tenants = await db.owner
      .selectFrom('tenant')
      .select(['id', 'city'])
      .where('kind', '=', 'CRAFT_CENTRE')
      .execute();
    const slugOf: Record<string, string> = { Fès: 'fes', Salé: 'sale', Marrakech: 'marrakech' };
    for (const tenant of tenants) {
      const figures = await withTenant(db.owner, tenant.id, async (tx) => {
        const { rows } = await sql<{
          in_centre: number;
          outside: number;
          overfull: number;
          proposed: number;
        }>`
          select count(*) filter (where h.kind = 'IN_CENTRE' and p.starts_on < '2025-01-01')::int as in_centre,
                 count(*) filter (where h.kind <> 'IN_CENTRE' and p.starts_on < '2025-01-01')::int as outside,
                 count(*) filter (where p.status = 'PROPOSED')::int as proposed,
                 (select count(*)::int from host h2
                   where (select count(*) from placement p2
                           where p2.host_id = h2.id and p2.status in ('CONFIRMED', 'ACTIVE', 'COMPLETED', 'ENDED_EARLY')
                             and p2.starts_on = p.starts_on) > h2.capacity) as overfull
            from placement p join host h on h.id = p.host_id
           group by p.starts_on`.execute(tx);
        return rows.reduce(
          (sum, r) => ({
            in_centre: sum.in_centre + r.in_centre,
            outside: sum.outside + r.outside,
            overfull: sum.overfull + r.overfull,
            proposed: sum.proposed + r.proposed,
          }),
          { in_centre: 0, outside: 0, overfull: 0, proposed: 0 },
        );
      });
      const expected = CRAFT_FIGURES[slugOf[tenant.city]!]!;
      expect(figures.in_centre, tenant.city).toBe(expected.inCentre);
      expect(figures.in_centre + figures.outside).toBe(expected.trained);
      expect(figures.overfull).toBe(0);
      expect(figures.proposed).toBe(3);
    }
    // The Fès demo artisan answers for the workshop that has the proposals.
    const fes = tenants.find((t) => t.city === 'Fès')!;
    const proposals = await withTenant(db.owner, fes.id, (tx) =>
      tx
        .selectFrom('membership as m')
        .innerJoin('app_user as u', 'u.id', 'm.user_id')
        .innerJoin('placement as p', 'p.host_id', 'm.host_id')
        .where('u.phone', '=', '+212661000001')
        .where('p.status', '=', 'PROPOSED')
        .select('p.id')
        .execute(),
    );
    expect(proposals).toHaveLength(3);
  });

  it('gives the open intake a timetable and attendance up to last week, the holidays skipped', async () => {
    const [fes] = await db.owner.selectFrom('tenant').select('id').where('city', '=', 'Fès').execute();
    const figures = await withTenant(db.owner, fes!.id, async (tx) => {
      const { rows } = await sql<{ theory: number; practice: number; on_holidays: number; recorded: number }>`
        select count(*) filter (where s.kind = 'THEORY')::int as theory,
               count(*) filter (where s.kind = 'PRACTICE')::int as practice,
               count(*) filter (where exists (select 1 from holiday h where h.day = s.day))::int as on_holidays,
               (select count(*)::int from attendance) as recorded
          from class_session s`.execute(tx);
      return rows[0]!;
    });
    expect(figures.theory).toBeGreaterThan(30);
    expect(figures.practice).toBeGreaterThan(150);
    expect(figures.on_holidays).toBe(0);
    expect(figures.recorded).toBeGreaterThan(0);
  });

  it('gives the micro-credit centre the 2024 training figures it published', async () => {
    const [centre] = await db.owner
      .selectFrom('tenant')
      .select('id')
      .where('kind', '=', 'MICROCREDIT_CENTRE')
      .execute();
    const indicators = await withTenant(db.owner, centre!.id, (tx) => computeTrainingIndicators(tx, 2024));
    expect(indicators.total.figures).toMatchObject({ participants: 4913, trainingDays: 845 });
  });

  it('gives the incubators the 2024 figures of the foundation’s report, and the demo coach their own entrepreneurs', async () => {
    const t = await createTestApp(db);
    try {
      const [casablanca] = await db.owner
        .selectFrom('tenant')
        .select('id')
        .where('kind', '=', 'INCUBATOR')
        .where('city', '=', 'Casablanca')
        .execute();
      const admin = await t.signIn('reseau@demo.maalem.ma', DEMO_PASSWORD);
      const report = await t.gql(
        `query { incubatorIndicators(year: 2024, scope: NETWORK) {
          centres { name venturesCreatedToDate cohorts { label incubation postIncubation exited } }
          total { venturesCreatedToDate jobs survivalRate coachingSessions peopleFinanced }
        } }`,
        {},
        { token: admin, tenantId: casablanca!.id },
      );
      expect(report.errors).toBeUndefined();
      const { centres, total } = report.data.incubatorIndicators;
      expect(centres).toHaveLength(4);
      expect(total).toMatchObject({
        venturesCreatedToDate: INCUBATOR_REPORT_2024.venturesCreatedToDate,
        jobs: INCUBATOR_REPORT_2024.jobs,
        coachingSessions: INCUBATOR_REPORT_2024.coachingSessions,
        peopleFinanced: INCUBATOR_REPORT_2024.peopleFinanced,
      });
      expect(Math.round(total.survivalRate * 100)).toBe(95);
      const casa = centres.find((c: { name: string }) => c.name.includes('Casablanca'));
      expect(casa.cohorts.find((c: { label: string }) => c.label === 'Cohorte 6')).toMatchObject({
        postIncubation: 145,
      });
      expect(casa.cohorts.find((c: { label: string }) => c.label === 'Cohorte 7')).toMatchObject({
        incubation: 120,
      });
      expect(casa.cohorts.filter((c: { exited: number }) => c.exited > 0)).toHaveLength(5);

      const coach = await t.signIn(DEMO_COACH.email, DEMO_PASSWORD);
      const mine = await t.gql(
        `query { ventures(first: 100) { totalCount edges { node {
          phase cohort { label } founders { person { id } } coachingSessions { heldOn }
        } } } }`,
        {},
        { token: coach, tenantId: casablanca!.id },
      );
      expect(mine.data.ventures.totalCount).toBe(DEMO_COACH.ventures);
      const recent = addDays(todayIn('Africa/Casablanca'), -21);
      for (const { node } of mine.data.ventures.edges) {
        expect(node.cohort.label).toBe('Cohorte 7');
        expect(node.phase === 'ABANDONED' || node.coachingSessions[0].heldOn >= recent).toBe(true);
      }
      // Their entrepreneurs, and nobody else of the centre.
      const people = await t.gql(
        'query { people(first: 100) { totalCount } }',
        {},
        { token: coach, tenantId: casablanca!.id },
      );
      const founders = new Set(
        mine.data.ventures.edges.flatMap((e: { node: { founders: { person: { id: string } }[] } }) =>
          e.node.founders.map((f) => f.person.id),
        ),
      );
      expect(people.data.people.totalCount).toBe(founders.size);
    } finally {
      await t.app.close();
    }
  });

  it('gives every enrollment a history that ends in its status, and everyone under 18 today a guardian', async () => {
    const [tenant] = await db.owner.selectFrom('tenant').select('id').where('city', '=', 'Fès').execute();
    const problems = await withTenant(db.owner, tenant!.id, async (tx) => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from enrollment e
         where e.status <> (select to_status from enrollment_event v
                             where v.enrollment_id = e.id order by v.at desc limit 1)`.execute(tx);
      const minors = await sql<{ n: number }>`
        select count(*)::int as n from person
         where birth_date > current_date - interval '18 years' and guardian_name is null`.execute(tx);
      return rows[0]!.n + minors.rows[0]!.n;
    });
    expect(problems).toBe(0);
  });

  it('gives the 2024 activity report the published graduates and integration rates, unreachable beside', async () => {
    const t = await createTestApp(db);
    try {
      const [fes] = await db.owner.selectFrom('tenant').select('id').where('city', '=', 'Fès').execute();
      const token = await t.signIn('reseau@demo.maalem.ma', DEMO_PASSWORD);
      const result = await t.gql(
        `query { activityReport(year: 2024, scope: NETWORK) {
          centres { tenant { city } trainees women trainedInside trainedOutside graduates
                    integration { graduates surveyed unreachable reached integrated rate } }
          total { trainees women graduates integration { rate } }
        } }`,
        {},
        { token, tenantId: fes!.id },
      );
      expect(result.errors).toBeUndefined();
      const report = result.data.activityReport;
      const slugOf: Record<string, string> = { Fès: 'fes', Salé: 'sale', Marrakech: 'marrakech' };
      const published: Record<string, number> = { fes: 79, sale: 80, marrakech: 83 };
      expect(report.centres.map((c: { tenant: { city: string } }) => c.tenant.city).sort()).toEqual([
        'Fès',
        'Marrakech',
        'Salé',
      ]);
      for (const centre of report.centres) {
        const slug = slugOf[centre.tenant.city]!;
        const expected = CRAFT_FIGURES[slug]!;
        expect(centre.trainees, slug).toBe(expected.trained);
        expect(centre.graduates, slug).toBe(expected.graduated);
        expect(centre.trainedInside + centre.trainedOutside, slug).toBe(expected.trained);
        // The report's own tables: inside/outside and women to the unit.
        expect(centre.trainedInside, slug).toBe(expected.inCentre);
        expect(centre.women, slug).toBe(expected.women);
        expect(Math.round(centre.integration.rate * 100), slug).toBe(published[slug]);
        expect(centre.integration.graduates).toBe(expected.graduated);
        expect(centre.integration.unreachable, slug).toBeGreaterThan(0);
        expect(centre.integration.reached).toBe(centre.integration.surveyed - centre.integration.unreachable);
      }
      expect(report.total).toMatchObject({ trainees: 2012, graduates: 1423, women: 1511 });
    } finally {
      await t.app.close();
    }
  });

  it('certifies every graduate and leaves follow-up waves due and overdue on the work list', async () => {
    const t = await createTestApp(db);
    try {
      const [fes] = await db.owner.selectFrom('tenant').select('id').where('city', '=', 'Fès').execute();
      const certificates = await withTenant(db.owner, fes!.id, async (tx) => {
        const { rows } = await sql<{ graduations: number; certificates: number; waves: number }>`
          select (select count(*)::int from graduation) as graduations,
                 (select count(*)::int from certificate) as certificates,
                 (select count(*)::int from outcome) as waves`.execute(tx);
        return rows[0]!;
      });
      expect(certificates).toEqual({ graduations: 308, certificates: 308, waves: 4 * 308 });
      const token = await t.signIn('directeur.fes@demo.maalem.ma', DEMO_PASSWORD);
      const states = async (state: string) =>
        (
          await t.gql(
            `query ($s: [FollowUpState!]) { followUps(states: $s, first: 1) { totalCount } }`,
            { s: [state] },
            {
              token,
              tenantId: fes!.id,
            },
          )
        ).data.followUps.totalCount as number;
      expect(await states('DUE')).toBeGreaterThan(0);
      expect(await states('OVERDUE')).toBeGreaterThan(await states('DUE'));
      expect(await states('UPCOMING')).toBeGreaterThanOrEqual(308);
    } finally {
      await t.app.close();
    }
  });
});
