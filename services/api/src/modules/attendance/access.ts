import type { Role } from '../../graphql/generated/resolvers.js';
import { type Actor, holdsAny } from '../identity/access.js';
import { READERS, WRITERS } from '../people/scope.js';

/** Roles that may take a register at all; which registers each may take is `registerAccess`. */
export const RECORDERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'INSTRUCTOR', 'HOST_ARTISAN'];

/**
 * What the actor may do with a session's register:
 * - RECORD: directors and coordinators any session; instructors every session held in the centre
 *   (not PRACTICE); a host artisan the PRACTICE sessions at a host they answer for.
 * - SEE: the session is theirs to know about but not to record (an instructor facing a workshop
 *   day): FORBIDDEN.
 * - NONE: they may not even learn it exists (an artisan facing another host's day or a theory
 *   session): NOT_FOUND, the same answer as for an id that names nothing.
 */
export function registerAccess(
  actor: Actor,
  session: { kind: string; host_id: string | null },
): 'RECORD' | 'SEE' | 'NONE' {
  if (holdsAny(actor, WRITERS)) return 'RECORD';
  const ownHost =
    actor.roles.includes('HOST_ARTISAN') &&
    session.host_id !== null &&
    actor.hostIds.includes(session.host_id);
  if (session.kind === 'PRACTICE' && ownHost) return 'RECORD';
  if (session.kind !== 'PRACTICE' && actor.roles.includes('INSTRUCTOR')) return 'RECORD';
  if (holdsAny(actor, READERS) || ownHost) return 'SEE';
  return 'NONE';
}
