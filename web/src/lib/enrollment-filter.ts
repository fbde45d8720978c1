import type { EnrollmentFilter, EnrollmentSort, EnrollmentStatus, Sex } from '../gql/graphql';

export const ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = [
  'APPLIED',
  'ADMITTED',
  'ENROLLED',
  'GRADUATED',
  'DROPPED_OUT',
  'WITHDRAWN',
];
export const ENROLLMENT_SORTS: readonly EnrollmentSort[] = ['LAST_NAME', 'NEWEST', 'BIRTH_DATE', 'STATUS'];
export const SEXES: readonly Sex[] = ['F', 'M'];

/** What the applicant and trainee list shows: every filter, the search and the order. */
export interface EnrollmentListState {
  cohortId: string | null;
  tradeId: string | null;
  status: EnrollmentStatus[];
  sex: Sex | null;
  minAge: number | null;
  maxAge: number | null;
  province: string;
  search: string;
  sort: EnrollmentSort;
}

export const DEFAULT_LIST_STATE: EnrollmentListState = {
  cohortId: null,
  tradeId: null,
  status: [],
  sex: null,
  minAge: null,
  maxAge: null,
  province: '',
  search: '',
  sort: 'LAST_NAME',
};

// Short names in the address bar: a list someone copies into a message stays readable.
const KEYS = {
  cohortId: 'cohort',
  tradeId: 'trade',
  status: 'status',
  sex: 'sex',
  minAge: 'minAge',
  maxAge: 'maxAge',
  province: 'province',
  search: 'q',
  sort: 'sort',
} as const satisfies Record<keyof EnrollmentListState, string>;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function age(value: string | null): number | null {
  if (value === null || !/^\d{1,3}$/.test(value)) return null;
  return Number(value);
}

/**
 * The list's state from the query string. Anything unknown or malformed (an old link, a hand-edited
 * address) falls back to "no filter" instead of an error.
 */
export function parseListParams(params: URLSearchParams): EnrollmentListState {
  const status = params
    .getAll(KEYS.status)
    .flatMap((value) => value.split(','))
    .map((value) => oneOf(ENROLLMENT_STATUSES, value))
    .filter((value): value is EnrollmentStatus => value !== null);
  return {
    cohortId: params.get(KEYS.cohortId) || null,
    tradeId: params.get(KEYS.tradeId) || null,
    status: ENROLLMENT_STATUSES.filter((s) => status.includes(s)),
    sex: oneOf(SEXES, params.get(KEYS.sex)),
    minAge: age(params.get(KEYS.minAge)),
    maxAge: age(params.get(KEYS.maxAge)),
    province: params.get(KEYS.province)?.trim() ?? '',
    search: params.get(KEYS.search)?.trim() ?? '',
    sort: oneOf(ENROLLMENT_SORTS, params.get(KEYS.sort)) ?? DEFAULT_LIST_STATE.sort,
  };
}

/** The query string for a state: only what differs from the defaults, always in the same order. */
export function toListParams(state: EnrollmentListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.cohortId) params.set(KEYS.cohortId, state.cohortId);
  if (state.tradeId) params.set(KEYS.tradeId, state.tradeId);
  if (state.status.length > 0) {
    params.set(KEYS.status, ENROLLMENT_STATUSES.filter((s) => state.status.includes(s)).join(','));
  }
  if (state.sex) params.set(KEYS.sex, state.sex);
  if (state.minAge !== null) params.set(KEYS.minAge, String(state.minAge));
  if (state.maxAge !== null) params.set(KEYS.maxAge, String(state.maxAge));
  if (state.province.trim()) params.set(KEYS.province, state.province.trim());
  if (state.search.trim()) params.set(KEYS.search, state.search.trim());
  if (state.sort !== DEFAULT_LIST_STATE.sort) params.set(KEYS.sort, state.sort);
  return params;
}

/** The `filter` argument of the `enrollments` query: only the filters that are set. */
export function toEnrollmentFilter(state: EnrollmentListState): EnrollmentFilter {
  const filter: EnrollmentFilter = {};
  if (state.cohortId) filter.cohortId = state.cohortId;
  if (state.tradeId) filter.tradeId = state.tradeId;
  if (state.status.length > 0) filter.status = state.status;
  if (state.sex) filter.sex = state.sex;
  if (state.minAge !== null) filter.minAge = state.minAge;
  if (state.maxAge !== null) filter.maxAge = state.maxAge;
  if (state.province.trim()) filter.province = state.province.trim();
  if (state.search.trim()) filter.search = state.search.trim();
  return filter;
}

/** How many filters narrow the list (the search included), to offer "clear all" only when useful. */
export function activeFilterCount(state: EnrollmentListState): number {
  return [
    state.cohortId,
    state.tradeId,
    state.status.length > 0,
    state.sex,
    state.minAge !== null || state.maxAge !== null,
    state.province.trim(),
    state.search.trim(),
  ].filter(Boolean).length;
}

/** The age bands offered in the list (any other band typed into the address still works). */
export const AGE_BANDS: readonly { minAge: number | null; maxAge: number | null }[] = [
  { minAge: null, maxAge: 17 },
  { minAge: 18, maxAge: 24 },
  { minAge: 25, maxAge: 30 },
  { minAge: 31, maxAge: null },
];

/** An age band as one select value: "18-24", "-17", "31-"; '' for no band. */
export function ageBandValue(band: { minAge: number | null; maxAge: number | null }): string {
  if (band.minAge === null && band.maxAge === null) return '';
  return `${band.minAge ?? ''}-${band.maxAge ?? ''}`;
}

export function parseAgeBand(value: string | null): { minAge: number | null; maxAge: number | null } {
  const match = value ? /^(\d{0,3})-(\d{0,3})$/.exec(value) : null;
  if (!match) return { minAge: null, maxAge: null };
  return {
    minAge: match[1] ? Number(match[1]) : null,
    maxAge: match[2] ? Number(match[2]) : null,
  };
}
