import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signInPathFor } from '../api/return-to';
import { ErrorState } from '../components/error-state';
import { PageLoader } from '../components/page-loader';
import { type Session, useSession } from './session-context';

type SignedIn = Extract<Session, { status: 'signed-in' }>;

/**
 * Pages behind sign-in. Nobody signed in, or a session that ended (expired, revoked): off to the
 * sign-in page, which brings the person back here afterwards.
 */
export function RequireSession({ children }: { children: (session: SignedIn) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  switch (session.status) {
    case 'loading':
      return <PageLoader />;
    case 'error':
      return (
        <Center mih="100vh" p="md">
          <ErrorState error={session.error} onRetry={session.retry} />
        </Center>
      );
    case 'signed-out':
      return <Navigate replace to={signInPathFor(location, session.problem ? 'expired' : undefined)} />;
    case 'signed-in':
      return children(session);
  }
}
