import type { Role } from '../gql/graphql';

// When one person holds several roles in a centre, the widest one decides the layout.
const ROLE_PRIORITY: readonly Role[] = [
  'DIRECTOR',
  'NETWORK_ADMIN',
  'COORDINATOR',
  'INSTRUCTOR',
  'COACH',
  'JUROR',
  'HOST_ARTISAN',
  'TRAINEE',
];

export function primaryRole(roles: readonly Role[]): Role | null {
  return ROLE_PRIORITY.find((role) => roles.includes(role)) ?? null;
}

export type ShellKind = 'desktop' | 'host' | 'trainee';

/** Staff work at a desk; artisans and trainees mostly have a phone. */
export function shellFor(role: Role): ShellKind {
  if (role === 'HOST_ARTISAN') return 'host';
  if (role === 'TRAINEE') return 'trainee';
  return 'desktop';
}

/** The centre to work in: the remembered one if the person still belongs to it, else their first. */
export function pickTenant(
  memberships: readonly { tenant: { id: string } }[],
  remembered: string | null,
): string | null {
  if (remembered && memberships.some((m) => m.tenant.id === remembered)) return remembered;
  return memberships[0]?.tenant.id ?? null;
}
