import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page';
import { NotFoundPage } from './not-found-page';

const HostPage = lazyPage(() => import('./host-page').then((m) => m.HostPage));
const HostsPage = lazyPage(() => import('./hosts-page').then((m) => m.HostsPage));
const PlacementsPage = lazyPage(() => import('./placements-page').then((m) => m.PlacementsPage));

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
