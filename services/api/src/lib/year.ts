import { UserError } from '../graphql/errors.js';

// The years a report may be asked for: a typing error (20244, 224) is refused, not reported empty.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** A report's year as given, or INVALID_INPUT on `year`; no year (where optional) stays null. */
export function checkYear(year: number): number;
export function checkYear(year: number | null | undefined): number | null;
export function checkYear(year: number | null | undefined): number | null {
  if (year == null) return null;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw new UserError('INVALID_INPUT', 'year');
  return year;
}
