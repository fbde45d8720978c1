import type { Tx } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../identity/access.js';

/**
 * Writes the audit trail of a mutation in the mutation's own transaction: if the change rolls
 * back, so does its record, and no change commits without one. A change made without a signed-in
 * person (a graduate's one-time link, a background job) is recorded with no actor user.
 */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'requestId'> & { userId: string | null },
  event: { action: string; entityType: string; entityIds: string[]; data?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto('audit_event')
    .values({
      id: newId(),
      tenant_id: actor.tenantId,
      actor_user_id: actor.userId,
      action: event.action,
      entity_type: event.entityType,
      entity_ids: event.entityIds,
      data: JSON.stringify(event.data ?? {}),
      request_id: actor.requestId,
    })
    .execute();
}
