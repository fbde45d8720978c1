import { Route, Routes } from 'react-router';
import { CourseIndicatorsPage } from './course-indicators-page';
import { CoursePage } from './course-page';
import { CoursesPage } from './courses-page';
import { NotFoundPage } from './not-found-page';

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
