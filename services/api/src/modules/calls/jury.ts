import type { CallRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { AddJurorInput, RemoveJurorInput } from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { clean } from '../../lib/text.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, requireMember } from '../identity/access.js';
import { normalizePhone } from '../identity/phone.js';
import { grantRole, membershipsOf } from '../tenancy/service.js';
import { lockCall, WRITERS } from './core.js';

// Naming the jury: members of the centre, or outside experts who get a JUROR membership.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Expert {
  displayName: string;
  email: string | null;
  phone: string | null;
}

function checkExpert(input: AddJurorInput): Expert {
  const displayName = clean(input.displayName);
  if (displayName === null) throw new UserError('REQUIRED', 'displayName');
  if (displayName.length < 2 || displayName.length > 120) throw new UserError('INVALID_INPUT', 'displayName');
  const email = input.email?.trim().toLowerCase() || null;
  if (email && (!EMAIL.test(email) || email.length > 254)) throw new UserError('INVALID_EMAIL', 'email');
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
  if (input.phone?.trim() && !phone) throw new UserError('INVALID_PHONE', 'phone');
  if (!email && !phone) throw new UserError('REQUIRED', 'email');
  return { displayName, email, phone };
}

/**
 * An account already holding that e-mail or phone. Read-only, on identity's table: tenancy's
 * grantRole finds or creates the account too, but refuses a second JUROR membership, and an
 * expert already on another jury of this centre must simply take one more seat.
 */
async function existingUser(tx: Tx, expert: Expert): Promise<string | null> {
  const matches = await tx
    .selectFrom('app_user')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(expert.email ? [eb(eb.fn('lower', ['email']), '=', expert.email)] : []),
        ...(expert.phone ? [eb('phone', '=', expert.phone)] : []),
      ]),
    )
    .execute();
  if (matches.length > 1) throw new UserError('IDENTITY_CONFLICT', 'phone');
  return matches[0]?.id ?? null;
}

async function seatFor(tx: Tx, actor: Actor, call: CallRow, userId: string) {
  const taken = await tx
    .selectFrom('call_juror')
    .select('id')
    .where('call_id', '=', call.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (taken) throw new UserError('ALREADY_JUROR', 'userId');
  return tx
    .insertInto('call_juror')
    .values({ tenant_id: actor.tenantId, id: newId(), call_id: call.id, user_id: userId })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // Named twice at the same moment: the second gets the same answer as above.
      if ((error as { code?: string }).code === '23505') throw new UserError('ALREADY_JUROR', 'userId');
      throw error;
    });
}

/** Whether the account belongs to the centre already (any role). */
async function isMember(ctx: Context, actor: Actor, userId: string): Promise<boolean> {
  const memberships = (await membershipsOf(ctx, [userId])).get(userId) ?? [];
  return memberships.some((m) => m.tenant_id === actor.tenantId);
}

export async function addJuror(ctx: Context, input: AddJurorInput): Promise<{ call: CallRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const byId = Boolean(input.userId);
  if (byId && (input.email || input.phone)) throw new UserError('INVALID_INPUT', 'userId');
  const expert = byId ? null : checkExpert(input);
  // Looked up before the transaction: it must not wait for a second connection while it holds one.
  const known = expert
    ? await withTenant(ctx.deps.db, actor.tenantId, (tx) => existingUser(tx, expert))
    : isUuid(input.userId!)
      ? input.userId!
      : null;
  const member = known !== null && (await isMember(ctx, actor, known));
  // Someone named by id must already belong to the centre (staff, or a juror of another call).
  if (byId && !member) throw new UserError('NOT_FOUND', 'userId');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Shared: a jury can be named while applications come in, but not once results are out.
    const call = await lockCall(tx, input.callId, 'callId', 'share');
    if (call.status === 'PUBLISHED') throw new UserError('CALL_NOT_EDITABLE', 'callId');
    let userId = known;
    if (!member) {
      // New to the centre: the account is found (or made) and given a JUROR membership.
      ({ userId } = await grantRole(tx, actor, { ...expert!, passwordHash: null, locale: null }, 'JUROR', {
        conflictField: 'email',
      }));
    }
    const seat = await seatFor(tx, actor, call, userId!);
    await recordAudit(tx, actor, {
      action: 'call.juror_added',
      entityType: 'call_juror',
      entityIds: [seat.id, call.id, seat.user_id],
      data: { jurorMembershipGranted: !member },
    });
    return { call };
  });
}

export async function removeJuror(ctx: Context, input: RemoveJurorInput): Promise<{ call: CallRow }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!isUuid(input.jurorId)) throw new UserError('NOT_FOUND', 'jurorId');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const found = await tx
      .selectFrom('call_juror')
      .select('call_id')
      .where('id', '=', input.jurorId)
      .executeTakeFirst();
    if (!found) throw new UserError('NOT_FOUND', 'jurorId');
    const call = await lockCall(tx, found.call_id, 'jurorId', 'share');
    // Locked like a juror's own scoring and conflicts, so neither slips in while the seat goes.
    const seat = await tx
      .selectFrom('call_juror')
      .selectAll()
      .where('id', '=', input.jurorId)
      .forUpdate()
      .executeTakeFirst();
    if (!seat) throw new UserError('NOT_FOUND', 'jurorId');
    // Their marks and declarations are part of the record: a juror who has started stays named.
    const [evaluation, conflict] = await Promise.all([
      tx.selectFrom('evaluation').select('id').where('juror_id', '=', seat.id).limit(1).executeTakeFirst(),
      tx
        .selectFrom('juror_conflict')
        .select('id')
        .where('juror_id', '=', seat.id)
        .limit(1)
        .executeTakeFirst(),
    ]);
    if (evaluation || conflict) throw new UserError('ILLEGAL_TRANSITION', 'jurorId');
    await tx.deleteFrom('call_juror').where('id', '=', seat.id).execute();
    await recordAudit(tx, actor, {
      action: 'call.juror_removed',
      entityType: 'call_juror',
      entityIds: [seat.id, call.id, seat.user_id],
    });
    return { call };
  });
}
