import type { AttendanceEventRow, AttendanceRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as ledger from './ledger.js';
import * as attendance from './service.js';

export const Query: QueryResolvers = {
  cohortLedger: (_root, args, ctx) => ledger.cohortLedger(ctx, args),
  tenantLedger: (_root, args, ctx) => ledger.tenantLedger(ctx, args),
  myLedger: (_root, args, ctx) => ledger.myLedger(ctx, args),
  myAttendance: (_root, { from, to }, ctx) => attendance.myAttendance(ctx, from, to),
};

export const Mutation: MutationResolvers = {
  recordAttendance: (_root, { input }, ctx) => toPayload(ctx, () => attendance.recordAttendance(ctx, input)),
  confirmWeek: (_root, { input }, ctx) => toPayload(ctx, () => attendance.confirmWeek(ctx, input)),
  correctAttendance: (_root, { input }, ctx) =>
    toPayload(ctx, () => attendance.correctAttendance(ctx, input)),
};

// numeric columns come back from pg as strings; the schema says Float.
export const Attendance = {
  hours: (row: AttendanceRow) => Number(row.hours),
  recordedAt: (row: AttendanceRow) => row.recorded_at,
  correctedAt: (row: AttendanceRow) => row.corrected_at,
};

export const AttendanceEvent = {
  fromStatus: (row: AttendanceEventRow) => row.from_status,
  toStatus: (row: AttendanceEventRow) => row.to_status,
  fromHours: (row: AttendanceEventRow) => (row.from_hours === null ? null : Number(row.from_hours)),
  toHours: (row: AttendanceEventRow) => Number(row.to_hours),
};
