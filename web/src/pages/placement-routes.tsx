import { Route, Routes } from 'react-router';
import { HostPage } from './host-page';
import { HostsPage } from './hosts-page';
import { NotFoundPage } from './not-found-page';
import { PlacementsPage } from './placements-page';

/** /placements: the cohorts to open a placement board for (the boards are at /cohorts/:id/placements). */
export function PlacementRoutes() {
  return (
    <Routes>
      <Route index element={<PlacementsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** /hosts and /hosts/:id. */
export function HostRoutes() {
  return (
    <Routes>
      <Route index element={<HostsPage />} />
      <Route path=":id" element={<HostPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
