import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CourseAudience, CourseFilter, CourseMode, CourseStatus } from '../gql/graphql';

export const COURSE_AUDIENCES: readonly CourseAudience[] = [
  'ARTISANS',
  'MFI_STAFF',
  'MICRO_ENTREPRENEURS',
  'ENTREPRENEURS',
  'TRAINERS',
  'OTHER',
];
export const COURSE_MODES: readonly CourseMode[] = ['IN_PERSON', 'E_LEARNING', 'BLENDED'];
export const COURSE_STATUSES: readonly CourseStatus[] = ['OPEN', 'CLOSED', 'CANCELLED'];

/** What the course catalogue shows: its filters and search, all kept in the address. */
export interface CourseListState {
  audience: CourseAudience | null;
  mode: CourseMode | null;
  status: CourseStatus[];
  city: string;
  year: number | null;
  search: string;
}

export const DEFAULT_COURSE_LIST: CourseListState = {
  audience: null,
  mode: null,
  status: [],
  city: '',
  year: null,
  search: '',
};

const KEYS = {
  audience: 'audience',
  mode: 'mode',
  status: 'status',
  city: 'city',
  year: 'year',
  search: 'q',
} as const satisfies Record<keyof CourseListState, string>;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A four-digit year a course could plausibly belong to; anything else is "every year". */
function yearOf(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The catalogue's state from the query string; anything unknown falls back to "no filter". */
export function parseCourseParams(params: URLSearchParams): CourseListState {
  const status = params
    .getAll(KEYS.status)
    .flatMap((value) => value.split(','))
    .map((value) => oneOf(COURSE_STATUSES, value));
  return {
    audience: oneOf(COURSE_AUDIENCES, params.get(KEYS.audience)),
    mode: oneOf(COURSE_MODES, params.get(KEYS.mode)),
    status: COURSE_STATUSES.filter((s) => status.includes(s)),
    city: params.get(KEYS.city)?.trim() ?? '',
    year: yearOf(params.get(KEYS.year)),
    search: params.get(KEYS.search)?.trim() ?? '',
  };
}

/** The query string for a state: only what is set, always in the same order. */
export function toCourseParams(state: CourseListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.audience) params.set(KEYS.audience, state.audience);
  if (state.mode) params.set(KEYS.mode, state.mode);
  if (state.status.length > 0) {
    params.set(KEYS.status, COURSE_STATUSES.filter((s) => state.status.includes(s)).join(','));
  }
  if (state.city.trim()) params.set(KEYS.city, state.city.trim());
  if (state.year !== null) params.set(KEYS.year, String(state.year));
  if (state.search.trim()) params.set(KEYS.search, state.search.trim());
  return params;
}

/** The `filter` argument of the `courses` query: only the filters that are set. */
export function toCourseFilter(state: CourseListState): CourseFilter {
  const filter: CourseFilter = {};
  if (state.audience) filter.audience = state.audience;
  if (state.mode) filter.mode = state.mode;
  if (state.status.length > 0) filter.status = state.status;
  if (state.city.trim()) filter.city = state.city.trim();
  if (state.year !== null) filter.year = state.year;
  if (state.search.trim()) filter.search = state.search.trim();
  return filter;
}

export function courseFilterCount(state: CourseListState): number {
  return [
    state.audience,
    state.mode,
    state.status.length > 0,
    state.city.trim(),
    state.year !== null,
    state.search.trim(),
  ].filter(Boolean).length;
}

/** The catalogue's filters in the address: reload, links and back/forward bring the same list back. */
export function useCourseListState(): [CourseListState, (change: Partial<CourseListState>) => void] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const state = useMemo(() => parseCourseParams(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (change: Partial<CourseListState>) => {
      setParams((current) => toCourseParams({ ...parseCourseParams(current), ...change }));
    },
    [setParams],
  );
  return [state, update];
}
