import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { EnrollmentRow, PersonRow } from '../../db/rows.js';
import type { DB } from '../../db/tables.generated.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  CreatePersonInput,
  MergePeopleInput,
  PersonInput,
  UpdatePersonInput,
} from '../../graphql/generated/resolvers.js';
import { decodeKeys, encodeKeys, pageSize, toConnection } from '../../lib/cursor.js';
import { isUuid, newId } from '../../lib/ids.js';
import { containing, foundIn } from '../../lib/like.js';
import { todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { enrollmentsOfPeople, reassignEnrollments } from '../enrollment/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { normalizePhone } from '../identity/phone.js';
import { tenantsByIds } from '../tenancy/service.js';
import { foundsVentureCoachedBy } from '../ventures/access.js';
import { type PersonScope, personScope, READERS, WRITERS } from './scope.js';
import { checkPerson, type NormalizedPerson, type PersonProblem } from './validate.js';

export { checkPerson, type NormalizedPerson, type PersonProblem } from './validate.js';

export type DuplicateReason = 'SAME_CIN' | 'SAME_NAME_BIRTH_DATE_PHONE';
export interface PossibleDuplicate {
  person: PersonRow;
  reason: DuplicateReason;
}

/**
 * A person's input failed checkPerson: carries every problem, so the form can mark every field at
 * once (a plain UserError names one).
 */
export class InvalidPerson extends UserErrors {
  constructor(readonly problems: PersonProblem[]) {
    super(problems.map((p) => new UserError(p.code, p.field)));
  }
}

/** "Fatima Zahra BENNANI — فاطمة الزهراء بناني": the Latin name as the card writes it, then the Arabic one. */
export function fullName(person: PersonRow): string {
  const latin = `${person.first_name_latin} ${person.last_name_latin.toUpperCase()}`;
  const arabic = [person.first_name_ar, person.last_name_ar].filter(Boolean).join(' ');
  return arabic ? `${latin} — ${arabic}` : latin;
}

// ---------------------------------------------------------------------------------------------
// Who sees whom
// ---------------------------------------------------------------------------------------------

/**
 * The host-artisan rule: the people a host artisan may see are the trainees with a placement at
 * one of their host workshops, in any status but DECLINED (a proposal waiting for their answer
 * included: they need to know whom they are asked to take; once they said no, the record is no
 * longer theirs to see).
 */
function placedAtHosts(eb: ExpressionBuilder<DB, 'person'>, hostIds: readonly string[]): Expression<SqlBool> {
  if (hostIds.length === 0) return eb.lit(false);
  return eb.exists(
    eb
      .selectFrom('enrollment as placed_e')
      .innerJoin('placement as placed_p', (join) =>
        join
          .onRef('placed_p.tenant_id', '=', 'placed_e.tenant_id')
          .onRef('placed_p.enrollment_id', '=', 'placed_e.id'),
      )
      .select('placed_p.id')
      .whereRef('placed_e.tenant_id', '=', 'person.tenant_id')
      .whereRef('placed_e.person_id', '=', 'person.id')
      .where('placed_p.host_id', 'in', [...hostIds])
      .where('placed_p.status', '<>', 'DECLINED'),
  );
}

/** The SQL condition that limits `person` to what a scope may see. */
function visibleIn(eb: ExpressionBuilder<DB, 'person'>, scope: PersonScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'ALL':
      return eb.lit(true);
    case 'OWN':
      return scope.coach
        ? eb.or([eb('person.user_id', '=', scope.userId), foundsVentureCoachedBy(eb, scope.userId)])
        : eb('person.user_id', '=', scope.userId);
    case 'HOSTS':
      return placedAtHosts(eb, scope.hostIds);
  }
}

/**
 * People by id as the actor may see them (merged records included: they keep history). Other
 * modules use this when they show a person next to something else (an enrollment's person).
 */
export async function peopleVisibleTo(
  tx: Tx,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, PersonRow>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const scope = personScope(actor);
  const rows = await tx
    .selectFrom('person')
    .selectAll()
    .where('id', 'in', wanted)
    .where((eb) => visibleIn(eb, scope))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------
// Functions other modules call inside their own tenant transaction
// ---------------------------------------------------------------------------------------------

/** People by id, unfiltered (callers have already checked access). Merged records included. */
export async function peopleByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('person').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Unmerged records that look like the same human: the same CIN, or the same Latin first and last
 * name (ignoring case), birth date and phone (or both without a phone). A record matching both is
 * reported once, as SAME_CIN.
 */
export async function findDuplicates(
  tx: Tx,
  person: NormalizedPerson,
  excludeId?: string,
): Promise<PossibleDuplicate[]> {
  const rows = await tx
    .selectFrom('person')
    .selectAll()
    .where('merged_into_id', 'is', null)
    .$if(excludeId !== undefined, (qb) => qb.where('id', '<>', excludeId!))
    .where((eb) =>
      eb.or([
        ...(person.cin ? [eb('cin', '=', person.cin)] : []),
        eb.and([
          eb('birth_date', '=', person.birth_date),
          // Both without a phone counts as the same phone: minors often give only a guardian's.
          eb('phone', 'is not distinct from', person.phone),
          eb(eb.fn('lower', ['last_name_latin']), '=', eb.fn('lower', [eb.val(person.last_name_latin)])),
          eb(eb.fn('lower', ['first_name_latin']), '=', eb.fn('lower', [eb.val(person.first_name_latin)])),
        ]),
      ]),
    )
    .orderBy('last_name_latin')
    .orderBy('first_name_latin')
    .orderBy('id')
    .execute();
  const found = rows.map((row) => ({
    person: row,
    reason: (person.cin && row.cin === person.cin
      ? 'SAME_CIN'
      : 'SAME_NAME_BIRTH_DATE_PHONE') as DuplicateReason,
  }));
  return [...found.filter((d) => d.reason === 'SAME_CIN'), ...found.filter((d) => d.reason !== 'SAME_CIN')];
}

/** Writes a checked person (and its audit event). A CIN another unmerged record has is CIN_TAKEN. */
export async function insertPerson(tx: Tx, actor: Actor, person: NormalizedPerson): Promise<PersonRow> {
  const row = await tx
    .insertInto('person')
    .values({ ...person, tenant_id: actor.tenantId, id: newId() })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(cinConflict);
  await recordAudit(tx, actor, { action: 'person.created', entityType: 'person', entityIds: [row.id] });
  return row;
}

// The partial unique index on CIN (unmerged records only) is the last word on who holds a CIN.
function cinConflict(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e?.code === '23505' && e.constraint === 'person_cin_key') throw new UserError('CIN_TAKEN', 'cin');
  throw error;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Today on the centre's calendar: ages and the under-18 rule follow the centre's clock. */
export async function tenantToday(ctx: Context, tenantId: string): Promise<string> {
  const tenant = (await tenantsByIds(ctx.deps.db, [tenantId])).get(tenantId)!;
  return todayIn(tenant.timezone);
}

/** One person, or null when there is none or the caller may not see them (no hint which). */
export async function getPerson(ctx: Context, id: string): Promise<PersonRow | null> {
  const actor = await requireMember(ctx);
  if (!isUuid(id)) return null;
  const found = await withTenant(ctx.deps.db, actor.tenantId, (tx) => peopleVisibleTo(tx, actor, [id]));
  return found.get(id) ?? null;
}

/** People for a loader (Person.mergedInto), under the same rule as person(id). */
export async function readPeople(ctx: Context, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const actor = await requireMember(ctx);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => peopleVisibleTo(tx, actor, ids));
}

/** Enrollments of several people (the Person.enrollments loader), only for people the caller sees. */
export async function readEnrollmentsOfPeople(
  ctx: Context,
  personIds: readonly string[],
): Promise<Map<string, EnrollmentRow[]>> {
  const actor = await requireMember(ctx);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const visible = await peopleVisibleTo(tx, actor, personIds);
    return enrollmentsOfPeople(tx, [...visible.keys()]);
  });
}

// The page order is (last name, first name, id), so the cursor is those three of the last row.
const encodePersonCursor = (row: PersonRow): string =>
  encodeKeys([row.last_name_latin, row.first_name_latin, row.id]);
const decodePersonCursor = (cursor: string) => decodeKeys(cursor, 3) as [string, string, string];

/**
 * One search word matches a name (Arabic or Latin, any case), a CIN or a phone. A phone is
 * matched as typed locally too: "0612345678" finds +212612345678.
 */
function matchesWord(eb: ExpressionBuilder<DB, 'person'>, word: string): Expression<SqlBool> {
  const phone = normalizePhone(word);
  const digits = word.replace(/^(\+|00)/, '').replace(/^0/, '');
  return eb.or([
    foundIn(eb.ref('search_text'), word),
    eb('cin', 'ilike', containing(word)),
    ...(phone ? [eb('phone', '=', phone)] : []),
    ...(/^\d{3,}$/.test(digits) ? [eb('phone', 'like', `%${digits}%`)] : []),
  ]);
}

export async function listPeople(
  ctx: Context,
  args: { first?: number | null; after?: string | null; search?: string | null },
) {
  const actor = await requireMember(ctx);
  const scope = personScope(actor);
  const limit = pageSize(args.first);
  const after = args.after ? decodePersonCursor(args.after) : null;
  const words = (args.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.some((w) => w.length > 80)) throw new UserError('INVALID_INPUT', 'search');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('person')
      .where('merged_into_id', 'is', null)
      .where((eb) => visibleIn(eb, scope))
      .where((eb) => eb.and(words.map((word) => matchesWord(eb, word))));
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(after !== null, (qb) =>
          qb.where((eb) =>
            eb(
              eb.refTuple('last_name_latin', 'first_name_latin', 'id'),
              '>',
              eb.tuple(after![0], after![1], after![2]),
            ),
          ),
        )
        .orderBy('last_name_latin')
        .orderBy('first_name_latin')
        .orderBy('id')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, total.n, (node) => ({ cursor: encodePersonCursor(node), node }));
  });
}

/** Checked input, or every problem with it at once. */
function checked(input: PersonInput, today: string): NormalizedPerson {
  const { value, errors } = checkPerson(input, today);
  if (!value) throw new InvalidPerson(errors);
  return value;
}

export async function possibleDuplicates(ctx: Context, input: PersonInput): Promise<PossibleDuplicate[]> {
  // Only staff who see everyone may probe for matches (it reveals who is on file).
  const actor = await requireMember(ctx, READERS);
  const person = checked(input, await tenantToday(ctx, actor.tenantId));
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => findDuplicates(tx, person));
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

export async function createPerson(
  ctx: Context,
  input: CreatePersonInput,
): Promise<{ person: PersonRow | null; duplicates: PossibleDuplicate[] }> {
  const actor = await requireMember(ctx, WRITERS);
  const person = checked(input.person, await tenantToday(ctx, actor.tenantId));
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const duplicates = await findDuplicates(tx, person);
    // The user decides: show the look-alikes and write nothing until they say "create anyway".
    if (duplicates.length > 0 && !input.ignoreDuplicates) return { person: null, duplicates };
    // Two unmerged records never share a CIN, even on purpose: that is what merging is for.
    if (duplicates.some((d) => d.reason === 'SAME_CIN')) throw new UserError('CIN_TAKEN', 'cin');
    return { person: await insertPerson(tx, actor, person), duplicates: [] };
  });
}

const PERSON_FIELDS = [
  'first_name_latin',
  'last_name_latin',
  'first_name_ar',
  'last_name_ar',
  'sex',
  'birth_date',
  'cin',
  'phone',
  'guardian_name',
  'guardian_phone',
  'school_level',
  'has_disability',
  'province',
] as const satisfies readonly (keyof NormalizedPerson)[];

async function lockPeople(tx: Tx, ids: string[]): Promise<Map<string, PersonRow>> {
  // In id order, so two merges of the same pair wait for each other instead of deadlocking.
  const rows = await tx
    .selectFrom('person')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function updatePerson(
  ctx: Context,
  input: UpdatePersonInput,
): Promise<{ person: PersonRow; duplicates: PossibleDuplicate[] }> {
  const actor = await requireMember(ctx, WRITERS);
  const person = checked(input.person, await tenantToday(ctx, actor.tenantId));
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = (await lockPeople(tx, [input.id])).get(input.id);
    if (!current) throw new UserError('NOT_FOUND', 'id');
    // A merged record only keeps history; corrections go to the record it was merged into.
    if (current.merged_into_id) throw new UserError('ALREADY_MERGED', 'id');
    if (person.cin) {
      const holder = await tx
        .selectFrom('person')
        .select('id')
        .where('cin', '=', person.cin)
        .where('merged_into_id', 'is', null)
        .where('id', '<>', current.id)
        .executeTakeFirst();
      if (holder) throw new UserError('CIN_TAKEN', 'cin');
    }
    const changed = PERSON_FIELDS.filter((field) => person[field] !== current[field]);
    if (changed.length === 0) return { person: current, duplicates: [] };
    const updated = await tx
      .updateTable('person')
      .set({ ...person, updated_at: new Date() })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(cinConflict);
    // Which fields changed, not their values: the audit trail holds no personal data.
    await recordAudit(tx, actor, {
      action: 'person.updated',
      entityType: 'person',
      entityIds: [updated.id],
      data: { changed },
    });
    return { person: updated, duplicates: [] };
  });
}

/** What a merge may copy from the duplicate into the kept record when the kept one has nothing. */
const FILLABLE = [
  'first_name_ar',
  'last_name_ar',
  'cin',
  'phone',
  'guardian_name',
  'guardian_phone',
  'school_level',
  'province',
  'user_id',
] as const satisfies readonly (keyof PersonRow)[];

export async function mergePeople(ctx: Context, input: MergePeopleInput): Promise<{ person: PersonRow }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!isUuid(input.keepId)) throw new UserError('NOT_FOUND', 'keepId');
  if (!isUuid(input.mergeId)) throw new UserError('NOT_FOUND', 'mergeId');
  if (input.keepId === input.mergeId) throw new UserError('INVALID_INPUT', 'mergeId');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const locked = await lockPeople(tx, [input.keepId, input.mergeId]);
    const keep = locked.get(input.keepId);
    const merge = locked.get(input.mergeId);
    if (!keep) throw new UserError('NOT_FOUND', 'keepId');
    if (!merge) throw new UserError('NOT_FOUND', 'mergeId');
    if (keep.merged_into_id) throw new UserError('ALREADY_MERGED', 'keepId');
    if (merge.merged_into_id) throw new UserError('ALREADY_MERGED', 'mergeId');

    await reassignEnrollments(tx, actor, merge.id, keep.id);
    const now = new Date();
    // First mark the duplicate merged: it then no longer holds its CIN (the unique index covers
    // unmerged records only), so the kept record may take it below.
    await tx
      .updateTable('person')
      .set({ merged_into_id: keep.id, updated_at: now })
      .where('id', '=', merge.id)
      .execute();
    // Records merged into the duplicate earlier now point at the record that holds their history.
    await tx
      .updateTable('person')
      .set({ merged_into_id: keep.id, updated_at: now })
      .where('merged_into_id', '=', merge.id)
      .execute();

    const filled = FILLABLE.filter((field) => keep[field] === null && merge[field] !== null);
    let person = keep;
    if (filled.length > 0) {
      const patch = Object.fromEntries(filled.map((field) => [field, merge[field]]));
      person = await tx
        .updateTable('person')
        .set({ ...patch, updated_at: now })
        .where('id', '=', keep.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordAudit(tx, actor, {
      action: 'person.merged',
      entityType: 'person',
      entityIds: [keep.id, merge.id],
      data: { keepId: keep.id, mergeId: merge.id, filled },
    });
    return { person };
  });
}
