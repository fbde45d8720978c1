import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestApp, type TestEnv } from '../../../test/app.js';
import { dataStatements } from '../../../test/statements.js';
import { withTenant } from '../../db/with-tenant.js';
import type { EnrollmentSort, EnrollmentStatus } from '../../graphql/generated/resolvers.js';
import { newId } from '../../lib/ids.js';
import { ageOn, todayIn } from '../../lib/time.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let tokenA: string;
let tokenB: string;

/** The calendar day `years` years and `days` days before today in Casablanca. */
function bornAgo(years: number, days = 0): string {
  const [y, m, d] = todayIn('Africa/Casablanca').split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d - days)).toISOString().slice(0, 10);
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface SeedPerson {
  first: string;
  last: string;
  firstAr?: string;
  lastAr?: string;
  sex: 'F' | 'M';
  birth: string;
  province?: string | null;
  cin?: string | null;
  phone?: string | null;
}

// ----- arranging rows directly, as the owner inside a tenant

async function seedCatalogue(tenantId: string, code: string, capacity = 500) {
  const trade = newId();
  const programme = newId();
  const cohort = newId();
  await withTenant(db.owner, tenantId, async (tx) => {
    await tx
      .insertInto('trade')
      .values({ tenant_id: tenantId, id: trade, code, name_fr: `Métier ${code}`, name_ar: 'حرفة' })
      .execute();
    await tx
      .insertInto('programme')
      .values({
        tenant_id: tenantId,
        id: programme,
        trade_id: trade,
        name_fr: `Qualification ${code}`,
        name_ar: 'تأهيل',
        duration_months: 24,
      })
      .execute();
    await tx
      .insertInto('cohort')
      .values({
        tenant_id: tenantId,
        id: cohort,
        programme_id: programme,
        label: `Promotion ${code} 2026`,
        starts_on: '2026-09-15',
        ends_on: '2028-07-15',
        capacity,
      })
      .execute();
  });
  return { trade, programme, cohort };
}

/** People and their enrollments in one go; created_at steps one minute per row so NEWEST is known. */
async function seedEnrollments(
  tenantId: string,
  rows: { person: SeedPerson; cohort: string; status: EnrollmentStatus }[],
) {
  const base = Date.parse('2026-06-01T08:00:00Z');
  const ids = rows.map(() => ({ person: newId(), enrollment: newId() }));
  await withTenant(db.owner, tenantId, async (tx) => {
    await tx
      .insertInto('person')
      .values(
        rows.map(({ person: p }, i) => ({
          tenant_id: tenantId,
          id: ids[i]!.person,
          first_name_latin: p.first,
          last_name_latin: p.last,
          first_name_ar: p.firstAr ?? null,
          last_name_ar: p.lastAr ?? null,
          sex: p.sex,
          birth_date: p.birth,
          province: p.province ?? null,
          cin: p.cin ?? null,
          phone: p.phone ?? null,
        })),
      )
      .execute();
    await tx
      .insertInto('enrollment')
      .values(
        rows.map((r, i) => ({
          tenant_id: tenantId,
          id: ids[i]!.enrollment,
          person_id: ids[i]!.person,
          cohort_id: r.cohort,
          status: r.status,
          created_at: new Date(base + i * 60_000),
        })),
      )
      .execute();
  });
  return ids.map((i) => i.enrollment);
}

// ----- the small centre every filter and sort test reads

let weaving: Awaited<ReturnType<typeof seedCatalogue>>;
let leather: Awaited<ReturnType<typeof seedCatalogue>>;
const people: Record<string, { id: string; person: SeedPerson; status: EnrollmentStatus; cohort: string }> =
  {};

async function seedCentre() {
  weaving = await seedCatalogue(f.tenantA, 'WEAVING');
  leather = await seedCatalogue(f.tenantA, 'LEATHER');
  const rows: [string, SeedPerson, string, EnrollmentStatus][] = [
    [
      'fatima',
      {
        first: 'Fatima',
        last: 'Alaoui',
        firstAr: 'فاطمة',
        lastAr: 'العلوي',
        sex: 'F',
        birth: bornAgo(18),
        province: 'Fès',
        cin: 'AB12345',
        phone: '+212612345678',
      },
      weaving.cohort,
      'ENROLLED',
    ],
    [
      'karim',
      { first: 'Karim', last: 'bennani', sex: 'M', birth: bornAgo(18, -1), province: 'fès' },
      weaving.cohort,
      'APPLIED',
    ],
    [
      'amina',
      {
        first: 'Amina',
        last: 'Chraibi',
        sex: 'F',
        birth: bornAgo(25, 40),
        province: 'Meknès',
        phone: '+212698765432',
      },
      leather.cohort,
      'DROPPED_OUT',
    ],
    [
      'zineb',
      { first: 'Zineb', last: 'Alaoui', sex: 'F', birth: bornAgo(20, 3), province: 'Fès' },
      leather.cohort,
      'ADMITTED',
    ],
    [
      'youssef',
      { first: 'Youssef', last: 'Zemmouri', sex: 'M', birth: bornAgo(30, 100), cin: 'C900' },
      weaving.cohort,
      'GRADUATED',
    ],
    [
      'nadia',
      { first: 'Nadia', last: 'El Fassi', sex: 'F', birth: bornAgo(16, 200), province: 'Sefrou' },
      weaving.cohort,
      'WITHDRAWN',
    ],
  ];
  const ids = await seedEnrollments(
    f.tenantA,
    rows.map(([, person, cohort, status]) => ({ person, cohort, status })),
  );
  rows.forEach(([key, person, cohort, status], i) => {
    people[key] = { id: ids[i]!, person, cohort, status };
  });
  // Tenant B has an enrollment of its own, with a name that matches A's searches.
  const b = await seedCatalogue(f.tenantB, 'WEAVING');
  await seedEnrollments(f.tenantB, [
    {
      person: { first: 'Fatima', last: 'Alaoui', sex: 'F', birth: bornAgo(19), province: 'Fès' },
      cohort: b.cohort,
      status: 'ENROLLED',
    },
  ]);
}

const keyOf = (id: string) => Object.entries(people).find(([, p]) => p.id === id)?.[0] ?? id;

const LIST = `query ($first: Int, $after: String, $filter: EnrollmentFilter, $sort: EnrollmentSort) {
  enrollments(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } }
  }
}`;

async function list(
  variables: {
    first?: number;
    after?: string | null;
    filter?: Record<string, unknown>;
    sort?: EnrollmentSort;
  },
  token = tokenA,
  tenantId = f.tenantA,
) {
  const result = await t.gql(LIST, variables, { token, tenantId });
  if (result.errors) return { errors: result.errors, keys: [], totalCount: -1, pageInfo: null };
  const connection = result.data.enrollments;
  return {
    errors: undefined,
    keys: connection.edges.map((e: { node: { id: string } }) => keyOf(e.node.id)) as string[],
    totalCount: connection.totalCount as number,
    pageInfo: connection.pageInfo as PageInfo,
  };
}

/** Walks every page of `size` and returns the keys in order. */
async function walk(
  sort: EnrollmentSort,
  size: number,
  filter?: Record<string, unknown>,
  token = tokenA,
  tenantId = f.tenantA,
) {
  const keys: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 2000; guard++) {
    const page = await list({ first: size, after, sort, filter }, token, tenantId);
    expect(page.errors).toBeUndefined();
    keys.push(...page.keys);
    if (!page.pageInfo!.hasNextPage) return keys;
    after = page.pageInfo!.endCursor;
  }
  throw new Error('pagination does not end');
}

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  tokenA = await t.signIn(f.directorA.email);
  tokenB = await t.signIn(f.directorB.email);
  await seedCentre();
});
afterAll(async () => {
  await close();
});

describe('enrollments: sorts and pages', () => {
  it('sorts by last name, first name (ignoring case) by default, with the total', async () => {
    const page = await list({});
    expect(page.keys).toEqual(['fatima', 'zineb', 'karim', 'amina', 'nadia', 'youssef']);
    expect(page.totalCount).toBe(6);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false });
  });

  it.each([
    ['LAST_NAME', ['fatima', 'zineb', 'karim', 'amina', 'nadia', 'youssef']],
    ['NEWEST', ['nadia', 'youssef', 'zineb', 'amina', 'karim', 'fatima']],
    ['BIRTH_DATE', ['youssef', 'amina', 'zineb', 'fatima', 'karim', 'nadia']],
    ['STATUS', ['karim', 'zineb', 'fatima', 'youssef', 'amina', 'nadia']],
  ] as const)('sorts by %s, and pages of any size give the same order', async (sort, expected) => {
    expect((await list({ sort, first: 100 })).keys).toEqual(expected);
    for (const size of [1, 2, 4]) expect(await walk(sort, size)).toEqual(expected);
  });

  it('keeps the total on every page and says when there is more', async () => {
    const first = await list({ first: 4 });
    expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    const second = await list({ first: 4, after: first.pageInfo!.endCursor });
    expect(second).toMatchObject({
      keys: ['nadia', 'youssef'],
      totalCount: 6,
      pageInfo: { hasNextPage: false },
    });
    expect((await list({ first: 0 })).keys).toEqual([]);
  });

  it.each([
    [{ first: 1001 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not a cursor' }, 'after'],
    [{ after: Buffer.from(JSON.stringify(['LAST_NAME', 'a', 'b', 'c'])).toString('base64url') }, 'after'],
    [{ filter: { cohortId: 'x' } }, 'cohortId'],
    [{ filter: { minAge: 30, maxAge: 20 } }, 'maxAge'],
    [{ filter: { search: 'x'.repeat(101) } }, 'search'],
  ])('refuses %j as INVALID_INPUT on %s', async (variables, field) => {
    const page = await list(variables);
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  it('refuses a cursor made for another sort', async () => {
    const byName = await list({ first: 2, sort: 'LAST_NAME' });
    const page = await list({ first: 2, sort: 'NEWEST', after: byName.pageInfo!.endCursor });
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'after' });
  });
});

describe('enrollments: filters', () => {
  it.each([
    ['cohort', () => ({ cohortId: weaving.cohort }), ['fatima', 'karim', 'nadia', 'youssef']],
    ['trade', () => ({ tradeId: leather.trade }), ['zineb', 'amina']],
    ['statuses', () => ({ status: ['APPLIED', 'ADMITTED'] }), ['zineb', 'karim']],
    ['sex', () => ({ sex: 'M' }), ['karim', 'youssef']],
    ['province, ignoring case', () => ({ province: ' fès ' }), ['fatima', 'zineb', 'karim']],
    ['province in capitals', () => ({ province: 'FÈS' }), ['fatima', 'zineb', 'karim']],
    ['a Latin name, any case', () => ({ search: 'ALAOUI' }), ['fatima', 'zineb']],
    ['two words in any order', () => ({ search: 'fatima alaoui' }), ['fatima']],
    ['an Arabic name', () => ({ search: 'فاطمة' }), ['fatima']],
    ['part of a CIN', () => ({ search: 'ab123' }), ['fatima']],
    ['a phone as typed locally', () => ({ search: '0698765432' }), ['amina']],
    ['part of a phone', () => ({ search: '12345678' }), ['fatima']],
    ['LIKE wildcards as plain text', () => ({ search: '%' }), []],
    [
      'several at once',
      () => ({ cohortId: weaving.cohort, sex: 'F', status: ['ENROLLED', 'WITHDRAWN'] }),
      ['fatima', 'nadia'],
    ],
    ['a cohort of nobody', () => ({ cohortId: newId() }), []],
  ])('by %s', async (_case, filter, expected) => {
    const page = await list({ filter: filter() });
    expect(page.errors).toBeUndefined();
    expect(page.keys).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  it('by age today in the centre’s calendar, both ends inclusive', async () => {
    const today = todayIn('Africa/Casablanca');
    const expected = (min: number | null, max: number | null) =>
      Object.entries(people)
        .filter(([, p]) => {
          const age = ageOn(p.person.birth, today);
          return (min === null || age >= min) && (max === null || age <= max);
        })
        .map(([key]) => key)
        .sort();
    for (const [min, max] of [
      [18, null],
      [null, 17],
      [18, 18],
      [19, 25],
      [16, 16],
      [31, null],
    ] as const) {
      const page = await list({ filter: { minAge: min, maxAge: max } });
      expect(page.errors).toBeUndefined();
      expect([...page.keys].sort()).toEqual(expected(min, max));
    }
    // Fatima turns 18 today, Karim tomorrow: the boundary falls between them.
    expect((await list({ filter: { minAge: 18, maxAge: 18 } })).keys).toContain('fatima');
    expect((await list({ filter: { maxAge: 17 } })).keys).toContain('karim');
    expect((await list({ filter: { maxAge: 17 } })).keys).not.toContain('fatima');
  });

  it('pages through a filtered list with the filter’s total', async () => {
    expect(await walk('NEWEST', 1, { sex: 'F' })).toEqual(['nadia', 'zineb', 'amina', 'fatima']);
    expect((await list({ first: 1, filter: { sex: 'F' } })).totalCount).toBe(4);
  });

  it('shows tenant B only its own enrollment, whatever it asks for', async () => {
    const page = await list({ filter: { search: 'alaoui' } }, tokenB, f.tenantB);
    expect(page.totalCount).toBe(1);
    expect(Object.values(people).map((p) => p.id)).not.toContain(page.keys[0]);
    expect((await list({ filter: { cohortId: weaving.cohort } }, tokenB, f.tenantB)).totalCount).toBe(0);
    expect((await list({ filter: { tradeId: weaving.trade } }, tokenB, f.tenantB)).totalCount).toBe(0);
  });
});

describe('enrollments: SQL statements per request', () => {
  const PAGE = `query ($first: Int, $cohortId: ID) {
    enrollments(first: $first, filter: { cohortId: $cohortId }) {
      totalCount
      edges { node { id status person { fullName } cohort { label programme { nameFr trade { nameFr } } } } }
    }
  }`;

  let counted: TestApp;
  let statements: string[] = [];
  let tenantC: string;
  let cohortC: string;

  beforeAll(async () => {
    // A third centre of the network, so a thousand trainees do not crowd the other tests.
    tenantC = newId();
    await db.owner
      .insertInto('tenant')
      .values({
        id: tenantC,
        network_id: f.networkId,
        kind: 'CRAFT_CENTRE',
        name: 'Centre C',
        city: 'Marrakech',
      })
      .execute();
    await withTenant(db.owner, tenantC, (tx) =>
      tx
        .insertInto('membership')
        .values({ tenant_id: tenantC, id: newId(), user_id: f.directorA.id, role: 'DIRECTOR' })
        .execute(),
    );
    const catalogue = await seedCatalogue(tenantC, 'WEAVING', 1000);
    cohortC = catalogue.cohort;
    await seedEnrollments(
      tenantC,
      Array.from({ length: 1000 }, (_, i) => ({
        person: {
          first: `Prénom${i}`,
          last: `Nom${String(i).padStart(4, '0')}`,
          sex: i % 4 === 0 ? 'M' : 'F',
          birth: '2006-05-01',
        },
        cohort: cohortC,
        status: 'ENROLLED' as const,
      })),
    );
    counted = await createTestApp(db, { onQuery: (sql) => statements.push(sql) });
  });
  afterAll(async () => {
    await counted.app.close();
  });

  it('sends the same small number of statements for 10, 100 or 1000 rows with their people and cohorts', async () => {
    const counts: { first: number; all: number; data: number }[] = [];
    for (const first of [10, 100, 1000]) {
      statements = [];
      const result = await counted.gql(
        PAGE,
        { first, cohortId: cohortC },
        { token: tokenA, tenantId: tenantC },
      );
      expect(result.errors).toBeUndefined();
      const { edges, totalCount } = result.data.enrollments;
      expect(totalCount).toBe(1000);
      expect(edges).toHaveLength(first);
      expect(edges[first - 1].node).toMatchObject({
        person: {
          fullName: expect.stringMatching(new RegExp(`Nom${String(first - 1).padStart(4, '0')}`, 'i')),
        },
        cohort: {
          label: 'Promotion WEAVING 2026',
          programme: { nameFr: 'Qualification WEAVING', trade: { nameFr: 'Métier WEAVING' } },
        },
      });
      counts.push({
        first,
        all: statements.length,
        data: dataStatements(statements),
      });
    }
    // Session, membership, page, count, then one statement per level: person, cohort, programme,
    // trade. Each of the 7 transactions adds begin, set_config and commit around its statements.
    expect(counts.map((c) => c.data)).toEqual([8, 8, 8]);
    expect(counts.map((c) => c.all)).toEqual([29, 29, 29]);
  });

  it('pages through the thousand with stable cursors even when they were all created at once', async () => {
    // created_at ties are broken by id, so NEWEST never repeats or skips a row between pages.
    await withTenant(db.owner, tenantC, (tx) =>
      tx
        .updateTable('enrollment')
        .set({ created_at: new Date('2026-06-01T08:00:00Z') })
        .execute(),
    );
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data: { enrollments: { pageInfo: PageInfo; edges: { node: { id: string } }[] } } } =
        await counted.gql(
          `query ($after: String) { enrollments(first: 300, after: $after, sort: NEWEST) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after },
          { token: tokenA, tenantId: tenantC },
        );
      pages.push(...page.data.enrollments.edges.map((e) => e.node.id));
      if (!page.data.enrollments.pageInfo.hasNextPage) break;
      after = page.data.enrollments.pageInfo.endCursor;
    }
    expect(pages).toHaveLength(1000);
    expect(new Set(pages).size).toBe(1000);
    expect(pages).toEqual([...pages].sort().reverse());
  });
});
