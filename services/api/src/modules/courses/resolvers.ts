import type { CourseRow, CourseSessionRow, RegistrationRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { recordCourseAttendance } from './attendance.js';
import { cancelRegistration, register } from './registrations.js';
import * as courses from './service.js';

// A refused registration has no duplicates to show, and the list is never null.
const NO_DUPLICATES = { duplicates: [] };

export const Query: QueryResolvers = {
  courses: (_root, args, ctx) => courses.listCourses(ctx, args),
  course: (_root, { id }, ctx) => courses.getCourse(ctx, id),
};

export const Mutation: MutationResolvers = {
  createCourse: (_root, { input }, ctx) => toPayload(ctx, () => courses.createCourse(ctx, input)),
  updateCourse: (_root, { input }, ctx) => toPayload(ctx, () => courses.updateCourse(ctx, input)),
  setCourseStatus: (_root, { input }, ctx) => toPayload(ctx, () => courses.setCourseStatus(ctx, input)),
  addCourseSession: (_root, { input }, ctx) => toPayload(ctx, () => courses.addCourseSession(ctx, input)),
  removeCourseSession: (_root, { input }, ctx) =>
    toPayload(ctx, () => courses.removeCourseSession(ctx, input)),
  register: (_root, { input }, ctx) => toPayload(ctx, () => register(ctx, input), NO_DUPLICATES),
  cancelRegistration: (_root, { input }, ctx) => toPayload(ctx, () => cancelRegistration(ctx, input)),
  recordCourseAttendance: (_root, { input }, ctx) => toPayload(ctx, () => recordCourseAttendance(ctx, input)),
};

// Column renames and values computed from the row; fields that need the database are loaders.
export const Course = {
  titleFr: (course: CourseRow) => course.title_fr,
  titleAr: (course: CourseRow) => course.title_ar,
  trainingLine: (course: CourseRow) => course.training_line,
  priceMad: (course: CourseRow) => Number(course.price_mad),
  completionThreshold: (course: CourseRow) => Number(course.completion_threshold),
  createdAt: (course: CourseRow) => course.created_at,
};

/** 'HH:mm:ss' (a `time` column) → 'HH:mm'. */
const wallTime = (time: string | null) => time?.slice(0, 5) ?? null;

export const CourseSession = {
  startsAt: (session: CourseSessionRow) => wallTime(session.starts_at),
  endsAt: (session: CourseSessionRow) => wallTime(session.ends_at),
  days: (session: CourseSessionRow) => Number(session.days),
  hours: (session: CourseSessionRow) => (session.hours === null ? null : Number(session.hours)),
};

export const Registration = {
  statusReason: (registration: RegistrationRow) => registration.status_reason,
  createdAt: (registration: RegistrationRow) => registration.created_at,
  statusChangedAt: (registration: RegistrationRow) => registration.status_changed_at,
};
