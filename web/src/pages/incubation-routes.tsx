import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page';
import { NotFoundPage } from './not-found-page';

const CallsPage = lazyPage(() => import('./calls-page').then((m) => m.CallsPage));
const CallSetupPage = lazyPage(() => import('./call-setup-page').then((m) => m.CallSetupPage));
const CallPage = lazyPage(() => import('./call-page').then((m) => m.CallPage));
const ApplicationPage = lazyPage(() => import('./application-page').then((m) => m.ApplicationPage));
const JurorScoringPage = lazyPage(() => import('./juror-scoring-page').then((m) => m.JurorScoringPage));
const NextToScorePage = lazyPage(() => import('./juror-scoring-page').then((m) => m.NextToScorePage));
const CallResultsPage = lazyPage(() => import('./call-results-page').then((m) => m.CallResultsPage));
const VenturesPage = lazyPage(() => import('./ventures-page').then((m) => m.VenturesPage));
const VenturePage = lazyPage(() => import('./venture-page').then((m) => m.VenturePage));

/**
 * /calls: calls for applications, their set-up, applications, the juror's scoring and the ranked
 * results. /calls/:id/score takes a juror to the next application they have left to score.
 */
export function CallRoutes() {
  return (
    <Routes>
      <Route index element={<CallsPage />} />
      <Route path="new" element={<CallSetupPage />} />
      <Route path=":id" element={<CallPage />} />
      <Route path=":id/edit" element={<CallSetupPage />} />
      <Route path=":id/applications/:applicationId" element={<ApplicationPage />} />
      <Route path=":id/score" element={<NextToScorePage />} />
      <Route path=":id/score/:applicationId" element={<JurorScoringPage />} />
      <Route path=":id/results" element={<CallResultsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /ventures: the ventures (a coach's own only) and a venture's page with its coaching log. */
export function VentureRoutes() {
  return (
    <Routes>
      <Route index element={<VenturesPage />} />
      <Route path=":id" element={<VenturePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
