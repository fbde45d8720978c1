import { Route, Routes } from 'react-router';
import { CohortPage } from './cohort-page';
import { CohortsPage } from './cohorts-page';
import { EnrollmentPage } from './enrollment-page';
import { ImportPage } from './import-page';
import { LedgerPage } from './ledger-page';
import { NewApplicantPage } from './new-applicant-page';
import { NotFoundPage } from './not-found-page';
import { PersonPage } from './person-page';

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
