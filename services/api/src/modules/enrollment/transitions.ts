import type { EnrollmentStatus } from '../../graphql/generated/resolvers.js';

/** Every status, in pipeline order (the STATUS sort and the overview follow it). */
export const STATUSES: readonly EnrollmentStatus[] = [
  'APPLIED',
  'ADMITTED',
  'ENROLLED',
  'GRADUATED',
  'DROPPED_OUT',
  'WITHDRAWN',
];

/** Still in the pipeline: at most one of these per person and cohort. */
export const ACTIVE: readonly EnrollmentStatus[] = ['APPLIED', 'ADMITTED', 'ENROLLED'];

/** Holding a place: these count against the cohort's capacity. */
export const HOLDS_PLACE: readonly EnrollmentStatus[] = ['ADMITTED', 'ENROLLED'];

/** Leaving the pipeline early must be explained. */
export const NEEDS_REASON: readonly EnrollmentStatus[] = ['DROPPED_OUT', 'WITHDRAWN'];

// The only legal moves; GRADUATED, DROPPED_OUT and WITHDRAWN are final.
const NEXT: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  APPLIED: ['ADMITTED', 'WITHDRAWN'],
  ADMITTED: ['ENROLLED', 'WITHDRAWN'],
  ENROLLED: ['GRADUATED', 'DROPPED_OUT', 'WITHDRAWN'],
  GRADUATED: [],
  DROPPED_OUT: [],
  WITHDRAWN: [],
};

export function isLegalTransition(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return NEXT[from].includes(to);
}

export function isStatus(value: string): value is EnrollmentStatus {
  return (STATUSES as readonly string[]).includes(value);
}
