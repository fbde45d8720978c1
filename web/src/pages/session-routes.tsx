import { Route, Routes } from 'react-router';
import { NotFoundPage } from './not-found-page';
import { SessionsPage } from './sessions-page';

/** /sessions: the cohorts to open a timetable for (the timetables are at /cohorts/:id/timetable). */
export function SessionRoutes() {
  return (
    <Routes>
      <Route index element={<SessionsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
