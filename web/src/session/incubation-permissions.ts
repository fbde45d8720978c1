import type { Role } from '../gql/graphql';
import { isInSection, navItemsFor } from '../shells/nav-items';
import { useSession } from './session-context';
import { hasAnyRole, useRoles } from './timetable-permissions';

/** Who sets calls up, names jurors, records applications, opens, closes and publishes (the API's writers). */
export const CALL_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];
/** Who sees every call, application and evaluation (jurors see only their own calls). */
export const CALL_STAFF: readonly Role[] = ['NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR'];
/** Who moves ventures, records funding, jobs, survival checks (the API's writers). */
export const VENTURE_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR'];
/** Who logs coaching sessions: a venture's coach, and staff for any venture. */
export const COACHING_WRITERS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'COACH'];

export interface IncubationRights {
  writeCalls: boolean;
  /** Reads the whole call: every application, every evaluation, the jury. */
  callStaff: boolean;
  /** Sits on juries only: sees their own calls and, before submitting, only their own scores. */
  jurorOnly: boolean;
  writeVentures: boolean;
  logCoaching: boolean;
  /** May switch the incubator dashboard to the whole network. */
  networkScope: boolean;
  /** May open a person's page (the people section is in their navigation). */
  openPeople: boolean;
  /** May open a venture's page (the ventures section is in their navigation). */
  openVentures: boolean;
}

const inNavigation = (roles: readonly Role[], kind: Parameters<typeof navItemsFor>[1], path: string) =>
  roles.some((role) => navItemsFor(role, kind).some((item) => isInSection(item, path)));

export function incubationRights(
  roles: readonly Role[],
  kind: Parameters<typeof navItemsFor>[1],
): IncubationRights {
  const callStaff = hasAnyRole(roles, CALL_STAFF);
  return {
    writeCalls: hasAnyRole(roles, CALL_WRITERS),
    callStaff,
    jurorOnly: roles.includes('JUROR') && !callStaff,
    writeVentures: hasAnyRole(roles, VENTURE_WRITERS),
    logCoaching: hasAnyRole(roles, COACHING_WRITERS),
    networkScope: roles.includes('NETWORK_ADMIN'),
    openPeople: inNavigation(roles, kind, '/people/x'),
    openVentures: inNavigation(roles, kind, '/ventures/x'),
  };
}

export function useIncubationRights(): IncubationRights {
  const session = useSession();
  const roles = useRoles();
  return incubationRights(roles, session.status === 'signed-in' ? session.tenant?.kind : null);
}

/** The signed-in user's id (their own juror seat, their own evaluation). */
export function useUserId(): string | null {
  const session = useSession();
  return session.status === 'signed-in' ? session.user.id : null;
}
