import { sql, type Transaction } from 'kysely';
import type { Database } from './connect.js';
import type { DB } from './tables.generated.js';

export type Tx = Transaction<DB>;

/**
 * Runs fn in one transaction scoped to a tenant: row-level security then shows and accepts only
 * that tenant's rows. The setting is transaction-local, so a pooled connection never carries it
 * into the next request.
 */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { tenantId, userId: null }, fn);
}

/**
 * Runs fn with no tenant, as a signed-in person (or nobody): tenant-owned tables show nothing but
 * that person's own memberships. For sign-in and picking a tenant.
 */
export function withUser<T>(db: Database, userId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { tenantId: null, userId }, fn);
}

function inScope<T>(
  db: Database,
  scope: { tenantId: string | null; userId: string | null },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.tenant_id', ${scope.tenantId ?? ''}, true),
                     set_config('app.user_id', ${scope.userId ?? ''}, true)`.execute(tx);
    return fn(tx);
  });
}
