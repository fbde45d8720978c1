import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index.js';

/** Runs pending migrations as the owner role; throws with the failing migration's name. */
export async function migrateToLatest(ownerDb: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db: ownerDb, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}

// What the service role may do. Shared tables are read-only for it; the audit trail is append-only.
const READ_ONLY = ['network', 'tenant'];
const APPEND_ONLY = [
  'audit_event',
  'auth_event',
  'enrollment_event',
  'placement_event',
  'attendance_event',
  'certificate_serial',
  'venture_event',
];

/**
 * Gives the service role exactly the rights it needs on the current tables. Run after every
 * migration: the role owns nothing, so it cannot grant itself anything or switch RLS off.
 */
export async function grantServiceRole(ownerDb: Kysely<unknown>, role: string): Promise<void> {
  const ident = sql.id(role);
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(
    ownerDb,
  );
  await sql`grant usage on schema public to ${ident}`.execute(ownerDb);
  for (const { tablename } of rows) {
    const table = sql.id(tablename);
    await sql`revoke all on ${table} from ${ident}`.execute(ownerDb);
    if (READ_ONLY.includes(tablename)) {
      await sql`grant select on ${table} to ${ident}`.execute(ownerDb);
    } else if (APPEND_ONLY.includes(tablename)) {
      await sql`grant select, insert on ${table} to ${ident}`.execute(ownerDb);
    } else {
      await sql`grant select, insert, update, delete on ${table} to ${ident}`.execute(ownerDb);
    }
  }
}
