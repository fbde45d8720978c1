import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { assertServiceRoleIsUnprivileged, prepareSchema, provisionDatabase } from './db/provision.js';
import { seedDemoData } from './demo/seed.js';
import { startPeriodic } from './lib/periodic.js';
import { certificateJobHandlers } from './modules/certificates/render.js';
import { courseJobHandlers } from './modules/courses/reminders.js';
import { followUpJobHandlers } from './modules/followup/schedule.js';
import { purgeOldAttempts } from './modules/identity/rate-limit.js';
import { importJobHandlers } from './modules/imports/service.js';
import { startJobWorker } from './modules/jobs/worker.js';
import { deliverPending } from './modules/outbox/service.js';
import { advancePlacements } from './modules/placements/advance.js';
import { placementJobHandlers } from './modules/placements/reminders.js';
import { WEB_DIST_DIR } from './serve-client.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await provisionDatabase(config);
  const applied = await prepareSchema(database.ownerUrl, database.appUrl);
  await assertServiceRoleIsUnprivileged(database.appUrl);

  const app = await buildApp({ config, appDatabaseUrl: database.appUrl, webDistDir: WEB_DIST_DIR });
  app.log.info(
    { embedded: database.embedded, migrationsApplied: applied.length },
    database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'using DATABASE_URL',
  );

  if (config.seedDemo) {
    const owner = connect(database.ownerUrl, { max: 1, applicationName: 'maalem-seed' });
    try {
      const accounts = await seedDemoData(owner);
      if (accounts) {
        const [signInWidth, secretWidth] = [
          Math.max(...accounts.map((a) => a.signIn.length)),
          Math.max(...accounts.map((a) => a.secret.length)),
        ];
        const lines = accounts.map(
          (a) => `  ${a.signIn.padEnd(signInWidth)}  ${a.secret.padEnd(secretWidth)}  ${a.who}`,
        );
        // Plain text, not a log line: this is for the person who just typed the start command.
        process.stdout.write(`\nMaalem demo data loaded. Sign in with:\n${lines.join('\n')}\n\n`);
      }
    } finally {
      await owner.destroy();
    }
  }

  // Background work: outbox delivery every second, clean-up of old sign-in attempts every hour,
  // placements moved by the calendar (CONFIRMED → ACTIVE → COMPLETED) at start and every hour,
  // and the job queue (applicant imports, placement and course reminders, graduates' follow-up waves
  // and their links) polled every second.
  const background = [
    startPeriodic(
      () => deliverPending(app.deps.db, app.deps.delivery),
      1_000,
      (error) => app.log.error({ err: error }, 'outbox delivery failed'),
    ),
    startPeriodic(
      () => purgeOldAttempts(app.deps.db),
      3_600_000,
      (error) => app.log.error({ err: error }, 'sign-in attempt clean-up failed'),
    ),
    startPeriodic(
      () => advancePlacements(app.deps.db),
      3_600_000,
      (error) => app.log.error({ err: error }, 'placement status advance failed'),
    ),
    startJobWorker(
      app.deps.db,
      {
        ...importJobHandlers,
        ...placementJobHandlers,
        ...courseJobHandlers,
        ...followUpJobHandlers(config.publicUrl),
        ...certificateJobHandlers(app.deps),
      },
      app.log,
    ),
  ];

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    // Stop taking work, let in-flight requests finish, then close the pool and the database.
    await Promise.all(background.map((task) => task.stop()));
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`Maalem is running at ${address} (GraphQL at ${address}/graphql)\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
