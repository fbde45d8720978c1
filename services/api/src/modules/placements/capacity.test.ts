import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { createFixture, type Fixture } from '../../../test/fixtures.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../identity/password.js';
import { dailyLoad } from './service.js';
import { type Seeder, seeder } from './test-seed.js';

// The acceptance test: a host with 5 places, 50 confirmations at the same moment, each for
// a different trainee on the same days. The host's row lock makes them take turns, so exactly 5
// pass and 45 get a typed HOST_FULL. (Without lockHost, tried once: 12 of 50 were confirmed.)

let db: TestDatabase;
let t: TestApp;
let f: Fixture;
let a: Seeder;
let coordinator: string;

const CONFIRM = `mutation ($input: AnswerPlacementInput!) {
  confirmPlacement(input: $input) { placement { id status } errors { code field } }
}`;

beforeAll(async () => {
  db = await createTestDatabase();
  f = await createFixture(db.owner);
  // Enough connections for the confirmations to really run side by side.
  t = await createTestApp(db, { poolMax: 12 });
  a = seeder(db.owner, f.tenantA);
  const userId = newId();
  await db.owner
    .insertInto('app_user')
    .values({
      id: userId,
      display_name: 'Coordination',
      email: 'coordination.capacity@test.ma',
      password_hash: await hashPassword('correct horse battery'),
    })
    .execute();
  await a.inTenant((tx) =>
    tx
      .insertInto('membership')
      .values({ tenant_id: f.tenantA, id: newId(), user_id: userId, role: 'COORDINATOR' })
      .execute(),
  );
  coordinator = await t.signIn('coordination.capacity@test.ma');
});
afterAll(async () => {
  await t.app.close();
  await db.drop();
});

describe('a host’s capacity under concurrent confirmations', () => {
  it('confirms exactly 5 of 50 simultaneous answers for a host with 5 places; the others are HOST_FULL', async () => {
    const trade = await a.trade();
    const cohort = await a.cohort(await a.programme(trade), '2030-09-02', '2031-07-15');
    const host = await a.host(trade, { capacity: 5 });
    const placements: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { enrollmentId } = await a.trainee(cohort);
      placements.push(
        await a.placement({ enrollmentId, hostId: host, startsOn: '2030-10-01', endsOn: '2030-12-20' }),
      );
    }

    const answers = await Promise.all(
      placements.map((id) => t.gql(CONFIRM, { input: { id } }, { token: coordinator, tenantId: f.tenantA })),
    );

    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const payloads = answers.map((r) => r.data.confirmPlacement);
    const confirmed = payloads.filter((p) => p.errors.length === 0);
    const refused = payloads.filter((p) => p.errors.length > 0);
    expect(confirmed).toHaveLength(5);
    for (const p of confirmed) expect(p.placement.status).toBe('CONFIRMED');
    expect(refused).toHaveLength(45);
    for (const p of refused)
      expect(p).toEqual({ placement: null, errors: [{ code: 'HOST_FULL', field: null }] });

    // The database agrees: 5 holding a place, 45 still waiting; one answer event and one audit
    // event per confirmation, nothing for the refused ones.
    const rows = await a.inTenant((tx) =>
      tx.selectFrom('placement').select(['id', 'status']).where('host_id', '=', host).execute(),
    );
    expect(rows.filter((r) => r.status === 'CONFIRMED')).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'PROPOSED')).toHaveLength(45);
    const events = await a.inTenant((tx) =>
      tx.selectFrom('placement_event').select('placement_id').where('to_status', '=', 'CONFIRMED').execute(),
    );
    expect(events.map((e) => e.placement_id).sort()).toEqual(
      confirmed.map((p) => p.placement.id as string).sort(),
    );
    const audits = await a.inTenant((tx) =>
      tx.selectFrom('audit_event').select('id').where('action', '=', 'placement.confirmed').execute(),
    );
    expect(audits).toHaveLength(5);

    // Every day of the range holds at most 5, and Tuesday to Friday hold exactly 5.
    const load = await a.inTenant(
      async (tx) => (await dailyLoad(tx, [host], '2030-10-01', '2030-12-20')).get(host)!,
    );
    expect(Math.max(...load.map((d) => d.confirmed))).toBe(5);
  });
});
