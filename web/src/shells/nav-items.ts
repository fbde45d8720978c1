import type { Role, TenantKind } from '../gql/graphql';
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
  | 'graduation'
  | 'myCertificates'
  | 'outcomes'
  | 'reports'
  | 'calls'
  | 'ventures'
  | 'incubator'
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
// Graduation per cohort, with the certificates issued there.
const graduation: NavItem = { path: '/graduation', label: 'nav.graduation', page: 'graduation' };
// The follow-up work list and the integration dashboard (/outcomes/integration).
const outcomes: NavItem = { path: '/outcomes', label: 'nav.outcomes', page: 'outcomes' };
const reports: NavItem = { path: '/reports', label: 'nav.activityReport', page: 'reports' };
const networkReports: NavItem = { path: '/reports', label: 'nav.reports', page: 'reports' };
// Calls for applications with a jury: set-up, applications, scoring, ranked results.
const calls: NavItem = { path: '/calls', label: 'nav.calls', page: 'calls' };
const ventures: NavItem = { path: '/ventures', label: 'nav.ventures', page: 'ventures' };
const incubator: NavItem = { path: '/incubator', label: 'nav.incubator', page: 'incubator' };
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
    graduation,
    outcomes,
    reports,
    courses,
  ],
  COORDINATOR: [
    home('nav.dashboard'),
    members,
    cohorts,
    enrollment,
    placements,
    hosts,
    sessions,
    graduation,
    outcomes,
    reports,
    courses,
  ],
  NETWORK_ADMIN: [home('nav.dashboard'), members, cohorts, enrollment, outcomes, courses, networkReports],
  INSTRUCTOR: [
    home('nav.home'),
    cohorts,
    enrollment,
    sessions,
    graduation,
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
    { path: '/certificates', label: 'nav.myCertificates', page: 'myCertificates' },
  ],
  // Craft centres have no coaches or jurors; a membership like that sees its home only.
  COACH: [home('nav.home')],
  JUROR: [home('nav.home')],
};

/** Incubators: calls, ventures and their coaching, the four modules as short trainings. */
const INCUBATOR_NAV: Partial<Record<Role, readonly NavItem[]>> = {
  DIRECTOR: [home('nav.dashboard'), members, cohorts, enrollment, calls, ventures, incubator, courses],
  COORDINATOR: [home('nav.dashboard'), members, cohorts, enrollment, calls, ventures, incubator, courses],
  NETWORK_ADMIN: [home('nav.dashboard'), members, cohorts, ventures, incubator, courses, networkReports],
  INSTRUCTOR: [home('nav.home'), cohorts, courses],
  COACH: [home('nav.home'), ventures],
  JUROR: [home('nav.home'), calls],
};

/** The micro-credit centre: short trainings and the national prize (a call with a jury). */
const MICROCREDIT_NAV: Partial<Record<Role, readonly NavItem[]>> = {
  DIRECTOR: [home('nav.dashboard'), members, courses, calls],
  COORDINATOR: [home('nav.dashboard'), members, courses, calls],
  NETWORK_ADMIN: [home('nav.dashboard'), members, courses, calls, networkReports],
  INSTRUCTOR: [home('nav.home'), courses],
  JUROR: [home('nav.home'), calls],
};

/** The sections a role sees in a centre of this kind (craft centres: NAV_ITEMS). */
export function navItemsFor(role: Role, kind: TenantKind | null | undefined): readonly NavItem[] {
  const byKind =
    kind === 'INCUBATOR' ? INCUBATOR_NAV : kind === 'MICROCREDIT_CENTRE' ? MICROCREDIT_NAV : null;
  return byKind?.[role] ?? NAV_ITEMS[role];
}

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
