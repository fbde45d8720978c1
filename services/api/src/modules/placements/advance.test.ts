import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { addDays, todayIn } from '../../lib/time.js';
import { advancePlacements } from './advance.js';
import { type Seeder, seeder } from './test-seed.js';

// Its own database: advancing moves every placement of every tenant, which would disturb the
// other test files' rows.

let env: TestEnv;
let a: Seeder;
let b: Seeder;

beforeAll(async () => {
  env = await openTestEnv();
  a = seeder(env.db.owner, env.f.tenantA);
  b = seeder(env.db.owner, env.f.tenantB);
  // Tenant B keeps the clocks of the Line Islands (UTC+14): at noon UTC it is already tomorrow there.
  await env.db.owner
    .updateTable('tenant')
    .set({ timezone: 'Pacific/Kiritimati' })
    .where('id', '=', env.f.tenantB)
    .execute();
});
afterAll(async () => {
  await env.close();
});

/** A trainee of a fresh cohort in tenant `s`, and a host of the same trade. */
async function setUp(s: Seeder) {
  const trade = await s.trade();
  const cohort = await s.cohort(await s.programme(trade), '2030-01-01', '2031-12-31');
  const host = await s.host(trade, { capacity: 50 });
  return async (startsOn: string, endsOn: string, status: string) => {
    const { enrollmentId } = await s.trainee(cohort);
    return s.placement({ enrollmentId, hostId: host, startsOn, endsOn, status, weekdays: [1, 2, 3, 4, 5] });
  };
}

const statusesOf = (s: Seeder, ids: string[]) =>
  s
    .inTenant((tx) => tx.selectFrom('placement').select(['id', 'status']).where('id', 'in', ids).execute())
    .then((rows) => Object.fromEntries(rows.map((r) => [r.id, r.status])));
const eventsOf = (s: Seeder) =>
  s.inTenant((tx) =>
    tx.selectFrom('placement_event').selectAll().orderBy('placement_id').orderBy('at').execute(),
  );

describe('advancePlacements', () => {
  it('moves placements by each tenant’s own calendar, with a history row without an actor, once', async () => {
    // Noon UTC on Tuesday 1 October 2030: still the 1st in Casablanca, already the 2nd in Kiritimati.
    const now = new Date('2030-10-01T12:00:00Z');
    expect(todayIn('Africa/Casablanca', now)).toBe('2030-10-01');
    expect(todayIn('Pacific/Kiritimati', now)).toBe('2030-10-02');

    const inA = await setUp(a);
    const startsToday = await inA('2030-10-01', '2030-10-31', 'CONFIRMED');
    const startsTomorrow = await inA('2030-10-02', '2030-10-31', 'CONFIRMED');
    const endedYesterday = await inA('2030-09-01', '2030-09-30', 'ACTIVE');
    const neverStartedEnded = await inA('2030-09-01', '2030-09-30', 'CONFIRMED');
    const endsToday = await inA('2030-09-01', '2030-10-01', 'ACTIVE');
    const unanswered = await inA('2030-09-01', '2030-09-30', 'PROPOSED');
    const declined = await inA('2030-09-01', '2030-09-30', 'DECLINED');
    const endedEarly = await inA('2030-09-01', '2030-10-31', 'ENDED_EARLY');
    const inB = await setUp(b);
    const startsTomorrowInA = await inB('2030-10-02', '2030-10-31', 'CONFIRMED');
    const endsTodayInA = await inB('2030-09-01', '2030-10-01', 'ACTIVE');

    const moved = await advancePlacements(env.t.app.deps.db, now);
    expect(moved).toEqual({ activated: 2, completed: 3 });

    expect(
      await statusesOf(a, [
        startsToday,
        startsTomorrow,
        endedYesterday,
        neverStartedEnded,
        endsToday,
        unanswered,
        declined,
        endedEarly,
      ]),
    ).toEqual({
      [startsToday]: 'ACTIVE',
      [startsTomorrow]: 'CONFIRMED',
      [endedYesterday]: 'COMPLETED',
      [neverStartedEnded]: 'COMPLETED',
      [endsToday]: 'ACTIVE',
      [unanswered]: 'PROPOSED',
      [declined]: 'DECLINED',
      [endedEarly]: 'ENDED_EARLY',
    });
    expect(await statusesOf(b, [startsTomorrowInA, endsTodayInA])).toEqual({
      [startsTomorrowInA]: 'ACTIVE',
      [endsTodayInA]: 'COMPLETED',
    });

    const pick = (e: { placement_id: string; from_status: string | null; to_status: string }) => ({
      placement: e.placement_id,
      from: e.from_status,
      to: e.to_status,
    });
    const eventsA = await eventsOf(a);
    expect(eventsA.map(pick).sort((x, y) => x.placement.localeCompare(y.placement))).toEqual(
      [
        { placement: startsToday, from: 'CONFIRMED', to: 'ACTIVE' },
        { placement: endedYesterday, from: 'ACTIVE', to: 'COMPLETED' },
        { placement: neverStartedEnded, from: 'CONFIRMED', to: 'COMPLETED' },
      ].sort((x, y) => x.placement.localeCompare(y.placement)),
    );
    for (const event of eventsA) expect(event).toMatchObject({ actor_user_id: null, reason: null });
    expect((await eventsOf(b)).map(pick).sort((x, y) => x.placement.localeCompare(y.placement))).toEqual(
      [
        { placement: startsTomorrowInA, from: 'CONFIRMED', to: 'ACTIVE' },
        { placement: endsTodayInA, from: 'ACTIVE', to: 'COMPLETED' },
      ].sort((x, y) => x.placement.localeCompare(y.placement)),
    );

    // Run again: nothing more moves and no history is repeated.
    expect(await advancePlacements(env.t.app.deps.db, now)).toEqual({ activated: 0, completed: 0 });
    expect(await eventsOf(a)).toHaveLength(3);
    expect(await eventsOf(b)).toHaveLength(2);

    // A day later in Casablanca, the one that waited starts and the one that ended on the 1st is
    // over, once each, even with two runs at once.
    const later = new Date('2030-10-02T12:00:00Z');
    const [one, two] = await Promise.all([
      advancePlacements(env.t.app.deps.db, later),
      advancePlacements(env.t.app.deps.db, later),
    ]);
    expect(one.activated + two.activated).toBe(1);
    expect(one.completed + two.completed).toBe(1);
    expect(await statusesOf(a, [startsTomorrow, endsToday])).toEqual({
      [startsTomorrow]: 'ACTIVE',
      [endsToday]: 'COMPLETED',
    });
    expect(await eventsOf(a)).toHaveLength(5);
  });

  it('uses the real clock by default', async () => {
    const today = todayIn('Africa/Casablanca');
    const inA = await setUp(a);
    const id = await inA(addDays(today, -1), addDays(today, 10), 'CONFIRMED');
    const moved = await advancePlacements(env.t.app.deps.db);
    expect(moved.activated).toBeGreaterThanOrEqual(1);
    expect((await statusesOf(a, [id]))[id]).toBe('ACTIVE');
  });
});
