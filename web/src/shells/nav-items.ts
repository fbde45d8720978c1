import type { Role } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

export type Page = 'home' | 'members' | 'comingSoon';

export interface NavItem {
  path: string;
  label: MessageId;
  page: Page;
}

const home = (label: MessageId): NavItem => ({ path: '/', label, page: 'home' });
const members: NavItem = { path: '/members', label: 'nav.members', page: 'members' };
const soon = (path: string, label: MessageId): NavItem => ({ path, label, page: 'comingSoon' });

/** Each role sees only its own sections; the rest of the app does not exist for it. */
export const NAV_ITEMS: Record<Role, readonly NavItem[]> = {
  DIRECTOR: [
    home('nav.dashboard'),
    members,
    soon('/cohorts', 'nav.cohorts'),
    soon('/enrollment', 'nav.enrollment'),
    soon('/placements', 'nav.placements'),
    soon('/sessions', 'nav.sessions'),
    soon('/certificates', 'nav.certificates'),
    soon('/outcomes', 'nav.outcomes'),
  ],
  COORDINATOR: [
    home('nav.dashboard'),
    members,
    soon('/enrollment', 'nav.enrollment'),
    soon('/placements', 'nav.placements'),
    soon('/sessions', 'nav.sessions'),
    soon('/attendance', 'nav.attendance'),
  ],
  NETWORK_ADMIN: [home('nav.dashboard'), members, soon('/reports', 'nav.reports')],
  INSTRUCTOR: [home('nav.home'), soon('/sessions', 'nav.sessions'), soon('/attendance', 'nav.attendance')],
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
