import { sql } from 'kysely';
import type { CertificateRow } from '../../db/rows.js';
import { type Tx, withTenant, withUser } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  CertificateVerification,
  ExportFile,
  RevokeCertificateInput,
} from '../../graphql/generated/resolvers.js';
import { isUuid, uniqueUuids } from '../../lib/ids.js';
import { toLocal } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { enrollmentsOfCohort, ownEnrollmentIds } from '../enrollment/service.js';
import { type Actor, holdsAny, inTenant, requireMember } from '../identity/access.js';
import { READERS } from '../people/scope.js';
import { peopleByIds } from '../people/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { contentOf } from './content.js';
import { certificatesByIds, renderCertificate, storePdf, WITHOUT_PDF, withoutPdf } from './render.js';
import { normalizeSerial } from './serial.js';

const isStaff = (actor: Actor) => holdsAny(actor, READERS);

/**
 * Staff read every certificate of the tenant; anyone else only those of their own enrollments
 * (a trainee's, through person.user_id). The same rule for one, a list or the PDF.
 */
async function visibleTo(tx: Tx, actor: Actor, rows: CertificateRow[]): Promise<CertificateRow[]> {
  if (isStaff(actor) || rows.length === 0) return rows;
  const own = new Set(await ownEnrollmentIds(tx, actor.userId));
  return rows.filter((row) => own.has(row.enrollment_id));
}

export async function getCertificate(ctx: Context, id: string): Promise<CertificateRow | null> {
  const actor = await requireMember(ctx);
  if (!isUuid(id)) return null;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const found = (await certificatesByIds(tx, [id])).get(id);
    return found ? ((await visibleTo(tx, actor, [found]))[0] ?? null) : null;
  });
}

/** The caller's own certificates (through the person record linked to their account), newest first. */
export async function myCertificates(ctx: Context): Promise<CertificateRow[]> {
  const actor = await requireMember(ctx);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const own = await ownEnrollmentIds(tx, actor.userId);
    if (own.length === 0) return [];
    return withoutPdf(tx)
      .where('enrollment_id', 'in', own)
      .orderBy('issued_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  });
}

/** A cohort's certificates (staff), by the holder's last then first name. */
export async function cohortCertificates(ctx: Context, cohortId: string): Promise<CertificateRow[]> {
  const actor = await requireMember(ctx, READERS);
  if (!isUuid(cohortId)) return [];
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const graduates = await enrollmentsOfCohort(tx, cohortId, ['GRADUATED']);
    if (graduates.length === 0) return [];
    const rows = await withoutPdf(tx)
      .where(
        'enrollment_id',
        'in',
        graduates.map((e) => e.id),
      )
      .execute();
    const people = await peopleByIds(
      tx,
      rows.map((r) => r.person_id),
    );
    const key = (row: CertificateRow) => {
      const person = people.get(row.person_id);
      return `${person?.last_name_latin ?? ''} ${person?.first_name_latin ?? ''}`.toLowerCase();
    };
    return rows.sort((a, b) => key(a).localeCompare(key(b), 'fr') || a.id.localeCompare(b.id));
  });
}

/** The certificates of graduations (the Graduation.certificate loader), under the same rule. */
export function certificatesOfGraduations(ctx: Context, graduationIds: readonly string[]) {
  return inTenant(ctx, async (tx, actor) => {
    const ids = uniqueUuids(graduationIds);
    if (ids.length === 0) return new Map<string, CertificateRow>();
    const rows = await withoutPdf(tx).where('graduation_id', 'in', ids).execute();
    return new Map((await visibleTo(tx, actor, rows)).map((r) => [r.graduation_id, r]));
  });
}

/**
 * The PDF, rendered now and kept when the background job has not got to it yet. Staff, or the
 * trainee it belongs to; anyone else is told it does not exist.
 */
export async function certificatePdf(ctx: Context, id: string): Promise<ExportFile> {
  const actor = await requireMember(ctx);
  if (!isUuid(id)) throw new UserError('NOT_FOUND', 'id');
  const found = await withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const row = await tx.selectFrom('certificate').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await visibleTo(tx, actor, [row]))[0] ?? null) : null;
  });
  if (!found) throw new UserError('NOT_FOUND', 'id');
  // Rendered outside any transaction: a second of Chromium must not hold a connection.
  let pdf = found.pdf;
  if (!pdf) {
    pdf = await renderCertificate(ctx.deps, found);
    await storePdf(ctx.deps.db, actor.tenantId, found.id, pdf);
  }
  return {
    fileName: `certificat-${found.serial}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: pdf.toString('base64'),
  };
}

// ---------------------------------------------------------------------------------------------
// Public verification

/**
 * What anyone holding a serial may read (the printed QR code, a phone call from an employer): no
 * session, no tenant. The shared serial table says which centre holds it; the certificate is then
 * read in that centre's own scope, like any tenant read. A serial that cannot be one is turned
 * away before any query.
 */
export async function verifyCertificate(
  ctx: Context,
  input: string,
): Promise<CertificateVerification | null> {
  const serial = normalizeSerial(input);
  if (!serial) return null;
  const entry = await withUser(ctx.deps.db, null, (tx) =>
    tx
      .selectFrom('certificate_serial')
      .select(['for_tenant_id', 'certificate_id'])
      .where('serial', '=', serial)
      .executeTakeFirst(),
  );
  if (!entry) return null;
  const row = await withTenant(ctx.deps.db, entry.for_tenant_id, (tx) =>
    tx
      .selectFrom('certificate')
      .select(['serial', 'content', 'revoked_at'])
      .where('id', '=', entry.certificate_id)
      .where('serial', '=', serial)
      .executeTakeFirst(),
  );
  if (!row) return null;
  const content = contentOf(row);
  let revokedOn: string | null = null;
  if (row.revoked_at) {
    const zone = (await tenantsByIds(ctx.deps.db, [entry.for_tenant_id])).get(entry.for_tenant_id)!.timezone;
    revokedOn = toLocal(row.revoked_at, zone).date;
  }
  return {
    serial: row.serial,
    status: row.revoked_at ? 'REVOKED' : 'VALID',
    holderNameLatin: content.holderNameLatin,
    holderNameAr: content.holderNameAr,
    programmeFr: content.programmeFr,
    programmeAr: content.programmeAr,
    centreName: content.centreName,
    centreNameAr: content.centreNameAr,
    graduatedOn: content.graduatedOn,
    revokedOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Revocation

export async function revokeCertificate(
  ctx: Context,
  input: RevokeCertificateInput,
): Promise<{ certificate: CertificateRow }> {
  const actor = await requireMember(ctx, ['DIRECTOR']);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  const reason = input.reason?.trim() ?? '';
  if (reason === '') throw new UserError('REASON_REQUIRED', 'reason');
  if (reason.length < 2 || reason.length > 500) throw new UserError('INVALID_INPUT', 'reason');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await withoutPdf(tx).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw new UserError('NOT_FOUND', 'id');
    if (current.revoked_at) throw new UserError('ALREADY_REVOKED', 'id');
    const certificate = await tx
      .updateTable('certificate')
      .set({ revoked_at: sql`now()`, revoked_reason: reason, revoked_by: actor.userId })
      .where('id', '=', current.id)
      .returning(WITHOUT_PDF)
      .returning(sql<Buffer | null>`null::bytea`.as('pdf'))
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'certificate.revoked',
      entityType: 'certificate',
      entityIds: [certificate.id, certificate.graduation_id, certificate.person_id],
      data: { serial: certificate.serial, reason },
    });
    return { certificate };
  });
}
