// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  ageBandValue,
  DEFAULT_LIST_STATE,
  type EnrollmentListState,
  parseAgeBand,
  parseListParams,
  toEnrollmentFilter,
  toListParams,
} from './enrollment-filter';

const FULL: EnrollmentListState = {
  cohortId: 'c1',
  tradeId: 't1',
  status: ['APPLIED', 'ENROLLED'],
  sex: 'F',
  minAge: 18,
  maxAge: 24,
  province: 'Fès',
  search: 'amina',
  sort: 'NEWEST',
};

describe('the list state in the address', () => {
  it('round-trips every filter through the query string', () => {
    const query = toListParams(FULL).toString();
    expect(query).toBe(
      'cohort=c1&trade=t1&status=APPLIED%2CENROLLED&sex=F&minAge=18&maxAge=24&province=F%C3%A8s&q=amina&sort=NEWEST',
    );
    expect(parseListParams(new URLSearchParams(query))).toEqual(FULL);
  });

  it('leaves defaults out, so the plain list has a plain address', () => {
    expect(toListParams(DEFAULT_LIST_STATE).toString()).toBe('');
    expect(toListParams({ ...DEFAULT_LIST_STATE, search: '   ' }).toString()).toBe('');
    expect(parseListParams(new URLSearchParams(''))).toEqual(DEFAULT_LIST_STATE);
  });

  it('reads statuses written either way, in pipeline order, without repeats', () => {
    const state = parseListParams(new URLSearchParams('status=ENROLLED&status=APPLIED,ENROLLED'));
    expect(state.status).toEqual(['APPLIED', 'ENROLLED']);
  });

  it('ignores what it does not understand instead of failing (old links, hand-edited addresses)', () => {
    const state = parseListParams(
      new URLSearchParams('status=PAID,APPLIED&sex=X&minAge=abc&maxAge=-3&sort=RANDOM&cohort='),
    );
    expect(state).toEqual({ ...DEFAULT_LIST_STATE, status: ['APPLIED'] });
  });
});

describe('toEnrollmentFilter', () => {
  it('sends only the filters that are set, trimmed', () => {
    expect(toEnrollmentFilter(DEFAULT_LIST_STATE)).toEqual({});
    expect(toEnrollmentFilter({ ...DEFAULT_LIST_STATE, search: '  Amina ', minAge: 0 })).toEqual({
      search: 'Amina',
      minAge: 0,
    });
    expect(toEnrollmentFilter(FULL)).toEqual({
      cohortId: 'c1',
      tradeId: 't1',
      status: ['APPLIED', 'ENROLLED'],
      sex: 'F',
      minAge: 18,
      maxAge: 24,
      province: 'Fès',
      search: 'amina',
    });
  });

  it('counts the filters in use (an age band is one)', () => {
    expect(activeFilterCount(DEFAULT_LIST_STATE)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_LIST_STATE, sort: 'STATUS' })).toBe(0);
    expect(activeFilterCount(FULL)).toBe(7);
  });
});

describe('age bands', () => {
  it('write and read open and closed bands', () => {
    expect(ageBandValue({ minAge: 18, maxAge: 24 })).toBe('18-24');
    expect(ageBandValue({ minAge: null, maxAge: 17 })).toBe('-17');
    expect(ageBandValue({ minAge: 31, maxAge: null })).toBe('31-');
    expect(ageBandValue({ minAge: null, maxAge: null })).toBe('');
    expect(parseAgeBand('-17')).toEqual({ minAge: null, maxAge: 17 });
    expect(parseAgeBand('31-')).toEqual({ minAge: 31, maxAge: null });
    expect(parseAgeBand(null)).toEqual({ minAge: null, maxAge: null });
    expect(parseAgeBand('old')).toEqual({ minAge: null, maxAge: null });
  });
});
