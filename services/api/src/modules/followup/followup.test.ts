import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, addMonths, todayIn } from '../../lib/time.js';
import { runDueJobs } from '../jobs/queue.js';
import { deliverPending } from '../outbox/service.js';
import { followUpJobHandlers, SCHEDULE_JOB, SEND_LINK_JOB, scheduleFollowUp } from './schedule.js';
import { graduateSeeder } from './test-graduates.js';
import { stateOf } from './waves.js';

let env: TestEnv;
let director: string;
let directorB: string;
let artisan: string;
const today = todayIn('Africa/Casablanca');

const ERRORS = 'errors { code field message }';
const OUTCOME = `id monthsAfterGraduation dueOn state status organisation outcomeOn surveyedOn notes source
  linkSentAt recordedBy { id } person { id firstNameLatin } graduation { id }`;
const LIST = `query ($states: [FollowUpState!], $cohortId: ID, $first: Int, $after: String) {
  followUps(states: $states, cohortId: $cohortId, first: $first, after: $after) {
    totalCount edges { cursor node { ${OUTCOME} } } pageInfo { hasNextPage endCursor }
  }
}`;
const RECORD = `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcome { ${OUTCOME} } ${ERRORS} } }`;
const SEND = `mutation ($input: SendFollowUpLinkInput!) { sendFollowUpLink(input: $input) { outcome { ${OUTCOME} } ${ERRORS} } }`;
const BY_LINK = `query ($token: String!) {
  followUpByLink(token: $token) { firstName programmeFr programmeAr centreName centreNameAr monthsAfterGraduation }
}`;
const SUBMIT = `mutation ($input: SubmitOutcomeByLinkInput!) { submitOutcomeByLink(input: $input) { ok ${ERRORS} } }`;
const INTEGRATION = `query ($year: Int, $wave: Int, $scope: ReportScope) {
  integration(year: $year, wave: $wave, scope: $scope) {
    year wave scope
    total { ...F } byCentre { ...F } byTrade { ...F } byCohort { ...F } bySex { ...F } byWave { ...F }
  }
}
fragment F on IntegrationFigures {
  key labelAr graduates surveyed notSurveyed unreachable reached integrated rate byStatus { status count }
}`;

const asA = () => ({ token: director, tenantId: env.f.tenantA });
const asB = () => ({ token: directorB, tenantId: env.f.tenantB });

const handlers = () => followUpJobHandlers('https://maalem.test');
/** Runs every due follow-up job (and the jobs they queue) until none is left. */
async function drainJobs() {
  while ((await runDueJobs(env.t.app.deps.db, handlers(), { limit: 50 })) > 0) {}
}
async function sentLinks() {
  await deliverPending(env.t.app.deps.db, { deliver: async (m) => void env.t.sent.push(m) });
  return env.t.sent.filter((m) => m.template === 'follow_up_link');
}
const tokenOf = (body: string) => /\/follow-up\/([^\s]+)/.exec(body)![1]!;

async function wavesOf(graduationId: string) {
  return withTenant(env.db.owner, env.f.tenantA, (tx) =>
    tx
      .selectFrom('outcome')
      .selectAll()
      .where('graduation_id', '=', graduationId)
      .orderBy('months_after_graduation')
      .execute(),
  );
}

/** Graduates in tenant A, their waves created through the real scheduling job. */
async function graduatesThroughJob(specs: { graduatedOn: string; phone?: string | null }[]) {
  const seed = graduateSeeder(env.db.owner, env.f.tenantA);
  const { cohortId } = await seed.cohort('2024-09-16');
  const trainees = await seed.trainees(cohortId, specs, { waves: false });
  await seed.inTenant(async (tx) => {
    const graduations = await tx
      .selectFrom('graduation')
      .selectAll()
      .where(
        'id',
        'in',
        trainees.map((t) => t.graduationId!),
      )
      .execute();
    await scheduleFollowUp(tx, env.f.tenantA, graduations);
  });
  await drainJobs();
  return { cohortId, trainees };
}

beforeAll(async () => {
  env = await openTestEnv();
  director = await env.t.signIn(env.f.directorA.email);
  directorB = await env.t.signIn(env.f.directorB.email);
  artisan = await env.t.signInByCode(env.f.artisanA.phone);
});
afterAll(() => env.close());

describe('follow-up waves', () => {
  it('are created by the scheduling job at graduation, +6, +12 and +24 months, month ends clamped', async () => {
    const { trainees } = await graduatesThroughJob([{ graduatedOn: '2025-08-31' }]);
    const waves = await wavesOf(trainees[0]!.graduationId!);
    expect(waves.map((w) => [w.months_after_graduation, w.due_on])).toEqual([
      [0, '2025-08-31'],
      [6, '2026-02-28'],
      [12, '2026-08-31'],
      [24, '2027-08-31'],
    ]);
    expect(waves.every((w) => w.status === null && w.person_id === trainees[0]!.personId)).toBe(true);

    // Scheduling the same graduation again (a retried job) creates nothing more.
    await env.db.owner
      .insertInto('job')
      .values({
        id: newId(),
        kind: SCHEDULE_JOB,
        for_tenant_id: env.f.tenantA,
        payload: JSON.stringify({ graduationIds: [trainees[0]!.graduationId] }),
      })
      .execute();
    await drainJobs();
    expect(await wavesOf(trainees[0]!.graduationId!)).toHaveLength(4);
  });

  it('texts the link of a wave on its due day, once, and never an old wave entered late', async () => {
    const before = (await sentLinks()).length;
    const { trainees } = await graduatesThroughJob([
      { graduatedOn: addDays(today, -3) },
      { graduatedOn: addDays(today, -3), phone: null },
    ]);
    const links = (await sentLinks()).slice(before);
    // The first graduate's wave 0 is due (3 days ago); the other has no phone; the 2025 graduate
    // of the previous test had only overdue or future waves.
    expect(links).toHaveLength(1);
    expect(links[0]!.body).toMatch(
      /^معلم: مبروك التخرج! .*https:\/\/maalem\.test\/follow-up\/[0-9a-f-]{36}\./,
    );
    const [wave0, wave6] = await wavesOf(trainees[0]!.graduationId!);
    expect(wave0!.link_sent_at).not.toBeNull();
    expect(wave0!.link_secret_hash).not.toBeNull();
    // The +6 wave's link waits for its day in the queue.
    const queued = await env.db.owner
      .selectFrom('job')
      .select(['run_at', 'status'])
      .where('kind', '=', SEND_LINK_JOB)
      .where('payload', '@>', JSON.stringify({ outcomeId: wave6!.id }) as never)
      .executeTakeFirstOrThrow();
    expect(queued.status).toBe('PENDING');
    expect(queued.run_at.toISOString()).toBe(`${wave6!.due_on}T09:00:00.000Z`);
  });
});

describe('the work list', () => {
  let cohortId: string;
  let ids: { graduationId: string }[];

  beforeAll(async () => {
    // Waves relative to today: one graduate 6 months and 10 days ago (wave 0 overdue, wave 6 due),
    // one a year and 45 days ago (waves 0, 6 and 12 overdue).
    const seeded = await graduatesThroughJob([
      { graduatedOn: addDays(addMonths(today, -6), -10) },
      { graduatedOn: addDays(addMonths(today, -12), -45) },
    ]);
    cohortId = seeded.cohortId;
    ids = seeded.trainees.map((t) => ({ graduationId: t.graduationId! }));
  });

  it('lists DUE and OVERDUE waves by default, the oldest due first, with states from the centre’s day', async () => {
    const result = await env.t.gql(LIST, { cohortId }, asA());
    const list = result.data.followUps;
    const waves = [...(await wavesOf(ids[0]!.graduationId)), ...(await wavesOf(ids[1]!.graduationId))];
    const expected = waves
      .filter((w) => ['DUE', 'OVERDUE'].includes(stateOf(w, today)))
      .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.id.localeCompare(b.id));
    expect(list.totalCount).toBe(5);
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected.map((w) => w.id));
    const states = list.edges.map((e: { node: { state: string } }) => e.node.state);
    expect(states.filter((s: string) => s === 'DUE')).toHaveLength(1);
    expect(states.filter((s: string) => s === 'OVERDUE')).toHaveLength(4);
    expect(list.edges[0].node.person.firstNameLatin).toBe('Khadija');
    expect(list.edges[0].node.graduation.id).toBeTruthy();
  });

  it('pages with a cursor and filters by state', async () => {
    const first = await env.t.gql(LIST, { cohortId, first: 3 }, asA());
    expect(first.data.followUps.pageInfo.hasNextPage).toBe(true);
    const rest = await env.t.gql(
      LIST,
      { cohortId, first: 3, after: first.data.followUps.pageInfo.endCursor },
      asA(),
    );
    expect(rest.data.followUps.edges).toHaveLength(2);
    expect(rest.data.followUps.pageInfo.hasNextPage).toBe(false);
    const upcoming = await env.t.gql(LIST, { cohortId, states: ['UPCOMING'] }, asA());
    expect(upcoming.data.followUps.totalCount).toBe(3);
    expect(
      upcoming.data.followUps.edges.every((e: { node: { state: string } }) => e.node.state === 'UPCOMING'),
    ).toBe(true);
    const bad = await env.t.gql(LIST, { after: 'not-a-cursor' }, asA());
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('is for staff only', async () => {
    const result = await env.t.gql(LIST, {}, { token: artisan, tenantId: env.f.tenantA });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records and corrects an answer, audited with the old values, and refuses bad ones', async () => {
    const [wave0] = await wavesOf(ids[1]!.graduationId);
    const missing = await env.t.gql(
      RECORD,
      { input: { outcomeId: wave0!.id, status: 'HOST_COMPANY', surveyedOn: addDays(today, 1) } },
      asA(),
    );
    expect(
      missing.data.recordOutcome.errors.map((e: { code: string; field: string }) => [e.code, e.field]),
    ).toEqual([
      ['REQUIRED', 'organisation'],
      ['DATE_IN_FUTURE', 'surveyedOn'],
    ]);
    const seeking = await env.t.gql(
      RECORD,
      { input: { outcomeId: wave0!.id, status: 'SEEKING', organisation: 'Nour' } },
      asA(),
    );
    expect(seeking.data.recordOutcome.errors[0]).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'organisation',
    });
    expect((await wavesOf(ids[1]!.graduationId))[0]!.status).toBeNull();

    const recorded = await env.t.gql(
      RECORD,
      { input: { outcomeId: wave0!.id, status: 'SEEKING', notes: 'Cherche un atelier près de chez elle' } },
      asA(),
    );
    expect(recorded.data.recordOutcome.errors).toEqual([]);
    expect(recorded.data.recordOutcome.outcome).toMatchObject({
      state: 'RECORDED',
      status: 'SEEKING',
      surveyedOn: today,
      source: 'STAFF',
      recordedBy: { id: env.f.directorA.id },
    });

    const corrected = await env.t.gql(
      RECORD,
      {
        input: {
          outcomeId: wave0!.id,
          status: 'COOPERATIVE',
          organisation: '  Coopérative   Al Amal ',
          outcomeOn: addDays(today, -20),
          surveyedOn: addDays(today, -1),
        },
      },
      asA(),
    );
    expect(corrected.data.recordOutcome.outcome).toMatchObject({
      status: 'COOPERATIVE',
      organisation: 'Coopérative Al Amal',
      outcomeOn: addDays(today, -20),
      surveyedOn: addDays(today, -1),
      notes: null,
    });
    const audit = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'actor_user_id', 'data'])
        .where(sql<boolean>`${wave0!.id}::uuid = any(entity_ids)`)
        .orderBy('at')
        .execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['outcome.recorded', 'outcome.corrected']);
    expect(audit[1]!.actor_user_id).toBe(env.f.directorA.id);
    expect(audit[1]!.data).toMatchObject({
      months: 0,
      from: { status: 'SEEKING', notes: 'Cherche un atelier près de chez elle', surveyedOn: today },
      to: { status: 'COOPERATIVE', organisation: 'Coopérative Al Amal' },
    });

    const list = await env.t.gql(LIST, { cohortId, states: ['RECORDED'] }, asA());
    expect(list.data.followUps.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([wave0!.id]);
  });
});

describe('one-time links', () => {
  let waveId: string;

  beforeAll(async () => {
    const { trainees } = await graduatesThroughJob([{ graduatedOn: addMonths(today, -7) }]);
    waveId = (await wavesOf(trainees[0]!.graduationId!))[1]!.id;
  });

  async function send(outcomeId = waveId) {
    const before = (await sentLinks()).length;
    const result = await env.t.gql(SEND, { input: { outcomeId } }, asA());
    const links = (await sentLinks()).slice(before);
    return { result, token: links.length === 1 ? tokenOf(links[0]!.body) : null, links };
  }

  const answer = (token: string, status = 'SELF_EMPLOYED') =>
    env.t.gql(SUBMIT, { input: { token, status, outcomeOn: addDays(today, -30) } });

  it('works once, with no sign-in, and shows only a first name and the programme', async () => {
    const { result, token, links } = await send();
    expect(result.data.sendFollowUpLink.errors).toEqual([]);
    expect(result.data.sendFollowUpLink.outcome.linkSentAt).not.toBeNull();
    expect(links[0]!.body).toMatch(/^معلم: مرت 6 أشهر على تخرجكم\./);
    const shown = await env.t.gql(BY_LINK, { token }, { locale: 'ar' });
    expect(shown.data.followUpByLink).toEqual({
      firstName: 'خديجة',
      programmeFr: expect.stringMatching(/^Apprentissage/),
      programmeAr: expect.stringMatching(/^تكوين/),
      centreName: 'Centre A',
      centreNameAr: null,
      monthsAfterGraduation: 6,
    });

    const invalid = await env.t.gql(SUBMIT, { input: { token, status: 'HOST_COMPANY' } });
    expect(invalid.data.submitOutcomeByLink).toMatchObject({
      ok: false,
      errors: [{ code: 'REQUIRED', field: 'organisation' }],
    });
    const first = await answer(token!);
    expect(first.data.submitOutcomeByLink).toEqual({ ok: true, errors: [] });
    const [row] = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx.selectFrom('outcome').selectAll().where('id', '=', waveId).execute(),
    );
    expect(row).toMatchObject({
      status: 'SELF_EMPLOYED',
      source: 'GRADUATE',
      recorded_by: null,
      surveyed_on: today,
      link_secret_hash: null,
    });
    const audit = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'outcome.answered_by_link').execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBeNull();

    const second = await answer(token!, 'SEEKING');
    expect(second.data.submitOutcomeByLink.errors[0]).toMatchObject({ code: 'LINK_INVALID', field: 'token' });
    expect((await env.t.gql(BY_LINK, { token })).data.followUpByLink).toBeNull();
    // An answered wave gets no new link: staff correct it instead.
    const again = await send();
    expect(again.result.data.sendFollowUpLink.errors[0].code).toBe('ALREADY_ANSWERED');
  });

  it('stops working when expired or replaced by a newer link', async () => {
    const [otherWave] = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('outcome')
        .select('id')
        .where('status', 'is', null)
        .where('graduation_id', '=', (eb) =>
          eb.selectFrom('outcome as o').select('o.graduation_id').where('o.id', '=', waveId),
        )
        .where('months_after_graduation', '=', 12)
        .execute(),
    );
    const old = await send(otherWave!.id);
    const fresh = await send(otherWave!.id);
    expect(old.token).not.toBe(fresh.token);
    expect((await env.t.gql(BY_LINK, { token: old.token })).data.followUpByLink).toBeNull();
    expect((await answer(old.token!)).data.submitOutcomeByLink.errors[0].code).toBe('LINK_INVALID');

    await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .updateTable('outcome')
        .set({ link_expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', otherWave!.id)
        .execute(),
    );
    expect((await env.t.gql(BY_LINK, { token: fresh.token })).data.followUpByLink).toBeNull();
    expect((await answer(fresh.token!)).data.submitOutcomeByLink.errors[0].code).toBe('LINK_INVALID');

    // A token moved under another tenant's id, or nonsense, opens nothing.
    const moved = `${env.f.tenantB}${fresh.token!.slice(fresh.token!.indexOf('.'))}`;
    expect((await answer(moved)).data.submitOutcomeByLink.errors[0].code).toBe('LINK_INVALID');
    expect((await env.t.gql(BY_LINK, { token: 'x'.repeat(500) })).data.followUpByLink).toBeNull();
  });

  it('needs a phone', async () => {
    const { trainees } = await graduatesThroughJob([{ graduatedOn: addMonths(today, -7), phone: null }]);
    const wave = (await wavesOf(trainees[0]!.graduationId!))[1]!;
    const { result, links } = await send(wave.id);
    expect(result.data.sendFollowUpLink.errors[0]).toMatchObject({ code: 'NO_PHONE', field: 'outcomeId' });
    expect(links).toHaveLength(0);
  });
});

describe('between tenants', () => {
  it('tenant B’s staff neither read nor record tenant A’s waves', async () => {
    const { trainees } = await graduatesThroughJob([{ graduatedOn: addMonths(today, -13) }]);
    const wave = (await wavesOf(trainees[0]!.graduationId!))[0]!;
    const list = await env.t.gql(LIST, { states: ['DUE', 'OVERDUE', 'UPCOMING', 'RECORDED'] }, asB());
    expect(list.data.followUps.totalCount).toBe(0);
    const record = await env.t.gql(RECORD, { input: { outcomeId: wave.id, status: 'SEEKING' } }, asB());
    expect(record.data.recordOutcome.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'outcomeId' });
    const send = await env.t.gql(SEND, { input: { outcomeId: wave.id } }, asB());
    expect(send.data.sendFollowUpLink.errors[0].code).toBe('NOT_FOUND');
    const asMember = await env.t.gql(LIST, {}, { token: directorB, tenantId: env.f.tenantA });
    expect(asMember.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
    expect((await wavesOf(trainees[0]!.graduationId!))[0]!.status).toBeNull();
  });
});

describe('integration figures', () => {
  it('count each graduate once, at the wave asked for or their latest answered one', async () => {
    const seed = graduateSeeder(env.db.owner, env.f.tenantA);
    const textile = await seed.cohort('2023-09-18', { code: 'TEXTILE', fr: 'Tissage', ar: 'النسيج' });
    const wood = await seed.cohort('2023-10-02', { code: 'WOOD', fr: 'Menuiserie', ar: 'النجارة' });
    await seed.trainees(textile.cohortId, [
      { sex: 'F', answers: { 0: 'SEEKING', 6: 'HOST_COMPANY', 12: 'HOST_COMPANY' } }, // g1
      { sex: 'F', answers: { 0: 'COOPERATIVE', 6: 'SEEKING' } }, // g2
      { sex: 'F', answers: { 0: 'SELF_EMPLOYED', 12: 'UNREACHABLE' } }, // g3
      { sex: 'F' }, // g4: never surveyed
      { sex: 'F', answers: { 0: 'FURTHER_TRAINING' } }, // g5
      { sex: 'F', answers: { 6: 'CREATED_COOPERATIVE', 12: 'CREATED_ACTIVITY' } }, // g6
      { sex: 'F', status: 'DROPPED_OUT' }, // not a graduate
    ]);
    await seed.trainees(wood.cohortId, [
      { sex: 'M', answers: { 0: 'SEEKING', 6: 'SEEKING', 12: 'SELF_EMPLOYED' } }, // g7
      { sex: 'M', answers: { 0: 'UNREACHABLE' } }, // g8
      { sex: 'M', answers: { 12: 'SEEKING' } }, // g9
      { sex: 'M', answers: { 0: 'HOST_COMPANY', 6: 'COOPERATIVE' } }, // g10
    ]);
    // Another year's graduate stays out of 2023.
    const later = await seed.cohort('2024-09-16', { code: 'TEXTILE2', fr: 'Tissage', ar: 'النسيج' });
    await seed.trainees(later.cohortId, [{ sex: 'F', answers: { 0: 'HOST_COMPANY' } }]);

    const latest = (await env.t.gql(INTEGRATION, { year: 2023 }, asA())).data.integration;
    // Latest answered wave: g1 HOST_COMPANY, g2 SEEKING, g3 UNREACHABLE, g4 —, g5 FURTHER_TRAINING,
    // g6 CREATED_ACTIVITY, g7 SELF_EMPLOYED, g8 UNREACHABLE, g9 SEEKING, g10 COOPERATIVE.
    // Surveyed 9, unreachable 2, reached 7, integrated 5 (g1 g5 g6 g7 g10): 5 ÷ 7.
    expect(latest.total).toMatchObject({
      key: 'TOTAL',
      graduates: 10,
      surveyed: 9,
      notSurveyed: 1,
      unreachable: 2,
      reached: 7,
      integrated: 5,
    });
    expect(latest.total.rate).toBeCloseTo(5 / 7, 10);
    expect(
      Object.fromEntries(
        latest.total.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]),
      ),
    ).toEqual({
      HOST_COMPANY: 1,
      COOPERATIVE: 1,
      SELF_EMPLOYED: 1,
      CREATED_COOPERATIVE: 0,
      CREATED_ACTIVITY: 1,
      FURTHER_TRAINING: 1,
      SEEKING: 2,
      UNREACHABLE: 2,
    });
    // Women g1–g6: surveyed 5, unreachable 1 (g3), reached 4, integrated 3 (g1 g5 g6). Men g7–g10:
    // surveyed 4, unreachable 1 (g8), reached 3, integrated 2 (g7 g10).
    const pick = (line: Record<string, unknown>) => [
      line.key,
      line.graduates,
      line.surveyed,
      line.unreachable,
      line.reached,
      line.integrated,
      line.rate,
    ];
    expect(latest.bySex.map(pick)).toEqual([
      ['F', 6, 5, 1, 4, 3, 0.75],
      ['M', 4, 4, 1, 3, 2, 2 / 3],
    ]);
    expect(latest.byTrade.map(pick)).toEqual([
      ['TEXTILE', 6, 5, 1, 4, 3, 0.75],
      ['WOOD', 4, 4, 1, 3, 2, 2 / 3],
    ]);
    expect(latest.byTrade[0].labelAr).toBe('النسيج');
    expect(latest.byCohort.map((l: { key: string }) => l.key)).toEqual([
      expect.stringMatching(/2023-2024$/),
      expect.stringMatching(/2023-2024$/),
    ]);
    expect(latest.byCentre.map(pick)).toEqual([['Centre A', 10, 9, 2, 7, 5, 5 / 7]]);
    // Each wave on its own. 0: g1 S, g2 COOP, g3 SELF, g5 FT, g7 S, g8 UNR, g10 HOST → surveyed 7,
    // reached 6, integrated 4. 6: g1 HOST, g2 S, g6 CC, g7 S, g10 COOP → 5, 5, 3. 12: g1 HOST,
    // g3 UNR, g6 CA, g7 SELF, g9 S → 5, 4, 3. 24: nobody yet.
    expect(latest.byWave.map(pick)).toEqual([
      ['0', 10, 7, 1, 6, 4, 4 / 6],
      ['6', 10, 5, 0, 5, 3, 0.6],
      ['12', 10, 5, 1, 4, 3, 0.75],
      ['24', 10, 0, 0, 0, 0, null],
    ]);

    const six = (await env.t.gql(INTEGRATION, { year: 2023, wave: 6 }, asA())).data.integration;
    expect(pick(six.total)).toEqual(['TOTAL', 10, 5, 0, 5, 3, 0.6]);
    expect(six.bySex.map(pick)).toEqual([
      ['F', 6, 3, 0, 3, 2, 2 / 3],
      ['M', 4, 2, 0, 2, 1, 0.5],
    ]);
    // The 2024 cohort alone: one graduate, at a host company.
    const next = (await env.t.gql(INTEGRATION, { year: 2024 }, asA())).data.integration;
    expect(next.byTrade.find((l: { key: string }) => l.key === 'TEXTILE2')).toMatchObject({
      graduates: 1,
      integrated: 1,
    });

    const wrongWave = await env.t.gql(INTEGRATION, { year: 2023, wave: 3 }, asA());
    expect(wrongWave.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const notAdmin = await env.t.gql(INTEGRATION, { year: 2023, scope: 'NETWORK' }, asA());
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Tenant B has no graduates: its figures are empty, not A's.
    const other = (await env.t.gql(INTEGRATION, { year: 2023 }, asB())).data.integration;
    expect(other.total).toMatchObject({ graduates: 0, rate: null });
  });
});
