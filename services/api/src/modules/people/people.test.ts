import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type GqlResult, openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { countRows } from '../../../test/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import { ERROR_MESSAGES } from '../../graphql/messages.js';
import { newId } from '../../lib/ids.js';
import { ageOn, todayIn } from '../../lib/time.js';
import { hashPassword } from '../identity/password.js';
import { checkPerson } from './service.js';

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
const today = () => todayIn('Africa/Casablanca');
/** A birth date that makes someone `age` today (born on 1 January). */
const bornAged = (age: number) => `${Number(today().slice(0, 4)) - age}-01-01`;

const PERSON_FIELDS = `id firstNameLatin lastNameLatin firstNameAr lastNameAr fullName sex birthDate age cin phone
  guardianName guardianPhone schoolLevel hasDisability province createdAt mergedInto { id }`;
const CREATE = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) {
    person { ${PERSON_FIELDS} }
    duplicates { reason person { id fullName } }
    errors { code field message }
  }
}`;
const UPDATE = `mutation ($input: UpdatePersonInput!) {
  updatePerson(input: $input) { person { ${PERSON_FIELDS} } duplicates { reason } errors { code field message } }
}`;
const MERGE = `mutation ($input: MergePeopleInput!) {
  mergePeople(input: $input) { person { ${PERSON_FIELDS} enrollments { id status } } errors { code field message } }
}`;
const PERSON = `query ($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const PEOPLE = `query ($first: Int, $after: String, $search: String) {
  people(first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id lastNameLatin firstNameLatin } }
  }
}`;

type Table = 'person' | 'enrollment' | 'enrollment_event' | 'audit_event';
const count = (table: Table, tenantId = f.tenantA) => countRows(db.owner, tenantId, table);
const counts = async (tenantId = f.tenantA) =>
  Promise.all(
    (['person', 'enrollment', 'enrollment_event', 'audit_event'] as const).map((x) => count(x, tenantId)),
  );

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const fr = (code: keyof (typeof ERROR_MESSAGES)['fr-MA']) => ERROR_MESSAGES['fr-MA'][code];
const ar = (code: keyof (typeof ERROR_MESSAGES)['ar-MA']) => ERROR_MESSAGES['ar-MA'][code];

let seq = 0;
/** Letters only (names refuse digits): 1 → "b", 26 → "ba"… */
const letters = (n: number): string =>
  (n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));
/** A valid adult, different from every other one this file makes. */
function adult(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    firstNameLatin: 'Karim',
    lastNameLatin: `Person${letters(seq)}`,
    sex: 'M',
    birthDate: '1998-05-12',
    ...overrides,
  };
}

async function create(person: Record<string, unknown>, as = asA()) {
  const result = await t.gql(CREATE, { input: { person } }, as);
  expect(result.errors).toBeUndefined();
  expect(result.data.createPerson.errors).toEqual([]);
  expect(result.data.createPerson.duplicates).toEqual([]);
  return result.data.createPerson.person as { id: string } & Record<string, unknown>;
}

describe('createPerson', () => {
  it('creates a person with normalised fields, full name, age on the centre’s calendar, and an audit event', async () => {
    const audit = await count('audit_event');
    const result = await t.gql(
      CREATE,
      {
        input: {
          person: {
            firstNameLatin: '  Fatima   Zahra ',
            lastNameLatin: 'Bennani',
            firstNameAr: 'فاطمة الزهراء',
            lastNameAr: 'بناني',
            sex: 'F',
            birthDate: '2001-03-04',
            cin: 'cd 123456',
            phone: '06 12 34 56 78',
            schoolLevel: 'SECONDARY',
            hasDisability: true,
            province: ' Fès-Meknès ',
          },
        },
      },
      asA(),
    );
    expect(result.data.createPerson).toEqual({
      person: {
        id: expect.any(String),
        firstNameLatin: 'Fatima Zahra',
        lastNameLatin: 'Bennani',
        firstNameAr: 'فاطمة الزهراء',
        lastNameAr: 'بناني',
        fullName: 'Fatima Zahra BENNANI — فاطمة الزهراء بناني',
        sex: 'F',
        birthDate: '2001-03-04',
        age: ageOn('2001-03-04', today()),
        cin: 'CD123456',
        phone: '+212612345678',
        guardianName: null,
        guardianPhone: null,
        schoolLevel: 'SECONDARY',
        hasDisability: true,
        province: 'Fès-Meknès',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        mergedInto: null,
      },
      duplicates: [],
      errors: [],
    });
    expect(await count('audit_event')).toBe(audit + 1);
    const events = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'person.created').execute(),
    );
    expect(events.map((e) => e.entity_ids)).toContainEqual([result.data.createPerson.person.id]);
  });

  it('accepts a minor with a guardian, and names only the Latin name when there is no Arabic one', async () => {
    const minor = await create(
      adult({
        firstNameLatin: 'Youssef',
        birthDate: bornAged(16),
        guardianName: 'Ahmed Alaoui',
        guardianPhone: '0661 11 22 33',
      }),
    );
    expect(minor).toMatchObject({ age: 16, guardianPhone: '+212661112233', hasDisability: false });
    expect(minor.fullName).toMatch(/^Youssef PERSON[A-Z]+$/);
  });

  it('reports every problem of every field at once, translated, and writes nothing', async () => {
    const before = await counts();
    const input = {
      person: {
        firstNameLatin: ' ',
        lastNameLatin: 'بناني',
        firstNameAr: 'Fatima',
        lastNameAr: 'x'.repeat(81),
        sex: 'F',
        birthDate: '2999-01-01',
        cin: 'A-12',
        phone: '123',
        guardianPhone: '06',
        province: 'p'.repeat(81),
      },
    };
    const expected = [
      ['firstNameLatin', 'REQUIRED'],
      ['lastNameLatin', 'INVALID_INPUT'],
      ['firstNameAr', 'INVALID_INPUT'],
      ['lastNameAr', 'INVALID_INPUT'],
      ['birthDate', 'INVALID_DATE'],
      ['cin', 'INVALID_CIN'],
      ['phone', 'INVALID_PHONE'],
      ['guardianPhone', 'INVALID_PHONE'],
      ['province', 'INVALID_INPUT'],
    ] as const;
    const inFrench = await t.gql(CREATE, { input }, asA());
    expect(inFrench.data.createPerson).toEqual({
      person: null,
      duplicates: [],
      errors: expected.map(([field, code]) => ({ field, code, message: fr(code) })),
    });
    const inArabic = await t.gql(CREATE, { input }, { ...asA(), locale: 'ar' });
    expect(inArabic.data.createPerson.errors).toEqual(
      expected.map(([field, code]) => ({ field, code, message: ar(code) })),
    );
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ birthDate: bornAged(4) }, 'birthDate', 'INVALID_DATE'],
    [{ birthDate: bornAged(101) }, 'birthDate', 'INVALID_DATE'],
    [{ firstNameLatin: 'K4rim' }, 'firstNameLatin', 'INVALID_INPUT'],
    [{ lastNameLatin: 'L'.repeat(81) }, 'lastNameLatin', 'INVALID_INPUT'],
    [{ guardianName: '12' }, 'guardianName', 'INVALID_INPUT'],
    [{ cin: '123456' }, 'cin', 'INVALID_CIN'],
    [{ cin: 'ABC123' }, 'cin', 'INVALID_CIN'],
  ] as const)('refuses %j with %s %s', async (change, field, code) => {
    const before = await counts();
    const result = await t.gql(CREATE, { input: { person: adult(change) } }, asA());
    expect(result.data.createPerson.errors).toEqual([{ field, code, message: fr(code) }]);
    expect(await counts()).toEqual(before);
  });

  it('asks for the guardian of someone under 18, naming each missing field', async () => {
    const before = await counts();
    const none = await t.gql(CREATE, { input: { person: adult({ birthDate: bornAged(17) }) } }, asA());
    expect(none.data.createPerson.errors).toEqual([
      { field: 'guardianName', code: 'GUARDIAN_REQUIRED', message: fr('GUARDIAN_REQUIRED') },
      { field: 'guardianPhone', code: 'GUARDIAN_REQUIRED', message: fr('GUARDIAN_REQUIRED') },
    ]);
    const nameOnly = await t.gql(
      CREATE,
      { input: { person: adult({ birthDate: bornAged(17), guardianName: 'Ahmed' }) } },
      { ...asA(), locale: 'ar' },
    );
    expect(nameOnly.data.createPerson.errors).toEqual([
      { field: 'guardianPhone', code: 'GUARDIAN_REQUIRED', message: ar('GUARDIAN_REQUIRED') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('is for directors and coordinators only', async () => {
    const before = await counts();
    const result = await t.gql(
      CREATE,
      { input: { person: adult() } },
      { token: artisanToken, tenantId: f.tenantA },
    );
    expect(result.data.createPerson).toEqual({
      person: null,
      duplicates: [],
      errors: [{ code: 'FORBIDDEN', field: null, message: fr('FORBIDDEN') }],
    });
    expect(await counts()).toEqual(before);
  });

  it('leaves no person behind when its audit event cannot be written', async () => {
    await sql`create function fail_person_audit() returns trigger language plpgsql as $$
              begin raise exception 'audit store unavailable'; end $$`.execute(db.owner);
    await sql`create trigger fail_person_audit before insert on audit_event for each row
              execute function fail_person_audit()`.execute(db.owner);
    try {
      const before = await counts();
      const result = await t.gql(CREATE, { input: { person: adult({ lastNameLatin: 'Ghost' }) } }, asA());
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL');
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger fail_person_audit on audit_event`.execute(db.owner);
    }
  });
});

describe('duplicates', () => {
  it('warns about the same CIN and writes nothing; creating anyway is still refused for a CIN', async () => {
    const first = await create(adult({ cin: 'ZT900001' }));
    const before = await counts();
    const warned = await t.gql(CREATE, { input: { person: adult({ cin: 'zt900001' }) } }, asA());
    expect(warned.data.createPerson).toEqual({
      person: null,
      duplicates: [{ reason: 'SAME_CIN', person: { id: first.id, fullName: expect.any(String) } }],
      errors: [],
    });
    const anyway = await t.gql(
      CREATE,
      { input: { person: adult({ cin: 'ZT900001' }), ignoreDuplicates: true } },
      asA(),
    );
    expect(anyway.data.createPerson.errors).toEqual([
      { code: 'CIN_TAKEN', field: 'cin', message: fr('CIN_TAKEN') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('warns about the same name, birth date and phone (any case), and creates anyway when asked', async () => {
    const base = {
      firstNameLatin: 'Salma',
      lastNameLatin: 'Idrissi',
      birthDate: '1999-07-01',
      phone: '0677000001',
      sex: 'F',
    };
    const first = await create(base);
    // Same name and birth date but another phone: not flagged.
    await create({ ...base, phone: '0677000002' });
    const lookalike = {
      ...base,
      firstNameLatin: 'SALMA',
      lastNameLatin: 'idrissi',
      phone: '+212 677 000 001',
    };
    const before = await counts();
    const warned = await t.gql(CREATE, { input: { person: lookalike } }, asA());
    expect(warned.data.createPerson).toEqual({
      person: null,
      duplicates: [
        { reason: 'SAME_NAME_BIRTH_DATE_PHONE', person: { id: first.id, fullName: 'Salma IDRISSI' } },
      ],
      errors: [],
    });
    expect(await counts()).toEqual(before);

    const asked = await t.gql(
      `query ($input: PersonInput!) { possibleDuplicates(input: $input) { reason person { id } } }`,
      { input: lookalike },
      asA(),
    );
    expect(asked.data.possibleDuplicates).toEqual([
      { reason: 'SAME_NAME_BIRTH_DATE_PHONE', person: { id: first.id } },
    ]);

    const anyway = await t.gql(CREATE, { input: { person: lookalike, ignoreDuplicates: true } }, asA());
    expect(anyway.data.createPerson.errors).toEqual([]);
    expect(anyway.data.createPerson.person.fullName).toBe('SALMA IDRISSI');
    expect(await count('person')).toBe(before[0]! + 1);
  });

  it('flags namesakes born the same day when neither has a phone (minors often have none)', async () => {
    const base = { firstNameLatin: 'Ilyas', lastNameLatin: 'Sansphone', birthDate: '2001-02-03', sex: 'M' };
    const first = await create(base);
    const warned = await t.gql(CREATE, { input: { person: base } }, asA());
    expect(warned.data.createPerson.duplicates).toEqual([
      { reason: 'SAME_NAME_BIRTH_DATE_PHONE', person: { id: first.id, fullName: 'Ilyas SANSPHONE' } },
    ]);
    // One with a phone is another person as far as this rule goes.
    await create({ ...base, phone: '0677000009' });
  });

  it('checks the input of possibleDuplicates too', async () => {
    const result = await t.gql(
      `query ($input: PersonInput!) { possibleDuplicates(input: $input) { reason } }`,
      { input: adult({ cin: 'not a cin' }) },
      asA(),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CIN', field: 'cin' });
  });
});

describe('updatePerson', () => {
  it('corrects a record, keeps its identity rules and audits which fields changed', async () => {
    const person = await create(adult({ cin: 'UP100001' }));
    const other = await create(adult({ cin: 'UP100002' }));
    const audit = await count('audit_event');
    const fixed = adult({ firstNameLatin: 'Karima', sex: 'F', cin: 'UP100001', province: 'Fès' });
    const result = await t.gql(UPDATE, { input: { id: person.id, person: fixed } }, asA());
    expect(result.data.updatePerson).toMatchObject({
      person: { id: person.id, firstNameLatin: 'Karima', sex: 'F', province: 'Fès', cin: 'UP100001' },
      duplicates: [],
      errors: [],
    });
    expect(await count('audit_event')).toBe(audit + 1);
    const [event] = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'person.updated').execute(),
    );
    expect(event!.data).toMatchObject({
      changed: expect.arrayContaining(['first_name_latin', 'sex', 'province']),
    });
    expect(JSON.stringify(event!.data)).not.toContain('Karima');

    const before = await counts();
    const taken = await t.gql(
      UPDATE,
      { input: { id: person.id, person: { ...fixed, cin: 'up100002' } } },
      asA(),
    );
    expect(taken.data.updatePerson.errors).toEqual([
      { code: 'CIN_TAKEN', field: 'cin', message: fr('CIN_TAKEN') },
    ]);
    const invalid = await t.gql(
      UPDATE,
      { input: { id: person.id, person: { ...fixed, phone: 'abc', birthDate: '2999-01-01' } } },
      { ...asA(), locale: 'ar' },
    );
    expect(invalid.data.updatePerson.errors).toEqual([
      { code: 'INVALID_DATE', field: 'birthDate', message: ar('INVALID_DATE') },
      { code: 'INVALID_PHONE', field: 'phone', message: ar('INVALID_PHONE') },
    ]);
    const missing = await t.gql(UPDATE, { input: { id: newId(), person: fixed } }, asA());
    expect(missing.data.updatePerson.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id', message: fr('NOT_FOUND') },
    ]);
    expect(await counts()).toEqual(before);
    const stored = await t.gql(PERSON, { id: other.id }, asA());
    expect(stored.data.person.cin).toBe('UP100002');
  });
});

describe('mergePeople', () => {
  /** A cohort to hold enrollments, through the programmes module’s own mutations. */
  async function makeCohort(): Promise<string> {
    const trade = await t.gql(
      `mutation { createTrade(input: { code: "MERGE_${newId().slice(-6).toUpperCase().replace(/-/g, '')}", nameFr: "Cuir", nameAr: "الجلد" }) { trade { id } errors { code } } }`,
      {},
      asA(),
    );
    const programme = await t.gql(
      `mutation ($tradeId: ID!) { createProgramme(input: { tradeId: $tradeId, nameFr: "Maroquinerie", nameAr: "الجلد", durationMonths: 12 }) { programme { id } } }`,
      { tradeId: trade.data.createTrade.trade.id },
      asA(),
    );
    const cohort = await t.gql(
      `mutation ($programmeId: ID!) { createCohort(input: { programmeId: $programmeId, label: "Promo M", startsOn: "2026-09-15", endsOn: "2027-06-30", capacity: 20 }) { cohort { id } } }`,
      { programmeId: programme.data.createProgramme.programme.id },
      asA(),
    );
    return cohort.data.createCohort.cohort.id;
  }

  it('moves enrollments with their history to the kept record, fills its gaps and marks the duplicate', async () => {
    const keep = await create(adult({ firstNameLatin: 'Hamza', lastNameLatin: 'Tazi', phone: '0655000001' }));
    const dup = await create(
      adult({
        firstNameLatin: 'Hamza',
        lastNameLatin: 'Tazi',
        firstNameAr: 'حمزة',
        lastNameAr: 'التازي',
        cin: 'MG100001',
        phone: '0655000009',
        province: 'Fès',
      }),
    );
    const cohortId = await makeCohort();
    const enrollmentId = newId();
    await withTenant(db.owner, f.tenantA, async (tx) => {
      await tx
        .insertInto('enrollment')
        .values({
          tenant_id: f.tenantA,
          id: enrollmentId,
          person_id: dup.id,
          cohort_id: cohortId,
          status: 'APPLIED',
        })
        .execute();
      await tx
        .insertInto('enrollment_event')
        .values({ tenant_id: f.tenantA, id: newId(), enrollment_id: enrollmentId, to_status: 'APPLIED' })
        .execute();
    });

    const result = await t.gql(MERGE, { input: { keepId: keep.id, mergeId: dup.id } }, asA());
    expect(result.data.mergePeople.errors).toEqual([]);
    expect(result.data.mergePeople.person).toMatchObject({
      id: keep.id,
      // Filled from the duplicate where the kept record had nothing…
      firstNameAr: 'حمزة',
      lastNameAr: 'التازي',
      cin: 'MG100001',
      province: 'Fès',
      // …never overwritten where it had something.
      phone: '+212655000001',
      mergedInto: null,
      enrollments: [{ id: enrollmentId, status: 'APPLIED' }],
    });
    const stored = await withTenant(db.owner, f.tenantA, (tx) =>
      tx
        .selectFrom('enrollment_event')
        .select('enrollment_id')
        .where('enrollment_id', '=', enrollmentId)
        .execute(),
    );
    expect(stored).toHaveLength(1);

    const merged = await t.gql(PERSON, { id: dup.id }, asA());
    expect(merged.data.person).toMatchObject({ id: dup.id, cin: 'MG100001', mergedInto: { id: keep.id } });
    const listed = await t.gql(PEOPLE, { first: 100, search: 'tazi' }, asA());
    expect(listed.data.people.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([keep.id]);

    const [event] = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'person.merged').execute(),
    );
    expect(event!.entity_ids).toEqual([keep.id, dup.id]);

    // The duplicate now only keeps history: no second merge, no edits.
    const before = await counts();
    const again = await t.gql(MERGE, { input: { keepId: keep.id, mergeId: dup.id } }, asA());
    expect(again.data.mergePeople.errors).toEqual([
      { code: 'ALREADY_MERGED', field: 'mergeId', message: fr('ALREADY_MERGED') },
    ]);
    const reverse = await t.gql(
      MERGE,
      { input: { keepId: dup.id, mergeId: keep.id } },
      { ...asA(), locale: 'ar' },
    );
    expect(reverse.data.mergePeople.errors).toEqual([
      { code: 'ALREADY_MERGED', field: 'keepId', message: ar('ALREADY_MERGED') },
    ]);
    const edit = await t.gql(UPDATE, { input: { id: dup.id, person: adult() } }, asA());
    expect(edit.data.updatePerson.errors).toEqual([
      { code: 'ALREADY_MERGED', field: 'id', message: fr('ALREADY_MERGED') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['same', 'INVALID_INPUT', 'mergeId'],
    ['unknown keep', 'NOT_FOUND', 'keepId'],
    ['unknown merge', 'NOT_FOUND', 'mergeId'],
    ['malformed', 'NOT_FOUND', 'keepId'],
  ] as const)('refuses a %s pair with %s on %s, writing nothing', async (kind, code, field) => {
    const person = await create(adult());
    const input = {
      same: { keepId: person.id, mergeId: person.id },
      'unknown keep': { keepId: newId(), mergeId: person.id },
      'unknown merge': { keepId: person.id, mergeId: newId() },
      malformed: { keepId: 'x', mergeId: person.id },
    }[kind];
    const before = await counts();
    const result = await t.gql(MERGE, { input }, asA());
    expect(result.data.mergePeople).toEqual({ person: null, errors: [{ code, field, message: fr(code) }] });
    expect(await counts()).toEqual(before);
  });
});

describe('people', () => {
  it('lists unmerged people by last name, first name and id, page by page with a stable cursor', async () => {
    const made = [];
    for (const [index, first] of ['Zineb', 'Adil', 'Adil', 'Mehdi', 'Adil'].entries()) {
      // Three namesakes, told apart by their birth dates (else they would be flagged as duplicates).
      const birthDate = `1998-05-1${index}`;
      made.push(await create(adult({ firstNameLatin: first, lastNameLatin: 'Pagination', birthDate })));
    }
    const seen: { id: string; firstNameLatin: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: GqlResult<{ people: Page<{ id: string; firstNameLatin: string }> }> = await t.gql(
        PEOPLE,
        { first: 2, after, search: 'pagination' },
        asA(),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.people.totalCount).toBe(5);
      seen.push(
        ...result.data.people.edges.map((e: { node: { id: string; firstNameLatin: string } }) => e.node),
      );
      if (!result.data.people.pageInfo.hasNextPage) break;
      after = result.data.people.pageInfo.endCursor;
    }
    expect(seen.map((p) => p.firstNameLatin)).toEqual(['Adil', 'Adil', 'Adil', 'Mehdi', 'Zineb']);
    expect(new Set(seen.map((p) => p.id))).toEqual(new Set(made.map((p) => p.id)));
    const adils = seen.slice(0, 3).map((p) => p.id);
    expect(adils).toEqual([...adils].sort());

    const bad = await t.gql(PEOPLE, { after: 'bm90IGEgY3Vyc29y' }, asA());
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'after' });
  });

  /** The ids of the people a search finds in tenant A. */
  const found = async (search: string): Promise<string[]> =>
    (await t.gql(PEOPLE, { search }, asA())).data.people.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );

  it('searches names in either script and any case, CIN and phone as typed', async () => {
    const person = await create(
      adult({
        firstNameLatin: 'Ouafae',
        lastNameLatin: 'Chraibi',
        firstNameAr: 'وفاء',
        lastNameAr: 'الشرايبي',
        cin: 'SR777001',
        phone: '0699887766',
      }),
    );
    for (const search of [
      'chraibi',
      'OUAFAE CHRAIBI',
      'الشرايبي',
      'sr777001',
      '0699887766',
      '+212699887766',
      '99887',
    ])
      expect(await found(search), search).toEqual([person.id]);
    expect(await found('chraibi%zzz')).toEqual([]);
  });

  it('finds a name typed without hamza, short vowels or accents, and ة/ه, ى/ي swapped', async () => {
    const person = await create(
      adult({
        firstNameLatin: 'Hélène-Leïla',
        lastNameLatin: 'Benmoussa',
        firstNameAr: 'صَفِيّة الزَّهراء',
        lastNameAr: 'إدريسي أبو يحيى',
        cin: 'SR777002',
      }),
    );
    for (const search of ['leila', 'HELENE', 'صفيه', 'صفية الزهراء ادريسي', 'ادريسي', 'ابو يحيي', 'يحيي'])
      expect(await found(search), search).toEqual([person.id]);
    // Folding drops marks and unifies letters; it does not make different names alike.
    expect(await found('صفوة')).toEqual([]);
  });
});

describe('loaders', () => {
  it('reads age, mergedInto and enrollments with the same statements for 3 people as for 40', async () => {
    await withTenant(db.owner, f.tenantA, (tx) =>
      tx
        .insertInto('person')
        .values(
          Array.from({ length: 40 }, (_, i) => ({
            tenant_id: f.tenantA,
            id: newId(),
            first_name_latin: `Prenom${letters(i)}`,
            last_name_latin: 'Compte',
            sex: 'M',
            birth_date: '2000-01-01',
          })),
        )
        .execute(),
    );
    const statements: string[] = [];
    const counted = await createTestApp(db, { onQuery: (statement) => statements.push(statement) });
    try {
      const sent: number[] = [];
      for (const first of [3, 40]) {
        statements.length = 0;
        const result = await counted.gql(
          `query ($first: Int) { people(first: $first, search: "compte") {
             edges { node { fullName age mergedInto { id } enrollments { id } } } } }`,
          { first },
          asA(),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data.people.edges).toHaveLength(first);
        expect(result.data.people.edges[0].node.age).toBe(ageOn('2000-01-01', today()));
        sent.push(statements.length);
      }
      expect(sent[0]).toBe(sent[1]);
    } finally {
      await counted.app.close();
    }
  });
});

describe('who sees whom', () => {
  let traineeToken: string;
  let traineePersonId: string;
  let someoneId: string;

  beforeAll(async () => {
    someoneId = (await create(adult({ lastNameLatin: 'Visible' }))).id;
    // A trainee account linked to its own person record, arranged as the owner.
    const userId = newId();
    traineePersonId = newId();
    await db.owner
      .insertInto('app_user')
      .values({
        id: userId,
        display_name: 'Apprentie',
        email: 'apprentie@test.ma',
        password_hash: await hashPassword(PASSWORD),
      })
      .execute();
    await withTenant(db.owner, f.tenantA, async (tx) => {
      await tx
        .insertInto('membership')
        .values({ tenant_id: f.tenantA, id: newId(), user_id: userId, role: 'TRAINEE' })
        .execute();
      await tx
        .insertInto('person')
        .values({
          tenant_id: f.tenantA,
          id: traineePersonId,
          first_name_latin: 'Hiba',
          last_name_latin: 'Apprentie',
          sex: 'F',
          birth_date: '2005-02-02',
          user_id: userId,
        })
        .execute();
    });
    traineeToken = await t.signIn('apprentie@test.ma');
  });

  it('shows a host artisan nobody (until placements exist)', async () => {
    const as = { token: artisanToken, tenantId: f.tenantA };
    const one = await t.gql(PERSON, { id: someoneId }, as);
    expect(one.errors).toBeUndefined();
    expect(one.data.person).toBeNull();
    const all = await t.gql(PEOPLE, {}, as);
    expect(all.data.people).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('shows a trainee only themselves, and lets them read the catalogue', async () => {
    const as = { token: traineeToken, tenantId: f.tenantA };
    const own = await t.gql(PERSON, { id: traineePersonId }, as);
    expect(own.data.person).toMatchObject({ id: traineePersonId, fullName: 'Hiba APPRENTIE' });
    expect((await t.gql(PERSON, { id: someoneId }, as)).data.person).toBeNull();
    const all = await t.gql(PEOPLE, { first: 100 }, as);
    expect(all.data.people.totalCount).toBe(1);
    expect(all.data.people.edges[0].node.id).toBe(traineePersonId);
    const catalogue = await t.gql(`{ trades { id } cohorts { totalCount } }`, {}, as);
    expect(catalogue.errors).toBeUndefined();
    const write = await t.gql(UPDATE, { input: { id: traineePersonId, person: adult() } }, as);
    expect(write.data.updatePerson.errors[0].code).toBe('FORBIDDEN');
    const probe = await t.gql(
      `query ($input: PersonInput!) { possibleDuplicates(input: $input) { reason } }`,
      { input: adult() },
      as,
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps A’s people out of B’s reach: no reading, no updating, no merging', async () => {
    const other = await create(adult({ lastNameLatin: 'Secret', cin: 'SE100001' }));
    const read = await t.gql(PERSON, { id: someoneId }, asB());
    expect(read.errors).toBeUndefined();
    expect(read.data.person).toBeNull();
    const list = await t.gql(PEOPLE, { first: 100, search: 'Secret' }, asB());
    expect(list.data.people.totalCount).toBe(0);
    // Creating the same CIN in B is no duplicate of A's record: it is another centre's file.
    const inB = await t.gql(CREATE, { input: { person: adult({ cin: 'SE100001' }) } }, asB());
    expect(inB.data.createPerson).toMatchObject({ duplicates: [], errors: [] });

    const before = [await counts(f.tenantA), await counts(f.tenantB)];
    const update = await t.gql(UPDATE, { input: { id: someoneId, person: adult() } }, asB());
    expect(update.data.updatePerson.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id', message: fr('NOT_FOUND') },
    ]);
    const merge = await t.gql(MERGE, { input: { keepId: someoneId, mergeId: other.id } }, asB());
    expect(merge.data.mergePeople.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'keepId' });
    const asAinB = await t.gql(PERSON, { id: someoneId }, { token: tokenA, tenantId: f.tenantB });
    expect(asAinB.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
    expect([await counts(f.tenantA), await counts(f.tenantB)]).toEqual(before);
    expect((await t.gql(PERSON, { id: someoneId }, asA())).data.person.lastNameLatin).toBe('Visible');
  });
});

describe('checkPerson, as the applicant import calls it with raw spreadsheet cells', () => {
  const day = '2026-11-27';
  const row = {
    firstNameLatin: 'Nadia',
    lastNameLatin: 'El Amrani',
    sex: 'f',
    birthDate: '2000-06-01',
    phone: 612345678,
    cin: ' ab 12345 ',
    schoolLevel: 'baccalaureate',
  };

  it('normalises what it can', () => {
    expect(checkPerson(row, day)).toEqual({
      value: {
        first_name_latin: 'Nadia',
        last_name_latin: 'El Amrani',
        first_name_ar: null,
        last_name_ar: null,
        sex: 'F',
        birth_date: '2000-06-01',
        cin: 'AB12345',
        phone: '+212612345678',
        guardian_name: null,
        guardian_phone: null,
        school_level: 'BACCALAUREATE',
        has_disability: false,
        province: null,
      },
      errors: [],
    });
  });

  it.each([
    [{ sex: 'X' }, 'sex', 'INVALID_INPUT'],
    [{ sex: '' }, 'sex', 'REQUIRED'],
    [{ schoolLevel: 'college' }, 'schoolLevel', 'INVALID_INPUT'],
    [{ hasDisability: 'yes' }, 'hasDisability', 'INVALID_INPUT'],
    [{ birthDate: '2001-02-30' }, 'birthDate', 'INVALID_DATE'],
    [{ birthDate: '01/02/2001' }, 'birthDate', 'INVALID_DATE'],
    [{ birthDate: day }, 'birthDate', 'INVALID_DATE'],
    [{ birthDate: undefined }, 'birthDate', 'REQUIRED'],
    [{ firstNameLatin: { a: 1 } }, 'firstNameLatin', 'INVALID_INPUT'],
    [{ phone: true }, 'phone', 'INVALID_PHONE'],
    [{ province: ['Fès'] }, 'province', 'INVALID_INPUT'],
  ] as const)('refuses %j with %s %s', (change, field, code) => {
    const { value, errors } = checkPerson({ ...row, ...change } as Record<string, unknown>, day);
    expect(value).toBeNull();
    expect(errors).toEqual([{ field, code }]);
  });

  it('judges the under-18 rule on the day it is given', () => {
    const minor = { ...row, birthDate: '2008-11-28' };
    expect(checkPerson(minor, day).errors.map((e) => e.code)).toEqual([
      'GUARDIAN_REQUIRED',
      'GUARDIAN_REQUIRED',
    ]);
    expect(checkPerson(minor, '2026-11-28').errors).toEqual([]);
  });
});
