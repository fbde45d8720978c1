import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/tables.generated.js';
import type { Role } from '../../graphql/generated/resolvers.js';
import { type Actor, holdsAny } from '../identity/access.js';

/** Roles that create ventures and record their phases, funding, jobs and survival. */
export const VENTURE_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];
/** Roles that see every venture of the centre. */
export const VENTURE_STAFF: readonly Role[] = ['NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR', 'INSTRUCTOR'];
/** Everyone who may read ventures at all: staff, and coaches (their own ventures only). */
export const VENTURE_READERS: readonly Role[] = [...VENTURE_STAFF, 'COACH'];
/** Who may log a coaching session: a coach (own ventures) or the staff who run the programme. */
export const SESSION_LOGGERS: readonly Role[] = [...VENTURE_WRITERS, 'COACH'];
/** Who reads the incubator indicators. */
export const INDICATOR_READERS: readonly Role[] = ['NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR'];
/** Who may be named a venture's coach: a coach, or staff who coach themselves. */
export const COACH_ROLES: readonly Role[] = ['COACH', 'DIRECTOR', 'COORDINATOR', 'INSTRUCTOR'];

export type VentureScope = { kind: 'ALL' } | { kind: 'COACHED'; userId: string } | { kind: 'NONE' };

/** Staff see every venture; a coach only those they coach; anyone else none. */
export function ventureScope(actor: Actor): VentureScope {
  if (holdsAny(actor, VENTURE_STAFF)) return { kind: 'ALL' };
  if (actor.roles.includes('COACH')) return { kind: 'COACHED', userId: actor.userId };
  return { kind: 'NONE' };
}

export const isVentureWriter = (actor: Actor): boolean => holdsAny(actor, VENTURE_WRITERS);

/** The SQL condition that limits `venture` to what a scope may see. */
export function ventureVisible(
  eb: ExpressionBuilder<DB, 'venture'>,
  scope: VentureScope,
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'ALL':
      return eb.lit(true);
    case 'COACHED':
      return eb('venture.coach_user_id', '=', scope.userId);
    case 'NONE':
      return eb.lit(false);
  }
}

/**
 * For the people module's coach scope: `person` founded a venture this user coaches. Kept here
 * because the venture tables are this module's.
 */
export function foundsVentureCoachedBy(
  eb: ExpressionBuilder<DB, 'person'>,
  userId: string,
): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('venture_founder as coached_f')
      .innerJoin('venture as coached_v', (join) =>
        join
          .onRef('coached_v.tenant_id', '=', 'coached_f.tenant_id')
          .onRef('coached_v.id', '=', 'coached_f.venture_id'),
      )
      .select('coached_f.id')
      .whereRef('coached_f.tenant_id', '=', 'person.tenant_id')
      .whereRef('coached_f.person_id', '=', 'person.id')
      .where('coached_v.coach_user_id', '=', userId),
  );
}
