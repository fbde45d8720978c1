import { createRequire } from 'node:module';
import * as tc from 'timezonecomplete';

/**
 * The one place where wall-clock time and instants meet. Node's ICU, the embedded PostgreSQL and
 * Debian's tzdata still put Morocco on UTC+1 after 2026-09-20 (tzdata 2026c made it UTC+0 for
 * good), so neither `Intl`, `Date#toLocale*` nor SQL `at time zone` may be used for this: the zone
 * rules come from the `tzdata` package, which follows IANA releases.
 */
const tzdata: { version: string } = createRequire(import.meta.url)('tzdata');
tc.TzDatabase.init(tzdata as never);

export const TZDATA_VERSION = tzdata.version;

export function isTimeZone(zone: string): boolean {
  return tc.TzDatabase.instance().exists(zone);
}

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
  /** Offset from UTC in minutes at that instant (0 in Casablanca since 2026-09-20). */
  offsetMinutes: number;
}

/** The wall-clock date and time at `instant` in `zone`. */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  const local = new tc.DateTime(instant.getTime(), tc.zone('UTC')).toZone(tc.zone(zone));
  return {
    date: local.format('yyyy-MM-dd'),
    time: local.format('HH:mm'),
    offsetMinutes: local.offset(),
  };
}

/**
 * The instant a timetable means by `date` at `time` in `zone`. A time skipped by a clock change
 * moves forward; a repeated one takes its first occurrence.
 */
export function toInstant(date: string, time: string, zone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`Expected YYYY-MM-DD and HH:mm, got ${date} ${time}`);
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const local = new tc.DateTime(year, month, day, hour, minute, 0, 0, tc.zone(zone));
  return new Date(local.unixUtcMillis());
}

/** Today's calendar day (YYYY-MM-DD) on the wall clocks of `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return toLocal(now, zone).date;
}

/** Age in whole years on `day` of someone born on `birthDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// Calendar arithmetic on 'YYYY-MM-DD' days. A calendar day has no time zone, so UTC midnight is
// only a carrier here, never an instant anyone lives at.

const DAY_MS = 86_400_000;
const utcMidnight = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO weekday, 1 = Monday … 7 = Sunday, as programme and placement weekdays count. */
export function isoWeekday(day: string): number {
  return new Date(utcMidnight(day)).getUTCDay() || 7;
}

/**
 * The same day `months` later; a day the target month lacks falls on its last day (31 August + 6
 * months = 28 or 29 February), as people count "six months after graduation".
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
