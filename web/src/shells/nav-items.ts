import type { Role } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

export type Page = 'home' | 'members' | 'cohorts' | 'enrollment' | 'comingSoon';

export interface NavItem {
  path: string;
  label: MessageId;
  page: Page;
  /** Other paths that belong to this section (its routes, and the highlight in the navigation). */
  also?: readonly string[];
}

const home = (label: MessageId): NavItem => ({ path: '/', label, page: 'home' });
const members: NavItem = { path: '/members', label: 'nav.members', page: 'members' };
const cohorts: NavItem = { path: '/cohorts', label: 'nav.cohorts', page: 'cohorts' };
// A person's page is reached from the enrollment list: it is part of that section.
const enrollment: NavItem = {
  path: '/enrollment',
  label: 'nav.enrollment',
  page: 'enrollment',
  also: ['/people'],
};
const soon = (path: string, label: MessageId): NavItem => ({ path, label, page: 'comingSoon' });

/**
 * Each role sees only its own sections; the rest of the app does not exist for it. Network
 * administrators and instructors read cohorts and enrollments; their pages hide every write action.
 */
export const NAV_ITEMS: Record<Role, readonly NavItem[]> = {
  DIRECTOR: [
    home('nav.dashboard'),
    members,
    cohorts,
    enrollment,
    soon('/placements', 'nav.placements'),
    soon('/sessions', 'nav.sessions'),
    soon('/certificates', 'nav.certificates'),
    soon('/outcomes', 'nav.outcomes'),
  ],
  COORDINATOR: [
    home('nav.dashboard'),
    members,
    cohorts,
    enrollment,
    soon('/placements', 'nav.placements'),
    soon('/sessions', 'nav.sessions'),
    soon('/attendance', 'nav.attendance'),
  ],
  NETWORK_ADMIN: [home('nav.dashboard'), members, cohorts, enrollment, soon('/reports', 'nav.reports')],
  INSTRUCTOR: [
    home('nav.home'),
    cohorts,
    enrollment,
    soon('/sessions', 'nav.sessions'),
    soon('/attendance', 'nav.attendance'),
  ],
  HOST_ARTISAN: [
    home('nav.home'),
    soon('/trainees', 'nav.myTrainees'),
    soon('/attendance', 'nav.attendance'),
    soon('/placements', 'nav.placements'),
  ],
  TRAINEE: [
    home('nav.home'),
    soon('/schedule', 'nav.mySchedule'),
    soon('/attendance', 'nav.attendance'),
    soon('/certificates', 'nav.myCertificates'),
  ],
};

/** Whether `pathname` is inside the section of `item` (for the highlight in the navigation). */
export function isInSection(item: NavItem, pathname: string): boolean {
  if (item.path === '/') return pathname === '/';
  return [item.path, ...(item.also ?? [])].some(
    (path) => pathname === path || pathname.startsWith(`${path}/`),
  );
}
