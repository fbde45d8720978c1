import { useMemo } from 'react';
import { useIntl } from 'react-intl';

// 2024-01-01 was a Monday: ISO weekday n is n - 1 days later.
const dayOfWeek = (weekday: number) => new Date(Date.UTC(2024, 0, weekday));

/** ISO weekdays (1 = Monday … 7 = Sunday) named in the person's language. */
export function useWeekdays() {
  const intl = useIntl();
  return useMemo(() => {
    const name = (weekday: number, style: 'short' | 'long' = 'short') =>
      intl.formatDate(dayOfWeek(weekday), { weekday: style, timeZone: 'UTC' });
    return {
      name,
      /** "mar., mer. et jeu." — in week order, whatever order they came in. */
      list: (weekdays: readonly number[]) =>
        intl.formatList(
          [...new Set(weekdays)].sort((a, b) => a - b).map((day) => name(day)),
          { type: 'conjunction' },
        ),
    };
  }, [intl]);
}
