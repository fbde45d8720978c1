import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { connect, type Database } from '../../db/connect.js';
import { newId } from '../../lib/ids.js';
import { type ClaimedJob, enqueueJob, runDueJobs } from './queue.js';

let db: TestDatabase;
/** The service's own role, exactly as the worker connects. */
let service: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  service = connect(db.appUrl, { max: 4 });
});
afterAll(async () => {
  await service.destroy();
  await db.drop();
});

// Each test uses its own kind, so the jobs of one test are invisible to the handlers of another.
const kind = () => `test-${newId()}`;
const enqueue = (k: string, extra: { maxAttempts?: number } = {}) =>
  service
    .transaction()
    .execute((tx) => enqueueJob(tx, { kind: k, tenantId: null, payload: { n: 1 }, ...extra }));
const jobRow = (id: string) =>
  service.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const makeDue = (id: string) =>
  service.updateTable('job').set({ run_at: sql<Date>`now()` }).where('id', '=', id).execute();

describe('job queue', () => {
  it('runs a job once, marks it DONE and hands the handler its payload', async () => {
    const k = kind();
    const id = await enqueue(k);
    const seen: ClaimedJob[] = [];
    const handlers = { [k]: async (job: ClaimedJob) => void seen.push(job) };
    expect(await runDueJobs(service, handlers)).toBe(1);
    expect(await runDueJobs(service, handlers)).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, kind: k, payload: { n: 1 }, attempt: 1, maxAttempts: 3 });
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'DONE', attempts: 1, locked_until: null, last_error: null });
    expect(row.finished_at).toBeInstanceOf(Date);
  });

  it('never gives the same job to two workers running at once', async () => {
    const k = kind();
    const ids = await Promise.all(Array.from({ length: 12 }, () => enqueue(k)));
    const runs: string[] = [];
    const handlers = {
      [k]: async (job: ClaimedJob) => {
        runs.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    };
    const claimed = await Promise.all([
      runDueJobs(service, handlers, { limit: 12 }),
      runDueJobs(service, handlers, { limit: 12 }),
      runDueJobs(service, handlers, { limit: 12 }),
    ]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(12);
    expect(runs.sort()).toEqual([...ids].sort());
    expect(new Set(runs).size).toBe(12);
  });

  it('retries a failing job with back-off, then marks it FAILED without the error message', async () => {
    const k = kind();
    const id = await enqueue(k, { maxAttempts: 3 });
    let calls = 0;
    const handlers = {
      [k]: async () => {
        calls++;
        throw new Error('could not import Fatima Zahra, CIN AB123456');
      },
    };
    expect(await runDueJobs(service, handlers)).toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'Error' });
    expect(row.run_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: the back-off holds.
    expect(await runDueJobs(service, handlers)).toBe(0);

    await makeDue(id);
    await runDueJobs(service, handlers);
    expect((await jobRow(id)).status).toBe('PENDING');
    await makeDue(id);
    await runDueJobs(service, handlers);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.last_error).not.toMatch(/Fatima|AB123456/);

    await makeDue(id);
    expect(await runDueJobs(service, handlers)).toBe(0);
    expect(calls).toBe(3);
  });

  it('never runs a job queued in a transaction that rolled back', async () => {
    const k = kind();
    let queued: string | undefined;
    await expect(
      service.transaction().execute(async (tx) => {
        queued = await enqueueJob(tx, { kind: k, tenantId: null, payload: {} });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(queued).toBeDefined();
    let calls = 0;
    expect(await runDueJobs(service, { [k]: async () => void calls++ })).toBe(0);
    expect(calls).toBe(0);
    expect(await service.selectFrom('job').select('id').where('kind', '=', k).execute()).toEqual([]);
  });

  it('takes back a job whose worker died once its lease is over, and fails it when attempts are spent', async () => {
    const k = kind();
    const id = await enqueue(k, { maxAttempts: 2 });
    // A worker claimed it and died: RUNNING, lease still valid, then expired.
    await service
      .updateTable('job')
      .set({ status: 'RUNNING', attempts: 1, locked_until: sql<Date>`now() + interval '1 minute'` })
      .where('id', '=', id)
      .execute();
    let calls = 0;
    const handlers = { [k]: async () => void calls++ };
    expect(await runDueJobs(service, handlers)).toBe(0);
    await service
      .updateTable('job')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', id)
      .execute();
    expect(await runDueJobs(service, handlers)).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'DONE', attempts: 2 });

    // Died on its last attempt: failed, not retried for ever.
    const last = await enqueue(k, { maxAttempts: 1 });
    await service
      .updateTable('job')
      .set({ status: 'RUNNING', attempts: 1, locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', last)
      .execute();
    expect(await runDueJobs(service, handlers)).toBe(0);
    expect(await jobRow(last)).toMatchObject({ status: 'FAILED', last_error: 'lease expired' });
    expect(calls).toBe(1);
  });

  it('leaves jobs of kinds it has no handler for, and runs only the named ones when asked', async () => {
    const [mine, other] = [kind(), kind()];
    const foreign = await enqueue(other);
    const a = await enqueue(mine);
    const b = await enqueue(mine);
    const ran: string[] = [];
    const handlers = { [mine]: async (job: ClaimedJob) => void ran.push(job.id) };
    expect(await runDueJobs(service, handlers, { onlyIds: [b] })).toBe(1);
    expect(ran).toEqual([b]);
    expect(await runDueJobs(service, handlers)).toBe(1);
    expect(ran).toEqual([b, a]);
    expect((await jobRow(foreign)).status).toBe('PENDING');
  });
});
