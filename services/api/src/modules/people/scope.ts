import { type Actor, holdsAny } from '../identity/access.js';

/**
 * Which people an actor may see. Staff see everyone in the tenant; a trainee only the person
 * record linked to their own account; a host artisan only the trainees placed with their host
 * (none until placements exist); a coach, besides their own record, the founders of the ventures
 * they coach (`coach`: only person reads widen; enrollments and placements stay at OWN). Every
 * query over people or enrollments applies this.
 */
export type PersonScope =
  | { kind: 'ALL' }
  | { kind: 'OWN'; userId: string; coach?: boolean }
  | { kind: 'HOSTS'; hostIds: string[] };

const STAFF = ['NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR', 'INSTRUCTOR'] as const;

export function personScope(actor: Actor): PersonScope {
  if (holdsAny(actor, STAFF)) return { kind: 'ALL' };
  if (actor.roles.includes('HOST_ARTISAN')) return { kind: 'HOSTS', hostIds: actor.hostIds };
  return { kind: 'OWN', userId: actor.userId, coach: actor.roles.includes('COACH') };
}

/** Roles that may create and change people, enrollments and imports. */
export const WRITERS = ['DIRECTOR', 'COORDINATOR'] as const;
/** Roles that may read every person and enrollment of the tenant. */
export const READERS = STAFF;
