import { Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import type { Role } from '../gql/graphql';
import { ComingSoonPage } from '../pages/coming-soon-page';
import { CourseRoutes } from '../pages/course-routes';
import { DashboardPage } from '../pages/dashboard-page';
import { CohortRoutes, EnrollmentRoutes, PeopleRoutes } from '../pages/enrollment-routes';
import { HostAttendancePage } from '../pages/host-attendance-page';
import { HostHomePage } from '../pages/host-home-page';
import { HostProposalsPage } from '../pages/host-proposals-page';
import { HostTraineesPage } from '../pages/host-trainees-page';
import { InstructorHomePage } from '../pages/instructor-home-page';
import { MembersPage } from '../pages/members-page';
import { NoMembershipPage } from '../pages/no-membership-page';
import { NotFoundPage } from '../pages/not-found-page';
import { PlacementBoardPage } from '../pages/placement-board-page';
import { HostRoutes, PlacementRoutes } from '../pages/placement-routes';
import { SchedulePage } from '../pages/schedule-page';
import { SessionRoutes } from '../pages/session-routes';
import { TimetablePage } from '../pages/timetable-page';
import { TraineeHomePage } from '../pages/trainee-home-page';
import { shellFor } from '../session/roles';
import type { Session } from '../session/session-context';
import { DesktopShell } from './desktop-shell';
import { NAV_ITEMS, type NavItem, PLACEMENT_BOARD_PATH, TIMETABLE_PATH } from './nav-items';
import { PhoneShell } from './phone-shell';

type SignedIn = Extract<Session, { status: 'signed-in' }>;

/** The layout and the pages of the person's role in the current centre, and nothing else. */
export function RoleShell({ session }: { session: SignedIn }) {
  const { pathname } = useLocation();
  const role = session.role;
  if (!role) return <NoMembershipPage />;
  const items = NAV_ITEMS[role];
  const Shell = shellFor(role) === 'desktop' ? DesktopShell : PhoneShell;
  return (
    <Shell session={session} items={items}>
      <ErrorBoundary resetKey={pathname}>
        <Routes>
          {items.flatMap((item) =>
            [item.path, ...(item.also ?? [])].map((path) => (
              <Route
                key={path}
                path={path === '/' ? '/' : `${path}/*`}
                element={<PageFor item={item} path={path} role={role} items={items} />}
              />
            )),
          )}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </ErrorBoundary>
    </Shell>
  );
}

function PageFor({
  item,
  path,
  role,
  items,
}: {
  item: NavItem;
  path: string;
  role: Role;
  items: readonly NavItem[];
}) {
  if (item.page === 'members') return <MembersPage />;
  if (item.page === 'cohorts') return <CohortRoutes />;
  if (item.page === 'enrollment') return path === '/people' ? <PeopleRoutes /> : <EnrollmentRoutes />;
  if (item.page === 'placements') {
    return path === PLACEMENT_BOARD_PATH ? <PlacementBoardPage /> : <PlacementRoutes />;
  }
  if (item.page === 'hosts') return <HostRoutes />;
  if (item.page === 'hostProposals') return <HostProposalsPage />;
  if (item.page === 'hostTrainees') return <HostTraineesPage />;
  if (item.page === 'sessions') return path === TIMETABLE_PATH ? <TimetablePage /> : <SessionRoutes />;
  if (item.page === 'hostAttendance') return <HostAttendancePage />;
  if (item.page === 'schedule') return <SchedulePage />;
  if (item.page === 'courses') return <CourseRoutes />;
  if (item.page === 'comingSoon') return <ComingSoonPage section={item.label} />;
  if (role === 'HOST_ARTISAN') return <HostHomePage items={items} />;
  if (role === 'TRAINEE') return <TraineeHomePage items={items} />;
  if (role === 'INSTRUCTOR') return <InstructorHomePage items={items} />;
  return <DashboardPage />;
}
