import { sql } from 'kysely';
import type { CallRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  CallCategoryInput,
  CallCriterionInput,
  CallStatus,
  CallStatusInput,
  CreateCallInput,
  UpdateCallInput,
} from '../../graphql/generated/resolvers.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { cohortsByIds } from '../programmes/service.js';
import { lockCall, NEXT_STATUS, WRITERS } from './core.js';
import { computeRanking } from './ranking.js';
import {
  type CallFields,
  type CategoryColumns,
  type CriterionColumns,
  checkCallFields,
  checkCategories,
  checkCriteria,
  type Problem,
} from './validate.js';

// Setting a call up (only while it is a draft) and moving it through its statuses.

function refuse(problems: readonly Problem[]): never {
  throw new UserErrors(problems.map((p) => new UserError(p.code, p.field)));
}

function checkedLists(categories?: CallCategoryInput[] | null, criteria?: CallCriterionInput[] | null) {
  const c = categories ? checkCategories(categories) : { value: null, errors: [] };
  const k = criteria ? checkCriteria(criteria) : { value: null, errors: [] };
  return { categories: c.value, criteria: k.value, errors: [...c.errors, ...k.errors] };
}

async function checkCohort(tx: Tx, cohortId: string | null | undefined): Promise<string | null> {
  if (!cohortId) return null;
  if (!(await cohortsByIds(tx, [cohortId])).has(cohortId)) throw new UserError('NOT_FOUND', 'cohortId');
  return cohortId;
}

async function replaceLists(
  tx: Tx,
  tenantId: string,
  callId: string,
  categories: CategoryColumns[] | null,
  criteria: CriterionColumns[] | null,
): Promise<void> {
  // A draft has no applications nor evaluations yet, so its lists can be replaced outright.
  if (categories) {
    await tx.deleteFrom('call_category').where('call_id', '=', callId).execute();
    await tx
      .insertInto('call_category')
      .values(categories.map((c) => ({ ...c, tenant_id: tenantId, id: newId(), call_id: callId })))
      .execute();
  }
  if (criteria) {
    await tx.deleteFrom('call_criterion').where('call_id', '=', callId).execute();
    await tx
      .insertInto('call_criterion')
      .values(criteria.map((c) => ({ ...c, tenant_id: tenantId, id: newId(), call_id: callId })))
      .execute();
  }
}

export async function createCall(ctx: Context, input: CreateCallInput): Promise<{ call: CallRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const fields = checkCallFields(input);
  const lists = checkedLists(input.categories, input.criteria);
  if (!fields.value || lists.errors.length > 0) refuse([...fields.errors, ...lists.errors]);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const cohortId = await checkCohort(tx, input.cohortId);
    const call = await tx
      .insertInto('call')
      .values({
        ...fields.value!,
        tenant_id: actor.tenantId,
        id: newId(),
        cohort_id: cohortId,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceLists(tx, actor.tenantId, call.id, lists.categories, lists.criteria);
    await recordAudit(tx, actor, {
      action: 'call.created',
      entityType: 'call',
      entityIds: [call.id],
      data: { kind: call.kind, categories: lists.categories!.length, criteria: lists.criteria!.length },
    });
    return { call };
  });
}

/** A stored call in the form's shape, for an update that gives only some fields. */
function fieldsOf(call: CallRow): CallFields {
  return {
    kind: call.kind as CallFields['kind'],
    titleFr: call.title_fr,
    titleAr: call.title_ar,
    description: call.description,
    opensOn: call.opens_on,
    closesOn: call.closes_on,
    minAge: call.min_age,
    maxAge: call.max_age,
    applicantKinds: call.applicant_kinds as CallFields['applicantKinds'],
    requiredDocuments: call.required_documents,
    provinces: call.provinces,
    scoreMin: Number(call.score_min),
    scoreMax: Number(call.score_max),
  };
}

export async function updateCall(ctx: Context, input: UpdateCallInput): Promise<{ call: CallRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const lists = checkedLists(input.categories, input.criteria);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockCall(tx, input.id, 'id', 'update');
    if (current.status !== 'DRAFT') throw new UserError('CALL_NOT_EDITABLE', 'id');
    const stored = fieldsOf(current);
    // Omitted (undefined) keeps the stored value; an explicit null clears an optional field.
    const pick = <K extends keyof CallFields>(key: K, optional: boolean): CallFields[K] => {
      const given = (input as Record<string, unknown>)[key] as CallFields[K] | undefined;
      if (given === undefined || (given === null && !optional)) return stored[key];
      return given;
    };
    const fields = checkCallFields({
      kind: stored.kind,
      titleFr: pick('titleFr', false),
      titleAr: pick('titleAr', true),
      description: pick('description', true),
      opensOn: pick('opensOn', false),
      closesOn: pick('closesOn', false),
      minAge: pick('minAge', true),
      maxAge: pick('maxAge', true),
      applicantKinds: pick('applicantKinds', false),
      requiredDocuments: pick('requiredDocuments', false),
      provinces: pick('provinces', false),
      scoreMin: pick('scoreMin', false),
      scoreMax: pick('scoreMax', false),
    });
    if (!fields.value || lists.errors.length > 0) refuse([...fields.errors, ...lists.errors]);
    const cohortId = input.cohortId === undefined ? current.cohort_id : await checkCohort(tx, input.cohortId);
    const call = await tx
      .updateTable('call')
      .set({ ...fields.value!, cohort_id: cohortId })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceLists(tx, actor.tenantId, call.id, lists.categories, lists.criteria);
    await recordAudit(tx, actor, {
      action: 'call.updated',
      entityType: 'call',
      entityIds: [call.id],
      data: {
        fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'categories' && k !== 'criteria'),
        categoriesReplaced: lists.categories !== null,
        criteriaReplaced: lists.criteria !== null,
      },
    });
    return { call };
  });
}

/** Moves a call one step on; any other move is ILLEGAL_TRANSITION. */
async function moveCall(
  ctx: Context,
  input: CallStatusInput,
  to: CallStatus,
  before?: (tx: Tx, actor: Actor, call: CallRow) => Promise<Record<string, unknown>>,
): Promise<{ call: CallRow }> {
  const actor = await requireMember(ctx, WRITERS);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockCall(tx, input.id, 'id', 'update');
    if (NEXT_STATUS[current.status as CallStatus] !== to) throw new UserError('ILLEGAL_TRANSITION', 'id');
    const data = before ? await before(tx, actor, current) : {};
    const call = await tx
      .updateTable('call')
      .set({
        status: to,
        ...(to === 'CLOSED' ? { closed_at: sql<Date>`now()` } : {}),
        ...(to === 'PUBLISHED' ? { published_at: sql<Date>`now()` } : {}),
      })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'call.status_changed',
      entityType: 'call',
      entityIds: [call.id],
      data: { from: current.status, to, ...data },
    });
    return { call };
  });
}

export const openCall = (ctx: Context, input: CallStatusInput) => moveCall(ctx, input, 'OPEN');
export const closeCall = (ctx: Context, input: CallStatusInput) => moveCall(ctx, input, 'CLOSED');

/**
 * Results: in each category the first `places` of the ranking are SELECTED, every other
 * application NOT_SELECTED. Refused while an application has no submitted evaluation: it
 * could not be placed.
 */
export const publishCall = (ctx: Context, input: CallStatusInput) =>
  moveCall(ctx, input, 'PUBLISHED', async (tx, _actor, call) => {
    const { ranking } = await computeRanking(tx, call.id);
    if ([...ranking.unscored.values()].some((n) => n > 0)) throw new UserError('APPLICATIONS_UNSCORED', 'id');
    const selected = ranking.entries.filter((e) => e.withinPlaces).map((e) => e.applicationId);
    await tx
      .updateTable('application')
      .set({
        status: sql<string>`case when id = any(${sql.val(selected)}::uuid[]) then 'SELECTED' else 'NOT_SELECTED' end`,
      })
      .where('call_id', '=', call.id)
      .where('status', '<>', 'WITHDRAWN')
      .execute();
    return { selected: selected.length, notSelected: ranking.entries.length - selected.length };
  });
