// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type CourseListState,
  courseFilterCount,
  DEFAULT_COURSE_LIST,
  parseCourseParams,
  toCourseFilter,
  toCourseParams,
} from './course-filter';

describe('the course catalogue’s filters in the address', () => {
  const state: CourseListState = {
    audience: 'MFI_STAFF',
    mode: 'E_LEARNING',
    status: ['CLOSED', 'OPEN'],
    city: ' Casablanca ',
    year: 2024,
    search: 'gestion',
  };

  it('round-trip through the query string, in a stable order', () => {
    const params = toCourseParams(state);
    expect(params.toString()).toBe(
      'audience=MFI_STAFF&mode=E_LEARNING&status=OPEN%2CCLOSED&city=Casablanca&year=2024&q=gestion',
    );
    expect(parseCourseParams(params)).toEqual({ ...state, status: ['OPEN', 'CLOSED'], city: 'Casablanca' });
  });

  it('become the query’s filter with only what is set', () => {
    expect(toCourseFilter(state)).toEqual({
      audience: 'MFI_STAFF',
      mode: 'E_LEARNING',
      status: ['CLOSED', 'OPEN'],
      city: 'Casablanca',
      year: 2024,
      search: 'gestion',
    });
    expect(toCourseFilter(DEFAULT_COURSE_LIST)).toEqual({});
    expect(toCourseParams(DEFAULT_COURSE_LIST).toString()).toBe('');
  });

  it('ignore what they do not know: no filter rather than a refused query', () => {
    const parsed = parseCourseParams(
      new URLSearchParams('audience=PIRATES&mode=&status=OPEN,NOPE&year=24&city=%20&q=%20'),
    );
    expect(parsed).toEqual({ ...DEFAULT_COURSE_LIST, status: ['OPEN'] });
    expect(parseCourseParams(new URLSearchParams('year=1850')).year).toBeNull();
    expect(parseCourseParams(new URLSearchParams('status=CANCELLED&status=OPEN')).status).toEqual([
      'OPEN',
      'CANCELLED',
    ]);
  });

  it('count the filters set, for the "clear" button', () => {
    expect(courseFilterCount(DEFAULT_COURSE_LIST)).toBe(0);
    expect(courseFilterCount(state)).toBe(6);
    expect(courseFilterCount({ ...DEFAULT_COURSE_LIST, city: '  ' })).toBe(0);
  });
});
