import type { CohortRow, ProgrammeRow, TradeRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { UserError } from '../../graphql/errors.js';

// Reads other modules may call inside their own tenant transaction (loaders, enrollment rules).

export async function tradesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, TradeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('trade')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function programmesByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, ProgrammeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('programme')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function cohortsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, CohortRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('cohort')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The cohort and its programme, with the cohort row locked until the transaction ends: whoever
 * admits or enrolls into it next waits, so its capacity is checked against settled counts.
 */
export async function lockCohort(
  tx: Tx,
  cohortId: string,
): Promise<{ cohort: CohortRow; programme: ProgrammeRow }> {
  const cohort = await tx
    .selectFrom('cohort')
    .selectAll()
    .where('id', '=', cohortId)
    .forUpdate()
    .executeTakeFirst();
  if (!cohort) throw new UserError('NOT_FOUND', 'cohortId');
  const programme = await tx
    .selectFrom('programme')
    .selectAll()
    .where('id', '=', cohort.programme_id)
    .executeTakeFirstOrThrow();
  return { cohort, programme };
}
