// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pastDayProblem } from './past-day';

describe('a day something happened on', () => {
  it('is needed unless optional, a real calendar day, and not after today', () => {
    expect(pastDayProblem('', '2026-11-27')).toBe('errors.REQUIRED');
    expect(pastDayProblem('', '2026-11-27', { optional: true })).toBeNull();
    expect(pastDayProblem('2026-02-30', '2026-11-27')).toBe('errors.INVALID_DATE');
    expect(pastDayProblem('27/11/2026', '2026-11-27')).toBe('errors.INVALID_DATE');
    expect(pastDayProblem('2026-11-28', '2026-11-27')).toBe('errors.DATE_IN_FUTURE');
    expect(pastDayProblem('2026-11-27', '2026-11-27')).toBeNull();
  });
});
