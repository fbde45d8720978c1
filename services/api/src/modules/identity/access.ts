import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { Role } from '../../graphql/generated/resolvers.js';
import { isUuid } from '../../lib/ids.js';

/** A signed-in member acting in one tenant: what every tenant-scoped service method receives. */
export interface Actor {
  userId: string;
  tenantId: string;
  roles: Role[];
  /** The host workshops this person answers for (role HOST_ARTISAN). */
  hostIds: string[];
  requestId: string;
}

/** The signed-in person's id, or the reason they must sign in (again). */
export function requireUser(ctx: Context): string {
  if (ctx.auth.problem) throw new UserError(ctx.auth.problem);
  if (!ctx.auth.userId) throw new UserError('UNAUTHENTICATED');
  return ctx.auth.userId;
}

/** Who may read a centre's members and their contact details: those who manage the centre. */
export const MEMBER_READERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'NETWORK_ADMIN'];

/**
 * Whether the caller may read a user's email and phone: their own, or anyone's for those who manage
 * the current centre. A juror sees the other jurors' names, a trainee the name of whoever recorded
 * their attendance, and never how to reach them.
 */
export async function mayReadContactOf(ctx: Context, userId: string): Promise<boolean> {
  if (ctx.auth.userId !== null && ctx.auth.userId === userId) return true;
  try {
    await requireMember(ctx, MEMBER_READERS);
    return true;
  } catch {
    return false;
  }
}

/** Whether the actor holds at least one of `roles` in the current centre. */
export const holdsAny = (actor: Actor, roles: readonly string[]): boolean =>
  actor.roles.some((role) => roles.includes(role));

const actors = new WeakMap<Context, Promise<Actor>>();

/**
 * The one access check: the caller is signed in, is a member of the tenant the request names, and
 * holds one of `allowed` roles there (any role when omitted). Every service entry point calls it
 * first. Memberships are looked up once per request.
 */
export async function requireMember(ctx: Context, allowed?: readonly Role[]): Promise<Actor> {
  let pending = actors.get(ctx);
  if (!pending) {
    pending = loadActor(ctx);
    actors.set(ctx, pending);
  }
  const actor = await pending;
  if (allowed && !holdsAny(actor, allowed)) throw new UserError('FORBIDDEN');
  return actor;
}

async function loadActor(ctx: Context): Promise<Actor> {
  const userId = requireUser(ctx);
  const tenantId = ctx.requestedTenantId;
  if (!tenantId) throw new UserError('TENANT_REQUIRED');
  // A malformed id names no tenant anyone belongs to.
  if (!isUuid(tenantId)) throw new UserError('NOT_A_MEMBER');
  const rows = await withTenant(ctx.deps.db, tenantId, (tx) =>
    tx.selectFrom('membership').select(['role', 'host_id']).where('user_id', '=', userId).execute(),
  );
  if (rows.length === 0) throw new UserError('NOT_A_MEMBER');
  ctx.reply.request.log = ctx.reply.log = ctx.reply.log.child({ tenantId });
  return {
    userId,
    tenantId,
    roles: rows.map((r) => r.role as Role),
    hostIds: rows.flatMap((r) => (r.host_id ? [r.host_id] : [])),
    requestId: ctx.requestId,
  };
}

/**
 * The access check, then one transaction in the caller's tenant: what every read behind a loader
 * batch (and many service reads) does first. `roles` as for requireMember.
 */
export async function inTenant<T>(
  ctx: Context,
  fn: (tx: Tx, actor: Actor) => Promise<T>,
  roles?: readonly Role[],
): Promise<T> {
  const actor = await requireMember(ctx, roles);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => fn(tx, actor));
}
