import { Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { lazyPage } from '../components/lazy-page';
import type { Role } from '../gql/graphql';
import { ComingSoonPage } from '../pages/coming-soon-page';
import { HostHomePage } from '../pages/host-home-page';
import { InstructorHomePage } from '../pages/instructor-home-page';
import { NoMembershipPage } from '../pages/no-membership-page';
import { NotFoundPage } from '../pages/not-found-page';
import { TraineeHomePage } from '../pages/trainee-home-page';
import { shellFor } from '../session/roles';
import type { Session } from '../session/session-context';
import { DesktopShell } from './desktop-shell';
import { type NavItem, navItemsFor, PLACEMENT_BOARD_PATH, TIMETABLE_PATH } from './nav-items';
import { PhoneShell } from './phone-shell';

// Each section is its own chunk: a host artisan's or a trainee's phone never downloads the
// directors' screens. A chunk that fails to load throws into the ErrorBoundary below.
const DashboardPage = lazyPage(() => import('../pages/dashboard-page').then((m) => m.DashboardPage));
const MembersPage = lazyPage(() => import('../pages/members-page').then((m) => m.MembersPage));
const CohortRoutes = lazyPage(() => import('../pages/enrollment-routes').then((m) => m.CohortRoutes));
const EnrollmentRoutes = lazyPage(() => import('../pages/enrollment-routes').then((m) => m.EnrollmentRoutes));
const PeopleRoutes = lazyPage(() => import('../pages/enrollment-routes').then((m) => m.PeopleRoutes));
const PlacementBoardPage = lazyPage(() =>
  import('../pages/placement-board-page').then((m) => m.PlacementBoardPage),
);
const PlacementRoutes = lazyPage(() => import('../pages/placement-routes').then((m) => m.PlacementRoutes));
const HostRoutes = lazyPage(() => import('../pages/placement-routes').then((m) => m.HostRoutes));
const HostProposalsPage = lazyPage(() =>
  import('../pages/host-proposals-page').then((m) => m.HostProposalsPage),
);
const HostTraineesPage = lazyPage(() =>
  import('../pages/host-trainees-page').then((m) => m.HostTraineesPage),
);
const HostAttendancePage = lazyPage(() =>
  import('../pages/host-attendance-page').then((m) => m.HostAttendancePage),
);
const TimetablePage = lazyPage(() => import('../pages/timetable-page').then((m) => m.TimetablePage));
const SessionRoutes = lazyPage(() => import('../pages/session-routes').then((m) => m.SessionRoutes));
const SchedulePage = lazyPage(() => import('../pages/schedule-page').then((m) => m.SchedulePage));
const CourseRoutes = lazyPage(() => import('../pages/course-routes').then((m) => m.CourseRoutes));
const GraduationRoutes = lazyPage(() => import('../pages/graduation-routes').then((m) => m.GraduationRoutes));
const OutcomeRoutes = lazyPage(() => import('../pages/graduation-routes').then((m) => m.OutcomeRoutes));
const ReportRoutes = lazyPage(() => import('../pages/graduation-routes').then((m) => m.ReportRoutes));
// Single pages load straight from their own chunk (not through a routes module, which would be one
// more chunk to wait for before the page's own).
const MyCertificatesPage = lazyPage(() =>
  import('../pages/my-certificates-page').then((m) => m.MyCertificatesPage),
);
const CallRoutes = lazyPage(() => import('../pages/incubation-routes').then((m) => m.CallRoutes));
const VentureRoutes = lazyPage(() => import('../pages/incubation-routes').then((m) => m.VentureRoutes));
const IncubatorPage = lazyPage(() =>
  import('../pages/incubator-dashboard-page').then((m) => m.IncubatorDashboardPage),
);
const CoachHomePage = lazyPage(() => import('../pages/coach-home-page').then((m) => m.CoachHomePage));
const JurorHomePage = lazyPage(() => import('../pages/juror-home-page').then((m) => m.JurorHomePage));

type SignedIn = Extract<Session, { status: 'signed-in' }>;

/** The layout and the pages of the person's role in the current centre, and nothing else. */
export function RoleShell({ session }: { session: SignedIn }) {
  const { pathname } = useLocation();
  const role = session.role;
  if (!role) return <NoMembershipPage />;
  const items = navItemsFor(role, session.tenant?.kind);
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
  if (item.page === 'graduation') return <GraduationRoutes />;
  if (item.page === 'myCertificates') return <MyCertificatesPage />;
  if (item.page === 'outcomes') return <OutcomeRoutes />;
  if (item.page === 'reports') return <ReportRoutes />;
  if (item.page === 'calls') return <CallRoutes />;
  if (item.page === 'ventures') return <VentureRoutes />;
  if (item.page === 'incubator') return <IncubatorPage />;
  if (item.page === 'comingSoon') return <ComingSoonPage section={item.label} />;
  if (role === 'HOST_ARTISAN') return <HostHomePage items={items} />;
  if (role === 'TRAINEE') return <TraineeHomePage items={items} />;
  if (role === 'INSTRUCTOR') return <InstructorHomePage items={items} />;
  if (role === 'COACH') return <CoachHomePage />;
  if (role === 'JUROR') return <JurorHomePage />;
  return <DashboardPage />;
}
