import { describe, expect, it } from 'vitest';
import { addYears, survivalYears } from './survival';

describe('survival checks after an exit', () => {
  it('fall on the exit’s anniversaries, 29 February on the 28th in a common year', () => {
    expect(addYears('2021-06-30', 1)).toBe('2022-06-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('are due from their anniversary, with the result when one was recorded', () => {
    const check = { yearsAfterExit: 1, active: true };
    const years = survivalYears('2024-06-30', '2026-06-30', [check]);
    expect(years.map((y) => [y.years, y.dueOn, y.due, y.check])).toEqual([
      [1, '2025-06-30', true, check],
      [2, '2026-06-30', true, null],
      [3, '2027-06-30', false, null],
      [4, '2028-06-30', false, null],
      [5, '2029-06-30', false, null],
    ]);
  });
});
