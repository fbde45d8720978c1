import { useRef } from 'react';

/**
 * While another filter's first page loads, the previous list stays on screen (`stale`: the caller
 * dims it) instead of a spinner that makes the page jump at every key of a search.
 */
export function useKeptResult<Result extends { data?: unknown; error?: unknown }>(result: Result) {
  const last = useRef(result.data);
  if (result.data) last.current = result.data;
  const stale = !result.data && !result.error && !!last.current;
  return { shown: stale ? { ...result, data: last.current } : result, stale };
}
