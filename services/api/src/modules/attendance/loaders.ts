import type { AttendanceEventRow, AttendanceRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { usersByIds } from '../identity/service.js';
import * as attendance from './service.js';

type Batch<T> = { obj: T }[];

// One query per level: every Attendance.session (or .enrollment, .history, …) of a response together.
export const loaders = {
  Attendance: {
    session: async (queries: Batch<AttendanceRow>, ctx: Context) => {
      const sessions = await attendance.sessionsOfAttendance(
        ctx,
        queries.map((q) => q.obj.session_id),
      );
      return queries.map((q) => sessions.get(q.obj.session_id));
    },
    enrollment: async (queries: Batch<AttendanceRow>, ctx: Context) => {
      const enrollments = await attendance.enrollmentsOfAttendance(
        ctx,
        queries.map((q) => q.obj.enrollment_id),
      );
      return queries.map((q) => enrollments.get(q.obj.enrollment_id));
    },
    recordedBy: async (queries: Batch<AttendanceRow>, ctx: Context) => {
      const ids = queries.flatMap((q) => (q.obj.recorded_by ? [q.obj.recorded_by] : []));
      const users = await usersByIds(ctx.deps.db, ids);
      return queries.map((q) => (q.obj.recorded_by ? (users.get(q.obj.recorded_by) ?? null) : null));
    },
    history: async (queries: Batch<AttendanceRow>, ctx: Context) => {
      const events = await attendance.historyOfAttendance(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => events.get(q.obj.id) ?? []);
    },
  },
  AttendanceEvent: {
    actor: async (queries: Batch<AttendanceEventRow>, ctx: Context) => {
      const ids = queries.flatMap((q) => (q.obj.actor_user_id ? [q.obj.actor_user_id] : []));
      const users = await usersByIds(ctx.deps.db, ids);
      return queries.map((q) => (q.obj.actor_user_id ? (users.get(q.obj.actor_user_id) ?? null) : null));
    },
  },
};
