import type { CertificateRow, GraduationRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';

/**
 * Issues one certificate per graduation (unguessable serial, content frozen now, its serial in the
 * shared lookup) and queues the PDF rendering job — in the caller's transaction. Used by
 * graduation and by the demo data.
 */
export async function issueCertificates(
  _tx: Tx,
  _tenantId: string,
  _graduations: readonly GraduationRow[],
): Promise<CertificateRow[]> {
  throw new Error('not built yet');
}
