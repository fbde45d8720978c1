import type { Role } from '../gql/graphql';
import { useSession } from './session-context';

/** Who may create and change cohorts, people, enrollments and imports (the API's WRITERS). */
export const ENROLLMENT_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];

export function canWriteEnrollment(roles: readonly Role[]): boolean {
  return roles.some((role) => ENROLLMENT_WRITERS.includes(role));
}

/**
 * Whether the signed-in person may write in the current centre. Every role they hold there counts
 * (a network admin who also coordinates a centre may write in it); the server checks again.
 */
export function useCanWriteEnrollment(): boolean {
  const session = useSession();
  if (session.status !== 'signed-in') return false;
  return canWriteEnrollment(session.roles ?? (session.role ? [session.role] : []));
}

/** Who may propose, answer on the artisan's behalf, end placements and manage hosts (the API's WRITERS). */
export const PLACEMENT_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];

export function canWritePlacements(roles: readonly Role[]): boolean {
  return roles.some((role) => PLACEMENT_WRITERS.includes(role));
}

export function useCanWritePlacements(): boolean {
  const session = useSession();
  if (session.status !== 'signed-in') return false;
  return canWritePlacements(session.roles ?? (session.role ? [session.role] : []));
}

/** Who may create courses, register people and take course attendance (the API's WRITERS). */
export const COURSE_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];

export function canWriteCourses(roles: readonly Role[]): boolean {
  return roles.some((role) => COURSE_WRITERS.includes(role));
}

export function useCanWriteCourses(): boolean {
  const session = useSession();
  if (session.status !== 'signed-in') return false;
  return canWriteCourses(session.roles ?? (session.role ? [session.role] : []));
}
