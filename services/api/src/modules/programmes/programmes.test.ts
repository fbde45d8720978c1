import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type GqlResult, openTestEnv, type TestEnv } from '../../../test/app.js';
import { countRows } from '../../../test/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { ERROR_MESSAGES } from '../../graphql/messages.js';
import { newId } from '../../lib/ids.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let tokenA: string;
let tokenB: string;
let artisanToken: string;

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  tokenA = await t.signIn(f.directorA.email);
  tokenB = await t.signIn(f.directorB.email);
  artisanToken = await t.signInByCode(f.artisanA.phone);
});
afterAll(async () => {
  await close();
});

const asA = () => ({ token: tokenA, tenantId: f.tenantA });
const asB = () => ({ token: tokenB, tenantId: f.tenantB });

const CREATE_TRADE = `mutation ($input: CreateTradeInput!) {
  createTrade(input: $input) { trade { id code nameFr nameAr programmes { id } } errors { code field message } }
}`;
const CREATE_PROGRAMME = `mutation ($input: CreateProgrammeInput!) {
  createProgramme(input: $input) {
    programme {
      id nameFr nameAr durationMonths theoryShare theoryWeekdays practiceWeekdays minAge maxAge minSchoolLevel
      trade { id code }
    }
    errors { code field message }
  }
}`;
const CREATE_COHORT = `mutation ($input: CreateCohortInput!) {
  createCohort(input: $input) {
    cohort { id label startsOn endsOn capacity phase programme { id nameFr trade { code } } }
    errors { code field message }
  }
}`;
const UPDATE_COHORT = `mutation ($input: UpdateCohortInput!) {
  updateCohort(input: $input) { cohort { id label startsOn endsOn capacity phase } errors { code field message } }
}`;
const COHORTS = `query ($first: Int, $after: String, $tradeId: ID, $programmeId: ID) {
  cohorts(first: $first, after: $after, tradeId: $tradeId, programmeId: $programmeId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id label startsOn } }
  }
}`;

type Table = 'trade' | 'programme' | 'cohort' | 'audit_event' | 'enrollment';
const count = (table: Table, tenantId: string) => countRows(db.owner, tenantId, table);
const counts = async (tenantId: string) =>
  Promise.all(
    (['trade', 'programme', 'cohort', 'audit_event'] as const).map((table) => count(table, tenantId)),
  );

/** The translated message of a code, as the payload must carry it. */
interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const fr = (code: keyof (typeof ERROR_MESSAGES)['fr-MA']) => ERROR_MESSAGES['fr-MA'][code];
const ar = (code: keyof (typeof ERROR_MESSAGES)['ar-MA']) => ERROR_MESSAGES['ar-MA'][code];

let tradeSeq = 0;
async function makeTrade(as = asA()) {
  tradeSeq += 1;
  const result = await t.gql(
    CREATE_TRADE,
    { input: { code: `TRADE_${tradeSeq}`, nameFr: `Métier ${tradeSeq}`, nameAr: `حرفة ${tradeSeq}` } },
    as,
  );
  expect(result.data.createTrade.errors).toEqual([]);
  return result.data.createTrade.trade as { id: string; code: string };
}

async function makeProgramme(tradeId: string, as = asA()) {
  const result = await t.gql(
    CREATE_PROGRAMME,
    { input: { tradeId, nameFr: 'Tissage traditionnel', nameAr: 'النسيج التقليدي', durationMonths: 24 } },
    as,
  );
  expect(result.data.createProgramme.errors).toEqual([]);
  return result.data.createProgramme.programme as { id: string };
}

async function makeCohort(programmeId: string, label: string, startsOn = '2026-09-15', as = asA()) {
  const result = await t.gql(
    CREATE_COHORT,
    { input: { programmeId, label, startsOn, endsOn: '2028-06-30', capacity: 30 } },
    as,
  );
  expect(result.data.createCohort.errors).toEqual([]);
  return result.data.createCohort.cohort as { id: string; phase: string | null };
}

describe('trades', () => {
  it('creates a trade (code upper-cased), audits it, and lists it for every member', async () => {
    const audit = await count('audit_event', f.tenantA);
    const result = await t.gql(
      CREATE_TRADE,
      { input: { code: ' weaving ', nameFr: ' Tissage ', nameAr: 'النسيج' } },
      asA(),
    );
    expect(result.data.createTrade).toEqual({
      trade: { id: expect.any(String), code: 'WEAVING', nameFr: 'Tissage', nameAr: 'النسيج', programmes: [] },
      errors: [],
    });
    expect(await count('audit_event', f.tenantA)).toBe(audit + 1);
    const events = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'trade.created').execute(),
    );
    expect(events.map((e) => e.entity_ids)).toContainEqual([result.data.createTrade.trade.id]);

    // Trades are the centre's catalogue: a host artisan reads them too.
    const listed = await t.gql(
      `{ trades { code nameFr } }`,
      {},
      { token: artisanToken, tenantId: f.tenantA },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.trades).toContainEqual({ code: 'WEAVING', nameFr: 'Tissage' });
  });

  it.each([
    [{ code: 'WEAVING', nameFr: 'Autre', nameAr: 'آخر' }, 'CODE_TAKEN', 'code'],
    [{ code: 'W', nameFr: 'Court', nameAr: 'قصير' }, 'INVALID_INPUT', 'code'],
    [{ code: '1WOOD', nameFr: 'Bois', nameAr: 'الخشب' }, 'INVALID_INPUT', 'code'],
    [{ code: 'WOOD-WORK', nameFr: 'Bois', nameAr: 'الخشب' }, 'INVALID_INPUT', 'code'],
    [{ code: '  ', nameFr: 'Bois', nameAr: 'الخشب' }, 'REQUIRED', 'code'],
    [{ code: 'WOOD', nameFr: '  ', nameAr: 'الخشب' }, 'REQUIRED', 'nameFr'],
    [{ code: 'WOOD', nameFr: 'Bois', nameAr: '' }, 'REQUIRED', 'nameAr'],
    [{ code: 'WOOD', nameFr: 'x'.repeat(121), nameAr: 'الخشب' }, 'INVALID_INPUT', 'nameFr'],
  ] as const)(
    'refuses %j with %s on %s, in French and Arabic, writing nothing',
    async (input, code, field) => {
      if (code === 'CODE_TAKEN') {
        const existing = await t.gql(`{ trades { code } }`, {}, asA());
        if (!existing.data.trades.some((tr: { code: string }) => tr.code === 'WEAVING'))
          await t.gql(
            CREATE_TRADE,
            { input: { code: 'WEAVING', nameFr: 'Tissage', nameAr: 'النسيج' } },
            asA(),
          );
      }
      const before = await counts(f.tenantA);
      const inFrench = await t.gql(CREATE_TRADE, { input }, asA());
      expect(inFrench.data.createTrade).toEqual({
        trade: null,
        errors: [{ code, field, message: fr(code) }],
      });
      const inArabic = await t.gql(CREATE_TRADE, { input }, { ...asA(), locale: 'ar' });
      expect(inArabic.data.createTrade.errors).toEqual([{ code, field, message: ar(code) }]);
      expect(await counts(f.tenantA)).toEqual(before);
    },
  );

  it('lets the same code exist in another centre, and only directors and coordinators write', async () => {
    const inB = await t.gql(
      CREATE_TRADE,
      { input: { code: 'WEAVING', nameFr: 'Tissage', nameAr: 'النسيج' } },
      asB(),
    );
    expect(inB.data.createTrade.errors).toEqual([]);
    const before = await counts(f.tenantA);
    const artisan = await t.gql(
      CREATE_TRADE,
      { input: { code: 'LEATHER', nameFr: 'Cuir', nameAr: 'الجلد' } },
      { token: artisanToken, tenantId: f.tenantA },
    );
    expect(artisan.data.createTrade.errors).toEqual([
      { code: 'FORBIDDEN', field: null, message: fr('FORBIDDEN') },
    ]);
    expect(await counts(f.tenantA)).toEqual(before);
  });
});

describe('programmes', () => {
  it('creates a programme with the craft defaults and shows it under its trade', async () => {
    const trade = await makeTrade();
    const result = await t.gql(
      CREATE_PROGRAMME,
      { input: { tradeId: trade.id, nameFr: ' Tissage ', nameAr: 'النسيج', durationMonths: 24 } },
      asA(),
    );
    expect(result.data.createProgramme).toEqual({
      programme: {
        id: expect.any(String),
        nameFr: 'Tissage',
        nameAr: 'النسيج',
        durationMonths: 24,
        theoryShare: 0.2,
        theoryWeekdays: [1],
        practiceWeekdays: [2, 3, 4, 5],
        minAge: 15,
        maxAge: 30,
        minSchoolLevel: null,
        trade: { id: trade.id, code: trade.code },
      },
      errors: [],
    });
    const custom = await t.gql(
      CREATE_PROGRAMME,
      {
        input: {
          tradeId: trade.id,
          nameFr: 'Formation continue',
          nameAr: 'التكوين المستمر',
          durationMonths: 3,
          theoryShare: 0.5,
          theoryWeekdays: [6, 1],
          practiceWeekdays: [3],
          minAge: 18,
          maxAge: 60,
          minSchoolLevel: 'PRIMARY',
        },
      },
      asA(),
    );
    expect(custom.data.createProgramme.programme).toMatchObject({
      theoryShare: 0.5,
      theoryWeekdays: [1, 6],
      practiceWeekdays: [3],
      minSchoolLevel: 'PRIMARY',
    });
    const listed = await t.gql(
      `query ($tradeId: ID) { programmes(tradeId: $tradeId) { id } trades { id programmes { id nameFr } } }`,
      { tradeId: trade.id },
      asA(),
    );
    expect(listed.data.programmes.map((p: { id: string }) => p.id).sort()).toEqual(
      [result.data.createProgramme.programme.id, custom.data.createProgramme.programme.id].sort(),
    );
    const underTrade = listed.data.trades.find((tr: { id: string }) => tr.id === trade.id);
    expect(underTrade.programmes.map((p: { nameFr: string }) => p.nameFr)).toEqual([
      'Formation continue',
      'Tissage',
    ]);
  });

  const base = { nameFr: 'Menuiserie', nameAr: 'النجارة', durationMonths: 12 };
  it.each([
    [{ tradeId: 'unknown' }, 'NOT_FOUND', 'tradeId'],
    [{ tradeId: newId() }, 'NOT_FOUND', 'tradeId'],
    [{ durationMonths: 0 }, 'INVALID_INPUT', 'durationMonths'],
    [{ durationMonths: 61 }, 'INVALID_INPUT', 'durationMonths'],
    [{ theoryShare: -0.1 }, 'INVALID_INPUT', 'theoryShare'],
    [{ theoryShare: 1.5 }, 'INVALID_INPUT', 'theoryShare'],
    [{ theoryWeekdays: [0] }, 'INVALID_INPUT', 'theoryWeekdays'],
    [{ practiceWeekdays: [2, 8] }, 'INVALID_INPUT', 'practiceWeekdays'],
    [{ practiceWeekdays: [2, 2] }, 'INVALID_INPUT', 'practiceWeekdays'],
    [{ theoryWeekdays: [1, 2], practiceWeekdays: [2, 3] }, 'INVALID_INPUT', 'practiceWeekdays'],
    [{ practiceWeekdays: [] }, 'REQUIRED', 'practiceWeekdays'],
    [{ minAge: -1 }, 'INVALID_INPUT', 'minAge'],
    [{ maxAge: 121 }, 'INVALID_INPUT', 'maxAge'],
    [{ minAge: 31, maxAge: 30 }, 'INVALID_INPUT', 'maxAge'],
    [{ nameFr: ' ' }, 'REQUIRED', 'nameFr'],
    [{ nameAr: '' }, 'REQUIRED', 'nameAr'],
  ] as const)('refuses %j with %s on %s, writing nothing', async (change, code, field) => {
    const trade = await makeTrade();
    const before = await counts(f.tenantA);
    const input = { tradeId: trade.id, ...base, ...change };
    const result = await t.gql(CREATE_PROGRAMME, { input }, asA());
    expect(result.data.createProgramme).toEqual({
      programme: null,
      errors: [{ code, field, message: fr(code) }],
    });
    const inArabic = await t.gql(CREATE_PROGRAMME, { input }, { ...asA(), locale: 'ar' });
    expect(inArabic.data.createProgramme.errors).toEqual([{ code, field, message: ar(code) }]);
    expect(await counts(f.tenantA)).toEqual(before);
  });

  it('cannot attach a programme to another centre’s trade', async () => {
    const tradeOfB = await makeTrade(asB());
    const result = await t.gql(CREATE_PROGRAMME, { input: { tradeId: tradeOfB.id, ...base } }, asA());
    expect(result.data.createProgramme.errors).toEqual([
      { code: 'NOT_FOUND', field: 'tradeId', message: fr('NOT_FOUND') },
    ]);
    const listed = await t.gql(
      `query ($id: ID) { programmes(tradeId: $id) { id } }`,
      { id: tradeOfB.id },
      asA(),
    );
    expect(listed.data.programmes).toEqual([]);
  });
});

describe('cohorts', () => {
  let programmeId: string;
  beforeAll(async () => {
    programmeId = (await makeProgramme((await makeTrade()).id)).id;
  });

  it('creates a craft-centre cohort without a phase, with its programme and trade', async () => {
    const result = await t.gql(
      CREATE_COHORT,
      {
        input: {
          programmeId,
          label: ' Promotion 2026 ',
          startsOn: '2026-09-15',
          endsOn: '2028-06-30',
          capacity: 40,
        },
      },
      asA(),
    );
    expect(result.data.createCohort).toEqual({
      cohort: {
        id: expect.any(String),
        label: 'Promotion 2026',
        startsOn: '2026-09-15',
        endsOn: '2028-06-30',
        capacity: 40,
        phase: null,
        programme: { id: programmeId, nameFr: 'Tissage traditionnel', trade: { code: expect.any(String) } },
      },
      errors: [],
    });
    const read = await t.gql(
      `query ($id: ID!) { cohort(id: $id) { label programme { id } } }`,
      { id: result.data.createCohort.cohort.id },
      { token: artisanToken, tenantId: f.tenantA },
    );
    expect(read.data.cohort).toEqual({ label: 'Promotion 2026', programme: { id: programmeId } });
  });

  it.each([
    [{ programmeId: 'nope' }, 'NOT_FOUND', 'programmeId'],
    [{ programmeId: '00000000-0000-7000-8000-000000000000' }, 'NOT_FOUND', 'programmeId'],
    [{ label: '' }, 'REQUIRED', 'label'],
    [{ label: 'x'.repeat(81) }, 'INVALID_INPUT', 'label'],
    [{ label: 'Promotion 2026' }, 'LABEL_TAKEN', 'label'],
    [{ startsOn: '2027-01-01', endsOn: '2027-01-01' }, 'INVALID_DATE', 'endsOn'],
    [{ startsOn: '2027-02-01', endsOn: '2027-01-01' }, 'INVALID_DATE', 'endsOn'],
    [{ capacity: 0 }, 'INVALID_INPUT', 'capacity'],
    [{ capacity: 5001 }, 'INVALID_INPUT', 'capacity'],
    [{ phase: 'SELECTION' }, 'INVALID_INPUT', 'phase'],
  ] as const)('refuses %j with %s on %s, writing nothing', async (change, code, field) => {
    const input = {
      programmeId,
      label: 'Promo X',
      startsOn: '2026-09-15',
      endsOn: '2027-06-30',
      capacity: 20,
      ...change,
    };
    const before = await counts(f.tenantA);
    const result = await t.gql(CREATE_COHORT, { input }, asA());
    expect(result.data.createCohort).toEqual({ cohort: null, errors: [{ code, field, message: fr(code) }] });
    const inArabic = await t.gql(CREATE_COHORT, { input }, { ...asA(), locale: 'ar' });
    expect(inArabic.data.createCohort.errors).toEqual([{ code, field, message: ar(code) }]);
    expect(await counts(f.tenantA)).toEqual(before);
  });

  it('gives an incubator cohort the SELECTION phase unless told otherwise', async () => {
    const programmeOfB = await makeProgramme((await makeTrade(asB())).id, asB());
    expect((await makeCohort(programmeOfB.id, 'Fouj 1', '2026-10-01', asB())).phase).toBe('SELECTION');
    const result = await t.gql(
      CREATE_COHORT,
      {
        input: {
          programmeId: programmeOfB.id,
          label: 'Fouj 0',
          startsOn: '2025-10-01',
          endsOn: '2026-06-30',
          capacity: 25,
          phase: 'INCUBATION',
        },
      },
      asB(),
    );
    expect(result.data.createCohort.cohort.phase).toBe('INCUBATION');
  });

  it('pages newest start first with a stable cursor, and filters by trade and programme', async () => {
    const tradeId = (await makeTrade()).id;
    const programme = await makeProgramme(tradeId);
    const other = await makeProgramme(tradeId);
    const starts = ['2024-09-15', '2025-09-15', '2025-09-15', '2025-09-15', '2026-09-15', '2023-09-15'];
    const made = [];
    for (const [i, start] of starts.entries())
      made.push({ ...(await makeCohort(programme.id, `P${i}`, start)), start });
    await makeCohort(other.id, 'Other', '2027-12-01');

    const seen: { id: string; startsOn: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: GqlResult<{ cohorts: Page<{ id: string; startsOn: string }> }> = await t.gql(
        COHORTS,
        { first: 2, after, programmeId: programme.id },
        asA(),
      );
      expect(result.errors).toBeUndefined();
      const conn: Page<{ id: string; startsOn: string }> = result.data.cohorts;
      expect(conn.totalCount).toBe(6);
      seen.push(...conn.edges.map((e: { node: { id: string; startsOn: string } }) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
    expect(seen.map((c) => c.startsOn)).toEqual([...starts].sort().reverse());

    const byTrade = await t.gql(COHORTS, { first: 100, tradeId }, asA());
    expect(byTrade.data.cohorts.totalCount).toBe(7);
    expect(byTrade.data.cohorts.edges[0].node.label).toBe('Other');

    const bad = await t.gql(COHORTS, { after: 'not-a-cursor' }, asA());
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'after' });
  });
});

describe('updateCohort', () => {
  let programmeId: string;
  let cohortId: string;
  beforeAll(async () => {
    programmeId = (await makeProgramme((await makeTrade()).id)).id;
    cohortId = (await makeCohort(programmeId, 'Promo U')).id;
    await makeCohort(programmeId, 'Promo V');
  });

  /** Active enrollments straight into the table (the enrollment module's rules are not under test). */
  async function enroll(statuses: string[]) {
    await withTenant(db.owner, f.tenantA, async (tx: Tx) => {
      for (const [i, status] of statuses.entries()) {
        const personId = newId();
        await tx
          .insertInto('person')
          .values({
            tenant_id: f.tenantA,
            id: personId,
            first_name_latin: 'Amina',
            last_name_latin: `Test${i}`,
            sex: 'F',
            birth_date: '2000-01-01',
          })
          .execute();
        await tx
          .insertInto('enrollment')
          .values({ tenant_id: f.tenantA, id: newId(), person_id: personId, cohort_id: cohortId, status })
          .execute();
      }
    });
  }

  it('changes label, dates and capacity, and audits it', async () => {
    const audit = await count('audit_event', f.tenantA);
    const result = await t.gql(
      UPDATE_COHORT,
      { input: { id: cohortId, label: 'Promo U2', endsOn: '2028-07-15', capacity: 35 } },
      asA(),
    );
    expect(result.data.updateCohort).toEqual({
      cohort: {
        id: cohortId,
        label: 'Promo U2',
        startsOn: '2026-09-15',
        endsOn: '2028-07-15',
        capacity: 35,
        phase: null,
      },
      errors: [],
    });
    expect(await count('audit_event', f.tenantA)).toBe(audit + 1);
  });

  it('never shrinks capacity below the places taken (admitted and enrolled)', async () => {
    await enroll(['ADMITTED', 'ENROLLED', 'ENROLLED', 'APPLIED', 'APPLIED', 'DROPPED_OUT']);
    const before = await counts(f.tenantA);
    const refused = await t.gql(UPDATE_COHORT, { input: { id: cohortId, capacity: 2 } }, asA());
    expect(refused.data.updateCohort).toEqual({
      cohort: null,
      errors: [{ code: 'COHORT_FULL', field: 'capacity', message: fr('COHORT_FULL') }],
    });
    expect(await counts(f.tenantA)).toEqual(before);
    const ok = await t.gql(UPDATE_COHORT, { input: { id: cohortId, capacity: 3 } }, asA());
    expect(ok.data.updateCohort.cohort.capacity).toBe(3);
  });

  it.each([
    [{ label: 'Promo V' }, 'LABEL_TAKEN', 'label'],
    [{ label: ' ' }, 'REQUIRED', 'label'],
    [{ endsOn: '2026-09-15' }, 'INVALID_DATE', 'endsOn'],
    [{ startsOn: '2029-01-01' }, 'INVALID_DATE', 'endsOn'],
    [{ capacity: 0 }, 'INVALID_INPUT', 'capacity'],
    [{ phase: 'INCUBATION' }, 'INVALID_INPUT', 'phase'],
    [{ id: newId() }, 'NOT_FOUND', 'id'],
  ] as const)('refuses %j with %s on %s, changing nothing', async (change, code, field) => {
    const before = await counts(f.tenantA);
    const result = await t.gql(UPDATE_COHORT, { input: { id: cohortId, ...change } }, asA());
    expect(result.data.updateCohort).toEqual({ cohort: null, errors: [{ code, field, message: fr(code) }] });
    const inArabic = await t.gql(
      UPDATE_COHORT,
      { input: { id: cohortId, ...change } },
      { ...asA(), locale: 'ar' },
    );
    expect(inArabic.data.updateCohort.errors).toEqual([{ code, field, message: ar(code) }]);
    expect(await counts(f.tenantA)).toEqual(before);
  });

  it('moves an incubator cohort’s phase forward only', async () => {
    const programmeOfB = await makeProgramme((await makeTrade(asB())).id, asB());
    const cohort = await makeCohort(programmeOfB.id, 'Fouj P', '2026-10-01', asB());
    const step = (phase: string) => t.gql(UPDATE_COHORT, { input: { id: cohort.id, phase } }, asB());
    expect((await step('INCUBATION')).data.updateCohort.cohort.phase).toBe('INCUBATION');
    const back = await step('SELECTION');
    expect(back.data.updateCohort.errors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'phase', message: fr('ILLEGAL_TRANSITION') },
    ]);
    expect((await step('EXITED')).data.updateCohort.cohort.phase).toBe('EXITED');
    expect((await step('POST_INCUBATION')).data.updateCohort.errors[0].code).toBe('ILLEGAL_TRANSITION');
  });

  it('is for directors and coordinators only', async () => {
    const result = await t.gql(
      UPDATE_COHORT,
      { input: { id: cohortId, capacity: 100 } },
      { token: artisanToken, tenantId: f.tenantA },
    );
    expect(result.data.updateCohort.errors[0].code).toBe('FORBIDDEN');
  });
});

describe('loaders', () => {
  it('reads programmes, trades and cohorts’ programmes with the same statements for 2 cohorts as for 20', async () => {
    const trades = [await makeTrade(), await makeTrade()];
    const programmes = [];
    for (const trade of trades) programmes.push(await makeProgramme(trade.id), await makeProgramme(trade.id));
    for (let i = 0; i < 20; i++) await makeCohort(programmes[i % 4]!.id, `Loader ${i}`, '2027-12-31');
    const statements: string[] = [];
    const counted = await createTestApp(db, { onQuery: (statement) => statements.push(statement) });
    try {
      const sent: number[] = [];
      for (const first of [2, 20]) {
        statements.length = 0;
        const result = await counted.gql(
          `query ($first: Int) {
             cohorts(first: $first) { edges { node { label programme { nameFr trade { code programmes { id } } } } } }
           }`,
          { first },
          asA(),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data.cohorts.edges).toHaveLength(first);
        expect(result.data.cohorts.edges[0].node.programme.trade.programmes).toHaveLength(2);
        sent.push(statements.length);
      }
      expect(sent[0]).toBe(sent[1]);
    } finally {
      await counted.app.close();
    }
  });
});

describe('between centres', () => {
  it('keeps A’s trades, programmes and cohorts out of B’s reach', async () => {
    const trade = await makeTrade();
    const programme = await makeProgramme(trade.id);
    const cohort = await makeCohort(programme.id, 'Secret');
    const read = await t.gql(
      `query ($id: ID!, $tradeId: ID) { cohort(id: $id) { id } trades { id } programmes(tradeId: $tradeId) { id }
         cohorts(first: 100) { totalCount edges { node { id } } } }`,
      { id: cohort.id, tradeId: trade.id },
      asB(),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.cohort).toBeNull();
    expect(read.data.programmes).toEqual([]);
    expect(JSON.stringify(read.data)).not.toContain(trade.id);
    expect(JSON.stringify(read.data)).not.toContain(cohort.id);

    const before = [await counts(f.tenantA), await counts(f.tenantB)];
    const update = await t.gql(UPDATE_COHORT, { input: { id: cohort.id, capacity: 1 } }, asB());
    expect(update.data.updateCohort.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id', message: fr('NOT_FOUND') },
    ]);
    const intoA = await t.gql(
      CREATE_COHORT,
      {
        input: {
          programmeId: programme.id,
          label: 'Intrus',
          startsOn: '2026-01-01',
          endsOn: '2027-01-01',
          capacity: 5,
        },
      },
      asB(),
    );
    expect(intoA.data.createCohort.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'programmeId' });
    // A member of A asking for tenant B is not a member there.
    const asAinB = await t.gql(`{ trades { id } }`, {}, { token: tokenA, tenantId: f.tenantB });
    expect(asAinB.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
    expect([await counts(f.tenantA), await counts(f.tenantB)]).toEqual(before);
    const stored = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('cohort').select('capacity').where('id', '=', cohort.id).executeTakeFirstOrThrow(),
    );
    expect(stored.capacity).toBe(30);
  });
});
