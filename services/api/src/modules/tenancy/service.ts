import type { Database } from '../../db/connect.js';
import { type Tx, withTenant, withUser } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { AddMemberInput, Role } from '../../graphql/generated/resolvers.js';
import { LOCALES } from '../../graphql/messages.js';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, MEMBER_READERS, requireMember } from '../identity/access.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../identity/password.js';
import { normalizePhone } from '../identity/phone.js';

export interface TenantRow {
  id: string;
  network_id: string;
  kind: string;
  name: string;
  name_ar: string | null;
  city: string;
  timezone: string;
  locale: string;
}

export interface NetworkRow {
  id: string;
  name: string;
  name_ar: string | null;
}

export interface MembershipRow {
  tenant_id: string;
  id: string;
  user_id: string;
  role: string;
  host_id: string | null;
  created_at: Date;
}

const MEMBERSHIP_COLUMNS = ['tenant_id', 'id', 'user_id', 'role', 'host_id', 'created_at'] as const;
// Roles a director may hand out; network administrators are appointed by the network.
const GRANTABLE: Role[] = [
  'DIRECTOR',
  'COORDINATOR',
  'INSTRUCTOR',
  'HOST_ARTISAN',
  'TRAINEE',
  'COACH',
  'JUROR',
];

export async function currentTenant(ctx: Context): Promise<TenantRow> {
  const actor = await requireMember(ctx);
  const tenants = await tenantsByIds(ctx.deps.db, [actor.tenantId]);
  return tenants.get(actor.tenantId)!;
}

// Tenants and networks are shared reference tables: any signed-in path may read the ones it names.
export async function tenantsByIds(db: Database, ids: readonly string[]): Promise<Map<string, TenantRow>> {
  const rows = await withUser(db, null, (tx) =>
    tx
      .selectFrom('tenant')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function networksByIds(db: Database, ids: readonly string[]): Promise<Map<string, NetworkRow>> {
  const rows = await withUser(db, null, (tx) =>
    tx
      .selectFrom('network')
      .select(['id', 'name', 'name_ar'])
      .where('id', 'in', [...new Set(ids)])
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Memberships of several people at once (a loader batch). The signed-in person sees all of their
 * own; anyone else's only in the current tenant.
 */
export async function membershipsOf(
  ctx: Context,
  userIds: readonly string[],
): Promise<Map<string, MembershipRow[]>> {
  const byUser = new Map<string, MembershipRow[]>(userIds.map((id) => [id, []]));
  const self = ctx.auth.userId;
  const others = userIds.filter((id) => id !== self);
  const rows: MembershipRow[] = [];
  if (self && userIds.includes(self)) {
    rows.push(
      ...(await withUser(ctx.deps.db, self, (tx) =>
        tx
          .selectFrom('membership')
          .select(MEMBERSHIP_COLUMNS)
          .where('user_id', '=', self)
          .orderBy('created_at')
          .execute(),
      )),
    );
  }
  if (others.length > 0) {
    const actor = await requireMember(ctx);
    rows.push(
      ...(await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
        tx.selectFrom('membership').select(MEMBERSHIP_COLUMNS).where('user_id', 'in', others).execute(),
      )),
    );
  }
  for (const row of rows) byUser.get(row.user_id)?.push(row);
  return byUser;
}

export async function listMembers(
  ctx: Context,
  args: { first?: number | null; after?: string | null; role?: Role | null },
) {
  const actor = await requireMember(ctx, MEMBER_READERS);
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('membership')
      .$if(Boolean(args.role), (qb) => qb.where('role', '=', args.role!));
    const [rows, total] = await Promise.all([
      filtered
        .select(MEMBERSHIP_COLUMNS)
        .$if(afterId !== null, (qb) => qb.where('id', '>', afterId!))
        .orderBy('id')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, total.n, (node) => ({ cursor: encodeCursor(node.id), node }));
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function addMember(ctx: Context, input: AddMemberInput): Promise<{ membership: MembershipRow }> {
  const actor = await requireMember(ctx, ['DIRECTOR']);
  const displayName = input.displayName.trim();
  if (displayName.length < 2 || displayName.length > 120) throw new UserError('INVALID_INPUT', 'displayName');
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !EMAIL.test(email)) throw new UserError('INVALID_EMAIL', 'email');
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
  if (input.phone?.trim() && !phone) throw new UserError('INVALID_PHONE', 'phone');
  if (!email && !phone) throw new UserError('INVALID_INPUT', 'phone');
  if (!GRANTABLE.includes(input.role)) throw new UserError('FORBIDDEN', 'role');
  if (input.password && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError('PASSWORD_TOO_SHORT', 'password');
  }
  if (input.locale && !(LOCALES as string[]).includes(input.locale))
    throw new UserError('INVALID_INPUT', 'locale');
  const passwordHash = input.password ? await hashPassword(input.password) : null;

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const { membership, userId } = await grantRole(
      tx,
      actor,
      { displayName, email, phone, passwordHash, locale: input.locale ?? null },
      input.role,
    );
    await recordAudit(tx, actor, {
      action: 'membership.added',
      entityType: 'membership',
      entityIds: [membership.id, userId],
      data: { role: input.role },
    });
    return { membership };
  });
}

/**
 * Gives a person a role in the actor's tenant (for a host artisan: the host they answer for). The
 * person is found by e-mail or phone, or created. ALREADY_MEMBER when they hold that role here.
 * The caller checks who may grant what and writes the audit event.
 */
export async function grantRole(
  tx: Tx,
  actor: Actor,
  person: NewPerson,
  role: Role,
  options: { hostId?: string; conflictField?: string } = {},
): Promise<{ membership: MembershipRow; userId: string }> {
  const conflictField = options.conflictField ?? 'role';
  const userId = await findOrCreateUser(tx, person);
  const existing = await tx
    .selectFrom('membership')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  if (existing) throw new UserError('ALREADY_MEMBER', conflictField);
  const membership = await tx
    .insertInto('membership')
    .values({
      tenant_id: actor.tenantId,
      id: newId(),
      user_id: userId,
      role,
      host_id: options.hostId ?? null,
    })
    .returning(MEMBERSHIP_COLUMNS)
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // Granted twice at the same moment: the second gets the same answer as above.
      if ((error as { code?: string }).code === '23505') throw new UserError('ALREADY_MEMBER', conflictField);
      throw error;
    });
  return { membership, userId };
}

interface NewPerson {
  displayName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string | null;
  locale: string | null;
}

async function findOrCreateUser(tx: Tx, person: NewPerson): Promise<string> {
  const matches = await tx
    .selectFrom('app_user')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(person.email ? [eb(eb.fn('lower', ['email']), '=', person.email)] : []),
        ...(person.phone ? [eb('phone', '=', person.phone)] : []),
      ]),
    )
    .execute();
  if (matches.length > 1) throw new UserError('IDENTITY_CONFLICT', 'phone');
  if (matches[0]) return matches[0].id;
  const id = newId();
  await tx
    .insertInto('app_user')
    .values({
      id,
      display_name: person.displayName,
      email: person.email,
      phone: person.phone,
      password_hash: person.passwordHash,
      locale: person.locale,
    })
    .execute();
  return id;
}
