import type { ClassSessionRow } from '../../db/rows.js';
import { daysBetween, toInstant } from '../../lib/time.js';

/** Wall-clock time as a timetable writes it: 00:00 to 23:59. */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isWallTime = (value: string): boolean => HH_MM.test(value);

/** pg returns `time` columns as 'HH:MM:SS'; the API speaks HH:mm. */
export const wallTime = (time: string): string => time.slice(0, 5);

const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Hours from one wall time to a later one on the same day. */
export const hoursBetween = (starts: string, ends: string): number =>
  (minutesOf(wallTime(ends)) - minutesOf(wallTime(starts))) / 60;

/**
 * A session's start and end as instants. Always through lib/time.ts (its zone data is current:
 * Morocco is UTC+0 from 2026-09-20, which Node's ICU and PostgreSQL's tzdata do not know yet).
 */
export function sessionInstants(
  session: Pick<ClassSessionRow, 'day' | 'starts_at' | 'ends_at' | 'timezone'>,
) {
  return {
    startsAt: toInstant(session.day, wallTime(session.starts_at), session.timezone),
    endsAt: toInstant(session.day, wallTime(session.ends_at), session.timezone),
  };
}

/** Days from `from` to `to`, both counted (1 for the same day). */
export function daysInRange(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}
