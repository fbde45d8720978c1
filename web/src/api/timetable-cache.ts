import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';

// Types without an id are parts of their parent (figures, payloads), never entities of their own.
const EMBEDDED = () => null;

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

/** Forgets every cached answer of these root fields, whatever their arguments: the next read refetches. */
function invalidateRoot(cache: Cache, ...fieldNames: string[]) {
  for (const field of cache.inspectFields('Query')) {
    if (fieldNames.includes(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

const succeeded = (result: Record<string, unknown>, field: string) => {
  const payload = result[field] as { errors?: unknown[] } | null | undefined;
  return !!payload && (payload.errors?.length ?? 0) === 0;
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
