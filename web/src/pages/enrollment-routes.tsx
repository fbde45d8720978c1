import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page';
import { NotFoundPage } from './not-found-page';

const CohortPage = lazyPage(() => import('./cohort-page').then((m) => m.CohortPage));
const CohortsPage = lazyPage(() => import('./cohorts-page').then((m) => m.CohortsPage));
const EnrollmentPage = lazyPage(() => import('./enrollment-page').then((m) => m.EnrollmentPage));
const ImportPage = lazyPage(() => import('./import-page').then((m) => m.ImportPage));
const LedgerPage = lazyPage(() => import('./ledger-page').then((m) => m.LedgerPage));
const NewApplicantPage = lazyPage(() => import('./new-applicant-page').then((m) => m.NewApplicantPage));
const PersonPage = lazyPage(() => import('./person-page').then((m) => m.PersonPage));

/** /cohorts, /cohorts/:id, /cohorts/:id/import and /cohorts/:id/ledger. */
export function CohortRoutes() {
  return (
    <Routes>
      <Route index element={<CohortsPage />} />
      <Route path=":id" element={<CohortPage />} />
      <Route path=":id/import" element={<ImportPage />} />
      <Route path=":id/ledger" element={<LedgerPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /enrollment (the list of applicants and trainees) and /enrollment/new. */
export function EnrollmentRoutes() {
  return (
    <Routes>
      <Route index element={<EnrollmentPage />} />
      <Route path="new" element={<NewApplicantPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /people/:id. */
export function PeopleRoutes() {
  return (
    <Routes>
      <Route path=":id" element={<PersonPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
