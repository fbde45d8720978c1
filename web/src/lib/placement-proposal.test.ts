// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canSuggest, checkProposal, defaultProposal } from './placement-proposal';

const cohort = (startsOn: string, endsOn: string, practiceWeekdays: number[] = [6, 2, 3, 4, 5]) => ({
  startsOn,
  endsOn,
  programme: { practiceWeekdays },
});

describe('a new proposal’s defaults', () => {
  it('run from next Monday to the end of a running cohort, on the practice weekdays in week order', () => {
    expect(defaultProposal(cohort('2026-09-28', '2027-06-30'), '2026-11-27')).toEqual({
      startsOn: '2026-11-30',
      endsOn: '2027-06-30',
      weekdays: [2, 3, 4, 5, 6],
      hostId: '',
    });
  });

  it('start on the cohort’s first day when it begins later than next Monday', () => {
    expect(defaultProposal(cohort('2027-01-11', '2027-12-17'), '2026-11-27').startsOn).toBe('2027-01-11');
  });

  it('keep the cohort’s own dates once it is over', () => {
    const over = defaultProposal(cohort('2024-09-23', '2025-07-11'), '2026-11-27');
    expect([over.startsOn, over.endsOn]).toEqual(['2024-09-23', '2025-07-11']);
  });
});

describe('checking a proposal before sending it', () => {
  const valid = { startsOn: '2026-11-30', endsOn: '2027-06-30', weekdays: [2, 3], hostId: 'h1' };

  it('accepts a complete proposal', () => {
    expect(checkProposal(valid)).toEqual({});
  });

  it('names each problem under its field', () => {
    expect(checkProposal({ startsOn: '', endsOn: '2027-02-30', weekdays: [], hostId: '' })).toEqual({
      startsOn: 'errors.REQUIRED',
      endsOn: 'errors.INVALID_DATE',
      weekdays: 'placement.weekdaysRequired',
      hostId: 'placement.hostRequired',
    });
    expect(checkProposal({ ...valid, endsOn: '2026-11-29' })).toEqual({ endsOn: 'placement.endBeforeStart' });
  });

  it('asks for suggestions only once the dates and weekdays are usable, host or not', () => {
    expect(canSuggest({ ...valid, hostId: '' })).toBe(true);
    expect(canSuggest({ ...valid, weekdays: [] })).toBe(false);
    expect(canSuggest({ ...valid, startsOn: '2026-13-01' })).toBe(false);
  });
});
