import { withTenant, withUser } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import type { TenantRow } from './service.js';

/**
 * The network roll-up's one narrow path (DESIGN: nothing else crosses tenants). The caller must be
 * NETWORK_ADMIN in the current centre; the centres returned are those of the same network in which
 * they are NETWORK_ADMIN too, by name. Each centre's figures are then computed in that centre's own
 * tenant-scoped transaction (`withTenant(db, centre.id, …)`): no query joins two tenants, and another
 * network's centres are never listed. The roll-up is audited in the current centre.
 */
export async function networkCentres(
  ctx: Context,
  purpose: string,
  kinds?: readonly string[],
): Promise<{ actor: Actor; centres: TenantRow[] }> {
  const actor = await requireMember(ctx, ['NETWORK_ADMIN']);
  const centres = await withUser(ctx.deps.db, actor.userId, async (tx) => {
    const here = await tx
      .selectFrom('tenant')
      .select('network_id')
      .where('id', '=', actor.tenantId)
      .executeTakeFirst();
    if (!here) throw new UserError('NOT_A_MEMBER');
    // The caller's own memberships are readable across tenants (RLS policy on membership.user_id).
    return tx
      .selectFrom('tenant')
      .selectAll('tenant')
      .where('tenant.network_id', '=', here.network_id)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('membership')
            .select('membership.id')
            .whereRef('membership.tenant_id', '=', 'tenant.id')
            .where('membership.user_id', '=', actor.userId)
            .where('membership.role', '=', 'NETWORK_ADMIN'),
        ),
      )
      .$if(kinds !== undefined, (qb) => qb.where('tenant.kind', 'in', kinds ?? []))
      .orderBy('tenant.name')
      .execute();
  });
  await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'network.rollup',
      entityType: 'tenant',
      entityIds: centres.map((c) => c.id),
      data: { purpose },
    }),
  );
  return { actor, centres };
}
