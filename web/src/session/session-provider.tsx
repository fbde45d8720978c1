import { type ReactNode, useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { useApi } from '../api/api-provider';
import { sessionProblemOf } from '../api/session-errors';
import { graphql } from '../gql';
import { isLocale } from '../i18n/locale';
import { useLocale } from '../i18n/locale-provider';
import { pickTenant, primaryRole, shellFor } from './roles';
import { type Session, SessionContext } from './session-context';

const SessionQuery = graphql(`
  query Session {
    me {
      id
      displayName
      locale
      memberships {
        id
        role
        tenant {
          id
          kind
          timezone
          locale
        }
        ...TenantSwitcher_MembershipFragment
      }
    }
  }
`);

/** Who is signed in, in which centre, with which role: everything the layout depends on. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { suggestLocale } = useLocale();
  const [result, reexecute] = useQuery({ query: SessionQuery });
  const me = result.data?.me ?? null;
  const wantedTenant = me ? pickTenant(me.memberships, api.tenantId) : null;

  useEffect(() => {
    if (wantedTenant && wantedTenant !== api.tenantId) api.switchTenant(wantedTenant);
  }, [wantedTenant, api.tenantId, api.switchTenant]);

  const session = useMemo((): Session => {
    const problem = api.sessionProblem ?? sessionProblemOf(result.error);
    if (problem) return { status: 'signed-out', problem };
    if (!result.data) {
      if (result.error) {
        return {
          status: 'error',
          error: result.error,
          retry: () => reexecute({ requestPolicy: 'network-only' }),
        };
      }
      return { status: 'loading' };
    }
    if (!me) return { status: 'signed-out', problem: null };
    if (wantedTenant !== api.tenantId) return { status: 'loading' };
    const here = me.memberships.filter((m) => m.tenant.id === wantedTenant);
    return {
      status: 'signed-in',
      user: { id: me.id, displayName: me.displayName },
      memberships: me.memberships,
      tenant: here[0]?.tenant ?? null,
      role: primaryRole(here.map((m) => m.role)),
      roles: here.map((m) => m.role),
    };
  }, [api.sessionProblem, api.tenantId, result.data, result.error, me, wantedTenant, reexecute]);

  // Artisans and trainees get Arabic unless they chose otherwise; staff get their own or their centre's language.
  const suggested =
    session.status !== 'signed-in'
      ? null
      : session.role && shellFor(session.role) !== 'desktop'
        ? 'ar-MA'
        : (me?.locale ?? session.tenant?.locale ?? null);
  useEffect(() => {
    if (isLocale(suggested)) suggestLocale(suggested);
  }, [suggested, suggestLocale]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
