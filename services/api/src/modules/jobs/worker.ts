import type { Database } from '../../db/connect.js';
import { startPeriodic } from '../../lib/periodic.js';
import { type JobHandlers, type JobLog, runDueJobs } from './queue.js';

const POLL_MS = 1_000;
const BATCH = 5;

/**
 * The background worker main.ts starts: every second it claims due jobs and runs them. `stop`
 * waits for the job in progress, so a shutdown lets a running import finish (or, if the process is
 * killed anyway, the job's lease runs out and another worker retries it).
 */
export function startJobWorker(db: Database, handlers: JobHandlers, log: JobLog): { stop(): Promise<void> } {
  return startPeriodic(
    () => runDueJobs(db, handlers, { limit: BATCH, log }),
    POLL_MS,
    (error) => log.error({ err: error }, 'job worker failed'),
  );
}
