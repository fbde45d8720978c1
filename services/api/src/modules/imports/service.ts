import { createHash } from 'node:crypto';
import { sql, type Updateable } from 'kysely';
import type { Database } from '../../db/connect.js';
import type { ApplicantImportRow } from '../../db/rows.js';
import type { DB } from '../../db/tables.generated.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { isUserError, UserError, UserErrors } from '../../graphql/errors.js';
import type { ErrorCode, ImportApplicantsInput, Role } from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { applyInTx, enrollmentsOfPeople } from '../enrollment/service.js';
import { ACTIVE } from '../enrollment/transitions.js';
import { type Actor, requireMember } from '../identity/access.js';
import { type ClaimedJob, enqueueJob, type JobHandlers, runDueJobs } from '../jobs/queue.js';
import { READERS, WRITERS } from '../people/scope.js';
import { checkPerson, findDuplicates, insertPerson, type NormalizedPerson } from '../people/service.js';
import { cohortsByIds } from '../programmes/service.js';
import { tenantsByIds } from '../tenancy/service.js';
import { mapHeader, mapRow, type PersonField, type RawPerson } from './columns.js';
import { decodeBase64, readSheet } from './parse.js';

export const IMPORT_JOB = 'applicant-import';
/**
 * Files up to this many rows are processed inside the request that uploads them (through the same
 * job, claimed at once), so a centre checking its usual list of applicants sees the result without
 * polling. Larger files wait for the background worker and report progress while it runs.
 */
export const INLINE_MAX_ROWS = 200;
/** How often (in rows) a running import publishes processed_rows. */
export const PROGRESS_EVERY = 100;

/** `applicant_import.rows`: each data row's values by field, and the file's header for each field. */
export interface StoredRows {
  columns: Partial<Record<PersonField, string>>;
  items: { row: number; values: RawPerson }[];
}

/** `applicant_import.row_errors`: the code only; the message is translated when read. */
export interface StoredRowError {
  row: number;
  column: string | null;
  code: ErrorCode;
}

/** The job's payload: ids and the roles that were checked when the file was accepted. */
interface ImportJobPayload {
  importId: string;
  requestId: string;
  roles: Role[];
}

/** The required columns the file's header lacks; the mutation reports one error per column. */
export class MissingColumns extends UserErrors {
  constructor(readonly missing: PersonField[]) {
    super(missing.map((field) => new UserError('MISSING_COLUMN', field)));
  }
}

// Everything but `rows`, which can weigh megabytes and no reader needs.
const SUMMARY_COLUMNS = [
  'tenant_id',
  'id',
  'cohort_id',
  'file_name',
  'file_sha256',
  'dry_run',
  'status',
  'total_rows',
  'processed_rows',
  'created_people',
  'created_enrollments',
  'skipped_rows',
  'row_errors',
  'created_by',
  'created_at',
  'finished_at',
] as const;

async function importSummary(tx: Tx, id: string): Promise<ApplicantImportRow | null> {
  if (!isUuid(id)) return null;
  const row = await tx
    .selectFrom('applicant_import')
    .select(SUMMARY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, rows: null } : null;
}

// ---------------------------------------------------------------------------------------------
// The mutation and the query

/**
 * Reads the file, maps its header, and stores its rows with a queued job, in one transaction.
 * Nothing about the people is judged here: the job does that (and a dry run only reports).
 */
export async function importApplicants(
  ctx: Context,
  input: ImportApplicantsInput,
): Promise<{ applicantImport: ApplicantImportRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const fileName = input.fileName.trim();
  if (fileName.length < 1 || fileName.length > 255) throw new UserError('INVALID_INPUT', 'fileName');
  if (!isUuid(input.cohortId)) throw new UserError('NOT_FOUND', 'cohortId');

  const bytes = decodeBase64(input.contentBase64);
  const sheet = await readSheet(bytes, fileName);
  const mapping = mapHeader(sheet.header);
  if (mapping.missing.length > 0) throw new MissingColumns(mapping.missing);
  const rows: StoredRows = {
    columns: mapping.headers,
    items: sheet.rows.map((r) => ({ row: r.row, values: mapRow(r.cells, mapping) })),
  };
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');

  const { id, jobId } = await withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const cohort = (await cohortsByIds(tx, [input.cohortId])).get(input.cohortId);
    if (!cohort) throw new UserError('NOT_FOUND', 'cohortId');
    const id = newId();
    await tx
      .insertInto('applicant_import')
      .values({
        tenant_id: actor.tenantId,
        id,
        cohort_id: cohort.id,
        file_name: fileName,
        file_sha256: fileSha256,
        dry_run: input.dryRun,
        rows: JSON.stringify(rows),
        total_rows: rows.items.length,
        created_by: actor.userId,
      })
      .execute();
    const payload: ImportJobPayload = { importId: id, requestId: actor.requestId, roles: actor.roles };
    const jobId = await enqueueJob(tx, {
      kind: IMPORT_JOB,
      tenantId: actor.tenantId,
      payload: { ...payload },
    });
    // No file name in the trail: it is the user's text and may name people.
    await recordAudit(tx, actor, {
      action: 'applicant_import.queued',
      entityType: 'applicant_import',
      entityIds: [id, cohort.id],
      data: { dryRun: input.dryRun, totalRows: rows.items.length, fileSha256 },
    });
    return { id, jobId };
  });

  // A small file runs now, through its job (so a failure is retried by the worker like any other);
  // if the worker claimed it first, this claims nothing and the client polls as for a large file.
  if (rows.items.length <= INLINE_MAX_ROWS) {
    await runDueJobs(ctx.deps.db, importJobHandlers, { onlyIds: [jobId], log: ctx.reply.log });
  }
  const applicantImport = await withTenant(ctx.deps.db, actor.tenantId, (tx) => importSummary(tx, id));
  return { applicantImport: applicantImport! };
}

export async function getApplicantImport(ctx: Context, id: string): Promise<ApplicantImportRow | null> {
  const actor = await requireMember(ctx, READERS);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => importSummary(tx, id));
}

// ---------------------------------------------------------------------------------------------
// The job

/** The worker's handlers for this module (main.ts starts the worker with them). */
export const importJobHandlers: JobHandlers = {
  [IMPORT_JOB]: async (job, db) => {
    try {
      await runImport(job, db);
    } catch (error) {
      // Let a poller see what happens next: queued again, or given up.
      await settleAfterError(db, job, job.attempt >= job.maxAttempts).catch(() => {});
      throw error;
    }
  },
};

interface Outcome {
  createdPeople: number;
  createdEnrollments: number;
  skippedRows: number;
  errors: StoredRowError[];
}

/** Thrown out of the import's transaction to roll it back (dry run, or any row refused). */
class RollBack extends Error {
  constructor(readonly outcome: Outcome) {
    super('import rolled back');
  }
}

/**
 * Phase 1 checks every row on its own (checkPerson, then repeats within the file). Phase 2 runs in
 * ONE transaction: each row that passed finds or creates its person and applies, inside its own
 * savepoint, so a row the enrollment rules refuse (ineligible age or level…) is undone alone and
 * recorded; the other rows go on being checked. At the end a dry run, or a run with any refused
 * row, rolls the whole transaction back: all or nothing. Progress is published from separate
 * short transactions, so a poller sees it while the long one runs.
 */
async function runImport(job: ClaimedJob, db: Database): Promise<void> {
  const payload = job.payload as unknown as ImportJobPayload;
  const tenantId = job.tenantId;
  if (!tenantId) throw new Error('applicant import job without a tenant');
  const current = await withTenant(db, tenantId, (tx) =>
    tx
      .selectFrom('applicant_import')
      .select(['id', 'cohort_id', 'dry_run', 'status', 'rows', 'total_rows', 'created_by'])
      .where('id', '=', payload.importId)
      .executeTakeFirst(),
  );
  // Gone, or finished by an earlier attempt that died before it could mark the job done.
  if (!current || current.status === 'SUCCEEDED' || current.status === 'FAILED') return;
  await updateImport(db, tenantId, current.id, { status: 'RUNNING', processed_rows: 0 });

  const tenant = (await tenantsByIds(db, [tenantId])).get(tenantId)!;
  const today = todayIn(tenant.timezone);
  const stored = current.rows as StoredRows;
  const columnOf = (field: string | undefined) =>
    field === undefined ? null : (stored.columns[field as PersonField] ?? null);
  const actor: Actor = {
    userId: current.created_by!,
    tenantId,
    roles: payload.roles,
    hostIds: [],
    requestId: payload.requestId,
  };

  // Phase 1: every row on its own, then the rows that repeat an earlier one.
  const errors: StoredRowError[] = [];
  const people: (NormalizedPerson | null)[] = stored.items.map((item) => {
    const checked = checkPerson(item.values, today);
    for (const problem of checked.errors) {
      errors.push({ row: item.row, column: columnOf(problem.field), code: problem.code });
    }
    return checked.value;
  });
  const firstSeen = new Map<string, number>();
  people.forEach((person, index) => {
    if (!person) return;
    const keys: [string, PersonField][] = [
      [`name:${identityKey(person)}`, 'lastNameLatin'],
      ...(person.cin ? [[`cin:${person.cin}`, 'cin'] as [string, PersonField]] : []),
    ];
    const repeated = keys.find(([key]) => firstSeen.has(key));
    if (repeated) {
      // The same person twice in one file: the second row would be a second application.
      errors.push({ row: stored.items[index]!.row, column: columnOf(repeated[1]), code: 'DUPLICATE_ROW' });
      people[index] = null;
      return;
    }
    for (const [key] of keys) firstSeen.set(key, index);
  });

  // Phase 2: one transaction, one savepoint per row.
  try {
    await withTenant(db, tenantId, async (tx) => {
      const counts = { createdPeople: 0, createdEnrollments: 0, skippedRows: 0 };
      for (const [index, person] of people.entries()) {
        if (index > 0 && index % PROGRESS_EVERY === 0) {
          await updateImport(db, tenantId, current.id, { processed_rows: index });
        }
        if (!person) continue;
        await sql`savepoint import_row`.execute(tx);
        try {
          const result = await importRow(tx, actor, person, current.cohort_id);
          counts.createdPeople += result.createdPerson ? 1 : 0;
          counts.createdEnrollments += result.applied ? 1 : 0;
          counts.skippedRows += result.applied ? 0 : 1;
          await sql`release savepoint import_row`.execute(tx);
        } catch (error) {
          if (!isUserError(error)) throw error;
          // Undo this row alone; releasing keeps the savepoint stack from growing row by row.
          await sql`rollback to savepoint import_row`.execute(tx);
          await sql`release savepoint import_row`.execute(tx);
          errors.push({ row: stored.items[index]!.row, column: columnOf(error.field), code: error.code });
        }
      }
      errors.sort((a, b) => a.row - b.row);
      const outcome = { ...counts, errors };
      if (current.dry_run || errors.length > 0) throw new RollBack(outcome);
      await tx
        .updateTable('applicant_import')
        .set({ ...finished(outcome, current.total_rows), status: 'SUCCEEDED' })
        .where('id', '=', current.id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'applicant_import.completed',
        entityType: 'applicant_import',
        entityIds: [current.id, current.cohort_id],
        data: counts,
      });
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    const { outcome } = error;
    // A dry run keeps what a real run would have done; a refused real run did nothing.
    const reported = current.dry_run
      ? outcome
      : { ...outcome, createdPeople: 0, createdEnrollments: 0, skippedRows: 0 };
    await updateImport(db, tenantId, current.id, {
      ...finished(reported, current.total_rows),
      status: outcome.errors.length > 0 ? 'FAILED' : 'SUCCEEDED',
    });
  }
}

/** One checked row: reuse the person the centre already has, or create them; then apply. */
async function importRow(
  tx: Tx,
  actor: Actor,
  person: NormalizedPerson,
  cohortId: string,
): Promise<{ createdPerson: boolean; applied: boolean }> {
  const [match] = await findDuplicates(tx, person);
  if (match) {
    const enrollments = (await enrollmentsOfPeople(tx, [match.person.id])).get(match.person.id) ?? [];
    const active = enrollments.some(
      (e) => e.cohort_id === cohortId && (ACTIVE as readonly string[]).includes(e.status),
    );
    if (active) return { createdPerson: false, applied: false };
  }
  const personId = match ? match.person.id : (await insertPerson(tx, actor, person)).id;
  await applyInTx(tx, actor, { personId, cohortId });
  return { createdPerson: !match, applied: true };
}

/** Two rows are one human when their Latin names (any case), birth date and phone agree. */
function identityKey(person: NormalizedPerson): string {
  return [
    person.first_name_latin.toLowerCase(),
    person.last_name_latin.toLowerCase(),
    person.birth_date,
    person.phone ?? '',
  ].join('\u0000');
}

function finished(outcome: Outcome, totalRows: number) {
  return {
    processed_rows: totalRows,
    created_people: outcome.createdPeople,
    created_enrollments: outcome.createdEnrollments,
    skipped_rows: outcome.skippedRows,
    row_errors: JSON.stringify(outcome.errors),
    finished_at: new Date(),
  };
}

/** A short transaction of its own, visible at once whatever the import's long one is doing. */
async function updateImport(
  db: Database,
  tenantId: string,
  id: string,
  values: Updateable<DB['applicant_import']>,
): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.updateTable('applicant_import').set(values).where('id', '=', id).execute(),
  );
}

async function settleAfterError(db: Database, job: ClaimedJob, last: boolean): Promise<void> {
  const { importId } = job.payload as unknown as ImportJobPayload;
  if (!job.tenantId) return;
  await updateImport(
    db,
    job.tenantId,
    importId,
    last ? { status: 'FAILED', finished_at: new Date() } : { status: 'PENDING', processed_rows: 0 },
  );
}
