import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestEnv } from '../../../test/app.js';
import type { DB } from '../../db/tables.generated.js';
import { addDays, todayIn } from '../../lib/time.js';
import { seeder } from '../attendance/test-seed.js';
import { founder, incubationCohort, userWithRoles } from './test-seed.js';

let env: TestEnv;
const today = todayIn('Africa/Casablanca');
const tomorrow = addDays(today, 1);

// Tenant B (an incubator) holds the ventures; tenant A is the other centre.
let director: string;
let coordinator: string;
let coach1: { id: string; token: string };
let coach2: { id: string; token: string };
let directorA: string;
let cohortId: string;
let cohortOfA: string;
let amina: string;
let youssef: string;
let salma: string;
let karim: string;
let personOfA: string;

const ERRORS = 'errors { code field }';
const VENTURE = `id name sector description phase legalForm formalisedOn exitedOn province createdAt
  cohort { id label } coach { id displayName }
  founders { isLead person { id firstNameLatin } }
  events { fromPhase toPhase onDate reason actor { id } }
  funding { amountMad source kind receivedOn } totalFundingMad
  jobs { countedOn fullTime temporary total } jobsHistory { countedOn total }
  survivalChecks { yearsAfterExit checkedOn active notes }
  coachingSessions { heldOn minutes topic coach { id } venture { id } }`;
const CREATE = `mutation ($input: CreateVentureInput!) { createVenture(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateVentureInput!) { updateVenture(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const MOVE = `mutation ($input: MoveVentureInput!) { moveVenture(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const FORMALISE = `mutation ($input: FormaliseVentureInput!) { formaliseVenture(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const FUND = `mutation ($input: RecordFundingInput!) { recordFunding(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const JOBS = `mutation ($input: RecordJobsInput!) { recordJobs(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const SURVIVAL = `mutation ($input: RecordSurvivalCheckInput!) { recordSurvivalCheck(input: $input) { venture { ${VENTURE} } ${ERRORS} } }`;
const COACHING = `mutation ($input: LogCoachingSessionInput!) {
  logCoachingSession(input: $input) { coachingSession { id heldOn minutes topic notes nextSteps coach { id } venture { id } } ${ERRORS} }
}`;
const ONE = `query ($id: ID!) { venture(id: $id) { ${VENTURE} } }`;
const LIST = `query ($cohortId: ID, $phase: VenturePhase, $search: String, $first: Int, $after: String) {
  ventures(cohortId: $cohortId, phase: $phase, search: $search, first: $first, after: $after) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;
const PERSON = 'query ($id: ID!) { person(id: $id) { id ventures { id name } } }';
const PEOPLE = 'query { people(first: 100) { totalCount edges { node { id } } } }';

const asB = (token = director) => ({ token, tenantId: env.f.tenantB });
const asA = () => ({ token: directorA, tenantId: env.f.tenantA });

async function create(input: Record<string, unknown>, as = asB()) {
  const result = await env.t.gql(CREATE, { input: { sector: 'Couture', ...input } }, as);
  expect(result.errors).toBeUndefined();
  return result.data.createVenture;
}

async function created(input: Record<string, unknown>): Promise<string> {
  const payload = await create(input);
  expect(payload.errors).toEqual([]);
  return payload.venture.id;
}

const move = (id: string, to: string, extra: Record<string, unknown> = {}, as = asB()) =>
  env.t.gql(MOVE, { input: { id, to, ...extra } }, as).then((r) => r.data.moveVenture);

/** Rows of tenant B in a table (RLS applies to the owner too). */
const count = (table: keyof DB) => seeder(env.db.owner, env.f.tenantB).count(table);

beforeAll(async () => {
  env = await openTestEnv();
  const { owner } = env.db;
  const B = env.f.tenantB;
  await userWithRoles(owner, 'coordination.b@test.ma', [{ tenantId: B, role: 'COORDINATOR' }]);
  const coach1Id = await userWithRoles(owner, 'coach1@test.ma', [{ tenantId: B, role: 'COACH' }]);
  const coach2Id = await userWithRoles(owner, 'coach2@test.ma', [{ tenantId: B, role: 'COACH' }]);
  cohortId = await incubationCohort(owner, B);
  cohortOfA = await incubationCohort(owner, env.f.tenantA);
  amina = await founder(owner, B, 'Amina', 'Zeroual');
  youssef = await founder(owner, B, 'Youssef', 'Berrada');
  salma = await founder(owner, B, 'Salma', 'Tazi');
  karim = await founder(owner, B, 'Karim', 'Lahlou');
  personOfA = await founder(owner, env.f.tenantA, 'Hamza', 'Amrani');
  director = await env.t.signIn(env.f.directorB.email);
  directorA = await env.t.signIn(env.f.directorA.email);
  coordinator = await env.t.signIn('coordination.b@test.ma');
  coach1 = { id: coach1Id, token: await env.t.signIn('coach1@test.ma') };
  coach2 = { id: coach2Id, token: await env.t.signIn('coach2@test.ma') };
});

afterAll(async () => {
  await env.close();
});

describe('ventures', () => {
  it('creates a venture with its founders, lead, cohort and coach, its history starting in selection', async () => {
    const before = await count('audit_event');
    const payload = await create({
      name: '  Atelier   Amina couture ',
      description: 'Caftans sur mesure.\nLivraison à domicile.',
      cohortId,
      founderIds: [amina, youssef, amina],
      leadFounderId: youssef,
      coachUserId: coach1.id,
      province: 'Casablanca',
      selectedOn: '2024-01-15',
    });
    expect(payload.errors).toEqual([]);
    expect(payload.venture).toMatchObject({
      name: 'Atelier Amina couture',
      description: 'Caftans sur mesure.\nLivraison à domicile.',
      phase: 'SELECTION',
      legalForm: null,
      exitedOn: null,
      cohort: { id: cohortId, label: 'Cohorte 1' },
      coach: { id: coach1.id },
      events: [{ fromPhase: null, toPhase: 'SELECTION', onDate: '2024-01-15', reason: null }],
      funding: [],
      totalFundingMad: 0,
      jobs: null,
      survivalChecks: [],
      coachingSessions: [],
    });
    // The lead comes first; a founder named twice is one founder.
    expect(payload.venture.founders).toEqual([
      { isLead: true, person: { id: youssef, firstNameLatin: 'Youssef' } },
      { isLead: false, person: { id: amina, firstNameLatin: 'Amina' } },
    ]);
    expect(await count('audit_event')).toBe(before + 1);

    // Without a lead named, the first founder leads; without a day, it entered selection today.
    const plain = await create({ name: 'Épicerie solidaire', founderIds: [karim] });
    expect(plain.venture).toMatchObject({
      cohort: null,
      coach: null,
      founders: [{ isLead: true, person: { id: karim } }],
      events: [{ toPhase: 'SELECTION', onDate: today }],
    });
  });

  it('refuses a venture with bad input, every problem at once, writing nothing', async () => {
    const ventures = await count('venture');
    const founders = await count('venture_founder');
    const cases: [Record<string, unknown>, { code: string; field: string }[]][] = [
      [
        { name: ' ', sector: '', founderIds: [] },
        [
          { code: 'REQUIRED', field: 'name' },
          { code: 'REQUIRED', field: 'sector' },
          { code: 'REQUIRED', field: 'founderIds' },
        ],
      ],
      [{ name: 'X'.repeat(161), founderIds: [amina] }, [{ code: 'INVALID_INPUT', field: 'name' }]],
      [
        { name: 'Sans fondateur connu', founderIds: [personOfA] },
        [{ code: 'NOT_FOUND', field: 'founderIds' }],
      ],
      [{ name: 'Mauvais id', founderIds: ['nope'] }, [{ code: 'NOT_FOUND', field: 'founderIds' }]],
      [
        { name: 'Chef absent', founderIds: [amina], leadFounderId: salma },
        [{ code: 'INVALID_INPUT', field: 'leadFounderId' }],
      ],
      [
        { name: 'Cohorte d’ailleurs', founderIds: [amina], cohortId: cohortOfA },
        [{ code: 'NOT_FOUND', field: 'cohortId' }],
      ],
      // The director of A is no member of B: not a coach here.
      [
        { name: 'Coach d’ailleurs', founderIds: [amina], coachUserId: env.f.directorA.id },
        [{ code: 'INVALID_INPUT', field: 'coachUserId' }],
      ],
      [
        { name: 'Sélection future', founderIds: [amina], selectedOn: tomorrow },
        [{ code: 'DATE_IN_FUTURE', field: 'selectedOn' }],
      ],
      [
        { name: 'X', founderIds: [amina], cohortId: cohortOfA, selectedOn: '1999-12-31' },
        [
          { code: 'INVALID_INPUT', field: 'name' },
          { code: 'INVALID_DATE', field: 'selectedOn' },
          { code: 'NOT_FOUND', field: 'cohortId' },
        ],
      ],
    ];
    for (const [input, errors] of cases) {
      const payload = await create(input);
      expect(payload.venture, JSON.stringify(input)).toBeNull();
      expect(payload.errors, JSON.stringify(input)).toEqual(errors);
    }
    // Only the centre's director and coordinators create ventures.
    const byCoach = await create({ name: 'Par le coach', founderIds: [amina] }, asB(coach1.token));
    expect(byCoach.errors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect(await count('venture')).toBe(ventures);
    expect(await count('venture_founder')).toBe(founders);
  });

  it('moves along SELECTION → INCUBATION → POST_INCUBATION → EXITED and refuses every other move', async () => {
    const id = await created({ name: 'Traiteur Salma', founderIds: [salma], selectedOn: '2019-01-10' });

    // Skipping phases, going nowhere, dating in the future or before the last move: refused.
    expect((await move(id, 'EXITED')).errors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: 'to' }]);
    expect((await move(id, 'POST_INCUBATION')).errors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: 'to' }]);
    expect((await move(id, 'SELECTION')).errors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: 'to' }]);
    expect((await move(id, 'INCUBATION', { onDate: tomorrow })).errors).toEqual([
      { code: 'DATE_IN_FUTURE', field: 'onDate' },
    ]);
    expect((await move(id, 'INCUBATION', { onDate: '2019-01-09' })).errors).toEqual([
      { code: 'INVALID_DATE', field: 'onDate' },
    ]);
    // A coach does not move ventures.
    expect((await move(id, 'INCUBATION', {}, asB(coach1.token))).errors).toEqual([
      { code: 'FORBIDDEN', field: null },
    ]);
    expect(await count('venture_event')).toBeGreaterThan(0);
    const events = await count('venture_event');

    expect((await move(id, 'INCUBATION', { onDate: '2019-03-04' })).errors).toEqual([]);
    const post = await move(id, 'POST_INCUBATION', { onDate: '2020-03-02' }, asB(coordinator));
    expect(post.errors).toEqual([]);
    expect(post.venture).toMatchObject({ phase: 'POST_INCUBATION', exitedOn: null });
    const exited = await move(id, 'EXITED', { onDate: '2021-06-30' });
    expect(exited.errors).toEqual([]);
    expect(exited.venture).toMatchObject({ phase: 'EXITED', exitedOn: '2021-06-30' });
    expect(
      exited.venture.events.map((e: { fromPhase: string; toPhase: string; onDate: string }) => [
        e.fromPhase,
        e.toPhase,
        e.onDate,
      ]),
    ).toEqual([
      [null, 'SELECTION', '2019-01-10'],
      ['SELECTION', 'INCUBATION', '2019-03-04'],
      ['INCUBATION', 'POST_INCUBATION', '2020-03-02'],
      ['POST_INCUBATION', 'EXITED', '2021-06-30'],
    ]);
    expect(await count('venture_event')).toBe(events + 3);

    // EXITED is the end of the road: no going back, no abandoning.
    expect((await move(id, 'INCUBATION')).errors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: 'to' }]);
    expect((await move(id, 'ABANDONED', { reason: 'Fermé' })).errors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'to' },
    ]);
    expect(await count('venture_event')).toBe(events + 3);
  });

  it('abandons from any phase before exit, only with a reason, and never moves again', async () => {
    const fromSelection = await created({ name: 'Abandon A', founderIds: [karim] });
    const fromPost = await created({ name: 'Abandon B', founderIds: [karim], selectedOn: '2020-01-06' });
    await move(fromPost, 'INCUBATION', { onDate: '2020-02-03' });
    await move(fromPost, 'POST_INCUBATION', { onDate: '2021-02-01' });

    for (const id of [fromSelection, fromPost]) {
      expect((await move(id, 'ABANDONED')).errors).toEqual([{ code: 'REASON_REQUIRED', field: 'reason' }]);
      expect((await move(id, 'ABANDONED', { reason: '   ' })).errors).toEqual([
        { code: 'REASON_REQUIRED', field: 'reason' },
      ]);
      const done = await move(id, 'ABANDONED', { reason: 'Emploi salarié trouvé' });
      expect(done.errors).toEqual([]);
      expect(done.venture.phase).toBe('ABANDONED');
      expect(done.venture.exitedOn).toBeNull();
      expect(done.venture.events.at(-1)).toMatchObject({
        toPhase: 'ABANDONED',
        reason: 'Emploi salarié trouvé',
      });
      for (const to of ['SELECTION', 'INCUBATION', 'POST_INCUBATION', 'EXITED', 'ABANDONED'])
        expect((await move(id, to, { reason: 'x' })).errors).toEqual([
          { code: 'ILLEGAL_TRANSITION', field: 'to' },
        ]);
    }
  });

  it('updates a venture’s own fields, clears optional ones, and checks the coach', async () => {
    const id = await created({
      name: 'Boulangerie',
      founderIds: [karim],
      province: 'Fès',
      coachUserId: coach2.id,
    });
    const bad = await env.t.gql(
      UPDATE,
      { input: { id, name: null, coachUserId: env.f.directorA.id } },
      asB(),
    );
    expect(bad.data.updateVenture.errors).toEqual([
      { code: 'REQUIRED', field: 'name' },
      { code: 'INVALID_INPUT', field: 'coachUserId' },
    ]);
    const done = await env.t.gql(
      UPDATE,
      { input: { id, sector: 'Boulangerie-pâtisserie', province: null, coachUserId: coach1.id } },
      asB(),
    );
    expect(done.data.updateVenture.errors).toEqual([]);
    expect(done.data.updateVenture.venture).toMatchObject({
      name: 'Boulangerie',
      sector: 'Boulangerie-pâtisserie',
      province: null,
      coach: { id: coach1.id },
    });
    const missing = await env.t.gql(UPDATE, { input: { id: cohortId, name: 'x y' } }, asB());
    expect(missing.data.updateVenture.errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
  });

  it('formalises, records funding, one jobs count per day and one survival check per year after exit', async () => {
    const id = await created({ name: 'Menuiserie Karim', founderIds: [karim], selectedOn: '2018-01-08' });

    const formalised = await env.t.gql(
      FORMALISE,
      { input: { id, legalForm: 'AUTO_ENTREPRENEUR', formalisedOn: '2018-09-01' } },
      asB(),
    );
    expect(formalised.data.formaliseVenture.venture).toMatchObject({
      legalForm: 'AUTO_ENTREPRENEUR',
      formalisedOn: '2018-09-01',
    });
    const futureForm = await env.t.gql(
      FORMALISE,
      { input: { id, legalForm: 'SARL', formalisedOn: tomorrow } },
      asB(),
    );
    expect(futureForm.data.formaliseVenture.errors).toEqual([
      { code: 'DATE_IN_FUTURE', field: 'formalisedOn' },
    ]);

    const fund = (input: Record<string, unknown>) =>
      env.t
        .gql(
          FUND,
          {
            input: {
              ventureId: id,
              amountMad: 30000,
              source: 'Al Amana',
              kind: 'MICRO_CREDIT',
              receivedOn: '2018-10-01',
              ...input,
            },
          },
          asB(),
        )
        .then((r) => r.data.recordFunding);
    expect((await fund({ amountMad: 0 })).errors).toEqual([{ code: 'INVALID_INPUT', field: 'amountMad' }]);
    expect((await fund({ amountMad: -5, source: ' ', receivedOn: tomorrow })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'amountMad' },
      { code: 'REQUIRED', field: 'source' },
      { code: 'DATE_IN_FUTURE', field: 'receivedOn' },
    ]);
    expect((await fund({ amountMad: 0.004 })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'amountMad' },
    ]);
    expect((await fund({})).errors).toEqual([]);
    const funded = await fund({ amountMad: 12500.5, kind: 'HONOUR_LOAN', source: 'Réseau Entreprendre' });
    expect(funded.venture.totalFundingMad).toBe(42500.5);
    expect(funded.venture.funding).toEqual([
      { amountMad: 30000, source: 'Al Amana', kind: 'MICRO_CREDIT', receivedOn: '2018-10-01' },
      { amountMad: 12500.5, source: 'Réseau Entreprendre', kind: 'HONOUR_LOAN', receivedOn: '2018-10-01' },
    ]);

    const jobs = (input: Record<string, unknown>) =>
      env.t
        .gql(
          JOBS,
          { input: { ventureId: id, countedOn: '2019-01-01', fullTime: 1, temporary: 0, ...input } },
          asB(),
        )
        .then((r) => r.data.recordJobs);
    expect((await jobs({ fullTime: -1, temporary: 100_001 })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'fullTime' },
      { code: 'INVALID_INPUT', field: 'temporary' },
    ]);
    await jobs({});
    await jobs({ countedOn: '2020-01-01', fullTime: 2, temporary: 3 });
    const jobsBefore = await count('venture_jobs');
    // Counting again on the same day corrects that day's count.
    const corrected = await jobs({ countedOn: '2020-01-01', fullTime: 3, temporary: 1 });
    expect(await count('venture_jobs')).toBe(jobsBefore);
    expect(corrected.venture.jobs).toEqual({ countedOn: '2020-01-01', fullTime: 3, temporary: 1, total: 4 });
    expect(corrected.venture.jobsHistory).toEqual([
      { countedOn: '2019-01-01', total: 1 },
      { countedOn: '2020-01-01', total: 4 },
    ]);

    const check = (input: Record<string, unknown>) =>
      env.t
        .gql(
          SURVIVAL,
          { input: { ventureId: id, yearsAfterExit: 1, checkedOn: '2021-07-15', active: true, ...input } },
          asB(),
        )
        .then((r) => r.data.recordSurvivalCheck);
    // Not exited yet: no survival to check.
    expect((await check({})).errors).toEqual([{ code: 'NOT_EXITED', field: 'ventureId' }]);
    await move(id, 'INCUBATION', { onDate: '2018-03-05' });
    await move(id, 'POST_INCUBATION', { onDate: '2019-03-04' });
    await move(id, 'EXITED', { onDate: '2020-06-30' });
    expect((await check({ yearsAfterExit: 0 })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'yearsAfterExit' },
    ]);
    expect((await check({ yearsAfterExit: 6 })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'yearsAfterExit' },
    ]);
    // One year after a 30 June exit is 30 June of the next year, not a day before.
    expect((await check({ checkedOn: '2021-06-29' })).errors).toEqual([
      { code: 'NOT_EXITED', field: 'checkedOn' },
    ]);
    expect((await check({ yearsAfterExit: 2 })).errors).toEqual([{ code: 'NOT_EXITED', field: 'checkedOn' }]);
    expect((await check({ checkedOn: tomorrow })).errors).toEqual([
      { code: 'DATE_IN_FUTURE', field: 'checkedOn' },
    ]);
    expect((await check({ checkedOn: '2021-06-30' })).errors).toEqual([]);
    await check({ yearsAfterExit: 2, checkedOn: '2022-07-04', active: true });
    const checks = await count('survival_check');
    // A second check for the same year replaces the first.
    const replaced = await check({
      yearsAfterExit: 2,
      checkedOn: '2022-08-01',
      active: false,
      notes: 'Local fermé',
    });
    expect(replaced.errors).toEqual([]);
    expect(await count('survival_check')).toBe(checks);
    expect(replaced.venture.survivalChecks).toEqual([
      { yearsAfterExit: 1, checkedOn: '2021-06-30', active: true, notes: null },
      { yearsAfterExit: 2, checkedOn: '2022-08-01', active: false, notes: 'Local fermé' },
    ]);
  });

  it('lists by name, filters by cohort, phase and search (founders’ names too), pages with a cursor', async () => {
    const inCohort = await env.t.gql(LIST, { cohortId }, asB());
    expect(inCohort.data.ventures.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Atelier Amina couture',
    ]);
    const abandoned = await env.t.gql(LIST, { phase: 'ABANDONED' }, asB());
    expect(abandoned.data.ventures.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Abandon A',
      'Abandon B',
    ]);
    // "berrada" is a founder of the couture workshop; "100%_" matches nothing literally.
    const byFounder = await env.t.gql(LIST, { search: 'BERRADA couture' }, asB());
    expect(byFounder.data.ventures.totalCount).toBe(1);
    expect((await env.t.gql(LIST, { search: '100%_' }, asB())).data.ventures.totalCount).toBe(0);

    const all = await env.t.gql(LIST, { first: 100 }, asB());
    const names: string[] = all.data.ventures.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names).toEqual([...names].sort());
    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        data: {
          ventures: {
            edges: { node: { name: string } }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        };
      } = await env.t.gql(LIST, { first: 2, after }, asB());
      pages.push(...page.data.ventures.edges.map((e) => e.node.name));
      after = page.data.ventures.pageInfo.hasNextPage ? page.data.ventures.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(names);
    const badCursor = await env.t.gql(LIST, { after: 'nonsense' }, asB());
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('shows a coach only their own ventures and entrepreneurs, and lets them log sessions only there', async () => {
    const coach1Venture = await created({
      name: 'Coach 1 — Couscous',
      founderIds: [amina],
      coachUserId: coach1.id,
    });
    const coach2Venture = await created({
      name: 'Coach 2 — Bijoux',
      founderIds: [salma],
      coachUserId: coach2.id,
    });
    await created({ name: 'Sans coach — Amina', founderIds: [amina] });
    const as1 = asB(coach1.token);
    const as2 = asB(coach2.token);

    const list1 = await env.t.gql(LIST, { first: 100 }, as1);
    const names1 = list1.data.ventures.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names1).toContain('Coach 1 — Couscous');
    expect(names1).toContain('Boulangerie'); // reassigned to coach 1 above
    expect(names1).not.toContain('Coach 2 — Bijoux');
    const list2 = await env.t.gql(LIST, { first: 100 }, as2);
    expect(list2.data.ventures.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Coach 2 — Bijoux',
    ]);
    expect(list2.data.ventures.totalCount).toBe(1);

    expect((await env.t.gql(ONE, { id: coach1Venture }, as2)).data.venture).toBeNull();
    expect((await env.t.gql(ONE, { id: coach2Venture }, as2)).data.venture.founders).toEqual([
      { isLead: true, person: { id: salma, firstNameLatin: 'Salma' } },
    ]);

    // People: coach 2 reaches Salma (their entrepreneur) and her ventures they coach, no one else.
    expect((await env.t.gql(PERSON, { id: amina }, as2)).data.person).toBeNull();
    expect((await env.t.gql(PERSON, { id: salma }, as2)).data.person.ventures).toEqual([
      { id: coach2Venture, name: 'Coach 2 — Bijoux' },
    ]);
    const people2 = await env.t.gql(PEOPLE, {}, as2);
    expect(people2.data.people.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([salma]);
    // Staff see all of Amina's ventures; coach 1 only those they coach.
    const aminaAsStaff = await env.t.gql(PERSON, { id: amina }, asB());
    expect(aminaAsStaff.data.person.ventures.map((v: { name: string }) => v.name)).toEqual([
      'Atelier Amina couture',
      'Coach 1 — Couscous',
      'Sans coach — Amina',
    ]);
    expect(
      (await env.t.gql(PERSON, { id: amina }, as1)).data.person.ventures.map((v: { name: string }) => v.name),
    ).toEqual(['Atelier Amina couture', 'Coach 1 — Couscous']);

    const log = (
      ventureId: string,
      as: { token: string; tenantId: string },
      extra: Record<string, unknown> = {},
    ) =>
      env.t
        .gql(
          COACHING,
          {
            input: {
              ventureId,
              heldOn: today,
              minutes: 90,
              topic: 'Prix de revient',
              nextSteps: 'Calculer le coût d’un plat',
              ...extra,
            },
          },
          as,
        )
        .then((r) => r.data.logCoachingSession);
    expect((await log(coach1Venture, as2)).errors).toEqual([{ code: 'FORBIDDEN', field: 'ventureId' }]);
    expect((await log(coach2Venture, as2, { minutes: 4 })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'minutes' },
    ]);
    expect((await log(coach2Venture, as2, { minutes: 601, heldOn: tomorrow, topic: '' })).errors).toEqual([
      { code: 'INVALID_INPUT', field: 'minutes' },
      { code: 'DATE_IN_FUTURE', field: 'heldOn' },
      { code: 'REQUIRED', field: 'topic' },
    ]);
    const logged = await log(coach2Venture, as2);
    expect(logged).toMatchObject({
      errors: [],
      coachingSession: {
        heldOn: today,
        minutes: 90,
        topic: 'Prix de revient',
        nextSteps: 'Calculer le coût d’un plat',
        coach: { id: coach2.id },
        venture: { id: coach2Venture },
      },
    });
    // Staff log for any venture, as themselves.
    const byCoordinator = await log(coach1Venture, asB(coordinator), { minutes: 30, topic: 'Point d’étape' });
    expect(byCoordinator.errors).toEqual([]);
    const seen = await env.t.gql(ONE, { id: coach2Venture }, as2);
    expect(seen.data.venture.coachingSessions).toEqual([
      {
        heldOn: today,
        minutes: 90,
        topic: 'Prix de revient',
        coach: { id: coach2.id },
        venture: { id: coach2Venture },
      },
    ]);
  });

  it('keeps each centre’s ventures to itself', async () => {
    const id = await created({ name: 'Venture de B', founderIds: [karim], coachUserId: coach1.id });
    const list = await env.t.gql(LIST, {}, asA());
    expect(list.data.ventures).toMatchObject({ totalCount: 0, edges: [] });
    expect((await env.t.gql(ONE, { id }, asA())).data.venture).toBeNull();
    const events = await count('venture_event');
    expect((await move(id, 'INCUBATION', {}, asA())).errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    const jobs = await env.t.gql(
      JOBS,
      { input: { ventureId: id, countedOn: today, fullTime: 1, temporary: 0 } },
      asA(),
    );
    expect(jobs.data.recordJobs.errors).toEqual([{ code: 'NOT_FOUND', field: 'ventureId' }]);
    const funding = await env.t.gql(
      FUND,
      { input: { ventureId: id, amountMad: 1000, source: 'INDH', kind: 'GRANT', receivedOn: today } },
      asA(),
    );
    expect(funding.data.recordFunding.errors).toEqual([{ code: 'NOT_FOUND', field: 'ventureId' }]);
    const session = await env.t.gql(
      COACHING,
      { input: { ventureId: id, heldOn: today, minutes: 60, topic: 'Intrusion' } },
      asA(),
    );
    expect(session.data.logCoachingSession.errors).toEqual([{ code: 'NOT_FOUND', field: 'ventureId' }]);
    // A's director cannot build a venture on B's people either.
    const stolen = await create({ name: 'Avec les gens de B', founderIds: [karim] }, asA());
    expect(stolen.errors).toEqual([{ code: 'NOT_FOUND', field: 'founderIds' }]);
    // B's coach holds no role in A.
    const coachInA = await env.t.gql(LIST, {}, { token: coach1.token, tenantId: env.f.tenantA });
    expect(coachInA.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
    expect(await count('venture_event')).toBe(events);
  });

  it('reads every nested field of a page of ventures in a fixed number of statements', async () => {
    // Ventures of the same shape, so each level of the page is reached for 2 as for 8 of them.
    for (let i = 0; i < 8; i++) {
      const id = await created({
        name: `Lot ${i}`,
        founderIds: [karim, salma],
        cohortId,
        coachUserId: coach1.id,
      });
      const logged = await env.t.gql(
        COACHING,
        { input: { ventureId: id, heldOn: today, minutes: 60, topic: 'Plan d’affaires' } },
        asB(coach1.token),
      );
      expect(logged.data.logCoachingSession.errors).toEqual([]);
    }
    let statements = 0;
    const counted = await createTestApp(env.db, { onQuery: () => statements++ });
    try {
      const token = await counted.signIn(env.f.directorB.email);
      const PAGE = `query ($first: Int) { ventures(first: $first, search: "Lot") { edges { node { ${VENTURE} } } } }`;
      const measure = async (first: number) => {
        statements = 0;
        const result = await counted.gql(PAGE, { first }, { token, tenantId: env.f.tenantB });
        expect(result.errors).toBeUndefined();
        expect(result.data.ventures.edges.length).toBe(first);
        return statements;
      };
      await measure(2); // warms the per-request caches' code paths
      expect(await measure(8)).toBe(await measure(2));
    } finally {
      await counted.app.close();
    }
  });
});
