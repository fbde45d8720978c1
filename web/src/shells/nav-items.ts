import type { Role } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

export type Page =
  | 'home'
  | 'members'
  | 'cohorts'
  | 'enrollment'
  | 'placements'
  | 'hosts'
  | 'hostProposals'
  | 'hostTrainees'
  | 'sessions'
  | 'hostAttendance'
  | 'schedule'
  | 'courses'
  | 'comingSoon';

export interface NavItem {
  path: string;
  label: MessageId;
  page: Page;
  /**
   * Other paths that belong to this section (its routes, and the highlight in the navigation). A
   * segment written `:name` stands for any one segment.
   */
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
// A cohort's placement board lives under the cohort's address but belongs to the placements section.
export const PLACEMENT_BOARD_PATH = '/cohorts/:id/placements';
const placements: NavItem = {
  path: '/placements',
  label: 'nav.placements',
  page: 'placements',
  also: [PLACEMENT_BOARD_PATH],
};
const hosts: NavItem = { path: '/hosts', label: 'nav.hosts', page: 'hosts' };
// A cohort's timetable lives under the cohort's address but belongs to the sessions section.
export const TIMETABLE_PATH = '/cohorts/:id/timetable';
const sessions: NavItem = {
  path: '/sessions',
  label: 'nav.sessions',
  page: 'sessions',
  also: [TIMETABLE_PATH],
};
// Short trainings: the catalogue, a course's page and the yearly indicators all live under /courses.
const courses: NavItem = { path: '/courses', label: 'nav.courses', page: 'courses' };
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
    placements,
    hosts,
    sessions,
    courses,
    soon('/certificates', 'nav.certificates'),
    soon('/outcomes', 'nav.outcomes'),
  ],
  COORDINATOR: [
    home('nav.dashboard'),
    members,
    cohorts,
    enrollment,
    placements,
    hosts,
    sessions,
    courses,
    soon('/attendance', 'nav.attendance'),
  ],
  NETWORK_ADMIN: [
    home('nav.dashboard'),
    members,
    cohorts,
    enrollment,
    courses,
    soon('/reports', 'nav.reports'),
  ],
  INSTRUCTOR: [
    home('nav.home'),
    cohorts,
    enrollment,
    sessions,
    courses,
    soon('/attendance', 'nav.attendance'),
  ],
  // The artisan's home already shows what waits for an answer and who is in the workshop; the two
  // sections list them in full.
  HOST_ARTISAN: [
    home('nav.home'),
    { path: '/placements', label: 'nav.proposals', page: 'hostProposals' },
    { path: '/trainees', label: 'nav.myTrainees', page: 'hostTrainees' },
    { path: '/attendance', label: 'nav.attendance', page: 'hostAttendance' },
  ],
  TRAINEE: [
    home('nav.home'),
    { path: '/schedule', label: 'nav.mySchedule', page: 'schedule' },
    soon('/attendance', 'nav.attendance'),
    soon('/certificates', 'nav.myCertificates'),
  ],
};

/** How many segments of `pattern` match the start of `pathname`, or -1 when it does not match. */
function matchLength(pattern: string, pathname: string): number {
  if (pattern === '/') return pathname === '/' ? 0 : -1;
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (have.length < want.length) return -1;
  const matches = want.every((segment, i) => segment.startsWith(':') || segment === have[i]);
  return matches ? want.length : -1;
}

function bestMatch(item: NavItem, pathname: string): number {
  return Math.max(...[item.path, ...(item.also ?? [])].map((path) => matchLength(path, pathname)));
}

/** Whether `pathname` is inside the section of `item`. */
export function isInSection(item: NavItem, pathname: string): boolean {
  return bestMatch(item, pathname) >= 0;
}

/**
 * The section to highlight: the one whose path matches `pathname` most closely (a cohort's
 * placement board is in "Placements", not in "Cohorts", though both match its address).
 */
export function activeSection(items: readonly NavItem[], pathname: string): NavItem | null {
  let best: NavItem | null = null;
  let bestLength = -1;
  for (const item of items) {
    const length = bestMatch(item, pathname);
    if (length > bestLength) [best, bestLength] = [item, length];
  }
  return best;
}
