import { addDays, mondayOf } from './days';

export interface DayLoad {
  day: string;
  confirmed: number;
  capacity: number;
}

export interface WeekLoad {
  /** The Monday the week starts on. */
  week: string;
  /** The most trainees confirmed on any day of the week: what limits one more. */
  peak: number;
  /** The host's capacity that week (the largest, when it changed within the week). */
  capacity: number;
}

export const WEEKS_BACK = 12;
export const WEEKS_AHEAD = 12;

/** The days the load chart asks for: twelve whole weeks back and twelve ahead of this week. */
export function loadWindow(today: string): { from: string; to: string; thisWeek: string } {
  const thisWeek = mondayOf(today);
  return {
    from: addDays(thisWeek, -7 * WEEKS_BACK),
    to: addDays(thisWeek, 7 * (WEEKS_AHEAD + 1) - 1),
    thisWeek,
  };
}

/** Days grouped into Monday-to-Sunday weeks, oldest first. Missing days simply count as empty. */
export function loadByWeek(days: readonly DayLoad[]): WeekLoad[] {
  const weeks = new Map<string, WeekLoad>();
  for (const { day, confirmed, capacity } of days) {
    const week = mondayOf(day);
    const current = weeks.get(week);
    if (!current) weeks.set(week, { week, peak: confirmed, capacity });
    else {
      current.peak = Math.max(current.peak, confirmed);
      current.capacity = Math.max(current.capacity, capacity);
    }
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

export type LoadLevel = 'free' | 'busy' | 'full';

/** How close to full a week is: full leaves no place, busy leaves at most a quarter. */
export function loadLevel({ peak, capacity }: WeekLoad): LoadLevel {
  if (peak >= capacity) return 'full';
  if (peak >= capacity * 0.75) return 'busy';
  return 'free';
}
