import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type GqlResult, openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import type { Role } from '../../graphql/generated/resolvers.js';
import { newId } from '../../lib/ids.js';
import { addDays, todayIn } from '../../lib/time.js';
import { hashPassword } from '../identity/password.js';
import { runDueJobs } from '../jobs/queue.js';
import { deliverPending } from '../outbox/service.js';
import { PLACEMENT_REMINDER_JOB, placementJobHandlers } from './reminders.js';
import { type Seeder, seeder } from './test-seed.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let a: Seeder;
let b: Seeder;

const tokens: Record<
  'director' | 'coordinator' | 'instructor' | 'trainee' | 'artisanX' | 'artisanY' | 'noHost' | 'directorB',
  string
> = {} as never;
const ids = {} as {
  weaving: string;
  wood: string;
  programme: string;
  cohort: string;
  hostX: string;
  hostY: string;
  hostWood: string;
  coordinator: string;
  artisanX: string;
  traineeUser: string;
  traineePerson: string;
  traineeEnrollment: string;
};
const PHONE_X = '+212661000111';
const PHONE_Y = '+212661000222';
// Cohort dates, far enough ahead that "today" never falls inside them (tests of ACTIVE make their own).
const COHORT = { startsOn: '2030-09-02', endsOn: '2031-07-15' };
// October 2030: Tuesday 1st to Thursday 31st.
const OCT = { startsOn: '2030-10-01', endsOn: '2030-10-31' };

async function seedUser(role: Role, email: string): Promise<string> {
  const id = newId();
  await db.owner
    .insertInto('app_user')
    .values({ id, display_name: `${role} test`, email, password_hash: await hashPassword(PASSWORD) })
    .execute();
  await a.inTenant((tx) =>
    tx.insertInto('membership').values({ tenant_id: f.tenantA, id: newId(), user_id: id, role }).execute(),
  );
  return id;
}

// ----- GraphQL

const PLACEMENT = `id status statusReason startsOn endsOn weekdays statusChangedAt createdAt
  host { id } enrollment { id person { id firstNameLatin } }
  history { fromStatus toStatus reason at actor { id displayName } }`;
const PROPOSE = `mutation ($input: ProposePlacementInput!) {
  proposePlacement(input: $input) { placement { ${PLACEMENT} } errors { code field message } }
}`;
const CONFIRM = `mutation ($input: AnswerPlacementInput!) {
  confirmPlacement(input: $input) { placement { ${PLACEMENT} } errors { code field message } }
}`;
// The answer comes back whole, trainee included, even to the artisan who no longer sees it after.
const DECLINE = `mutation ($input: DeclinePlacementInput!) {
  declinePlacement(input: $input) {
    placement { id status statusReason enrollment { id person { id } } history { toStatus reason actor { id } } }
    errors { code field message }
  }
}`;
const END_EARLY = `mutation ($input: EndPlacementEarlyInput!) {
  endPlacementEarly(input: $input) { placement { id status statusReason } errors { code field message } }
}`;
const ONE = `query ($id: ID!) { placement(id: $id) { ${PLACEMENT} } }`;
const LIST = `query ($first: Int, $after: String, $filter: PlacementFilter) {
  placements(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status host { id } } }
  }
}`;
const UNPLACED = `query ($cohortId: ID!, $first: Int, $after: String) {
  unplacedTrainees(cohortId: $cohortId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status person { id lastNameLatin } } }
  }
}`;

type Who = keyof typeof tokens;
const as = (who: Who) => ({
  token: tokens[who],
  tenantId: who === 'directorB' ? f.tenantB : f.tenantA,
});
const propose = (input: Record<string, unknown>, who: Who = 'coordinator') =>
  t.gql(PROPOSE, { input }, as(who)).then((r) => r.data.proposePlacement);
const confirm = (id: string, who: Who = 'coordinator') =>
  t.gql(CONFIRM, { input: { id } }, as(who)).then((r) => r.data.confirmPlacement);
const decline = (id: string, reason: string, who: Who = 'coordinator') =>
  t.gql(DECLINE, { input: { id, reason } }, as(who)).then((r) => r.data.declinePlacement);
const endEarly = (id: string, reason: string, who: Who = 'coordinator') =>
  t.gql(END_EARLY, { input: { id, reason } }, as(who)).then((r) => r.data.endPlacementEarly);
const one = (id: string, who: Who = 'coordinator') => t.gql(ONE, { id }, as(who));
const list = (variables: Record<string, unknown>, who: Who = 'coordinator') =>
  t.gql(LIST, variables, as(who));

/** An ENROLLED trainee of the main cohort and a proposal for them at host X in October. */
async function proposedAtX(input: Record<string, unknown> = {}) {
  const trainee = await a.trainee(ids.cohort);
  const result = await propose({ enrollmentId: trainee.enrollmentId, hostId: ids.hostX, ...OCT, ...input });
  expect(result.errors).toEqual([]);
  return { ...trainee, placementId: result.placement.id as string };
}

/** Everything a placement mutation could leave behind, in both tenants and the shared queues. */
async function footprint() {
  const count = (s: Seeder, table: 'placement' | 'placement_event' | 'audit_event') =>
    s.inTenant((tx) =>
      tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => r.n),
    );
  const shared = (table: 'job' | 'outbox_message') =>
    db.owner
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n);
  return {
    a: [await count(a, 'placement'), await count(a, 'placement_event'), await count(a, 'audit_event')],
    b: [await count(b, 'placement'), await count(b, 'placement_event'), await count(b, 'audit_event')],
    job: await shared('job'),
    outbox: await shared('outbox_message'),
    statuses: await a.inTenant((tx) =>
      tx.selectFrom('placement').select(['id', 'status']).orderBy('id').execute(),
    ),
  };
}

const placementRow = (id: string) =>
  a.inTenant((tx) => tx.selectFrom('placement').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  a = seeder(db.owner, f.tenantA);
  b = seeder(db.owner, f.tenantB);
  ids.weaving = await a.trade('WEAVING');
  ids.wood = await a.trade('WOOD');
  ids.programme = await a.programme(ids.weaving, [2, 3, 4, 5]);
  ids.cohort = await a.cohort(ids.programme, COHORT.startsOn, COHORT.endsOn);
  // Roomy: capacity is tested on hosts of its own (and in capacity.test.ts).
  ids.hostX = await a.host(ids.weaving, { capacity: 50, name: 'Atelier X' });
  ids.hostY = await a.host(ids.weaving, { capacity: 50, name: 'Atelier Y' });
  ids.hostWood = await a.host(ids.wood, { name: 'Menuiserie' });
  ids.artisanX = await a.artisan(ids.hostX, PHONE_X);
  await a.artisan(ids.hostY, PHONE_Y);
  ids.coordinator = await seedUser('COORDINATOR', 'coordination@test.ma');
  await seedUser('INSTRUCTOR', 'formateur@test.ma');
  ids.traineeUser = await seedUser('TRAINEE', 'stagiaire@test.ma');
  ({ personId: ids.traineePerson, enrollmentId: ids.traineeEnrollment } = await a.trainee(ids.cohort, {
    userId: ids.traineeUser,
  }));
  tokens.director = await t.signIn(f.directorA.email);
  tokens.directorB = await t.signIn(f.directorB.email);
  tokens.coordinator = await t.signIn('coordination@test.ma');
  tokens.instructor = await t.signIn('formateur@test.ma');
  tokens.trainee = await t.signIn('stagiaire@test.ma');
  // Host artisans have only a phone: they sign in with a one-time code, over the real HTTP stack.
  tokens.artisanX = await t.signInByCode(PHONE_X);
  tokens.artisanY = await t.signInByCode(PHONE_Y);
  tokens.noHost = await t.signInByCode(f.artisanA.phone);
});
afterAll(async () => {
  await close();
});

describe('proposePlacement', () => {
  it('records a proposal with its first event, an audit event, an SMS to the host’s artisans and a reminder job', async () => {
    const trainee = await a.trainee(ids.cohort, { firstName: 'Khadija' });
    const before = Date.now();
    const result = await propose({ enrollmentId: trainee.enrollmentId, hostId: ids.hostX, ...OCT });
    expect(result.errors).toEqual([]);
    const placement = result.placement;
    expect(placement).toMatchObject({
      status: 'PROPOSED',
      statusReason: null,
      startsOn: OCT.startsOn,
      endsOn: OCT.endsOn,
      // The programme's practice days, since none were given.
      weekdays: [2, 3, 4, 5],
      host: { id: ids.hostX },
      enrollment: { id: trainee.enrollmentId, person: { id: trainee.personId } },
      history: [{ fromStatus: null, toStatus: 'PROPOSED', reason: null, actor: { id: ids.coordinator } }],
    });
    const audit = await a.inTenant((tx) =>
      tx
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'placement.proposed')
        .where(sql<boolean>`${placement.id} = any(entity_ids)`)
        .execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(ids.coordinator);

    // One SMS, to host X's artisan only: first name, dates, where to answer; no CIN, no phone.
    const sentBefore = t.sent.length;
    await deliverPending(t.app.deps.db, t.app.deps.delivery);
    const sms = t.sent.slice(sentBefore);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'SMS', recipient: PHONE_X, template: 'placement_proposed' });
    const person = await a.inTenant((tx) =>
      tx.selectFrom('person').selectAll().where('id', '=', trainee.personId).executeTakeFirstOrThrow(),
    );
    expect(sms[0]!.body).toContain('Khadija');
    expect(sms[0]!.body).toContain('سلمى');
    expect(sms[0]!.body).toContain('01/10/2030');
    expect(sms[0]!.body).toContain('31/10/2030');
    expect(sms[0]!.body).toContain('Maalem');
    expect(sms[0]!.body).toContain('معلم');
    for (const secret of [
      person.cin!,
      person.phone!,
      person.phone!.slice(4),
      person.guardian_phone!,
      'Test',
    ]) {
      expect(sms[0]!.body).not.toContain(secret);
    }
    expect(sms[0]!.body.length).toBeLessThan(320);

    // The reminder waits config.placementReminderHours (48 by default).
    const job = await db.owner
      .selectFrom('job')
      .selectAll()
      .where('kind', '=', PLACEMENT_REMINDER_JOB)
      .where(sql<boolean>`payload->>'placementId' = ${placement.id}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'PENDING', for_tenant_id: f.tenantA });
    const delay = job.run_at.getTime() - before;
    expect(delay).toBeGreaterThan(47.9 * 3_600_000);
    expect(delay).toBeLessThan(48.1 * 3_600_000);
  });

  it('keeps given weekdays, sorted', async () => {
    const trainee = await a.trainee(ids.cohort);
    const result = await propose({
      enrollmentId: trainee.enrollmentId,
      hostId: ids.hostX,
      ...OCT,
      weekdays: [6, 1, 3],
    });
    expect(result.errors).toEqual([]);
    expect(result.placement.weekdays).toEqual([1, 3, 6]);
  });

  it.each([
    ['an enrollment that does not exist', { enrollmentId: 'NEW' }, 'NOT_FOUND', 'enrollmentId'],
    ['an enrollment id that is no id', { enrollmentId: 'nope' }, 'NOT_FOUND', 'enrollmentId'],
    ['an applicant, not yet admitted', { status: 'APPLIED' }, 'NOT_ENROLLED', 'enrollmentId'],
    ['a trainee who dropped out', { status: 'DROPPED_OUT' }, 'NOT_ENROLLED', 'enrollmentId'],
    ['a host that does not exist', { hostId: 'NEW' }, 'NOT_FOUND', 'hostId'],
    ['a paused host', { hostId: 'PAUSED' }, 'HOST_NOT_ACTIVE', 'hostId'],
    ['a closed host', { hostId: 'CLOSED' }, 'HOST_NOT_ACTIVE', 'hostId'],
    ['a host of another trade', { hostId: 'WOOD' }, 'TRADE_MISMATCH', 'hostId'],
    ['an end before the start', { startsOn: '2030-10-10', endsOn: '2030-10-09' }, 'INVALID_DATE', 'endsOn'],
    ['a start before the cohort', { startsOn: '2030-09-01' }, 'OUTSIDE_COHORT_DATES', 'startsOn'],
    ['an end after the cohort', { endsOn: '2031-07-16' }, 'OUTSIDE_COHORT_DATES', 'endsOn'],
    ['no weekday', { weekdays: [] }, 'INVALID_INPUT', 'weekdays'],
    ['weekday 0', { weekdays: [0, 1] }, 'INVALID_INPUT', 'weekdays'],
    ['weekday 8', { weekdays: [8] }, 'INVALID_INPUT', 'weekdays'],
    ['a weekday twice', { weekdays: [2, 2] }, 'INVALID_INPUT', 'weekdays'],
    // Saturday 5 to Sunday 6 October holds no Tuesday.
    [
      'a range without any of its weekdays',
      { startsOn: '2030-10-05', endsOn: '2030-10-06' },
      'INVALID_INPUT',
      'weekdays',
    ],
  ] as const)('refuses %s, saying which field, and writes nothing', async (_case, change, code, field) => {
    const c = change as Record<string, unknown>;
    const trainee = await a.trainee(ids.cohort, { status: (c.status as string) ?? 'ENROLLED' });
    const hosts: Record<string, string> = {
      NEW: newId(),
      PAUSED: await a.host(ids.weaving, { status: 'PAUSED' }),
      CLOSED: await a.host(ids.weaving, { status: 'CLOSED' }),
      WOOD: ids.hostWood,
    };
    const input = {
      enrollmentId: c.enrollmentId === 'NEW' ? newId() : ((c.enrollmentId as string) ?? trainee.enrollmentId),
      hostId: c.hostId ? hosts[c.hostId as string] : ids.hostX,
      startsOn: c.startsOn ?? OCT.startsOn,
      endsOn: c.endsOn ?? OCT.endsOn,
      weekdays: c.weekdays ?? [2],
    };
    const before = await footprint();
    const result = await propose(input);
    expect(result).toMatchObject({ placement: null, errors: [{ code, field }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).not.toBe('');
    expect(await footprint()).toEqual(before);
  });

  it('is for directors and coordinators only', async () => {
    const trainee = await a.trainee(ids.cohort);
    const before = await footprint();
    for (const who of ['instructor', 'trainee', 'artisanX', 'noHost'] as const) {
      const result = await propose({ enrollmentId: trainee.enrollmentId, hostId: ids.hostX, ...OCT }, who);
      expect(result.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    }
    expect(await footprint()).toEqual(before);
    expect(
      (await propose({ enrollmentId: trainee.enrollmentId, hostId: ids.hostX, ...OCT }, 'director')).errors,
    ).toEqual([]);
  });
});

describe('a trainee never has two placements on one day', () => {
  it('refuses an overlapping proposal and allows other weekdays in the same weeks', async () => {
    const { enrollmentId, placementId } = await proposedAtX({ weekdays: [1, 2, 3] });
    const before = await footprint();
    // Wednesday is taken.
    expect(await propose({ enrollmentId, hostId: ids.hostY, ...OCT, weekdays: [3, 4] })).toMatchObject({
      placement: null,
      errors: [{ code: 'PLACEMENT_OVERLAP', field: 'startsOn' }],
    });
    // A week inside October, at the same host, on the same days.
    expect(
      (
        await propose({
          enrollmentId,
          hostId: ids.hostX,
          startsOn: '2030-10-14',
          endsOn: '2030-10-18',
          weekdays: [1],
        })
      ).errors,
    ).toMatchObject([{ code: 'PLACEMENT_OVERLAP' }]);
    expect(await footprint()).toEqual(before);
    // Thursday and Friday are free.
    expect((await propose({ enrollmentId, hostId: ids.hostY, ...OCT, weekdays: [4, 5] })).errors).toEqual([]);
    // So is the same weekday once October is over.
    expect(
      (
        await propose({
          enrollmentId,
          hostId: ids.hostY,
          startsOn: '2030-11-01',
          endsOn: '2030-11-30',
          weekdays: [1],
        })
      ).errors,
    ).toEqual([]);
    // A declined placement frees its days.
    expect((await decline(placementId, 'Pas de place ce mois-ci')).errors).toEqual([]);
    expect((await propose({ enrollmentId, hostId: ids.hostY, ...OCT, weekdays: [1, 2] })).errors).toEqual([]);
  });

  it('compares the days the two placements really share', async () => {
    // Tuesdays of October; the next one starts on Thursday 31 October: the only common day is a
    // Thursday, which the first does not use.
    const { enrollmentId } = await proposedAtX({ weekdays: [2] });
    const next = await propose({
      enrollmentId,
      hostId: ids.hostY,
      startsOn: '2030-10-31',
      endsOn: '2030-11-30',
      weekdays: [2, 4],
    });
    expect(next.errors).toEqual([]);
  });

  it('looks across all the trainee’s enrollments', async () => {
    const { personId, enrollmentId } = await proposedAtX();
    const evening = await a.cohort(ids.programme, COHORT.startsOn, COHORT.endsOn);
    const second = await a.trainee(evening, { personId });
    expect(second.enrollmentId).not.toBe(enrollmentId);
    const result = await propose({
      enrollmentId: second.enrollmentId,
      hostId: ids.hostY,
      ...OCT,
      weekdays: [5],
    });
    expect(result.errors).toMatchObject([{ code: 'PLACEMENT_OVERLAP' }]);
  });

  it('checks again on confirmation (two records of one trainee merged with a proposal each)', async () => {
    const kept = await a.trainee(ids.cohort);
    const evening = await a.cohort(ids.programme, COHORT.startsOn, COHORT.endsOn);
    const duplicate = await a.trainee(evening);
    const p1 = await propose({ enrollmentId: kept.enrollmentId, hostId: ids.hostX, ...OCT });
    const p2 = await propose({ enrollmentId: duplicate.enrollmentId, hostId: ids.hostY, ...OCT });
    // What a merge does to the duplicate's enrollment.
    await a.inTenant((tx) =>
      tx
        .updateTable('enrollment')
        .set({ person_id: kept.personId })
        .where('id', '=', duplicate.enrollmentId)
        .execute(),
    );
    expect((await confirm(p1.placement.id)).errors).toEqual([]);
    const before = await footprint();
    expect((await confirm(p2.placement.id)).errors).toMatchObject([{ code: 'PLACEMENT_OVERLAP' }]);
    expect(await footprint()).toEqual(before);
  });

  it('lets only one of two simultaneous overlapping proposals through', async () => {
    const { enrollmentId } = await a.trainee(ids.cohort);
    const results = await Promise.all([
      propose({ enrollmentId, hostId: ids.hostX, ...OCT }),
      propose({ enrollmentId, hostId: ids.hostY, ...OCT }),
    ]);
    expect(results.map((r) => r.errors.map((e: { code: string }) => e.code)).sort()).toEqual([
      [],
      ['PLACEMENT_OVERLAP'],
    ]);
  });
});

describe('answering a proposal', () => {
  it('lets the artisan sign in with a one-time code and confirm over HTTP', async () => {
    const { placementId } = await proposedAtX();
    const result = await confirm(placementId, 'artisanX');
    expect(result.errors).toEqual([]);
    expect(result.placement).toMatchObject({
      id: placementId,
      status: 'CONFIRMED',
      history: [
        { fromStatus: null, toStatus: 'PROPOSED', actor: { id: ids.coordinator } },
        { fromStatus: 'PROPOSED', toStatus: 'CONFIRMED', reason: null, actor: { id: ids.artisanX } },
      ],
    });
    const audit = await a.inTenant((tx) =>
      tx
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'placement.confirmed')
        .where(sql<boolean>`${placementId} = any(entity_ids)`)
        .executeTakeFirstOrThrow(),
    );
    expect(audit).toMatchObject({
      actor_user_id: ids.artisanX,
      data: { to: 'CONFIRMED', onBehalfOfHost: false },
    });
    // Answered once: a second answer is refused.
    expect((await confirm(placementId, 'artisanX')).errors).toMatchObject([{ code: 'ILLEGAL_TRANSITION' }]);
    expect((await decline(placementId, 'Finalement non', 'artisanX')).errors).toMatchObject([
      { code: 'ILLEGAL_TRANSITION' },
    ]);
  });

  it('answers a confirmation and a proposal for the same trainee and host sent at the same moment', async () => {
    // The confirmation holds the host while the proposal holds the trainee and needs the host for
    // its new row: locks taken in opposite orders would deadlock here.
    const host = await a.host(ids.weaving, { capacity: 50 });
    const wide = await createTestApp(db, { poolMax: 12 });
    const pairs = [];
    for (let i = 0; i < 30; i++) {
      const { enrollmentId } = await a.trainee(ids.cohort);
      const first = await propose({ enrollmentId, hostId: host, ...OCT, weekdays: [2] });
      pairs.push({ enrollmentId, placementId: first.placement.id as string });
    }
    const answers = await Promise.all(
      pairs.flatMap(({ enrollmentId, placementId }) => [
        wide.gql(CONFIRM, { input: { id: placementId } }, as('coordinator')),
        wide.gql(
          PROPOSE,
          { input: { enrollmentId, hostId: host, ...OCT, weekdays: [4] } },
          as('coordinator'),
        ),
      ]),
    ).finally(() => wide.app.close());
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data as Record<string, { errors: unknown[] }>)[0]!.errors).toEqual([]);
    }
  });

  it('lets a coordinator answer on the artisan’s behalf (audited as such)', async () => {
    const { placementId } = await proposedAtX();
    expect((await confirm(placementId, 'coordinator')).placement.status).toBe('CONFIRMED');
    const audit = await a.inTenant((tx) =>
      tx
        .selectFrom('audit_event')
        .select('data')
        .where('action', '=', 'placement.confirmed')
        .where(sql<boolean>`${placementId} = any(entity_ids)`)
        .executeTakeFirstOrThrow(),
    );
    expect(audit.data).toMatchObject({ onBehalfOfHost: true });
  });

  it('makes a placement ACTIVE at once when today (in the centre’s zone) is inside it', async () => {
    const today = todayIn('Africa/Casablanca');
    const cohort = await a.cohort(ids.programme, addDays(today, -60), addDays(today, 300));
    const { enrollmentId } = await a.trainee(cohort);
    const proposed = await propose({
      enrollmentId,
      hostId: ids.hostY,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 30),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    expect(proposed.errors).toEqual([]);
    const confirmed = await confirm(proposed.placement.id, 'artisanY');
    expect(confirmed.placement.status).toBe('ACTIVE');
    expect(confirmed.placement.history.at(-1)).toMatchObject({ fromStatus: 'PROPOSED', toStatus: 'ACTIVE' });
  });

  it('keeps a declined proposal’s reason in its history, with who declined', async () => {
    const { placementId } = await proposedAtX();
    const before = await footprint();
    for (const reason of ['', ' a ']) {
      expect((await decline(placementId, reason, 'artisanX')).errors).toMatchObject([
        { code: 'REASON_REQUIRED', field: 'reason' },
      ]);
    }
    expect((await decline(placementId, 'x'.repeat(301), 'artisanX')).errors).toMatchObject([
      { code: 'INVALID_INPUT', field: 'reason' },
    ]);
    expect(await footprint()).toEqual(before);

    const result = await decline(placementId, '  Atelier fermé pour travaux en octobre  ', 'artisanX');
    expect(result.errors).toEqual([]);
    const declined = await placementRow(placementId);
    expect(result.placement).toMatchObject({
      status: 'DECLINED',
      statusReason: 'Atelier fermé pour travaux en octobre',
      enrollment: { id: declined.enrollment_id },
    });
    // …and from then on the trainee is out of the artisan's sight.
    expect((await one(placementId, 'artisanX')).data.placement).toBeNull();
    const enrollment = await t.gql(
      `query ($id: ID!) { enrollment(id: $id) { id } }`,
      { id: declined.enrollment_id },
      as('artisanX'),
    );
    expect(enrollment.data.enrollment).toBeNull();
    // The coordinator's board shows it with its reason and who gave it.
    const seen = (await one(placementId)).data.placement;
    expect(seen).toMatchObject({
      status: 'DECLINED',
      statusReason: 'Atelier fermé pour travaux en octobre',
      history: [
        { toStatus: 'PROPOSED' },
        {
          fromStatus: 'PROPOSED',
          toStatus: 'DECLINED',
          reason: 'Atelier fermé pour travaux en octobre',
          actor: { id: ids.artisanX },
        },
      ],
    });
    const audit = await a.inTenant((tx) =>
      tx
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'placement.declined')
        .where(sql<boolean>`${placementId} = any(entity_ids)`)
        .execute(),
    );
    expect(audit).toHaveLength(1);
    expect((await confirm(placementId)).errors).toMatchObject([{ code: 'ILLEGAL_TRANSITION' }]);
  });

  it('is refused to anyone who neither answers for the host nor coordinates', async () => {
    const { placementId } = await proposedAtX();
    const before = await footprint();
    for (const who of ['instructor', 'trainee'] as const) {
      expect((await confirm(placementId, who)).errors).toMatchObject([{ code: 'FORBIDDEN' }]);
      expect((await decline(placementId, 'Non merci', who)).errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    }
    expect(await footprint()).toEqual(before);
  });

  it('refuses a confirmation that would overfill a day, and writes nothing', async () => {
    const host = await a.host(ids.weaving, { capacity: 1 });
    const first = await a.trainee(ids.cohort);
    const second = await a.trainee(ids.cohort);
    // Tuesdays for the first, Tuesdays and Wednesdays for the second: they meet on Tuesdays.
    const p1 = await propose({ enrollmentId: first.enrollmentId, hostId: host, ...OCT, weekdays: [2] });
    const p2 = await propose({ enrollmentId: second.enrollmentId, hostId: host, ...OCT, weekdays: [2, 3] });
    expect((await confirm(p1.placement.id)).errors).toEqual([]);
    const before = await footprint();
    expect(await confirm(p2.placement.id)).toEqual({
      placement: null,
      errors: [expect.objectContaining({ code: 'HOST_FULL' })],
    });
    expect(await footprint()).toEqual(before);
    // On Wednesdays and Thursdays only, there is room.
    const third = await a.trainee(ids.cohort);
    const p3 = await propose({ enrollmentId: third.enrollmentId, hostId: host, ...OCT, weekdays: [3, 4] });
    expect((await confirm(p3.placement.id)).errors).toEqual([]);
  });

  it('refuses to confirm at a host that is no longer active', async () => {
    const host = await a.host(ids.weaving);
    const { enrollmentId } = await a.trainee(ids.cohort);
    const proposed = await propose({ enrollmentId, hostId: host, ...OCT });
    await a.inTenant((tx) =>
      tx.updateTable('host').set({ status: 'CLOSED' }).where('id', '=', host).execute(),
    );
    expect((await confirm(proposed.placement.id)).errors).toMatchObject([{ code: 'HOST_NOT_ACTIVE' }]);
  });

  it('ends a confirmed placement early with a reason, only for staff who place', async () => {
    const { placementId } = await proposedAtX();
    expect((await endEarly(placementId, 'Pas encore commencé')).errors).toMatchObject([
      { code: 'ILLEGAL_TRANSITION' },
    ]);
    await confirm(placementId, 'artisanX');
    expect((await endEarly(placementId, 'Départ', 'artisanX')).errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect((await endEarly(placementId, ' ')).errors).toMatchObject([{ code: 'REASON_REQUIRED' }]);
    const ended = await endEarly(placementId, 'A déménagé à Tanger');
    expect(ended).toEqual({
      placement: { id: placementId, status: 'ENDED_EARLY', statusReason: 'A déménagé à Tanger' },
      errors: [],
    });
    expect((await one(placementId)).data.placement.history.at(-1)).toMatchObject({
      fromStatus: 'CONFIRMED',
      toStatus: 'ENDED_EARLY',
      reason: 'A déménagé à Tanger',
      actor: { id: ids.coordinator },
    });
  });
});

describe('what a host artisan sees', () => {
  it('keeps host X’s artisan away from host Y’s proposals, by id, by listing and by answering', async () => {
    const atY = await a.trainee(ids.cohort);
    const y = await propose({ enrollmentId: atY.enrollmentId, hostId: ids.hostY, ...OCT });
    const yId = y.placement.id as string;
    const { placementId: xId } = await proposedAtX();

    expect((await one(yId, 'artisanX')).data.placement).toBeNull();
    expect((await one(xId, 'artisanX')).data.placement.id).toBe(xId);
    const forY = await list({ filter: { hostId: ids.hostY }, first: 100 }, 'artisanX');
    expect(forY.data.placements).toMatchObject({ totalCount: 0, edges: [] });
    const all = await list({ first: 100 }, 'artisanX');
    expect(all.data.placements.edges.length).toBeGreaterThan(0);
    expect(
      all.data.placements.edges.every(
        (e: { node: { host: { id: string } } }) => e.node.host.id === ids.hostX,
      ),
    ).toBe(true);
    expect(JSON.stringify(all)).not.toContain(yId);
    const unplaced = await t.gql(UNPLACED, { cohortId: ids.cohort }, as('artisanX'));
    expect(unplaced.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const before = await footprint();
    expect((await confirm(yId, 'artisanX')).errors).toMatchObject([{ code: 'NOT_FOUND', field: 'id' }]);
    expect((await decline(yId, 'Pas chez moi', 'artisanX')).errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'id' },
    ]);
    // The same answer as for an id that names nothing: nothing tells them it exists.
    expect((await confirm(newId(), 'artisanX')).errors).toMatchObject([{ code: 'NOT_FOUND', field: 'id' }]);
    expect(await footprint()).toEqual(before);
    expect((await placementRow(yId)).status).toBe('PROPOSED');

    // An artisan without a host sees nothing at all.
    expect((await list({ first: 100 }, 'noHost')).data.placements.totalCount).toBe(0);
    expect((await one(xId, 'noHost')).data.placement).toBeNull();
    expect((await confirm(xId, 'noHost')).errors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });

  it('shows the artisan exactly the trainees proposed or placed with them, and not after they declined', async () => {
    const PERSON = `query ($id: ID!) { person(id: $id) { id } }`;
    const PEOPLE = `{ people(first: 100) { edges { node { id } } } }`;
    const ENROLLMENT = `query ($id: ID!) { enrollment(id: $id) { id placements { id } } }`;
    const ENROLLMENTS = `{ enrollments(first: 1000) { edges { node { id } } } }`;
    const proposed = await proposedAtX();
    const confirmed = await proposedAtX();
    await confirm(confirmed.placementId, 'artisanX');
    const declined = await proposedAtX();
    await decline(declined.placementId, 'Trop loin de chez elle', 'artisanX');
    const atY = await a.trainee(ids.cohort);
    await propose({ enrollmentId: atY.enrollmentId, hostId: ids.hostY, ...OCT });

    for (const visible of [proposed, confirmed]) {
      expect((await t.gql(PERSON, { id: visible.personId }, as('artisanX'))).data.person).toEqual({
        id: visible.personId,
      });
      expect((await t.gql(ENROLLMENT, { id: visible.enrollmentId }, as('artisanX'))).data.enrollment).toEqual(
        {
          id: visible.enrollmentId,
          placements: [{ id: visible.placementId }],
        },
      );
    }
    for (const hidden of [declined, atY]) {
      expect((await t.gql(PERSON, { id: hidden.personId }, as('artisanX'))).data.person).toBeNull();
      expect(
        (await t.gql(ENROLLMENT, { id: hidden.enrollmentId }, as('artisanX'))).data.enrollment,
      ).toBeNull();
    }
    const people = (await t.gql(PEOPLE, {}, as('artisanX'))).data.people.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(people).toEqual(expect.arrayContaining([proposed.personId, confirmed.personId]));
    expect(people).not.toContain(declined.personId);
    expect(people).not.toContain(atY.personId);
    const enrollments = (await t.gql(ENROLLMENTS, {}, as('artisanX'))).data.enrollments.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(enrollments).toEqual(expect.arrayContaining([proposed.enrollmentId, confirmed.enrollmentId]));
    expect(enrollments).not.toContain(declined.enrollmentId);
    expect(enrollments).not.toContain(atY.enrollmentId);
    // Every person the artisan sees has a placement at host X that is not declined.
    const placedAtX = await a.inTenant((tx) =>
      tx
        .selectFrom('placement')
        .innerJoin('enrollment', 'enrollment.id', 'placement.enrollment_id')
        .select('enrollment.person_id')
        .where('placement.host_id', '=', ids.hostX)
        .where('placement.status', '<>', 'DECLINED')
        .execute(),
    );
    expect(new Set(people)).toEqual(new Set(placedAtX.map((r) => r.person_id)));
    // The declined proposal left their view (the coordinator still has it).
    expect((await one(declined.placementId, 'artisanX')).data.placement).toBeNull();
    expect((await one(declined.placementId)).data.placement.status).toBe('DECLINED');
  });

  it('stops new proposals at a paused host but keeps its placements readable', async () => {
    const host = await a.host(ids.weaving, { name: 'Atelier à mettre en pause' });
    await a.artisan(host, '+212661000333');
    // The harness reads the code from the last SMS delivered: deliver the proposals waiting first.
    await deliverPending(t.app.deps.db, t.app.deps.delivery, 1000);
    const artisanToken = await t.signInByCode('+212661000333');
    const first = await a.trainee(ids.cohort);
    const placed = await propose({ enrollmentId: first.enrollmentId, hostId: host, ...OCT });
    await confirm(placed.placement.id);
    await a.inTenant((tx) =>
      tx
        .updateTable('host')
        .set({ status: 'PAUSED', status_reason: 'Congé du maâlem' })
        .where('id', '=', host)
        .execute(),
    );

    const second = await a.trainee(ids.cohort);
    const before = await footprint();
    expect(await propose({ enrollmentId: second.enrollmentId, hostId: host, ...OCT })).toMatchObject({
      placement: null,
      errors: [{ code: 'HOST_NOT_ACTIVE', field: 'hostId' }],
    });
    expect(await footprint()).toEqual(before);

    expect((await one(placed.placement.id)).data.placement).toMatchObject({
      status: 'CONFIRMED',
      host: { id: host },
    });
    expect((await list({ filter: { hostId: host } })).data.placements.totalCount).toBe(1);
    const own = await t.gql(LIST, { filter: { hostId: host } }, { token: artisanToken, tenantId: f.tenantA });
    expect(own.data.placements.edges).toEqual([
      expect.objectContaining({ node: { id: placed.placement.id, status: 'CONFIRMED', host: { id: host } } }),
    ]);
  });
});

describe('reading placements', () => {
  it('lists newest first with a stable cursor, and filters', async () => {
    const cohort = await a.cohort(ids.programme, COHORT.startsOn, COHORT.endsOn);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { enrollmentId } = await a.trainee(cohort);
      const r = await propose({
        enrollmentId,
        hostId: i % 2 ? ids.hostY : ids.hostX,
        startsOn: i < 3 ? '2030-10-01' : '2030-11-01',
        endsOn: i < 3 ? '2030-10-31' : '2030-11-30',
      });
      made.push(r.placement.id);
    }
    await confirm(made[0]!);
    const newestFirst = [...made].reverse();

    const pages: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const r = await list({ first: 2, after, filter: { cohortId: cohort } });
      expect(r.data.placements.totalCount).toBe(5);
      pages.push(...r.data.placements.edges.map((e: { node: { id: string } }) => e.node.id));
      after = r.data.placements.pageInfo.endCursor;
      expect(r.data.placements.pageInfo.hasNextPage).toBe(page < 2);
    }
    expect(pages).toEqual(newestFirst);

    const ids_ = async (filter: Record<string, unknown>) =>
      (await list({ first: 100, filter: { cohortId: cohort, ...filter } })).data.placements.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await ids_({ hostId: ids.hostY })).toEqual([made[3], made[1]]);
    expect(await ids_({ status: ['CONFIRMED'] })).toEqual([made[0]]);
    expect(await ids_({ status: ['PROPOSED', 'CONFIRMED'] })).toEqual(newestFirst);
    expect(await ids_({ on: '2030-11-15' })).toEqual([made[4], made[3]]);
    expect(await ids_({ on: '2030-10-31' })).toEqual([made[2], made[1], made[0]]);
    const enrollmentOf = (await placementRow(made[2]!)).enrollment_id;
    expect(await ids_({ enrollmentId: enrollmentOf })).toEqual([made[2]]);

    for (const filter of [{ hostId: 'x' }, { cohortId: 'x' }, { enrollmentId: 'x' }]) {
      const r = await list({ filter });
      expect(r.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    }
    expect((await list({ first: 101 })).errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect((await list({ after: 'garbage' })).errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('lists a cohort’s enrolled trainees without a confirmed or active placement, by name, for staff', async () => {
    const cohort = await a.cohort(ids.programme, COHORT.startsOn, COHORT.endsOn);
    const make = (lastName: string, status = 'ENROLLED') => a.trainee(cohort, { lastName, status });
    const zahra = await make('Zahri');
    const amine = await make('Amrani');
    const placed = await make('Bennani');
    const proposedOnly = await make('Chraibi');
    const declinedOnly = await make('Daoudi');
    const ended = await make('Elalami');
    await make('Applicant', 'APPLIED');
    await make('Admitted', 'ADMITTED');
    const placeAndMove = async (
      enrollmentId: string,
      to: 'CONFIRMED' | 'PROPOSED' | 'DECLINED' | 'ENDED',
    ) => {
      const r = await propose({
        enrollmentId,
        hostId: ids.hostY,
        startsOn: '2031-01-01',
        endsOn: '2031-01-31',
      });
      if (to === 'CONFIRMED' || to === 'ENDED') await confirm(r.placement.id);
      if (to === 'DECLINED') await decline(r.placement.id, 'Complet');
      if (to === 'ENDED') await endEarly(r.placement.id, 'Abandon');
    };
    await placeAndMove(placed.enrollmentId, 'CONFIRMED');
    await placeAndMove(proposedOnly.enrollmentId, 'PROPOSED');
    await placeAndMove(declinedOnly.enrollmentId, 'DECLINED');
    await placeAndMove(ended.enrollmentId, 'ENDED');

    const expected = [amine, proposedOnly, declinedOnly, ended, zahra].map((x) => x.enrollmentId);
    const all = await t.gql(UNPLACED, { cohortId: cohort }, as('instructor'));
    expect(all.data.unplacedTrainees.totalCount).toBe(5);
    expect(all.data.unplacedTrainees.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected);
    expect(all.data.unplacedTrainees.edges[0].node).toMatchObject({
      status: 'ENROLLED',
      person: { lastNameLatin: 'Amrani' },
    });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      // biome-ignore lint/suspicious/noExplicitAny: checked by the assertions below.
      const page: GqlResult<any> = await t.gql(
        UNPLACED,
        { cohortId: cohort, first: 2, after },
        as('coordinator'),
      );
      seen.push(...page.data.unplacedTrainees.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.data.unplacedTrainees.pageInfo.hasNextPage
        ? page.data.unplacedTrainees.pageInfo.endCursor
        : null;
    } while (after);
    expect(seen).toEqual(expected);

    for (const who of ['trainee', 'artisanX'] as const) {
      const r = await t.gql(UNPLACED, { cohortId: cohort }, as(who));
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows a trainee only their own placements', async () => {
    const own = await propose({ enrollmentId: ids.traineeEnrollment, hostId: ids.hostX, ...OCT });
    expect(own.errors).toEqual([]);
    const { placementId: other } = await proposedAtX({ weekdays: [2] });
    const mine = await list({ first: 100 }, 'trainee');
    expect(mine.data.placements.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      own.placement.id,
    ]);
    expect((await one(own.placement.id, 'trainee')).data.placement).toMatchObject({
      id: own.placement.id,
      enrollment: { person: { id: ids.traineePerson } },
    });
    expect((await one(other, 'trainee')).data.placement).toBeNull();
  });

  it('keeps tenant B from reading or touching tenant A’s placements', async () => {
    const { placementId, enrollmentId } = await proposedAtX();
    expect((await one(placementId, 'directorB')).data.placement).toBeNull();
    const listed = await list({ first: 100 }, 'directorB');
    expect(listed.data.placements.totalCount).toBe(0);
    const filtered = await list({ first: 100, filter: { hostId: ids.hostX } }, 'directorB');
    expect(filtered.data.placements.totalCount).toBe(0);
    const unplaced = await t.gql(UNPLACED, { cohortId: ids.cohort }, as('directorB'));
    expect(unplaced.data.unplacedTrainees.totalCount).toBe(0);
    const before = await footprint();
    expect((await confirm(placementId, 'directorB')).errors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect((await decline(placementId, 'Non', 'directorB')).errors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect((await endEarly(placementId, 'Non', 'directorB')).errors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect((await propose({ enrollmentId, hostId: ids.hostX, ...OCT }, 'directorB')).errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'enrollmentId' },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('loads a page of placements with a fixed number of statements, whatever its size', async () => {
    const statements: string[] = [];
    const counted = await createTestApp(db, { onQuery: (s) => statements.push(s) });
    try {
      const cohort = await a.cohort(ids.programme, COHORT.startsOn, COHORT.endsOn);
      const QUERY = `query ($cohortId: ID!, $first: Int) {
        placements(first: $first, filter: { cohortId: $cohortId }) {
          edges { node { id host { id } enrollment { id person { id } placements { id } }
            history { actor { id } } } }
        }
      }`;
      const count = async (n: number) => {
        statements.length = 0;
        const r = await counted.gql(QUERY, { cohortId: cohort, first: n }, as('coordinator'));
        expect(r.errors).toBeUndefined();
        expect(r.data.placements.edges).toHaveLength(n);
        return statements.length;
      };
      for (let i = 0; i < 12; i++) {
        const { enrollmentId } = await a.trainee(cohort);
        await propose({ enrollmentId, hostId: i % 2 ? ids.hostX : ids.hostY, ...OCT });
      }
      expect(await count(12)).toBe(await count(3));
    } finally {
      await counted.app.close();
    }
  });
});

describe('the reminder', () => {
  const makeDue = (placementId: string) =>
    db.owner
      .updateTable('job')
      .set({ run_at: sql<Date>`now() - interval '1 second'` })
      .where('kind', '=', PLACEMENT_REMINDER_JOB)
      .where(sql<boolean>`payload->>'placementId' = ${placementId}`)
      .execute();
  const run = () => runDueJobs(t.app.deps.db, placementJobHandlers, { limit: 100 });
  const deliver = async () => {
    const before = t.sent.length;
    await deliverPending(t.app.deps.db, t.app.deps.delivery, 100);
    return t.sent.slice(before);
  };

  it('reminds the artisans of an unanswered proposal once, after the delay', async () => {
    const { placementId } = await proposedAtX();
    await deliver();
    // Not yet due: nothing happens.
    await run();
    expect(await deliver()).toEqual([]);
    await makeDue(placementId);
    expect(await run()).toBeGreaterThanOrEqual(1);
    const sms = await deliver();
    expect(sms).toEqual([expect.objectContaining({ recipient: PHONE_X, template: 'placement_reminder' })]);
    expect(sms[0]!.body).toContain('01/10/2030');
    expect((await placementRow(placementId)).reminded_at).toBeInstanceOf(Date);

    // Run again (a retry, or a second job for it): no second reminder.
    await db.owner
      .updateTable('job')
      .set({ status: 'PENDING', attempts: 0, run_at: sql<Date>`now() - interval '1 second'` })
      .where(sql<boolean>`payload->>'placementId' = ${placementId}`)
      .execute();
    expect(await run()).toBeGreaterThanOrEqual(1);
    expect(await deliver()).toEqual([]);
  });

  it('says nothing about a proposal answered in the meantime', async () => {
    const { placementId } = await proposedAtX();
    await confirm(placementId, 'artisanX');
    await deliver();
    await makeDue(placementId);
    await run();
    expect(await deliver()).toEqual([]);
    expect((await placementRow(placementId)).reminded_at).toBeNull();
    const job = await db.owner
      .selectFrom('job')
      .select('status')
      .where(sql<boolean>`payload->>'placementId' = ${placementId}`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('DONE');
  });
});
