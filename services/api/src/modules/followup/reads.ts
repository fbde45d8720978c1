import type { GraduationRow, OutcomeRow } from '../../db/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import type { Role } from '../../graphql/generated/resolvers.js';
import { groupBy } from '../../lib/group-by.js';
import { uniqueUuids } from '../../lib/ids.js';
import { graduationsByIds } from '../graduation/standing.js';
import { holdsAny, inTenant, requireMember } from '../identity/access.js';

/** Staff who read the follow-up (the work list, the waves, the integration figures). */
export const READERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'NETWORK_ADMIN'];
/** Staff who record answers and send links. */
export const WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];

/** The waves of several graduations, in order (the Graduation.outcomes loader). */
export async function outcomesOfGraduations(
  ctx: Context,
  graduationIds: readonly string[],
): Promise<Map<string, OutcomeRow[]>> {
  const actor = await requireMember(ctx);
  // A trainee or an artisan may see a graduation, not what the graduate told the centre since.
  if (!holdsAny(actor, READERS)) return new Map();
  const wanted = uniqueUuids(graduationIds);
  if (wanted.length === 0) return new Map();
  const rows = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tx
      .selectFrom('outcome')
      .selectAll()
      .where('graduation_id', 'in', wanted)
      .orderBy('months_after_graduation')
      .execute(),
  );
  return groupBy(rows, (row) => row.graduation_id);
}

/** Graduations for the Outcome.graduation loader (whoever reads outcomes is staff already). */
export const readGraduations = (ctx: Context, ids: readonly string[]): Promise<Map<string, GraduationRow>> =>
  inTenant(ctx, (tx) => graduationsByIds(tx, ids), READERS);
