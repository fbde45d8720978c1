import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestApp, type TestEnv } from '../../../test/app.js';
import { dataStatements } from '../../../test/statements.js';
import { expectedSlotsSql } from '../timetable/expected.js';
import { addDays, type Seeder, seeder, today } from './test-seed.js';

// The ledger of a cohort of a thousand trainees over a year (50 theory days in the centre, 200
// practice days at each of 100 workshops: 250,000 expected slots) costs the same few SQL statements
// as a cohort of ten: it is computed set-based, never trainee by trainee.

let db: TestEnv['db'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let a: Seeder;
let counted: TestApp;
let statements: string[] = [];
let token: string;

const T = today();
const START = addDays(T, -364);
const cohorts: Record<'large' | 'small', string> = { large: '', small: '' };

/**
 * A cohort of `size` trainees spread over `hosts` workshops, its sessions and its registers, all in
 * bulk: every tenth expected entry is left unrecorded and every tenth recorded one is an absence.
 */
async function seedYear(size: number, hosts: number): Promise<string> {
  const { tradeId, cohortId } = await a.cohort({ startsOn: START, endsOn: T });
  const tag = cohortId.slice(-8);
  await a.inTenant(async (tx) => {
    const tenant = f.tenantA;
    await sql`
      insert into person (tenant_id, id, first_name_latin, last_name_latin, sex, birth_date)
      select ${tenant}, gen_random_uuid(), 'Prénom' || i, ${tag} || lpad(i::text, 4, '0'), 'F', '2006-05-01'
        from generate_series(1, ${size}::int) i`.execute(tx);
    await sql`
      insert into enrollment (tenant_id, id, person_id, cohort_id, status)
      select ${tenant}, gen_random_uuid(), p.id, ${cohortId}, 'ENROLLED'
        from person p where p.last_name_latin like ${`${tag}%`}`.execute(tx);
    await sql`
      insert into host (tenant_id, id, kind, name, trade_id, capacity, province)
      select ${tenant}, gen_random_uuid(), 'ARTISAN_WORKSHOP', ${tag} || ' atelier ' || i, ${tradeId}, 50, 'Fès'
        from generate_series(1, ${hosts}::int) i`.execute(tx);
    await sql`
      with e as (select id, row_number() over (order by id) - 1 as n from enrollment where cohort_id = ${cohortId}),
           h as (select id, row_number() over (order by id) - 1 as n from host where name like ${`${tag} atelier%`})
      insert into placement (tenant_id, id, enrollment_id, host_id, starts_on, ends_on, weekdays, status)
      select ${tenant}, gen_random_uuid(), e.id, h.id, ${START}::date, ${T}::date, '{1,2,3,4,5,6,7}', 'CONFIRMED'
        from e join h on h.n = e.n % ${hosts}::int`.execute(tx);
    // 50 theory Mondays, and 200 practice days (Tuesday to Saturday) at every workshop, 4 h each.
    await sql`
      insert into class_session (tenant_id, id, cohort_id, kind, day, starts_at, ends_at, timezone)
      select ${tenant}, gen_random_uuid(), ${cohortId}, 'THEORY', d, '09:00', '13:00', 'Africa/Casablanca'
        from generate_series(${START}::date, ${T}::date, interval '1 day') d
       where extract(isodow from d) = 1
       order by d limit 50`.execute(tx);
    await sql`
      with days as (
        select d::date as day from generate_series(${START}::date, ${T}::date, interval '1 day') d
         where extract(isodow from d) between 2 and 6 order by d limit 200)
      insert into class_session (tenant_id, id, cohort_id, kind, host_id, day, starts_at, ends_at, timezone)
      select ${tenant}, gen_random_uuid(), ${cohortId}, 'PRACTICE', h.id, days.day, '09:00', '13:00', 'Africa/Casablanca'
        from days cross join host h where h.name like ${`${tag} atelier%`}`.execute(tx);
    // Fresh statistics, or the planner takes these tables for empty and joins them row by row.
    await sql`analyze`.execute(tx);
    await sql`
      insert into attendance (tenant_id, id, session_id, enrollment_id, status, hours)
      select ${tenant}, gen_random_uuid(), x.session_id, x.enrollment_id,
             case when abs(hashtext(x.session_id::text || x.enrollment_id::text)) % 10 = 1
                  then 'ABSENT_UNEXCUSED' else 'PRESENT' end,
             case when abs(hashtext(x.session_id::text || x.enrollment_id::text)) % 10 = 1 then 0 else x.hours end
        from (${expectedSlotsSql({ cohortIds: [cohortId] })}) x
       where abs(hashtext(x.session_id::text || x.enrollment_id::text)) % 10 <> 0
         and x.day::date < ${T}::date`.execute(tx);
    await sql`analyze attendance`.execute(tx);
  });
  return cohortId;
}

beforeAll(async () => {
  ({ db, f, close } = await openTestEnv());
  a = seeder(db.owner, f.tenantA);
  cohorts.large = await seedYear(1000, 100);
  cohorts.small = await seedYear(10, 2);
  counted = await createTestApp(db, { onQuery: (statement) => statements.push(statement) });
  token = await counted.signIn(f.directorA.email);
}, 300_000);
afterAll(async () => {
  await counted.app.close();
  await close();
});

const LEDGER = `query ($cohortId: ID!) {
  cohortLedger(cohortId: $cohortId) {
    cohort { id label }
    figures { plannedTheoryHours plannedPracticeHours attendedTheoryHours attendedPracticeHours unrecordedHours
              actualTheoryShare attendanceRate status }
    trainees { enrollment { id status person { fullName } } figures { attendanceRate status } }
  }
}`;

describe('cohortLedger at scale', () => {
  it('sends the same few statements for a thousand trainees over a year as for ten', async () => {
    const counts: { size: number; all: number; data: number; ms: number }[] = [];
    for (const [size, cohortId] of [
      [1000, cohorts.large],
      [10, cohorts.small],
    ] as const) {
      statements = [];
      const started = Date.now();
      const result = await counted.gql(LEDGER, { cohortId }, { token, tenantId: f.tenantA });
      const ms = Date.now() - started;
      expect(result.errors).toBeUndefined();
      const ledger = result.data.cohortLedger;
      expect(ledger.trainees).toHaveLength(size);
      expect(ledger.trainees[size - 1].enrollment.person.fullName).toMatch(/Prénom/);
      // Every slot is planned; about a tenth of the past ones have no register.
      expect(ledger.figures.plannedTheoryHours).toBe(size * 50 * 4);
      expect(ledger.figures.plannedPracticeHours).toBe(size * 200 * 4);
      const planned = ledger.figures.plannedTheoryHours + ledger.figures.plannedPracticeHours;
      expect(ledger.figures.unrecordedHours / planned).toBeGreaterThan(0.05);
      expect(ledger.figures.unrecordedHours / planned).toBeLessThan(0.15);
      expect(ledger.figures.actualTheoryShare).toBeCloseTo(0.2, 1);
      counts.push({
        size,
        all: statements.length,
        data: dataStatements(statements),
        ms,
      });
    }
    console.info('cohortLedger statements and time', counts);
    // Session, membership, tenant zone; cohort, programme, tolerance, the ledger itself; people.
    expect(counts[0]!.data).toBe(counts[1]!.data);
    expect(counts[0]!.all).toBe(counts[1]!.all);
    expect(counts[0]!.data).toBeLessThanOrEqual(8);
  });
});
