import type { Role } from '../gql/graphql';
import { useSession } from './session-context';

/** Who generates a cohort's timetable (the API's timetable writers). */
export const TIMETABLE_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];
/** Who sees the timetables of the centre's cohorts (the "sessions" section). */
export const TIMETABLE_READERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'INSTRUCTOR'];
/** Who reads a cohort's 20/80 ledger (the API's READERS). */
export const LEDGER_READERS: readonly Role[] = ['NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR', 'INSTRUCTOR'];

/**
 * Whether these roles may take a session's register (the API's registerAccess): directors and
 * coordinators any session, instructors those held in the centre. Host artisans take theirs on
 * their own page.
 */
export function canRecordSession(roles: readonly Role[], kind: string): boolean {
  if (roles.some((role) => TIMETABLE_WRITERS.includes(role))) return true;
  return kind !== 'PRACTICE' && roles.includes('INSTRUCTOR');
}

export function rolesOf(session: ReturnType<typeof useSession>): readonly Role[] {
  if (session.status !== 'signed-in') return [];
  return session.roles ?? (session.role ? [session.role] : []);
}

/** The signed-in person's roles in the current centre (every one counts; the server checks again). */
export function useRoles(): readonly Role[] {
  return rolesOf(useSession());
}

export const hasAnyRole = (roles: readonly Role[], wanted: readonly Role[]) =>
  roles.some((role) => wanted.includes(role));
