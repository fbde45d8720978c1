import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import type { CertificateRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { AppDeps } from '../../graphql/context.js';
import { isUuid, uniqueUuids } from '../../lib/ids.js';
import { type ClaimedJob, enqueueJob, type JobHandlers } from '../jobs/queue.js';
import { contentOf, verificationUrl } from './content.js';
import { certificateHtml, qrSvg } from './template.js';

/** Renders and keeps the PDFs of issued certificates. Payload: { certificateIds }. */
export const RENDER_JOB = 'certificate.render';
/**
 * PDFs per run (about a second each): a batch of 1,423 graduates is worked through ten at a time,
 * each run queueing the rest, so other jobs (SMS reminders) never wait long behind it.
 */
const PER_RUN = 10;
const PAUSE_MS = 2_000;

type Renderer = Pick<AppDeps, 'pdf' | 'config'>;

/** Every column but the PDF bytes: lists never carry them. */
export const WITHOUT_PDF = [
  'tenant_id',
  'id',
  'graduation_id',
  'enrollment_id',
  'person_id',
  'serial',
  'issued_on',
  'content',
  'revoked_at',
  'revoked_reason',
  'revoked_by',
  'pdf_rendered_at',
  'created_at',
] as const;

/** Certificates as lists read them: pdf reads as null (ask certificatePdf for the bytes). */
export const withoutPdf = (tx: Tx) =>
  tx.selectFrom('certificate').select(WITHOUT_PDF).select(sql<Buffer | null>`null::bytea`.as('pdf'));

/** Certificates by id without their PDF bytes. */
export async function certificatesByIds(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, CertificateRow>> {
  const wanted = uniqueUuids(ids);
  if (wanted.length === 0) return new Map();
  const rows = await withoutPdf(tx).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The PDF of a certificate, from its frozen content alone. */
export async function renderCertificate(
  deps: Renderer,
  certificate: Pick<CertificateRow, 'serial' | 'content'>,
): Promise<Buffer> {
  const url = verificationUrl(deps.config.publicUrl, certificate.serial);
  const html = certificateHtml(contentOf(certificate), certificate.serial, url, await qrSvg(url));
  return deps.pdf.render(html, { landscape: true });
}

/** Keeps a rendered PDF unless another render got there first (both are the same document). */
export async function storePdf(db: Database, tenantId: string, certificateId: string, pdf: Buffer) {
  await withTenant(db, tenantId, (tx) =>
    tx
      .updateTable('certificate')
      .set({ pdf, pdf_rendered_at: sql`now()` })
      .where('id', '=', certificateId)
      .where('pdf', 'is', null)
      .execute(),
  );
}

/** The worker's handler for this module; main.ts merges it with the others. */
export function certificateJobHandlers(deps: Renderer): JobHandlers {
  return { [RENDER_JOB]: (job, db) => renderQueued(deps, job, db) };
}

/**
 * Renders the job's certificates that have no PDF yet (safe to run again: a PDF already stored,
 * by this job or by a download, is skipped), PER_RUN of them, and queues the rest.
 */
async function renderQueued(deps: Renderer, job: ClaimedJob, db: Database): Promise<void> {
  const ids = job.payload.certificateIds;
  const tenantId = job.tenantId;
  if (!tenantId || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && isUuid(id))) {
    throw new Error('certificate rendering without a tenant or certificate ids');
  }
  const pending = await withTenant(db, tenantId, (tx) =>
    tx
      .selectFrom('certificate')
      .select(['id', 'serial', 'content'])
      .where('id', 'in', ids as string[])
      .where('pdf', 'is', null)
      .where('revoked_at', 'is', null)
      .orderBy('id')
      .execute(),
  );
  for (const certificate of pending.slice(0, PER_RUN)) {
    await storePdf(db, tenantId, certificate.id, await renderCertificate(deps, certificate));
  }
  const rest = pending.slice(PER_RUN).map((c) => c.id);
  if (rest.length > 0) {
    await withTenant(db, tenantId, (tx) =>
      enqueueJob(tx, {
        kind: RENDER_JOB,
        tenantId,
        payload: { certificateIds: rest },
        runAt: new Date(Date.now() + PAUSE_MS),
      }),
    );
  }
}
