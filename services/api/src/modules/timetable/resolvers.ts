import type { ClassSessionRow, HolidayRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { hoursBetween, sessionInstants, wallTime } from './clock.js';
import * as timetable from './service.js';

export const Query: QueryResolvers = {
  holidays: (_root, args, ctx) => timetable.listHolidays(ctx, args),
  timetableSettings: (_root, _args, ctx) => timetable.getTimetableSettings(ctx),
  sessions: (_root, args, ctx) => timetable.listSessions(ctx, args),
  session: (_root, { id }, ctx) => timetable.getSession(ctx, id),
  mySchedule: (_root, { days }, ctx) => timetable.mySchedule(ctx, days),
};

export const Mutation: MutationResolvers = {
  addHoliday: (_root, { input }, ctx) => toPayload(ctx, () => timetable.addHoliday(ctx, input)),
  removeHoliday: (_root, { input }, ctx) => toPayload(ctx, () => timetable.removeHoliday(ctx, input)),
  loadMoroccanHolidays: (_root, { input }, ctx) =>
    toPayload(ctx, () => timetable.loadMoroccanHolidays(ctx, input), { added: [] }),
  updateTimetableSettings: (_root, { input }, ctx) =>
    toPayload(ctx, () => timetable.updateTimetableSettings(ctx, input)),
  generateTimetable: (_root, { input }, ctx) => toPayload(ctx, () => timetable.generateTimetable(ctx, input)),
};

// Column renames and conversions; fields that need the database are loaders (loaders.ts).
export const Holiday = {
  nameFr: (holiday: HolidayRow) => holiday.name_fr,
  nameAr: (holiday: HolidayRow) => holiday.name_ar,
};

export const ClassSession = {
  startsAt: (session: ClassSessionRow) => wallTime(session.starts_at),
  endsAt: (session: ClassSessionRow) => wallTime(session.ends_at),
  startsAtInstant: (session: ClassSessionRow) => sessionInstants(session).startsAt,
  endsAtInstant: (session: ClassSessionRow) => sessionInstants(session).endsAt,
  hours: (session: ClassSessionRow) => hoursBetween(session.starts_at, session.ends_at),
  cancelled: (session: ClassSessionRow) => session.cancelled_at !== null,
};
