import type { HostRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { UserError } from '../../graphql/errors.js';

// Reads other modules may call inside their own tenant transaction (placements, loaders).

export async function hostsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, HostRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('host')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The host, locked until the transaction ends: confirmations at one host take turns, so each one
 * checks the capacity against every confirmation committed before it.
 */
export async function lockHost(tx: Tx, hostId: string): Promise<HostRow> {
  const host = await tx
    .selectFrom('host')
    .selectAll()
    .where('id', '=', hostId)
    .forUpdate()
    .executeTakeFirst();
  if (!host) throw new UserError('NOT_FOUND', 'hostId');
  return host;
}
