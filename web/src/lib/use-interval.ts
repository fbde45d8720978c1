import { useEffect, useRef } from 'react';

/** Calls `callback` every `ms` while `active`; stops as soon as it is not (or the page goes). */
export function useInterval(active: boolean, callback: () => void, ms: number) {
  const saved = useRef(callback);
  saved.current = callback;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => saved.current(), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
}
