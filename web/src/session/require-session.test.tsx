import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import fr from '../i18n/messages/fr.json';
import { RequireSession } from './require-session';
import { type Session, SessionContext } from './session-context';

function SignInProbe() {
  const location = useLocation();
  return <p data-testid="sign-in">{`${location.pathname}${location.search}`}</p>;
}

function renderAt(path: string, session: Session) {
  return render(
    <MantineProvider>
      <IntlProvider locale="fr-MA" messages={fr}>
        <SessionContext.Provider value={session}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/sign-in" element={<SignInProbe />} />
              <Route
                path="*"
                element={<RequireSession>{(s) => <p>hello {s.user.displayName}</p>}</RequireSession>}
              />
            </Routes>
          </MemoryRouter>
        </SessionContext.Provider>
      </IntlProvider>
    </MantineProvider>,
  );
}

describe('RequireSession', () => {
  it('sends an expired session to sign-in, remembering the page', () => {
    renderAt('/members?role=TRAINEE', { status: 'signed-out', problem: 'SESSION_EXPIRED' });
    expect(screen.getByTestId('sign-in').textContent).toBe(
      '/sign-in?next=%2Fmembers%3Frole%3DTRAINEE&reason=expired',
    );
  });

  it('sends a visitor who never signed in to sign-in without the expiry notice', () => {
    renderAt('/placements', { status: 'signed-out', problem: null });
    expect(screen.getByTestId('sign-in').textContent).toBe('/sign-in?next=%2Fplacements');
  });

  it('shows the page to a signed-in person', () => {
    renderAt('/members', {
      status: 'signed-in',
      user: { id: 'u1', displayName: 'Salma' },
      memberships: [],
      tenant: null,
      role: 'DIRECTOR',
    });
    expect(screen.getByText('hello Salma')).toBeTruthy();
  });
});
