import { ComingSoonPage } from './coming-soon-page';

/** /graduation: cohorts to graduate, a cohort's graduation screen, its certificates. */
export function GraduationRoutes() {
  return <ComingSoonPage section="nav.graduation" />;
}

/** /outcomes: the follow-up work list; /outcomes/integration: the integration dashboard. */
export function OutcomeRoutes() {
  return <ComingSoonPage section="nav.outcomes" />;
}

/** /reports: the activity report (the centre's, or the network's for network admins) with exports. */
export function ReportRoutes() {
  return <ComingSoonPage section="nav.activityReport" />;
}

/** /certificates: a trainee's own certificates, to download. */
export function MyCertificatesPage() {
  return <ComingSoonPage section="nav.myCertificates" />;
}
