import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/tables.generated.js';
import { type Actor, holdsAny } from '../identity/access.js';
import { personScope, WRITERS } from '../people/scope.js';

/** Roles that propose placements, end them, and may answer for a host artisan. */
export const PLACEMENT_WRITERS = WRITERS;

export const isPlacementWriter = (actor: Actor): boolean => holdsAny(actor, PLACEMENT_WRITERS);

/**
 * Which placements an actor sees, as an SQL condition on `placement`. Staff see every placement of
 * the tenant; a trainee the placements of their own enrollments; a host artisan the placements at
 * their hosts, except the ones declined: once the artisan said no, the trainee's record is none of
 * their business any more (the same rule people/service.ts applies to person records, so every
 * placement an artisan sees has an enrollment and a person they may see). `declined` lets an
 * artisan's own declined placements through, for the one place they meet them: the answer to the
 * declinePlacement they just sent.
 */
export function placementVisible(
  eb: ExpressionBuilder<DB, 'placement'>,
  actor: Actor,
  options: { declined?: boolean } = {},
): Expression<SqlBool> {
  const scope = personScope(actor);
  switch (scope.kind) {
    case 'ALL':
      return eb.lit(true);
    case 'HOSTS':
      if (scope.hostIds.length === 0) return eb.lit(false);
      if (options.declined) return eb('placement.host_id', 'in', scope.hostIds);
      return eb.and([eb('placement.host_id', 'in', scope.hostIds), eb('placement.status', '<>', 'DECLINED')]);
    case 'OWN':
      return eb(
        'placement.enrollment_id',
        'in',
        eb
          .selectFrom('enrollment as own_e')
          .innerJoin('person as own_p', (join) =>
            join.onRef('own_p.tenant_id', '=', 'own_e.tenant_id').onRef('own_p.id', '=', 'own_e.person_id'),
          )
          .select('own_e.id')
          .where('own_p.user_id', '=', scope.userId),
      );
  }
}
