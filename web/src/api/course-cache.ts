import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { EMBEDDED, invalidateFields, invalidateRoot, succeeded } from './cache-helpers';

export const COURSE_KEYS: KeyingConfig = {
  CourseConnection: EMBEDDED,
  CourseEdge: EMBEDDED,
  CoursePayload: EMBEDDED,
  CourseSessionPayload: EMBEDDED,
  RegistrationPayload: EMBEDDED,
  CancelRegistrationPayload: EMBEDDED,
  CourseAttendancePayload: EMBEDDED,
  PersonHistoryEntry: EMBEDDED,
  TrainingIndicators: EMBEDDED,
  TrainingLineFigures: EMBEDDED,
  TrainingFigures: EMBEDDED,
  TrainingChange: EMBEDDED,
  ExportFile: EMBEDDED,
};

// What one registration, cancellation, session or register changes on a course.
const COURSE_VOLATILE = [
  'registrations',
  'registeredCount',
  'waitlistCount',
  'sessions',
  'startsOn',
  'trainingDays',
];

/**
 * A course's counts, waitlist positions, promotions, attendance rates and completions all follow
 * from one change on the server: those fields are read again rather than patched here. The course
 * itself stays (its id and title), so the mutation's own answer, which links to it, still reads.
 */
const invalidateCourse = (cache: Cache, courseId: string | null | undefined) =>
  invalidateFields(cache, 'Course', courseId, COURSE_VOLATILE);

const courseOfSession = (cache: Cache, sessionId: string | undefined) => {
  if (!sessionId) return null;
  const key = cache.resolve({ __typename: 'CourseSession', id: sessionId }, 'course');
  return typeof key === 'string' ? (cache.resolve(key, 'id') as string | null) : null;
};

type Payload = {
  course?: { id?: string } | null;
  session?: { id?: string; course?: { id?: string } | null } | null;
  registration?: { course?: { id?: string } | null; person?: { id?: string } | null } | null;
} | null;

const payloadOf = (result: Record<string, unknown>, field: string) => result[field] as Payload;

export const COURSE_UPDATES: Record<string, UpdateResolver> = {
  createCourse: (result, _args, cache) => {
    if (succeeded(result, 'createCourse')) invalidateRoot(cache, 'courses');
  },
  updateCourse: (result, _args, cache) => {
    if (succeeded(result, 'updateCourse')) invalidateRoot(cache, 'courses', 'trainingIndicators');
  },
  setCourseStatus: (result, _args, cache) => {
    if (succeeded(result, 'setCourseStatus')) invalidateRoot(cache, 'courses', 'trainingIndicators');
  },
  addCourseSession: (result, _args, cache) => {
    if (!succeeded(result, 'addCourseSession')) return;
    invalidateCourse(cache, payloadOf(result, 'addCourseSession')?.session?.course?.id);
    invalidateRoot(cache, 'courses', 'trainingIndicators');
  },
  removeCourseSession: (result, args, cache) => {
    if (!succeeded(result, 'removeCourseSession')) return;
    const input = (args as { input?: { id?: string } }).input;
    const courseId =
      payloadOf(result, 'removeCourseSession')?.session?.course?.id ?? courseOfSession(cache, input?.id);
    invalidateCourse(cache, courseId);
    invalidateRoot(cache, 'courses', 'trainingIndicators');
  },
  register: (result, _args, cache) => {
    if (!succeeded(result, 'register')) return;
    const registration = payloadOf(result, 'register')?.registration;
    if (!registration) return;
    invalidateCourse(cache, registration.course?.id);
    if (registration.person?.id) {
      cache.invalidate({ __typename: 'Person', id: registration.person.id }, 'registrations');
      cache.invalidate({ __typename: 'Person', id: registration.person.id }, 'history');
    }
    invalidateRoot(cache, 'courses', 'people', 'trainingIndicators');
  },
  cancelRegistration: (result, _args, cache) => {
    if (!succeeded(result, 'cancelRegistration')) return;
    invalidateCourse(cache, payloadOf(result, 'cancelRegistration')?.registration?.course?.id);
    invalidateRoot(cache, 'courses', 'trainingIndicators');
  },
  recordCourseAttendance: (result, _args, cache) => {
    if (!succeeded(result, 'recordCourseAttendance')) return;
    invalidateCourse(cache, payloadOf(result, 'recordCourseAttendance')?.session?.course?.id);
    invalidateRoot(cache, 'trainingIndicators');
  },
};
