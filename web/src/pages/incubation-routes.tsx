import { ComingSoonPage } from './coming-soon-page';

/** /calls: calls for applications, their set-up, applications, the juror's scoring and the ranked results. */
export function CallRoutes() {
  return <ComingSoonPage section="nav.calls" />;
}

/** /ventures: the ventures (a coach's own only) and a venture's page with its coaching log. */
export function VentureRoutes() {
  return <ComingSoonPage section="nav.ventures" />;
}

/** /incubator: the incubator's indicators (the network's for network admins). */
export function IncubatorPage() {
  return <ComingSoonPage section="nav.incubator" />;
}

/** A coach's home: the ventures they coach and their latest sessions. */
export function CoachHomePage() {
  return <ComingSoonPage section="nav.ventures" />;
}

/** A juror's home: the calls they sit on and what is left to score. */
export function JurorHomePage() {
  return <ComingSoonPage section="nav.calls" />;
}
