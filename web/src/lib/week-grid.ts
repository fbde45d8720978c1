import { addDays, mondayOf } from './days';

/**
 * A week of a timetable laid out Monday to Sunday. Sessions carry the local day and the local
 * HH:mm times the API gives: they are placed and ordered as written, never converted.
 */
export interface GridSession {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  kind: string;
  place?: string | null;
}

export interface GridHoliday {
  day: string;
}

export interface WeekColumn<S extends GridSession, H extends GridHoliday> {
  day: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  sessions: S[];
  holidays: H[];
  isToday: boolean;
  /** Outside the cohort's dates: nothing is planned there. */
  outside: boolean;
}

// Theory first when two sessions start at once: the day is read from the centre outwards.
const KIND_ORDER: Record<string, number> = { THEORY: 0, CONTINUING_EDUCATION: 1, COACHING: 2, PRACTICE: 3 };

/** Earliest first; at the same time theory before practice, then by place. */
export function compareSessions(a: GridSession, b: GridSession): number {
  return (
    a.startsAt.localeCompare(b.startsAt) ||
    (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
    (a.place ?? '').localeCompare(b.place ?? '') ||
    a.endsAt.localeCompare(b.endsAt) ||
    a.id.localeCompare(b.id)
  );
}

/** The seven columns of the week starting `monday`, each with its sessions in order and its holidays. */
export function weekColumns<S extends GridSession, H extends GridHoliday>(
  monday: string,
  sessions: readonly S[],
  holidays: readonly H[],
  context: { today: string; from?: string; to?: string },
): WeekColumn<S, H>[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(monday, i);
    return {
      day,
      weekday: i + 1,
      sessions: sessions.filter((s) => s.day === day).sort(compareSessions),
      holidays: holidays.filter((h) => h.day === day),
      isToday: day === context.today,
      outside: (!!context.from && day < context.from) || (!!context.to && day > context.to),
    };
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * The Monday of the week to open: the one asked for (any day of it), else this week when the
 * cohort is running, else the cohort's first week before it starts and its last week once it ended.
 */
export function weekToShow(
  asked: string | null,
  today: string,
  cohort: { startsOn: string; endsOn: string },
) {
  if (isDay(asked)) return mondayOf(asked);
  if (today < cohort.startsOn) return mondayOf(cohort.startsOn);
  if (today > cohort.endsOn) return mondayOf(cohort.endsOn);
  return mondayOf(today);
}

/** The first and last day of the week starting `monday`. */
export function weekRange(monday: string): { from: string; to: string } {
  return { from: monday, to: addDays(monday, 6) };
}

/** Whether a session can have its register taken: on its day or after, never before. */
export function isPastOrToday(day: string, today: string): boolean {
  return day <= today;
}

/** Sessions grouped by day, days in order, each day's sessions in the grid's order. */
export function groupByDay<S extends GridSession>(sessions: readonly S[]): { day: string; sessions: S[] }[] {
  const days = new Map<string, S[]>();
  for (const session of [...sessions].sort((a, b) => a.day.localeCompare(b.day) || compareSessions(a, b))) {
    const list = days.get(session.day) ?? [];
    list.push(session);
    days.set(session.day, list);
  }
  return [...days].map(([day, list]) => ({ day, sessions: list }));
}
