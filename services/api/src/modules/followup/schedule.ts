import type { GraduationRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';

/**
 * Asks for the follow-up waves (at graduation, +6, +12, +24 months) of new graduations, in the
 * caller's transaction: a background job creates them. Used by graduation and by the demo data.
 */
export async function scheduleFollowUp(
  _tx: Tx,
  _tenantId: string,
  _graduations: readonly GraduationRow[],
): Promise<void> {
  throw new Error('not built yet');
}
