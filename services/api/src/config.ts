import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Owner connection (runs migrations). Absent: an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Service connection: a role that owns nothing and is subject to row-level security. */
  appDatabaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data between restarts. */
  dataDir: string;
  /** Port of the embedded PostgreSQL (loopback only). */
  embeddedPgPort: number;
  /** Load the demo data into an empty database. */
  seedDemo: boolean;
  dbPoolMax: number;
  /** Hours a placement proposal may wait for the artisan's answer before an SMS reminds them. */
  placementReminderHours: number;
  /**
   * The address people reach the product at: certificate QR codes and one-time follow-up links
   * printed or sent by SMS must be absolute. Default: this machine's port.
   */
  publicUrl: string;
  /** The Chromium that renders PDFs (certificates, reports): Debian's, never a downloaded one. */
  chromiumPath: string;
  /** Multiplies the sign-in attempt limits (per phone or e-mail, per address, per 15 minutes). */
  authRateLimitFactor: number;
}

export class ConfigError extends Error {}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the environment; every problem is reported at once, in plain words. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as NodeEnv;
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${env.NODE_ENV}")`);
  }
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a port number between 0 and 65535 (got "${env.PORT}")`);
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  for (const name of ['DATABASE_URL', 'APP_DATABASE_URL'] as const) {
    const value = env[name];
    if (value && !/^postgres(ql)?:\/\//.test(value)) {
      problems.push(`${name} must be a postgres:// connection URL`);
    }
  }
  if (env.APP_DATABASE_URL && !env.DATABASE_URL) {
    problems.push('APP_DATABASE_URL needs DATABASE_URL too (the owner connection that runs migrations)');
  }
  const seedDemo = parseBoolean(env.SEED_DEMO, !env.DATABASE_URL, 'SEED_DEMO', problems);
  const embeddedPgPort = Number(env.EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(embeddedPgPort) || embeddedPgPort < 1 || embeddedPgPort > 65535) {
    problems.push('EMBEDDED_PG_PORT must be a port number');
  }
  const dbPoolMax = Number(env.DB_POOL_MAX ?? 10);
  if (!Number.isInteger(dbPoolMax) || dbPoolMax < 1) problems.push('DB_POOL_MAX must be a positive integer');
  const placementReminderHours = Number(env.PLACEMENT_REMINDER_HOURS ?? 48);
  if (
    !Number.isFinite(placementReminderHours) ||
    placementReminderHours <= 0 ||
    placementReminderHours > 720
  ) {
    problems.push('PLACEMENT_REMINDER_HOURS must be a number of hours between 0 and 720');
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) problems.push('PUBLIC_URL must be an http(s):// address');
  const authRateLimitFactor = Number(env.AUTH_RATE_LIMIT_FACTOR ?? 1);
  if (!Number.isInteger(authRateLimitFactor) || authRateLimitFactor < 1 || authRateLimitFactor > 100) {
    problems.push('AUTH_RATE_LIMIT_FACTOR must be a whole number from 1 to 100');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    nodeEnv,
    port,
    host: env.HOST ?? '127.0.0.1',
    logLevel,
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.APP_DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    embeddedPgPort,
    seedDemo,
    dbPoolMax,
    placementReminderHours,
    publicUrl,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    authRateLimitFactor,
  };
}

function parseBoolean(
  value: string | undefined,
  fallback: boolean,
  name: string,
  problems: string[],
): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return fallback;
}
