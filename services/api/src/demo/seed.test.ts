import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { withTenant } from '../db/with-tenant.js';
import { CRAFT_FIGURES } from './craft-enrollment.js';
import { seedDemoData } from './seed.js';

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
    expect(women / trained).toBeGreaterThan(0.7);
    expect(women / trained).toBeLessThan(0.8);
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
});
