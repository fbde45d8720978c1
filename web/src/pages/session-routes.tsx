import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page';
import { NotFoundPage } from './not-found-page';

const SessionsPage = lazyPage(() => import('./sessions-page').then((m) => m.SessionsPage));

/** /sessions: the cohorts to open a timetable for (the timetables are at /cohorts/:id/timetable). */
export function SessionRoutes() {
  return (
    <Routes>
      <Route index element={<SessionsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
