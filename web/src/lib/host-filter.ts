import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { HostFilter, HostKind, HostStatus } from '../gql/graphql';

export const HOST_KINDS: readonly HostKind[] = ['ARTISAN_WORKSHOP', 'COOPERATIVE', 'COMPANY', 'IN_CENTRE'];
export const HOST_STATUSES: readonly HostStatus[] = ['ACTIVE', 'PAUSED', 'CLOSED'];

/** What the host list shows: its filters and search, all kept in the address. */
export interface HostListState {
  tradeId: string | null;
  kind: HostKind | null;
  status: HostStatus[];
  province: string;
  search: string;
}

export const DEFAULT_HOST_LIST: HostListState = {
  tradeId: null,
  kind: null,
  status: [],
  province: '',
  search: '',
};

const KEYS = {
  tradeId: 'trade',
  kind: 'kind',
  status: 'status',
  province: 'province',
  search: 'q',
} as const satisfies Record<keyof HostListState, string>;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The list's state from the query string; anything unknown falls back to "no filter". */
export function parseHostParams(params: URLSearchParams): HostListState {
  const status = params
    .getAll(KEYS.status)
    .flatMap((value) => value.split(','))
    .map((value) => oneOf(HOST_STATUSES, value));
  return {
    tradeId: params.get(KEYS.tradeId) || null,
    kind: oneOf(HOST_KINDS, params.get(KEYS.kind)),
    status: HOST_STATUSES.filter((s) => status.includes(s)),
    province: params.get(KEYS.province)?.trim() ?? '',
    search: params.get(KEYS.search)?.trim() ?? '',
  };
}

/** The query string for a state: only what is set, always in the same order. */
export function toHostParams(state: HostListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.tradeId) params.set(KEYS.tradeId, state.tradeId);
  if (state.kind) params.set(KEYS.kind, state.kind);
  if (state.status.length > 0) {
    params.set(KEYS.status, HOST_STATUSES.filter((s) => state.status.includes(s)).join(','));
  }
  if (state.province.trim()) params.set(KEYS.province, state.province.trim());
  if (state.search.trim()) params.set(KEYS.search, state.search.trim());
  return params;
}

/** The `filter` argument of the `hosts` query: only the filters that are set. */
export function toHostFilter(state: HostListState): HostFilter {
  const filter: HostFilter = {};
  if (state.tradeId) filter.tradeId = state.tradeId;
  if (state.kind) filter.kind = state.kind;
  if (state.status.length > 0) filter.status = state.status;
  if (state.province.trim()) filter.province = state.province.trim();
  if (state.search.trim()) filter.search = state.search.trim();
  return filter;
}

export function hostFilterCount(state: HostListState): number {
  return [
    state.tradeId,
    state.kind,
    state.status.length > 0,
    state.province.trim(),
    state.search.trim(),
  ].filter(Boolean).length;
}

/** The host list's filters in the address: reload, links and back/forward bring the same list back. */
export function useHostListState(): [HostListState, (change: Partial<HostListState>) => void] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const state = useMemo(() => parseHostParams(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (change: Partial<HostListState>) => {
      setParams((current) => toHostParams({ ...parseHostParams(current), ...change }));
    },
    [setParams],
  );
  return [state, update];
}
