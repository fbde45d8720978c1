import { DirectionProvider, MantineProvider } from '@mantine/core';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiProvider } from './api/api-provider';
import { ErrorBoundary } from './components/error-boundary';
import { lazyPage } from './components/lazy-page';
import { directionOf, type Locale } from './i18n/locale';
import { LocaleProvider } from './i18n/locale-provider';
import { SignInPage } from './pages/sign-in-page';
import { RequireSession } from './session/require-session';
import { SessionProvider } from './session/session-provider';
import { RoleShell } from './shells/role-shell';
import { cssVariablesResolver, theme } from './theme';

// Public pages: no session. A certificate's QR code and a graduate's one-time link open these.
const VerifyCertificatePage = lazyPage(() =>
  import('./pages/public-pages').then((m) => m.VerifyCertificatePage),
);
const FollowUpLinkPage = lazyPage(() => import('./pages/public-pages').then((m) => m.FollowUpLinkPage));

export function App({ initialLocale }: { initialLocale: Locale }) {
  return (
    <DirectionProvider initialDirection={directionOf(initialLocale)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <LocaleProvider>
          <ErrorBoundary>
            <BrowserRouter>
              <ApiProvider>
                <SessionProvider>
                  <Routes>
                    <Route path="/sign-in" element={<SignInPage />} />
                    <Route path="/verify/:serial" element={<VerifyCertificatePage />} />
                    <Route path="/follow-up/:token" element={<FollowUpLinkPage />} />
                    <Route
                      path="*"
                      element={
                        <RequireSession>{(session) => <RoleShell session={session} />}</RequireSession>
                      }
                    />
                  </Routes>
                </SessionProvider>
              </ApiProvider>
            </BrowserRouter>
          </ErrorBoundary>
        </LocaleProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
