import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in its address, so a reload or a shared link shows the same figures.
 * `setFilter(key, null)` removes one (the page's default); the other filters stay as they are.
 */
export function useUrlFilters<Key extends string>() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: Key, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  return { params, setFilter };
}
