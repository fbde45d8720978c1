import type { Database } from '../src/db/connect.js';
import type { DB } from '../src/db/tables.generated.js';
import { withTenant } from '../src/db/with-tenant.js';

/**
 * The rows of one tenant in a table, read as the owner inside that tenant's transaction (row-level
 * security applies to the owner too): what tests compare before and after a refused write.
 */
export async function countRows(owner: Database, tenantId: string, table: keyof DB): Promise<number> {
  const row = await withTenant(owner, tenantId, (tx) =>
    tx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}
