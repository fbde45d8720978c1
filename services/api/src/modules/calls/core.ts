import type { ApplicationRow, CallJurorRow, CallRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { UserError } from '../../graphql/errors.js';
import type { CallStatus, Role } from '../../graphql/generated/resolvers.js';
import { isUuid, uniqueUuids } from '../../lib/ids.js';
import { type Actor, holdsAny } from '../identity/access.js';

// Who may do what with calls, and the building blocks every part of the module runs in its
// tenant transaction.

/** Set up calls, name the jury, record and withdraw applications. */
export const WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];
/** See every call, application, submitted evaluation and the whole ranking. */
export const STAFF: readonly Role[] = ['NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR'];

export const isStaff = (actor: Actor) => holdsAny(actor, STAFF);

/**
 * The call row, locked until the transaction ends. Status moves take it exclusively; applications,
 * evaluations and conflicts share it, so none lands in a call that is closing or publishing.
 */
export async function lockCall(
  tx: Tx,
  id: string,
  field: string,
  mode: 'update' | 'share',
): Promise<CallRow> {
  if (!isUuid(id)) throw new UserError('NOT_FOUND', field);
  const query = tx.selectFrom('call').selectAll().where('id', '=', id);
  const call = await (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
  if (!call) throw new UserError('NOT_FOUND', field);
  return call;
}

export async function callsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, CallRow>> {
  const wanted = uniqueUuids(ids);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('call').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The caller's seats on the jury of these calls, by call. */
export async function seatsOf(
  tx: Tx,
  userId: string,
  callIds: readonly string[],
): Promise<Map<string, CallJurorRow>> {
  const wanted = uniqueUuids(callIds);
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .selectFrom('call_juror')
    .selectAll()
    .where('user_id', '=', userId)
    .where('call_id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.call_id, r]));
}

/**
 * The caller's view of a call: staff see all of it; a juror sees it only through their seat.
 * Anyone else is told the call does not exist (no hint that it does).
 */
export interface CallView {
  call: CallRow;
  staff: boolean;
  seat: CallJurorRow | null;
}

export async function viewCall(tx: Tx, actor: Actor, id: string, field: string): Promise<CallView> {
  const call = isUuid(id) ? (await callsByIds(tx, [id])).get(id) : undefined;
  if (!call) throw new UserError('NOT_FOUND', field);
  const seat = (await seatsOf(tx, actor.userId, [call.id])).get(call.id) ?? null;
  const staff = isStaff(actor);
  if (!staff && !seat) throw new UserError('NOT_FOUND', field);
  return { call, staff, seat };
}

/** An application and its call, as the caller may see them (a juror: not a withdrawn one). */
export async function viewApplication(
  tx: Tx,
  actor: Actor,
  id: string,
  field: string,
): Promise<CallView & { application: ApplicationRow }> {
  if (!isUuid(id)) throw new UserError('NOT_FOUND', field);
  const application = await tx.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!application) throw new UserError('NOT_FOUND', field);
  const view = await viewCall(tx, actor, application.call_id, field);
  if (!view.staff && application.status === 'WITHDRAWN') throw new UserError('NOT_FOUND', field);
  return { ...view, application };
}

/** The only status moves there are. */
export const NEXT_STATUS: Record<CallStatus, CallStatus | null> = {
  DRAFT: 'OPEN',
  OPEN: 'CLOSED',
  CLOSED: 'PUBLISHED',
  PUBLISHED: null,
};

/** Jurors score while the call takes applications and while the jury finishes, never after. */
export const SCORING: readonly string[] = ['OPEN', 'CLOSED'];
