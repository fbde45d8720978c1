import type { EnrollmentStatus } from '../gql/graphql';

// The moves the API allows (it checks again and answers ILLEGAL_TRANSITION otherwise); the menu
// offers only these, so a person never picks a status that can only be refused. Graduating is not
// one of them: it goes through the cohort's graduation screen, which checks the programme's
// completion rules (the API answers GRADUATION_REQUIRED here).
const NEXT: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  APPLIED: ['ADMITTED', 'WITHDRAWN'],
  ADMITTED: ['ENROLLED', 'WITHDRAWN'],
  ENROLLED: ['DROPPED_OUT', 'WITHDRAWN'],
  GRADUATED: [],
  DROPPED_OUT: [],
  WITHDRAWN: [],
};

export function nextStatuses(from: EnrollmentStatus): readonly EnrollmentStatus[] {
  return NEXT[from];
}

/** Leaving early must be explained (the API refuses it without a reason: REASON_REQUIRED). */
export function needsReason(to: EnrollmentStatus): boolean {
  return to === 'DROPPED_OUT' || to === 'WITHDRAWN';
}

/**
 * Badge text by status, dark enough for 4.5:1 on the badge's tinted background (Mantine's teal
 * and green shade 9 are not).
 */
export const STATUS_TEXT: Record<EnrollmentStatus, string> = {
  APPLIED: 'blue.9',
  ADMITTED: 'cyan.9',
  ENROLLED: '#05614a',
  GRADUATED: '#1f6b2e',
  DROPPED_OUT: 'red.9',
  WITHDRAWN: 'gray.9',
};

/** Badge colours by status: where the person stands, at a glance. */
export const STATUS_COLOR: Record<EnrollmentStatus, string> = {
  APPLIED: 'blue',
  ADMITTED: 'cyan',
  ENROLLED: 'teal',
  GRADUATED: 'green',
  DROPPED_OUT: 'red',
  WITHDRAWN: 'gray',
};
