import { isDay } from './week-grid';

export type PastDayProblem = 'errors.REQUIRED' | 'errors.INVALID_DATE' | 'errors.DATE_IN_FUTURE';

/**
 * What is wrong with the day something happened on (a mark, a session, a funding, an answer), as
 * the API would refuse it: none given when one is needed, not a calendar day, or after today.
 */
export function pastDayProblem(
  day: string,
  today: string,
  options: { optional?: boolean } = {},
): PastDayProblem | null {
  if (!day) return options.optional ? null : 'errors.REQUIRED';
  if (!isDay(day)) return 'errors.INVALID_DATE';
  if (day > today) return 'errors.DATE_IN_FUTURE';
  return null;
}
