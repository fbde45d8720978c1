import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page';
import { NotFoundPage } from './not-found-page';

const GraduationCohortsPage = lazyPage(() =>
  import('./graduation-cohorts-page').then((m) => m.GraduationCohortsPage),
);
const GraduationCohortPage = lazyPage(() =>
  import('./graduation-cohort-page').then((m) => m.GraduationCohortPage),
);
const FollowUpPage = lazyPage(() => import('./follow-up-page').then((m) => m.FollowUpPage));
const IntegrationPage = lazyPage(() => import('./integration-page').then((m) => m.IntegrationPage));
const ActivityReportPage = lazyPage(() => import('./activity-report-page').then((m) => m.ActivityReportPage));

/** /graduation: cohorts to graduate; /graduation/:cohortId: a cohort's graduation and its certificates. */
export function GraduationRoutes() {
  return (
    <Routes>
      <Route index element={<GraduationCohortsPage />} />
      <Route path=":cohortId" element={<GraduationCohortPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /outcomes: the follow-up work list; /outcomes/integration: the integration dashboard. */
export function OutcomeRoutes() {
  return (
    <Routes>
      <Route index element={<FollowUpPage />} />
      <Route path="integration" element={<IntegrationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /reports: the activity report (the centre's, or the network's for network admins) with exports. */
export function ReportRoutes() {
  return (
    <Routes>
      <Route index element={<ActivityReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
