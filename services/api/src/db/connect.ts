import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.generated.js';

// A calendar date is a calendar date: keep PostgreSQL `date` as 'YYYY-MM-DD', never a JS Date at
// local midnight. Counts (int8) fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Database = Kysely<DB>;

export interface ConnectOptions {
  max?: number;
  applicationName?: string;
  /** Told of every statement sent (transaction control included), e.g. for tests that count them. */
  onQuery?: (sql: string) => void;
}

export function connect(url: string, options: ConnectOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'maalem',
    // Fail fast when the server is unreachable, so readiness answers instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  const { onQuery } = options;
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    // Failed statements were sent too, so both log levels count.
    log: onQuery ? (event) => onQuery(event.query.sql) : undefined,
  });
}

/** Same server, other credentials (and optionally another database). */
export function withCredentials(url: string, user: string, password: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  if (database) parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
