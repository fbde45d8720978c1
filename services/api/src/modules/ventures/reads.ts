import { sql } from 'kysely';
import type {
  CoachingSessionRow,
  CohortRow,
  PersonRow,
  SurvivalCheckRow,
  VentureEventRow,
  VentureFundingRow,
  VentureJobsRow,
  VentureRow,
} from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { groupBy } from '../../lib/group-by.js';
import { uniqueUuids } from '../../lib/ids.js';
import { type Actor, inTenant, requireMember } from '../identity/access.js';
import { peopleByIds } from '../people/service.js';
import { cohortsByIds } from '../programmes/service.js';
import { VENTURE_READERS, ventureScope, ventureVisible } from './access.js';
import { venturesVisibleTo } from './service.js';

// The batch reads behind the module's loaders: one statement per level. Fields below a venture
// are read for ventures the caller already holds, so they were filtered by visibility; the rows
// reached from elsewhere (a coaching session's venture, a person's ventures) are filtered again.

/** Venture reads: the member check for venture readers, then the tenant's transaction. */
const inVentures = <T>(ctx: Context, fn: (tx: Tx, actor: Actor) => Promise<T>): Promise<T> =>
  inTenant(ctx, fn, VENTURE_READERS);

export const readVentures = (ctx: Context, ids: readonly string[]): Promise<Map<string, VentureRow>> =>
  inVentures(ctx, (tx, actor) => venturesVisibleTo(tx, actor, ids));

export const readCohorts = (ctx: Context, ids: readonly string[]): Promise<Map<string, CohortRow>> =>
  inVentures(ctx, (tx) => cohortsByIds(tx, ids));

export interface FounderOf {
  person: PersonRow;
  isLead: boolean;
}

/** Founders per venture: the lead first, then by name. */
export function foundersOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    const byVenture = new Map<string, FounderOf[]>();
    if (ids.length === 0) return byVenture;
    const rows = await tx
      .selectFrom('venture_founder')
      .select(['venture_id', 'person_id', 'is_lead'])
      .where('venture_id', 'in', ids)
      .execute();
    const people = await peopleByIds(
      tx,
      rows.map((r) => r.person_id),
    );
    for (const row of rows) {
      const person = people.get(row.person_id);
      if (!person) continue;
      const list = byVenture.get(row.venture_id) ?? [];
      list.push({ person, isLead: row.is_lead });
      byVenture.set(row.venture_id, list);
    }
    for (const list of byVenture.values())
      list.sort(
        (a, b) =>
          Number(b.isLead) - Number(a.isLead) ||
          a.person.last_name_latin.localeCompare(b.person.last_name_latin) ||
          a.person.first_name_latin.localeCompare(b.person.first_name_latin) ||
          a.person.id.localeCompare(b.person.id),
      );
    return byVenture;
  });
}

export function eventsOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, VentureEventRow[]>();
    const rows = await tx
      .selectFrom('venture_event')
      .selectAll()
      .where('venture_id', 'in', ids)
      .orderBy('on_date')
      .orderBy('at')
      .orderBy('id')
      .execute();
    return groupBy(rows, (r) => r.venture_id);
  });
}

export function fundingOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, VentureFundingRow[]>();
    const rows = await tx
      .selectFrom('venture_funding')
      .selectAll()
      .where('venture_id', 'in', ids)
      .orderBy('received_on')
      .orderBy('id')
      .execute();
    return groupBy(rows, (r) => r.venture_id);
  });
}

export function jobsOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, VentureJobsRow[]>();
    const rows = await tx
      .selectFrom('venture_jobs')
      .selectAll()
      .where('venture_id', 'in', ids)
      .orderBy('counted_on')
      .execute();
    return groupBy(rows, (r) => r.venture_id);
  });
}

/** The latest jobs count of each venture (one row each, by the day it was counted). */
export function latestJobsOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, VentureJobsRow>();
    const rows = await tx
      .selectFrom('venture_jobs')
      .selectAll()
      .distinctOn('venture_id')
      .where('venture_id', 'in', ids)
      .orderBy('venture_id')
      .orderBy('counted_on', 'desc')
      .execute();
    return new Map(rows.map((r) => [r.venture_id, r]));
  });
}

export function totalFundingOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, number>();
    const rows = await tx
      .selectFrom('venture_funding')
      .select(['venture_id', sql<string>`sum(amount_mad)`.as('total')])
      .where('venture_id', 'in', ids)
      .groupBy('venture_id')
      .execute();
    return new Map(rows.map((r) => [r.venture_id, Number(r.total)]));
  });
}

export function survivalChecksOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, SurvivalCheckRow[]>();
    const rows = await tx
      .selectFrom('survival_check')
      .selectAll()
      .where('venture_id', 'in', ids)
      .orderBy('years_after_exit')
      .execute();
    return groupBy(rows, (r) => r.venture_id);
  });
}

/** Newest first. */
export function coachingSessionsOf(ctx: Context, ventureIds: readonly string[]) {
  return inVentures(ctx, async (tx) => {
    const ids = uniqueUuids(ventureIds);
    if (ids.length === 0) return new Map<string, CoachingSessionRow[]>();
    const rows = await tx
      .selectFrom('coaching_session')
      .selectAll()
      .where('venture_id', 'in', ids)
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return groupBy(rows, (r) => r.venture_id);
  });
}

/**
 * The ventures each person founded, by name, as the caller may see them: staff all of them, a
 * coach the ones they coach, anyone else (a trainee looking at their own record) none.
 */
export async function venturesOfPeople(ctx: Context, personIds: readonly string[]) {
  const actor = await requireMember(ctx);
  const scope = ventureScope(actor);
  const ids = uniqueUuids(personIds);
  const byPerson = new Map<string, VentureRow[]>();
  if (ids.length === 0 || scope.kind === 'NONE') return byPerson;
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const rows = await tx
      .selectFrom('venture')
      .innerJoin('venture_founder as f', (join) =>
        join.onRef('f.tenant_id', '=', 'venture.tenant_id').onRef('f.venture_id', '=', 'venture.id'),
      )
      .selectAll('venture')
      .select('f.person_id')
      .where('f.person_id', 'in', ids)
      .where((eb) => ventureVisible(eb, scope))
      .orderBy('venture.name')
      .orderBy('venture.id')
      .execute();
    const grouped = groupBy(rows, (r) => r.person_id);
    for (const [personId, list] of grouped)
      byPerson.set(
        personId,
        list.map(({ person_id: _, ...venture }) => venture),
      );
    return byPerson;
  });
}
