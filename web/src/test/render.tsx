import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from '../api/client';
import type { Role } from '../gql/graphql';
import { LocaleProvider } from '../i18n/locale-provider';
import { CATALOGUES } from '../i18n/messages';
import { type Session, SessionContext } from '../session/session-context';

export interface FakeRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

/**
 * A fetch that answers GraphQL requests from `answer` (by operation name) and records them: the
 * real urql client and cache run, only the network is replaced.
 */
export function fakeFetch(answer: (request: FakeRequest) => unknown) {
  const requests: FakeRequest[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as {
      operationName: string;
      variables: Record<string, unknown>;
    };
    const request = { operationName: body.operationName, variables: body.variables ?? {} };
    requests.push(request);
    return new Response(JSON.stringify({ data: answer(request) }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requests };
}

export function signedIn(role: Role): Session {
  return {
    status: 'signed-in',
    user: { id: 'u1', displayName: 'Salma Idrissi' },
    memberships: [],
    tenant: { id: 't1', kind: 'CRAFT_CENTRE', timezone: 'Africa/Casablanca', locale: 'fr-MA' },
    role,
    roles: [role],
  };
}

/** Renders `ui` as the app would (French), with a router at `path`, a session and a fake API. */
export function renderWithApp(
  ui: ReactNode,
  {
    path = '/',
    role = 'DIRECTOR',
    answer = () => ({}),
  }: { path?: string; role?: Role; answer?: (request: FakeRequest) => unknown } = {},
) {
  const network = fakeFetch(answer);
  const client = createApiClient({
    tenantId: 't1',
    getLocale: () => 'fr-MA',
    onSessionProblem: () => {},
    onNetworkError: () => {},
    onNetworkSuccess: () => {},
    url: 'http://localhost/graphql',
    fetch: network.fetch as typeof fetch,
  });
  // French throughout: the catalogue below, and the names the components pick by locale.
  localStorage.setItem('maalem.locale', 'fr-MA');
  const view = render(
    <MantineProvider>
      <LocaleProvider>
        <IntlProvider locale="fr-MA" messages={CATALOGUES['fr-MA']}>
          <SessionContext.Provider value={signedIn(role)}>
            <UrqlProvider value={client}>
              <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
            </UrqlProvider>
          </SessionContext.Provider>
        </IntlProvider>
      </LocaleProvider>
    </MantineProvider>,
  );
  return { ...view, requests: network.requests };
}
