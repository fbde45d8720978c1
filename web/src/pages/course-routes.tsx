import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page';
import { NotFoundPage } from './not-found-page';

const CourseIndicatorsPage = lazyPage(() =>
  import('./course-indicators-page').then((m) => m.CourseIndicatorsPage),
);
const CoursePage = lazyPage(() => import('./course-page').then((m) => m.CoursePage));
const CoursesPage = lazyPage(() => import('./courses-page').then((m) => m.CoursesPage));

/** /courses, /courses/indicators and /courses/:id. */
export function CourseRoutes() {
  return (
    <Routes>
      <Route index element={<CoursesPage />} />
      <Route path="indicators" element={<CourseIndicatorsPage />} />
      <Route path=":id" element={<CoursePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
