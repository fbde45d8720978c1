import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Provider as UrqlProvider } from 'urql';
import { useLocale } from '../i18n/locale-provider';
import { createApiClient } from './client';
import { networkStatus } from './network-status';
import type { SessionProblem } from './session-errors';
import { readStoredTenant, storeTenant } from './tenant-store';

interface ApiContextValue {
  tenantId: string | null;
  switchTenant: (tenantId: string) => void;
  /** Set when a response said the session is over; cleared by the next sign-in. */
  sessionProblem: SessionProblem | null;
  /** After signing in: forget the old session's data and answers. */
  signedIn: () => void;
  /** After signing out: forget every cached answer and the chosen centre. */
  signedOut: () => void;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/**
 * Owns the urql client. A client serves one person in one tenant: signing in or out and switching
 * centre make a new client, so no cached answer ever crosses from one to the other.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const [tenantId, setTenantId] = useState(readStoredTenant);
  const [generation, setGeneration] = useState(0);
  const [sessionProblem, setSessionProblem] = useState<SessionProblem | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is there to make a fresh client (and cache).
  const client = useMemo(
    () =>
      createApiClient({
        tenantId,
        getLocale: () => localeRef.current,
        onSessionProblem: (problem) => setSessionProblem((current) => current ?? problem),
        onNetworkError: networkStatus.reportFailure,
        onNetworkSuccess: networkStatus.reportSuccess,
      }),
    [tenantId, generation],
  );

  const switchTenant = useCallback((id: string) => {
    storeTenant(id);
    setTenantId(id);
  }, []);
  const signedIn = useCallback(() => {
    setSessionProblem(null);
    setGeneration((g) => g + 1);
  }, []);
  const signedOut = useCallback(() => {
    storeTenant(null);
    setTenantId(null);
    setSessionProblem(null);
    setGeneration((g) => g + 1);
  }, []);

  const value = useMemo(
    () => ({ tenantId, switchTenant, sessionProblem, signedIn, signedOut }),
    [tenantId, switchTenant, sessionProblem, signedIn, signedOut],
  );
  return (
    <ApiContext.Provider value={value}>
      <UrqlProvider value={client}>
        {/* A new client also remounts what reads it: no answer of the previous person or centre lingers in state. */}
        <Fragment key={`${generation}:${tenantId}`}>{children}</Fragment>
      </UrqlProvider>
    </ApiContext.Provider>
  );
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}
