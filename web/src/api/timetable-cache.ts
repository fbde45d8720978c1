import type { KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { EMBEDDED, invalidateRoot, succeeded } from './cache-helpers';

export const TIMETABLE_KEYS: KeyingConfig = {
  TimetableSettings: EMBEDDED,
  LedgerFigures: EMBEDDED,
  TraineeLedger: EMBEDDED,
  CohortLedger: EMBEDDED,
  TenantLedger: EMBEDDED,
  HolidayPayload: EMBEDDED,
  HolidaysPayload: EMBEDDED,
  TimetableSettingsPayload: EMBEDDED,
  GenerateTimetablePayload: EMBEDDED,
  AttendancePayload: EMBEDDED,
  ConfirmWeekPayload: EMBEDDED,
  CorrectAttendancePayload: EMBEDDED,
  CalendarFeedPayload: EMBEDDED,
};

/** Every figure that adds up attendance. */
const LEDGERS = ['cohortLedger', 'tenantLedger', 'myLedger', 'myAttendance'];

/**
 * A register taken or corrected changes the session's list of entries (which the cache cannot
 * patch: it does not know where the new entries go) and every ledger: they are read again. A
 * timetable generated changes the sessions of its weeks.
 */
export const TIMETABLE_UPDATES: Record<string, UpdateResolver> = {
  recordAttendance: (result, args, cache) => {
    if (!succeeded(result, 'recordAttendance')) return;
    const sessionId = (args as { input?: { sessionId?: string } }).input?.sessionId;
    if (sessionId) cache.invalidate({ __typename: 'ClassSession', id: sessionId }, 'attendance');
    invalidateRoot(cache, ...LEDGERS);
  },
  confirmWeek: (result, _args, cache) => {
    if (!succeeded(result, 'confirmWeek')) return;
    invalidateRoot(cache, 'sessions', ...LEDGERS);
  },
  correctAttendance: (result, _args, cache) => {
    // The entry itself updates by id.
    if (succeeded(result, 'correctAttendance')) invalidateRoot(cache, ...LEDGERS);
  },
  generateTimetable: (result, _args, cache) => {
    if (succeeded(result, 'generateTimetable')) invalidateRoot(cache, 'sessions', 'mySchedule', ...LEDGERS);
  },
  createCalendarFeed: (result, _args, cache) => {
    if (succeeded(result, 'createCalendarFeed')) invalidateRoot(cache, 'myCalendarFeeds');
  },
};
