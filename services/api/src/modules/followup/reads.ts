import type { GraduationRow, OutcomeRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import type { Role } from '../../graphql/generated/resolvers.js';
import { isUuid } from '../../lib/ids.js';
import { requireMember } from '../identity/access.js';

/** Staff who read the follow-up (the work list, the waves, the integration figures). */
export const READERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'NETWORK_ADMIN'];
/** Staff who record answers and send links. */
export const WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];

/**
 * Graduations by id. A read-only look at the graduation module's table: a wave needs its
 * graduation's day and enrollment, nothing that module decides.
 */
export async function graduationsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, GraduationRow>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('graduation').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The waves of several graduations, in order (the Graduation.outcomes loader). */
export async function outcomesOfGraduations(
  ctx: Context,
  graduationIds: readonly string[],
): Promise<Map<string, OutcomeRow[]>> {
  const actor = await requireMember(ctx);
  // A trainee or an artisan may see a graduation, not what the graduate told the centre since.
  if (!actor.roles.some((role) => READERS.includes(role))) return new Map();
  const wanted = [...new Set(graduationIds)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tx
      .selectFrom('outcome')
      .selectAll()
      .where('graduation_id', 'in', wanted)
      .orderBy('months_after_graduation')
      .execute(),
  );
  const byGraduation = new Map<string, OutcomeRow[]>();
  for (const row of rows) {
    const list = byGraduation.get(row.graduation_id) ?? [];
    list.push(row);
    byGraduation.set(row.graduation_id, list);
  }
  return byGraduation;
}

/** Graduations for the Outcome.graduation loader (whoever reads outcomes is staff already). */
export async function readGraduations(
  ctx: Context,
  ids: readonly string[],
): Promise<Map<string, GraduationRow>> {
  const actor = await requireMember(ctx, READERS);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => graduationsByIds(tx, ids));
}
