import { zoneForFormatting } from '../i18n/time-zone';

/**
 * Calendar days as the API writes them (YYYY-MM-DD, no time zone). Arithmetic runs on UTC
 * midnights, where every day has 24 hours, so it never slips to the day before or after.
 */
const DAY_MS = 86_400_000;

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, count: number): string {
  return fromTime(toTime(day) + count * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return new Date(toTime(day)).getUTCDay() || 7;
}

/** The Monday of the week `day` falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The first Monday after `day` (a week later when `day` is itself a Monday). */
export function nextMonday(day: string): string {
  return addDays(mondayOf(day), 7);
}

export const laterDay = (a: string, b: string) => (a > b ? a : b);

/** Today on the centre's clock (not the device's: a phone may be set to another zone). */
export function centreToday(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zoneForFormatting(timeZone, now),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
