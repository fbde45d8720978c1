import { createHash } from 'node:crypto';
import type { ApplicationRow, CallRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  DocumentInput,
  SubmitApplicationInput,
  WithdrawApplicationInput,
} from '../../graphql/generated/resolvers.js';
import { isCalendarDay } from '../../graphql/schema.js';
import { isUuid, newId } from '../../lib/ids.js';
import { provinceDistance } from '../../lib/provinces.js';
import { clean } from '../../lib/text.js';
import { ageOn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { inTenant, requireMember } from '../identity/access.js';
import { peopleByIds, tenantToday } from '../people/service.js';
import { leadFounderOf, venturesByIds } from '../ventures/service.js';
import { lockCall, viewApplication, WRITERS } from './core.js';
import { documentKind } from './validate.js';

// Applications recorded by staff (typed in from paper, or on the applicant's behalf), their
// documents, and withdrawal.

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAX_DOCUMENTS = 20;
const TITLE_MAX = 200;
const SUMMARY_MAX = 4000;
const FILE_NAME_MAX = 200;
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;
const REASON_MAX = 500;

interface CheckedDocument {
  kind: string;
  file_name: string;
  content_type: string;
  content: Buffer;
  size_bytes: number;
  sha256: string;
}

function checkDocument(input: DocumentInput, i: number): CheckedDocument {
  const field = (name: string) => `documents.${i}.${name}`;
  const kind = documentKind(input.kind);
  if (kind === null) throw new UserError('INVALID_INPUT', field('kind'));
  const fileName = clean(input.fileName);
  if (fileName === null || fileName.length > FILE_NAME_MAX || /[/\\\p{Cc}]/u.test(fileName))
    throw new UserError('INVALID_INPUT', field('fileName'));
  const contentType = input.contentType.trim().toLowerCase();
  if (!CONTENT_TYPE.test(contentType) || contentType.length > 100)
    throw new UserError('INVALID_INPUT', field('contentType'));
  const compact = input.contentBase64.replace(/\s+/g, '');
  // Refused on the text's length first: a huge string is never decoded.
  if (compact.length > Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4)
    throw new UserError('FILE_TOO_LARGE', field('contentBase64'));
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    throw new UserError('FILE_UNREADABLE', field('contentBase64'));
  const content = Buffer.from(compact, 'base64');
  if (content.length > MAX_DOCUMENT_BYTES) throw new UserError('FILE_TOO_LARGE', field('contentBase64'));
  if (content.length === 0) throw new UserError('FILE_UNREADABLE', field('contentBase64'));
  return {
    kind,
    file_name: fileName,
    content_type: contentType,
    content,
    size_bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

function checkInput(input: SubmitApplicationInput) {
  const hasPerson = Boolean(input.personId);
  const hasVenture = Boolean(input.ventureId);
  if (hasPerson === hasVenture) throw new UserError('INVALID_INPUT', hasPerson ? 'ventureId' : 'personId');
  const title = clean(input.title);
  if (title === null) throw new UserError('REQUIRED', 'title');
  if (title.length < 2 || title.length > TITLE_MAX) throw new UserError('INVALID_INPUT', 'title');
  const summary = input.summary?.trim() || null;
  if (summary !== null && summary.length > SUMMARY_MAX) throw new UserError('INVALID_INPUT', 'summary');
  const typed = input.documents ?? [];
  if (typed.length > MAX_DOCUMENTS) throw new UserError('INVALID_INPUT', 'documents');
  const documents = typed.map(checkDocument);
  if (input.submittedOn != null && !isCalendarDay(input.submittedOn))
    throw new UserError('INVALID_DATE', 'submittedOn');
  return { title, summary, documents };
}

/** The applicant as the eligibility rules see them: birth date (of the lead founder) and province. */
interface Applicant {
  kind: 'PERSON' | 'VENTURE';
  field: 'personId' | 'ventureId';
  birthDate: string | null;
  province: string | null;
}

async function personApplicant(tx: Tx, personId: string): Promise<Applicant> {
  const person = isUuid(personId) ? (await peopleByIds(tx, [personId])).get(personId) : undefined;
  // A merged record is a duplicate: the application goes to the record that absorbed it.
  if (!person || person.merged_into_id) throw new UserError('NOT_FOUND', 'personId');
  return { kind: 'PERSON', field: 'personId', birthDate: person.birth_date, province: person.province };
}

async function ventureApplicant(tx: Tx, ventureId: string): Promise<Applicant> {
  const venture = isUuid(ventureId) ? (await venturesByIds(tx, [ventureId])).get(ventureId) : undefined;
  if (!venture) throw new UserError('NOT_FOUND', 'ventureId');
  const lead = await leadFounderOf(tx, venture.id);
  return {
    kind: 'VENTURE',
    field: 'ventureId',
    birthDate: lead?.birth_date ?? null,
    province: venture.province,
  };
}

/**
 * Every rule the applicant fails, at once (the staff member tells them everything in one call).
 * An age band applies on the closing day; without a known birth date it cannot be met.
 */
function eligibility(
  call: CallRow,
  applicant: Applicant,
  documents: readonly CheckedDocument[],
): UserError[] {
  const problems: UserError[] = [];
  if (!call.applicant_kinds.includes(applicant.kind))
    problems.push(new UserError('APPLICANT_KIND_NOT_ACCEPTED', applicant.field));
  if (call.min_age !== null || call.max_age !== null) {
    const age = applicant.birthDate ? ageOn(applicant.birthDate, call.closes_on) : null;
    if (
      age === null ||
      (call.min_age !== null && age < call.min_age) ||
      (call.max_age !== null && age > call.max_age)
    )
      problems.push(new UserError('INELIGIBLE_AGE', applicant.field));
  }
  if (call.provinces.length > 0 && !call.provinces.some((p) => provinceDistance(p, applicant.province) === 0))
    problems.push(new UserError('INELIGIBLE_PROVINCE', applicant.field));
  // The field names the missing kind: the form shows it next to that document's line.
  for (const kind of call.required_documents)
    if (!documents.some((d) => d.kind === kind))
      problems.push(new UserError('DOCUMENT_MISSING', `documents.${kind}`));
  return problems;
}

export async function submitApplication(
  ctx: Context,
  input: SubmitApplicationInput,
): Promise<{ application: ApplicationRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const { title, summary, documents } = checkInput(input);
  const today = await tenantToday(ctx, actor.tenantId);
  const submittedOn = input.submittedOn ?? today;
  if (submittedOn > today) throw new UserError('DATE_IN_FUTURE', 'submittedOn');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const call = await lockCall(tx, input.callId, 'callId', 'share');
    if (call.status !== 'OPEN') throw new UserError('CALL_NOT_OPEN', 'callId');
    const category = isUuid(input.categoryId)
      ? await tx
          .selectFrom('call_category')
          .select('id')
          .where('id', '=', input.categoryId)
          .where('call_id', '=', call.id)
          .executeTakeFirst()
      : undefined;
    if (!category) throw new UserError('NOT_FOUND', 'categoryId');
    if (submittedOn < call.opens_on || submittedOn > call.closes_on)
      throw new UserError('OUTSIDE_WINDOW', 'submittedOn');

    const applicant = input.personId
      ? await personApplicant(tx, input.personId)
      : await ventureApplicant(tx, input.ventureId!);
    const problems = eligibility(call, applicant, documents);
    if (problems.length > 0) throw new UserErrors(problems);

    const applicantId = input.personId ?? input.ventureId!;
    const column = input.personId ? 'person_id' : 'venture_id';
    const already = await tx
      .selectFrom('application')
      .select('id')
      .where('call_id', '=', call.id)
      .where(column, '=', applicantId)
      .where('status', '<>', 'WITHDRAWN')
      .executeTakeFirst();
    if (already) throw new UserError('ALREADY_APPLIED', applicant.field);

    const application = await tx
      .insertInto('application')
      .values({
        tenant_id: actor.tenantId,
        id: newId(),
        call_id: call.id,
        category_id: category.id,
        person_id: input.personId ?? null,
        venture_id: input.ventureId ?? null,
        title,
        summary,
        submitted_on: submittedOn,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Recorded twice at the same moment: the unique index answers for the second one.
        if ((error as { code?: string }).code === '23505')
          throw new UserError('ALREADY_APPLIED', applicant.field);
        throw error;
      });
    if (documents.length > 0)
      await tx
        .insertInto('application_document')
        .values(
          documents.map((d) => ({
            ...d,
            tenant_id: actor.tenantId,
            id: newId(),
            application_id: application.id,
          })),
        )
        .execute();
    await recordAudit(tx, actor, {
      action: 'application.submitted',
      entityType: 'application',
      entityIds: [application.id, call.id, applicantId],
      data: {
        submittedOn,
        documents: documents.map((d) => ({ kind: d.kind, sizeBytes: d.size_bytes, sha256: d.sha256 })),
      },
    });
    return { application };
  });
}

/** The applicant steps back before the results; the reason is kept in the audit trail. */
export async function withdrawApplication(
  ctx: Context,
  input: WithdrawApplicationInput,
): Promise<{ application: ApplicationRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const reason = input.reason.trim();
  if (!reason) throw new UserError('REASON_REQUIRED', 'reason');
  if (reason.length > REASON_MAX) throw new UserError('INVALID_INPUT', 'reason');
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const found = await tx
      .selectFrom('application')
      .select('call_id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!found) throw new UserError('NOT_FOUND', 'id');
    await lockCall(tx, found.call_id, 'id', 'share');
    const current = await tx
      .selectFrom('application')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // Published results are final, and a withdrawal happens once.
    if (current.status !== 'SUBMITTED') throw new UserError('ILLEGAL_TRANSITION', 'id');
    const application = await tx
      .updateTable('application')
      .set({ status: 'WITHDRAWN' })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'application.withdrawn',
      entityType: 'application',
      entityIds: [application.id, application.call_id],
      data: { reason },
    });
    return { application };
  });
}

/** An attached document, for staff and the call's jurors. */
export function applicationDocument(ctx: Context, id: string) {
  return inTenant(ctx, async (tx, actor) => {
    if (!isUuid(id)) throw new UserError('NOT_FOUND', 'id');
    const document = await tx
      .selectFrom('application_document')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!document) throw new UserError('NOT_FOUND', 'id');
    await viewApplication(tx, actor, document.application_id, 'id');
    return {
      fileName: document.file_name,
      mimeType: document.content_type,
      contentBase64: document.content.toString('base64'),
    };
  });
}
