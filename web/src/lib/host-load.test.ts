// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays } from './days';
import { loadByWeek, loadLevel, loadWindow } from './host-load';

describe('a host’s load over time', () => {
  it('asks for twelve whole weeks back and twelve ahead of this week', () => {
    const window = loadWindow('2026-11-27');
    expect(window.thisWeek).toBe('2026-11-23');
    expect(window.from).toBe('2026-08-31');
    expect(window.to).toBe('2027-02-21');
    expect(loadByWeek(days(window.from, window.to, () => 0))).toHaveLength(25);
  });

  it('keeps the busiest day of each Monday-to-Sunday week against the capacity', () => {
    const weeks = loadByWeek(
      days('2026-11-23', '2026-12-06', (day) => (day === '2026-11-26' ? 5 : day === '2026-12-01' ? 2 : 1)),
    );
    expect(weeks).toEqual([
      { week: '2026-11-23', peak: 5, capacity: 6 },
      { week: '2026-11-30', peak: 2, capacity: 6 },
    ]);
  });

  it('sorts weeks oldest first whatever order the days came in, and takes the larger capacity of a week', () => {
    const weeks = loadByWeek([
      { day: '2026-12-02', confirmed: 1, capacity: 4 },
      { day: '2026-11-24', confirmed: 3, capacity: 6 },
      { day: '2026-11-30', confirmed: 0, capacity: 6 },
    ]);
    expect(weeks.map((w) => [w.week, w.capacity])).toEqual([
      ['2026-11-23', 6],
      ['2026-11-30', 6],
    ]);
  });

  it('tells a full week from a busy or free one', () => {
    expect(loadLevel({ week: 'w', peak: 6, capacity: 6 })).toBe('full');
    expect(loadLevel({ week: 'w', peak: 3, capacity: 4 })).toBe('busy');
    expect(loadLevel({ week: 'w', peak: 2, capacity: 6 })).toBe('free');
  });
});

function days(from: string, to: string, confirmed: (day: string) => number) {
  const list = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    list.push({ day, confirmed: confirmed(day), capacity: 6 });
  return list;
}
