// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  barScale,
  barWidths,
  parseLedgerParams,
  rangeIsValid,
  schoolYearOf,
  toLedgerParams,
  toPoints,
} from './ledger';

const figures = (
  plannedTheory: number,
  attendedTheory: number,
  plannedPractice: number,
  attendedPractice: number,
) => ({
  plannedTheoryHours: plannedTheory,
  attendedTheoryHours: attendedTheory,
  plannedPracticeHours: plannedPractice,
  attendedPracticeHours: attendedPractice,
});

describe('ledger bars', () => {
  const salma = figures(40, 36, 294, 259);
  const houda = figures(40, 28, 294, 70);
  const late = figures(20, 20, 147, 147);
  const unplaced = figures(40, 32, 0, 0);
  const scale = barScale([salma, houda, late, unplaced]);

  it('draw every row on the scale of the longest planned bar of its kind', () => {
    expect(scale).toEqual({ theory: 40, practice: 294 });
    expect(barWidths(salma, 'practice', scale)).toEqual({ planned: 100, attended: 88.1, fill: 88.1 });
    expect(barWidths(houda, 'practice', scale)).toEqual({ planned: 100, attended: 23.8, fill: 23.8 });
    // Placed half-way: a track half as long, filled to its end.
    expect(barWidths(late, 'practice', scale)).toEqual({ planned: 50, attended: 50, fill: 100 });
    expect(barWidths(late, 'theory', scale)).toEqual({ planned: 50, attended: 50, fill: 100 });
    expect(barWidths(figures(40, 10, 0, 0), 'theory', scale)).toEqual({
      planned: 100,
      attended: 25,
      fill: 25,
    });
    expect(barWidths(unplaced, 'practice', scale)).toEqual({ planned: 0, attended: 0, fill: 0 });
  });

  it('never fill beyond the track, nor divide by nothing', () => {
    expect(barWidths(figures(10, 12, 0, 0), 'theory', { theory: 10, practice: 0 })).toEqual({
      planned: 100,
      attended: 100,
      fill: 100,
    });
    expect(barWidths(figures(0, 0, 0, 0), 'practice', barScale([]))).toEqual({
      planned: 0,
      attended: 0,
      fill: 0,
    });
  });

  it('show shares and drifts in percent and points', () => {
    expect(toPoints(0.122)).toBe(12.2);
    expect(toPoints(-0.078)).toBe(-7.8);
    expect(toPoints(0.2533)).toBe(25.3);
    expect(toPoints(null)).toBeNull();
  });
});

describe('the ledger’s address', () => {
  it('keeps range and order, drift first by default', () => {
    expect(parseLedgerParams(new URLSearchParams(''))).toEqual({ from: null, to: null, sort: 'DRIFT' });
    expect(parseLedgerParams(new URLSearchParams('from=2026-10-01&to=2026-10-31&sort=NAME'))).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      sort: 'NAME',
    });
    expect(parseLedgerParams(new URLSearchParams('from=yesterday&sort=WHATEVER'))).toEqual({
      from: null,
      to: null,
      sort: 'DRIFT',
    });
    expect(toLedgerParams({ from: '2026-10-01', to: null, sort: 'DRIFT' }).toString()).toBe(
      'from=2026-10-01',
    );
    expect(toLedgerParams({ from: null, to: null, sort: 'NAME' }).toString()).toBe('sort=NAME');
  });

  it('catches an end before the start', () => {
    expect(rangeIsValid({ from: '2026-10-31', to: '2026-10-01' })).toBe(false);
    expect(rangeIsValid({ from: '2026-10-01', to: '2026-10-01' })).toBe(true);
    expect(rangeIsValid({ from: null, to: '2026-10-01' })).toBe(true);
  });

  it('covers the school year on the dashboard, from September', () => {
    expect(schoolYearOf('2026-11-27')).toEqual({ from: '2026-09-01', to: '2026-11-27' });
    expect(schoolYearOf('2027-03-02')).toEqual({ from: '2026-09-01', to: '2027-03-02' });
    expect(schoolYearOf('2026-09-01')).toEqual({ from: '2026-09-01', to: '2026-09-01' });
  });
});
