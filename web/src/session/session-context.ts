import { createContext, useContext } from 'react';
import type { CombinedError } from 'urql';
import type { SessionProblem } from '../api/session-errors';
import type { TenantSwitcherMembershipFragment } from '../components/tenant-switcher';
import type { FragmentType } from '../gql';
import type { Role, TenantKind } from '../gql/graphql';

export interface CurrentTenant {
  id: string;
  /** Decides the navigation: a craft centre, an incubator and the micro-credit centre run different things. */
  kind: TenantKind;
  timezone: string;
  locale: string;
}

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out'; problem: SessionProblem | null }
  | { status: 'error'; error: CombinedError; retry: () => void }
  | {
      status: 'signed-in';
      user: { id: string; displayName: string };
      memberships: FragmentType<typeof TenantSwitcherMembershipFragment>[];
      tenant: CurrentTenant | null;
      role: Role | null;
      /** Every role held in the current centre (the layout follows `role`, rights follow all of them). */
      roles?: readonly Role[];
    };

export const SessionContext = createContext<Session>({ status: 'loading' });

export function useSession(): Session {
  return useContext(SessionContext);
}
