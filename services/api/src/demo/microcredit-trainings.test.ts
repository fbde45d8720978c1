import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { computeTrainingIndicators } from '../modules/indicators/service.js';
import { seedMicrocreditTrainings } from './microcredit-trainings.js';

let db: TestDatabase;
const tenantId = newId();
let seconds = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  const networkId = newId();
  await db.owner.insertInto('network').values({ id: networkId, name: 'Réseau de démonstration' }).execute();
  await db.owner
    .insertInto('tenant')
    .values({
      id: tenantId,
      network_id: networkId,
      kind: 'MICROCREDIT_CENTRE',
      name: 'Centre d’appui au microcrédit',
      city: 'Casablanca',
      locale: 'fr-MA',
    })
    .execute();
  const started = performance.now();
  await seedMicrocreditTrainings(db.owner, tenantId);
  seconds = (performance.now() - started) / 1000;
}, 60_000);
afterAll(async () => {
  await db.drop();
});

it('loads in a few seconds', () => {
  expect(seconds).toBeLessThan(10);
});

it('gives the published 2024 figures: 4,913 participants and 845 training-days', async () => {
  const indicators = await withTenant(db.owner, tenantId, (tx) => computeTrainingIndicators(tx, 2024));
  const { figures, previous, change } = indicators.total;
  expect(figures.participants).toBe(4913);
  expect(figures.trainingDays).toBe(845);
  // Some people took two or three trainings.
  expect(figures.participations).toBeGreaterThan(figures.participants);
  expect(figures.trainingsPerParticipant).toBeGreaterThan(1.1);
  expect(figures.completed).toBeGreaterThan(0);
  expect(figures.completed).toBeLessThan(figures.participations);
  // 2023 (invented for the demo) is there to compare with.
  expect(previous.participants).toBe(4478);
  expect(previous.trainingDays).toBe(790);
  expect(change.participants).toBeCloseTo(4913 / 4478 - 1, 10);

  expect(indicators.byTrainingLine.length).toBeGreaterThanOrEqual(18);
  expect(indicators.byTrainingLine.reduce((sum, l) => sum + l.figures.trainingDays, 0)).toBe(845);
  expect(indicators.byCity.map((l) => l.key)).toEqual(
    expect.arrayContaining(['Casablanca', 'Rabat', 'Fès', 'Marrakech', 'Agadir', 'Laâyoune', 'E-learning']),
  );
  expect(indicators.byMode.map((l) => l.key).sort()).toEqual(['BLENDED', 'E_LEARNING', 'IN_PERSON']);
  expect(indicators.byAudience.map((l) => l.key)).toEqual(
    expect.arrayContaining(['MFI_STAFF', 'MICRO_ENTREPRENEURS']),
  );
  expect(indicators.bySex.reduce((sum, l) => sum + l.figures.participants, 0)).toBe(4913);
});

it('leaves out what must not count: a cancelled course, withdrawals and a waitlist', async () => {
  const counts = await withTenant(db.owner, tenantId, async (tx) => ({
    cancelledCourses: await tx
      .selectFrom('course')
      .where('status', '=', 'CANCELLED')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    statuses: await tx
      .selectFrom('registration')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    people: await tx
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  }));
  expect(counts.cancelledCourses.n).toBe(1);
  // 2024's participants plus 2023's newcomers.
  expect(counts.people.n).toBe(4913 + 4478 - 1650);
  expect(counts.statuses.map((s) => s.status).sort()).toEqual([
    'CANCELLED',
    'COMPLETED',
    'REGISTERED',
    'WAITLISTED',
  ]);
});
