import { useSyncExternalStore } from 'react';

/**
 * Whether the API can be reached: the browser's own idea (navigator.onLine, often optimistic) and
 * whether the last request actually failed to reach the server.
 */
let lastFetchFailed = false;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export const networkStatus = {
  reportFailure() {
    if (!lastFetchFailed) {
      lastFetchFailed = true;
      emit();
    }
  },
  reportSuccess() {
    if (lastFetchFailed) {
      lastFetchFailed = false;
      emit();
    }
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    const onOnline = () => {
      lastFetchFailed = false;
      listener();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', listener);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', listener);
    };
  },
  isOnline() {
    return navigator.onLine && !lastFetchFailed;
  },
};

export function useOnline(): boolean {
  return useSyncExternalStore(networkStatus.subscribe, networkStatus.isOnline, () => true);
}
