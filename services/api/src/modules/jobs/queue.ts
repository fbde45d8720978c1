import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import type { Tx } from '../../db/with-tenant.js';
import { isUserError } from '../../graphql/errors.js';
import { newId } from '../../lib/ids.js';

/** A job as its handler receives it: ids only, never personal data. */
export interface ClaimedJob {
  id: string;
  kind: string;
  tenantId: string | null;
  payload: Record<string, unknown>;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  maxAttempts: number;
}

/**
 * Does the work of one kind of job. Throwing retries the job later (with back-off) until its
 * attempts run out. Handlers must be safe to run again after a crash: a job whose worker died is
 * picked up once its lease has expired.
 */
export type JobHandler = (job: ClaimedJob, db: Database) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobLog {
  error(obj: object, msg: string): void;
}

/** How long a claimed job belongs to its worker; the worker renews it while the handler runs. */
export const LEASE_MS = 5 * 60_000;
const RENEW_EVERY_MS = LEASE_MS / 3;
/** Back-off before retry n (1-based): 30 s, 2 min, 8 min… capped at 1 h. */
export const retryDelaySeconds = (attempt: number): number => Math.min(30 * 4 ** (attempt - 1), 3_600);

/**
 * Queues a job in the caller's transaction, so it exists only if the work that asked for it
 * commits. Returns the job's id.
 */
export async function enqueueJob(
  tx: Tx,
  job: {
    kind: string;
    tenantId: string | null;
    payload: Record<string, unknown>;
    runAt?: Date;
    maxAttempts?: number;
  },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('job')
    .values({
      id,
      kind: job.kind,
      for_tenant_id: job.tenantId,
      payload: JSON.stringify(job.payload),
      ...(job.runAt ? { run_at: job.runAt } : {}),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    })
    .execute();
  return id;
}

/**
 * Claims up to `limit` due jobs of the kinds in `handlers` and runs them one after the other.
 * Claiming is one `update … where id in (select … for update skip locked)`: concurrent workers
 * never get the same job, and the claim commits before the handler starts, so a poller sees
 * RUNNING. A job whose lease ran out (its worker died) is due again. `onlyIds` restricts the claim
 * to given jobs (to run a just-queued job at once). Returns how many jobs were claimed.
 */
export async function runDueJobs(
  db: Database,
  handlers: JobHandlers,
  options: { limit?: number; onlyIds?: readonly string[]; log?: JobLog } = {},
): Promise<number> {
  const kinds = Object.keys(handlers);
  if (kinds.length === 0 || options.onlyIds?.length === 0) return 0;
  await failExhaustedLeases(db);
  const claimed = await db
    .updateTable('job')
    .set((eb) => ({
      status: 'RUNNING',
      attempts: eb('attempts', '+', 1),
      locked_until: sql<Date>`now() + make_interval(secs => ${LEASE_MS / 1000})`,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('job')
        .select('id')
        .where('kind', 'in', kinds)
        .where('attempts', '<', eb.ref('max_attempts'))
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'PENDING'), w('run_at', '<=', sql<Date>`now()`)]),
            w.and([w('status', '=', 'RUNNING'), w('locked_until', '<', sql<Date>`now()`)]),
          ]),
        )
        .$if(options.onlyIds !== undefined, (qb) => qb.where('id', 'in', options.onlyIds!))
        .orderBy('run_at')
        .limit(options.limit ?? 5)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'for_tenant_id', 'payload', 'attempts', 'max_attempts'])
    .execute();

  for (const row of claimed) {
    const job: ClaimedJob = {
      id: row.id,
      kind: row.kind,
      tenantId: row.for_tenant_id,
      payload: (row.payload ?? {}) as Record<string, unknown>,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
    };
    await runOne(db, handlers[job.kind]!, job, options.log);
  }
  return claimed.length;
}

async function runOne(db: Database, handler: JobHandler, job: ClaimedJob, log?: JobLog): Promise<void> {
  // Only the claim that is still ours may renew or settle the job: if our lease ran out and
  // another worker re-claimed it, `attempts` moved on and these updates match nothing.
  const ours = () =>
    db
      .updateTable('job')
      .where('id', '=', job.id)
      .where('status', '=', 'RUNNING')
      .where('attempts', '=', job.attempt);
  const renew = setInterval(() => {
    ours()
      .set({ locked_until: sql<Date>`now() + make_interval(secs => ${LEASE_MS / 1000})` })
      .execute()
      .catch(() => {});
  }, RENEW_EVERY_MS);
  try {
    await handler(job, db);
    clearInterval(renew);
    await ours().set({ status: 'DONE', locked_until: null, finished_at: new Date() }).execute();
  } catch (error) {
    clearInterval(renew);
    log?.error({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempt }, 'job failed');
    const last = job.attempt >= job.maxAttempts;
    await ours()
      .set({
        status: last ? 'FAILED' : 'PENDING',
        locked_until: null,
        last_error: describeError(error),
        ...(last
          ? { finished_at: new Date() }
          : { run_at: sql<Date>`now() + make_interval(secs => ${retryDelaySeconds(job.attempt)})` }),
      })
      .execute();
  }
}

/**
 * A job whose worker died on its last attempt would otherwise stay RUNNING for ever: once its
 * lease is over it is FAILED.
 */
async function failExhaustedLeases(db: Database): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'FAILED', locked_until: null, last_error: 'lease expired', finished_at: new Date() })
    .where('status', '=', 'RUNNING')
    .where('locked_until', '<', sql<Date>`now()`)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .execute();
}

/**
 * What is kept of an error: its kind and codes, never its message, which may quote the data it
 * choked on (a driver error names the value; a handler's message may name a person).
 */
export function describeError(error: unknown): string {
  if (isUserError(error)) return `UserError ${error.code}${error.field ? ` (${error.field})` : ''}`;
  if (error instanceof Error) {
    const { code, constraint } = error as Error & { code?: unknown; constraint?: unknown };
    return [
      error.name,
      typeof code === 'string' ? code : null,
      typeof constraint === 'string' ? constraint : null,
    ]
      .filter(Boolean)
      .join(' ')
      .slice(0, 200);
  }
  return 'non-error thrown';
}
