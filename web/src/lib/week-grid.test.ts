// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupByDay, isDay, weekColumns, weekRange, weekToShow } from './week-grid';

const session = (id: string, day: string, startsAt: string, kind = 'PRACTICE', place = 'Atelier') => ({
  id,
  day,
  startsAt,
  endsAt: kind === 'THEORY' ? '13:00' : '16:00',
  kind,
  place,
});

describe('the week grid', () => {
  it('puts each session in the column of its day, Monday to Sunday, in order of its local start', () => {
    const columns = weekColumns(
      '2026-11-23',
      [
        session('p2', '2026-11-24', '09:00', 'PRACTICE', 'Coopérative Nour'),
        session('t1', '2026-11-23', '09:00', 'THEORY', 'Centre'),
        session('p1', '2026-11-24', '09:00', 'PRACTICE', 'Atelier Driss'),
        session('late', '2026-11-24', '08:30', 'PRACTICE', 'Zaouia'),
        session('next-week', '2026-11-30', '09:00', 'THEORY'),
        session('sunday', '2026-11-29', '10:00', 'COACHING'),
      ],
      [{ day: '2026-11-28', nameFr: 'Fête' }],
      { today: '2026-11-27', from: '2026-09-21', to: '2027-07-16' },
    );
    expect(columns.map((c) => [c.day, c.weekday])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-24', 2],
      ['2026-11-25', 3],
      ['2026-11-26', 4],
      ['2026-11-27', 5],
      ['2026-11-28', 6],
      ['2026-11-29', 7],
    ]);
    expect(columns.map((c) => c.sessions.map((s) => s.id))).toEqual([
      ['t1'],
      // 08:30 before 09:00 (times compared as the API writes them), then by place.
      ['late', 'p1', 'p2'],
      [],
      [],
      [],
      [],
      ['sunday'],
    ]);
    expect(columns.map((c) => c.holidays.length)).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(columns.filter((c) => c.isToday).map((c) => c.day)).toEqual(['2026-11-27']);
    expect(columns.some((c) => c.outside)).toBe(false);
  });

  it('shows theory before practice when both start at the same time', () => {
    const [monday] = weekColumns(
      '2026-11-23',
      [
        session('p', '2026-11-23', '09:00', 'PRACTICE', 'A'),
        session('t', '2026-11-23', '09:00', 'THEORY', 'Z'),
      ],
      [],
      { today: '2026-11-27' },
    );
    expect(monday!.sessions.map((s) => s.id)).toEqual(['t', 'p']);
  });

  it('marks the days outside the cohort', () => {
    const columns = weekColumns('2026-09-14', [], [], {
      today: '2026-11-27',
      from: '2026-09-16',
      to: '2027-07-16',
    });
    expect(columns.map((c) => c.outside)).toEqual([true, true, false, false, false, false, false]);
  });

  it('opens the week asked for, else this week, the first week or the last one', () => {
    const cohort = { startsOn: '2026-09-21', endsOn: '2027-07-16' };
    expect(weekToShow('2026-12-03', '2026-11-27', cohort)).toBe('2026-11-30');
    expect(weekToShow(null, '2026-11-27', cohort)).toBe('2026-11-23');
    expect(weekToShow('not-a-day', '2026-11-29', cohort)).toBe('2026-11-23');
    expect(weekToShow(null, '2026-08-01', cohort)).toBe('2026-09-21');
    expect(weekToShow(null, '2027-09-01', cohort)).toBe('2027-07-12');
    expect(weekRange('2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
  });

  it('groups a schedule by day, days and sessions in order', () => {
    const groups = groupByDay([
      session('b', '2026-11-30', '09:00', 'THEORY'),
      session('a', '2026-11-28', '09:00'),
      session('c', '2026-11-30', '08:00'),
    ]);
    expect(groups.map((g) => [g.day, g.sessions.map((s) => s.id)])).toEqual([
      ['2026-11-28', ['a']],
      ['2026-11-30', ['c', 'b']],
    ]);
  });
});
