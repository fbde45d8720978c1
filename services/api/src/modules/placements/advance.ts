import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { withTenant, withUser } from '../../db/with-tenant.js';
import type { PlacementStatus } from '../../graphql/generated/resolvers.js';
import { todayIn } from '../../lib/time.js';
import { appendEvents, type PlacementMove } from './service.js';

/**
 * Lets the calendar move placements: CONFIRMED → ACTIVE on its first day, and CONFIRMED or ACTIVE
 * → COMPLETED once its last day is over, each with a history row without an actor. "Today" is
 * each tenant's own (their time zone), so every tenant runs in its own transaction. Safe to run
 * again or from several processes at once: rows are locked, and a row already moved no longer
 * matches. main.ts runs it at start and every hour.
 */
export async function advancePlacements(
  db: Database,
  now: Date = new Date(),
): Promise<{ activated: number; completed: number }> {
  // The tenant table is shared reference data: any connection may read it.
  const tenants = await withUser(db, null, (tx) =>
    tx.selectFrom('tenant').select(['id', 'timezone']).orderBy('id').execute(),
  );
  const totals = { activated: 0, completed: 0 };
  for (const tenant of tenants) {
    const today = todayIn(tenant.timezone, now);
    const moved = await withTenant(db, tenant.id, async (tx) => {
      const due = await tx
        .selectFrom('placement')
        .select(['id', 'status', 'ends_on'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'CONFIRMED'), eb('starts_on', '<=', today)]),
            eb.and([eb('status', 'in', ['CONFIRMED', 'ACTIVE']), eb('ends_on', '<', today)]),
          ]),
        )
        .orderBy('id')
        .forUpdate()
        .execute();
      const moves: PlacementMove[] = due.map((p) => ({
        placementId: p.id,
        from: p.status,
        to: (p.ends_on < today ? 'COMPLETED' : 'ACTIVE') satisfies PlacementStatus,
        reason: null,
        actorUserId: null,
      }));
      for (const to of ['ACTIVE', 'COMPLETED'] as const) {
        const ids = moves.filter((m) => m.to === to).map((m) => m.placementId);
        if (ids.length === 0) continue;
        await tx
          .updateTable('placement')
          .set({ status: to, status_reason: null, status_changed_at: sql<Date>`now()` })
          .where('id', 'in', ids)
          .execute();
      }
      await appendEvents(tx, tenant.id, moves);
      return moves;
    });
    totals.activated += moved.filter((m) => m.to === 'ACTIVE').length;
    totals.completed += moved.filter((m) => m.to === 'COMPLETED').length;
  }
  return totals;
}
