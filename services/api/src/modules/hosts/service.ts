import type { HostRow, TradeRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  AddHostArtisanInput,
  CreateHostInput,
  HostFilter,
  HostInput,
  HostStatus,
  SetHostStatusInput,
  UpdateHostInput,
} from '../../graphql/generated/resolvers.js';
import { type Connection, decodeKeys, encodeKeys, pageSize, toConnection } from '../../lib/cursor.js';
import { isUuid, newId } from '../../lib/ids.js';
import { foundIn } from '../../lib/like.js';
import { canonicalProvince } from '../../lib/provinces.js';
import { clean } from '../../lib/text.js';
import { daysBetween, todayIn } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { type Actor, holdsAny, requireMember } from '../identity/access.js';
import { normalizePhone } from '../identity/phone.js';
import { type UserRow, usersByIds } from '../identity/service.js';
import { READERS, WRITERS } from '../people/scope.js';
import { type DayLoad, dailyLoad, HOLDING_PLACE } from '../placements/service.js';
import { tradesByIds } from '../programmes/service.js';
import { grantRole, tenantsByIds } from '../tenancy/service.js';
import { checkDisplayName, checkHost, checkReason, HOST_KINDS, type NormalizedHost } from './validate.js';

// Reads other modules may call inside their own tenant transaction (placements, loaders).

export async function hostsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, HostRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('host')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The host, locked until the transaction ends: confirmations at one host take turns, so each one
 * checks the capacity against every confirmation committed before it.
 */
export async function lockHost(tx: Tx, hostId: string): Promise<HostRow> {
  const host = await tx
    .selectFrom('host')
    .selectAll()
    .where('id', '=', hostId)
    .forUpdate()
    .executeTakeFirst();
  if (!host) throw new UserError('NOT_FOUND', 'hostId');
  return host;
}

// ---------------------------------------------------------------------------------------------
// Who sees which hosts
// ---------------------------------------------------------------------------------------------

/**
 * Staff see every host of the tenant; a host artisan only the hosts they answer for (another
 * host's id reads as nothing); anyone else (a trainee) no host at all for now.
 */
export function hostScope(actor: Actor): 'ALL' | readonly string[] {
  if (holdsAny(actor, READERS)) return 'ALL';
  if (actor.roles.includes('HOST_ARTISAN')) return actor.hostIds;
  return [];
}

/** The ids among `ids` the actor may see. */
function visibleIds(actor: Actor, ids: readonly string[]): string[] {
  const scope = hostScope(actor);
  const wanted = [...new Set(ids)].filter(isUuid);
  return scope === 'ALL' ? wanted : wanted.filter((id) => scope.includes(id));
}

// ---------------------------------------------------------------------------------------------
// Queries and the loaders below them
// ---------------------------------------------------------------------------------------------

export async function getHost(ctx: Context, id: string): Promise<HostRow | null> {
  const actor = await requireMember(ctx);
  const [visible] = visibleIds(actor, [id]);
  if (!visible) return null;
  const hosts = await withTenant(ctx.deps.db, actor.tenantId, (tx) => hostsByIds(tx, [visible]));
  return hosts.get(visible) ?? null;
}

// By name, so the cursor is the last row's (name, id): unique and in sort order.
const encodeHostCursor = (row: HostRow): string => encodeKeys([row.name, row.id]);
const decodeHostCursor = (cursor: string) => decodeKeys(cursor, 2) as [string, string];

const HOST_STATUSES: readonly HostStatus[] = ['ACTIVE', 'PAUSED', 'CLOSED'];

export async function listHosts(
  ctx: Context,
  args: { first?: number | null; after?: string | null; filter?: HostFilter | null },
): Promise<Connection<HostRow>> {
  const actor = await requireMember(ctx);
  const limit = pageSize(args.first);
  const after = args.after ? decodeHostCursor(args.after) : null;
  const filter = args.filter ?? {};
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  const scope = hostScope(actor);
  if (scope !== 'ALL' && scope.length === 0) return empty;
  // An id that is not even a UUID names nothing: an empty page, not a database error.
  if (filter.tradeId != null && !isUuid(filter.tradeId)) return empty;
  if (filter.kind != null && !HOST_KINDS.includes(filter.kind)) throw new UserError('INVALID_INPUT', 'kind');
  // No statuses listed means every status.
  const statuses = filter.status?.length ? [...new Set(filter.status)] : null;
  if (statuses?.some((s) => !HOST_STATUSES.includes(s))) throw new UserError('INVALID_INPUT', 'status');
  const province = filter.province?.trim() || null;
  const search = clean(filter.search);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const filtered = tx
      .selectFrom('host')
      .$if(scope !== 'ALL', (qb) => qb.where('id', 'in', scope as string[]))
      .$if(filter.tradeId != null, (qb) => qb.where('trade_id', '=', filter.tradeId!))
      .$if(filter.kind != null, (qb) => qb.where('kind', '=', filter.kind!))
      .$if(statuses !== null, (qb) => qb.where('status', 'in', statuses!))
      // As typed, or in the usual spelling hosts are stored in ('fes' finds 'Fès').
      .$if(province !== null, (qb) =>
        qb.where((eb) =>
          eb(
            eb.fn('lower', ['province']),
            'in',
            [...new Set([province!, canonicalProvince(province!)])].map((p) => p.toLowerCase()),
          ),
        ),
      )
      .$if(search !== null, (qb) =>
        qb.where((eb) =>
          eb.or(
            (['name', 'name_ar', 'address', 'contact_name'] as const).map((column) =>
              foundIn(eb.ref(column), search!),
            ),
          ),
        ),
      );
    const [rows, total] = await Promise.all([
      filtered
        .selectAll()
        .$if(after !== null, (qb) =>
          qb.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after![0], after![1]))),
        )
        .orderBy('name')
        .orderBy('id')
        .limit(limit + 1)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return toConnection(rows, limit, total.n, (node) => ({ cursor: encodeHostCursor(node), node }));
  });
}

/** The trade of each host (Host.trade); the trade catalogue is every member's to read. */
export async function tradesOfHosts(ctx: Context, hosts: readonly HostRow[]): Promise<Map<string, TradeRow>> {
  const actor = await requireMember(ctx);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tradesByIds(
      tx,
      hosts.map((h) => h.trade_id),
    ),
  );
}

/**
 * The artisans who answer for each host (Host.artisans), oldest membership first. Staff see them
 * all; a host artisan only their own host's; anyone else none.
 */
export async function artisansOfHosts(
  ctx: Context,
  hostIds: readonly string[],
): Promise<Map<string, UserRow[]>> {
  const actor = await requireMember(ctx);
  const byHost = new Map<string, UserRow[]>(hostIds.map((id) => [id, []]));
  const visible = visibleIds(actor, hostIds);
  if (visible.length === 0) return byHost;
  const memberships = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    tx
      .selectFrom('membership')
      .select(['user_id', 'host_id'])
      .where('role', '=', 'HOST_ARTISAN')
      .where('host_id', 'in', visible)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  );
  const users = await usersByIds(
    ctx.deps.db,
    memberships.map((m) => m.user_id),
  );
  for (const { user_id, host_id } of memberships) {
    const user = users.get(user_id);
    if (user && host_id) byHost.get(host_id)?.push(user);
  }
  return byHost;
}

export interface HostDayLoad {
  day: string;
  confirmed: number;
  capacity: number;
}

/** Host.load looks at most this many days at once (a leap year). */
export const MAX_LOAD_DAYS = 366;

/** A range asked of Host.load: a real range, not longer than a year. */
export function checkLoadRange(from: string, to: string): UserError | null {
  if (from > to) return new UserError('INVALID_INPUT', 'to');
  if (daysBetween(from, to) + 1 > MAX_LOAD_DAYS) return new UserError('INVALID_INPUT', 'to');
  return null;
}

/**
 * Confirmed trainees per day of each asked host and range (Host.load), one dailyLoad statement
 * per distinct range in the batch (usually one). A range that is refused answers with its error,
 * the others still get theirs; hosts the actor may not see get an empty list.
 */
export async function loadsOfHosts(
  ctx: Context,
  queries: readonly { host: HostRow; from: string; to: string }[],
): Promise<(HostDayLoad[] | UserError)[]> {
  const actor = await requireMember(ctx);
  const visible = new Set(
    visibleIds(
      actor,
      queries.map((q) => q.host.id),
    ),
  );
  const ranges = new Map<string, { from: string; to: string; hostIds: Set<string> }>();
  for (const { host, from, to } of queries) {
    if (checkLoadRange(from, to) || !visible.has(host.id)) continue;
    const key = `${from}/${to}`;
    const range = ranges.get(key) ?? { from, to, hostIds: new Set<string>() };
    range.hostIds.add(host.id);
    ranges.set(key, range);
  }
  const loads = new Map<string, Map<string, DayLoad[]>>();
  if (ranges.size > 0) {
    await withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
      for (const [key, range] of ranges)
        loads.set(key, await dailyLoad(tx, [...range.hostIds], range.from, range.to));
    });
  }
  return queries.map(({ host, from, to }) => {
    const refused = checkLoadRange(from, to);
    if (refused) return refused;
    const days = loads.get(`${from}/${to}`)?.get(host.id) ?? [];
    return days.map((d) => ({ day: d.day, confirmed: d.confirmed, capacity: host.capacity }));
  });
}

// ---------------------------------------------------------------------------------------------
// Mutations (directors and coordinators)
// ---------------------------------------------------------------------------------------------

/** The tenant's calendar day: "coming days" start there, on the centre's clock. */
async function tenantToday(ctx: Context, tenantId: string): Promise<string> {
  const tenant = (await tenantsByIds(ctx.deps.db, [tenantId])).get(tenantId)!;
  return todayIn(tenant.timezone);
}

/** Checks a HostInput, trade included, and throws every problem at once. */
async function checkHostIn(tx: Tx, input: HostInput): Promise<NormalizedHost> {
  const { value, errors } = checkHost(input);
  if (isUuid(input.tradeId) && !(await tradesByIds(tx, [input.tradeId])).has(input.tradeId))
    errors.push({ field: 'tradeId', code: 'NOT_FOUND' });
  if (errors.length > 0 || !value) throw new UserErrors(errors.map((e) => new UserError(e.code, e.field)));
  return value;
}

/** lockHost, answering for the mutation's own input field. */
async function lockHostAs(tx: Tx, hostId: string, field: string): Promise<HostRow> {
  if (!isUuid(hostId)) throw new UserError('NOT_FOUND', field);
  try {
    return await lockHost(tx, hostId);
  } catch (error) {
    if (error instanceof UserError && error.code === 'NOT_FOUND') throw new UserError('NOT_FOUND', field);
    throw error;
  }
}

export async function createHost(ctx: Context, input: CreateHostInput): Promise<{ host: HostRow }> {
  const actor = await requireMember(ctx, WRITERS);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const value = await checkHostIn(tx, input.host);
    const host = await tx
      .insertInto('host')
      .values({ ...value, tenant_id: actor.tenantId, id: newId() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'host.created',
      entityType: 'host',
      entityIds: [host.id, host.trade_id],
      data: { name: host.name, kind: host.kind, capacity: host.capacity },
    });
    return { host };
  });
}

/**
 * The most trainees holding a place at the host on any day from `today` on. The last such day is
 * where the host's holding placements end; reading that one date is the only SQL here that looks
 * at placement rows (the counting itself is placements' dailyLoad).
 */
async function busiestComingDay(tx: Tx, hostId: string, today: string): Promise<number> {
  const { last } = await tx
    .selectFrom('placement')
    .select((eb) => eb.fn.max('ends_on').as('last'))
    .where('host_id', '=', hostId)
    .where('status', 'in', HOLDING_PLACE)
    .where('ends_on', '>=', today)
    .executeTakeFirstOrThrow();
  if (!last) return 0;
  const days = (await dailyLoad(tx, [hostId], today, last)).get(hostId) ?? [];
  return Math.max(0, ...days.map((d) => d.confirmed));
}

const EDITABLE = [
  'kind',
  'name',
  'name_ar',
  'trade_id',
  'capacity',
  'address',
  'province',
  'contact_name',
  'contact_phone',
] as const;

export async function updateHost(ctx: Context, input: UpdateHostInput): Promise<{ host: HostRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Locked: a confirmation at this host waits for the new capacity (and we for its place).
    const current = await lockHostAs(tx, input.id, 'id');
    if (current.status === 'CLOSED') throw new UserError('HOST_NOT_ACTIVE', 'id');
    const value = await checkHostIn(tx, input.host);
    if (value.capacity < current.capacity && (await busiestComingDay(tx, current.id, today)) > value.capacity)
      throw new UserError('HOST_FULL', 'capacity');
    const host = await tx
      .updateTable('host')
      .set(value)
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'host.updated',
      entityType: 'host',
      entityIds: [host.id],
      data: {
        changed: Object.fromEntries(
          EDITABLE.filter((column) => current[column] !== host[column]).map((column) => [
            column,
            { from: current[column], to: host[column] },
          ]),
        ),
      },
    });
    return { host };
  });
}

/** Which status a host may move to from each: pause and resume, close, reopen. */
const NEXT: Record<HostStatus, readonly HostStatus[]> = {
  ACTIVE: ['PAUSED', 'CLOSED'],
  PAUSED: ['ACTIVE', 'CLOSED'],
  CLOSED: ['ACTIVE'],
};

export async function setHostStatus(ctx: Context, input: SetHostStatusInput): Promise<{ host: HostRow }> {
  const actor = await requireMember(ctx, WRITERS);
  if (!HOST_STATUSES.includes(input.status)) throw new UserError('INVALID_INPUT', 'status');
  const { reason, valid } = checkReason(input.reason);
  if (!valid) throw new UserError('INVALID_INPUT', 'reason');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await lockHostAs(tx, input.id, 'id');
    const from = current.status as HostStatus;
    if (!NEXT[from].includes(input.status)) throw new UserError('ILLEGAL_TRANSITION', 'status');
    // Whoever later wonders why a workshop stopped taking trainees finds the reason on it.
    if (input.status !== 'ACTIVE' && reason === null) throw new UserError('REASON_REQUIRED', 'reason');
    // Only the host row changes: its placements and their history stay as they are.
    const host = await tx
      .updateTable('host')
      .set({ status: input.status, status_reason: reason })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'host.status_changed',
      entityType: 'host',
      entityIds: [host.id],
      data: { from, to: input.status, reason },
    });
    return { host };
  });
}

export async function addHostArtisan(ctx: Context, input: AddHostArtisanInput): Promise<{ host: HostRow }> {
  const actor = await requireMember(ctx, WRITERS);
  const problems: UserError[] = [];
  const displayName = checkDisplayName(input.displayName);
  if (displayName === null)
    problems.push(new UserError(input.displayName.trim() ? 'INVALID_INPUT' : 'REQUIRED', 'displayName'));
  const phone = input.phone.trim() ? normalizePhone(input.phone) : null;
  if (phone === null)
    problems.push(new UserError(input.phone.trim() ? 'INVALID_PHONE' : 'REQUIRED', 'phone'));
  if (problems.length > 0) throw new UserErrors(problems);

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    // Locked so the host cannot be closed between this check and the new membership.
    const host = await lockHostAs(tx, input.hostId, 'hostId');
    if (host.status === 'CLOSED') throw new UserError('HOST_NOT_ACTIVE', 'hostId');
    // Most artisans read Arabic; one who has no account yet signs in by code to a phone-only one.
    const { membership, userId } = await grantRole(
      tx,
      actor,
      { displayName: displayName!, email: null, phone: phone!, passwordHash: null, locale: 'ar-MA' },
      'HOST_ARTISAN',
      { hostId: host.id, conflictField: 'phone' },
    );
    await recordAudit(tx, actor, {
      action: 'host.artisan_added',
      entityType: 'membership',
      entityIds: [membership.id, host.id, userId],
      data: { role: 'HOST_ARTISAN' },
    });
    return { host };
  });
}
