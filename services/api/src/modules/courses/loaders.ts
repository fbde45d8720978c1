import type {
  CourseAttendanceRow,
  CourseRow,
  CourseSessionRow,
  PersonRow,
  RegistrationRow,
} from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { historyOfPeople } from './history.js';
import * as reads from './reads.js';

type Batch<T> = { obj: T }[];

// One query per level, under the same visibility as the root queries (see reads.ts).
export const loaders = {
  Course: {
    sessions: async (queries: Batch<CourseRow>, ctx: Context) => {
      const byCourse = await reads.sessionsOfCourses(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byCourse.get(q.obj.id) ?? []);
    },
    registrations: async (queries: Batch<CourseRow>, ctx: Context) => {
      const byCourse = await reads.registrationsOfCourses(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byCourse.get(q.obj.id) ?? []);
    },
    registeredCount: async (queries: Batch<CourseRow>, ctx: Context) => {
      const counts = await reads.countsOfCourses(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => counts.get(q.obj.id)?.registered ?? 0);
    },
    waitlistCount: async (queries: Batch<CourseRow>, ctx: Context) => {
      const counts = await reads.countsOfCourses(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => counts.get(q.obj.id)?.waitlisted ?? 0);
    },
    startsOn: async (queries: Batch<CourseRow>, ctx: Context) => {
      const totals = await reads.sessionTotals(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => totals.get(q.obj.id)?.startsOn ?? null);
    },
    trainingDays: async (queries: Batch<CourseRow>, ctx: Context) => {
      const totals = await reads.sessionTotals(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => totals.get(q.obj.id)?.trainingDays ?? 0);
    },
  },
  CourseSession: {
    course: async (queries: Batch<CourseSessionRow>, ctx: Context) => {
      const found = await reads.readCourses(
        ctx,
        queries.map((q) => q.obj.course_id),
      );
      return queries.map((q) => found.get(q.obj.course_id));
    },
    attendance: async (queries: Batch<CourseSessionRow>, ctx: Context) => {
      const bySession = await reads.attendanceOfSessions(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => bySession.get(q.obj.id) ?? []);
    },
  },
  Registration: {
    course: async (queries: Batch<RegistrationRow>, ctx: Context) => {
      const found = await reads.readCourses(
        ctx,
        queries.map((q) => q.obj.course_id),
      );
      return queries.map((q) => found.get(q.obj.course_id));
    },
    person: async (queries: Batch<RegistrationRow>, ctx: Context) => {
      const found = await reads.readPeopleOf(
        ctx,
        queries.map((q) => q.obj.person_id),
      );
      return queries.map((q) => found.get(q.obj.person_id));
    },
    waitlistPosition: async (queries: Batch<RegistrationRow>, ctx: Context) => {
      const positions = await reads.waitlistPositions(
        ctx,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => (q.obj.status === 'WAITLISTED' ? (positions.get(q.obj.id) ?? null) : null));
    },
    attendanceRate: async (queries: Batch<RegistrationRow>, ctx: Context) => {
      const rates = await reads.attendanceRates(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => rates.get(q.obj.id) ?? null);
    },
  },
  CourseAttendance: {
    registration: async (queries: Batch<CourseAttendanceRow>, ctx: Context) => {
      const found = await reads.readRegistrations(
        ctx,
        queries.map((q) => q.obj.registration_id),
      );
      return queries.map((q) => found.get(q.obj.registration_id));
    },
  },
  Person: {
    history: async (queries: Batch<PersonRow>, ctx: Context) => {
      const byPerson = await historyOfPeople(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byPerson.get(q.obj.id) ?? []);
    },
    registrations: async (queries: Batch<PersonRow>, ctx: Context) => {
      const byPerson = await reads.registrationsOfPeople(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byPerson.get(q.obj.id) ?? []);
    },
  },
};
