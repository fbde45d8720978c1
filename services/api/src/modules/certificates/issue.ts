import type { CertificateRow, GraduationRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, todayIn } from '../../lib/time.js';
import { ledgerOfEnrollments } from '../attendance/ledger.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import { enqueueJob } from '../jobs/queue.js';
import { peopleByIds } from '../people/service.js';
import { cohortsByIds, programmesByIds, tradesByIds } from '../programmes/service.js';
import type { CertificateContent } from './content.js';
import { RENDER_JOB } from './render.js';
import { newSerial } from './serial.js';

/** Graduations issued per round of statements: keeps every insert under PostgreSQL's 65,535 parameters. */
const CHUNK = 2_000;
/** Certificates of graduations at most this old get their PDF rendered ahead by the job. */
const PRE_RENDER_DAYS = 30;

/**
 * Issues one certificate per graduation (unguessable serial, content frozen now, its serial in the
 * shared lookup) and queues the PDF rendering job — in the caller's transaction. Used by
 * graduation and by the demo data. Set-based: eleven statements per 2,000 graduations, whatever
 * their number. The certificate is dated the day of the graduation it attests; only recent ones
 * are queued for rendering (the others render at their first download).
 */
export async function issueCertificates(
  tx: Tx,
  tenantId: string,
  graduations: readonly GraduationRow[],
): Promise<CertificateRow[]> {
  const issued: CertificateRow[] = [];
  for (let i = 0; i < graduations.length; i += CHUNK) {
    issued.push(...(await issueChunk(tx, tenantId, graduations.slice(i, i + CHUNK))));
  }
  return issued;
}

async function issueChunk(
  tx: Tx,
  tenantId: string,
  graduations: readonly GraduationRow[],
): Promise<CertificateRow[]> {
  if (graduations.length === 0) return [];
  // The tenant is a shared reference table (the caller may be the demo's owner connection, which
  // cannot open a second transaction): read here, in the same one.
  const tenant = await tx
    .selectFrom('tenant')
    .select(['name', 'name_ar', 'timezone'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const enrollments = await enrollmentsByIds(
    tx,
    graduations.map((g) => g.enrollment_id),
  );
  const list = [...enrollments.values()];
  const people = await peopleByIds(
    tx,
    list.map((e) => e.person_id),
  );
  const cohorts = await cohortsByIds(
    tx,
    list.map((e) => e.cohort_id),
  );
  const programmes = await programmesByIds(
    tx,
    [...cohorts.values()].map((c) => c.programme_id),
  );
  const trades = await tradesByIds(
    tx,
    [...programmes.values()].map((p) => p.trade_id),
  );
  const today = todayIn(tenant.timezone);
  const ledger = await ledgerOfEnrollments(
    tx,
    list.map((e) => e.id),
    today,
  );

  const rows = graduations.map((graduation) => {
    const enrollment = enrollments.get(graduation.enrollment_id)!;
    const person = people.get(enrollment.person_id)!;
    const cohort = cohorts.get(enrollment.cohort_id)!;
    const programme = programmes.get(cohort.programme_id)!;
    const trade = trades.get(programme.trade_id)!;
    const figures = ledger.get(enrollment.id);
    const content: CertificateContent = {
      holderNameLatin: `${person.first_name_latin} ${person.last_name_latin.toUpperCase()}`,
      holderNameAr: [person.first_name_ar, person.last_name_ar].filter(Boolean).join(' ') || null,
      centreName: tenant.name,
      centreNameAr: tenant.name_ar,
      tradeFr: trade.name_fr,
      tradeAr: trade.name_ar,
      programmeFr: programme.name_fr,
      programmeAr: programme.name_ar,
      cohortLabel: cohort.label,
      startsOn: cohort.starts_on,
      endsOn: cohort.ends_on,
      graduatedOn: graduation.graduated_on,
      theoryHours: figures?.attendedTheoryHours ?? 0,
      practiceHours: figures?.attendedPracticeHours ?? 0,
    };
    return {
      tenant_id: tenantId,
      id: newId(),
      graduation_id: graduation.id,
      enrollment_id: enrollment.id,
      person_id: person.id,
      serial: newSerial(),
      issued_on: graduation.graduated_on,
      content: JSON.stringify(content),
    };
  });

  const certificates = await tx.insertInto('certificate').values(rows).returningAll().execute();
  await tx
    .insertInto('certificate_serial')
    .values(certificates.map((c) => ({ serial: c.serial, for_tenant_id: tenantId, certificate_id: c.id })))
    .execute();
  // Rendering ahead is for the graduates of the day, whose download should be instant. A
  // certificate of an older graduation (typed in after the fact, or history loaded in bulk) is
  // rendered at its first download instead of keeping Chromium busy for hours.
  const recent = certificates.filter((c) => c.issued_on >= addDays(today, -PRE_RENDER_DAYS));
  if (recent.length > 0) {
    await enqueueJob(tx, {
      kind: RENDER_JOB,
      tenantId,
      payload: { certificateIds: recent.map((c) => c.id) },
    });
  }
  return certificates;
}
