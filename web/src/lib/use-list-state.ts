import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type EnrollmentListState, parseListParams, toListParams } from './enrollment-filter';

/**
 * The list's filters live in the address: a reload, a shared link and the browser's back and
 * forward buttons all bring the same list back. Each change is one history entry.
 */
export function useEnrollmentListState(): [
  EnrollmentListState,
  (change: Partial<EnrollmentListState>) => void,
] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const state = useMemo(() => parseListParams(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (change: Partial<EnrollmentListState>) => {
      setParams((current) => toListParams({ ...parseListParams(current), ...change }));
    },
    [setParams],
  );
  return [state, update];
}
