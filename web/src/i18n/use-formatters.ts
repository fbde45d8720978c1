import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../session/session-context';
import { zoneForFormatting } from './time-zone';

export type Formatters = ReturnType<typeof useFormatters>;

/** Dates and numbers in the person's language, on the centre's clock (not the device's). */
export function useFormatters(timeZone: string) {
  const intl = useIntl();
  return useMemo(
    () => ({
      date: (value: Date | string, style: 'long' | 'full' | 'medium' = 'long') => {
        const instant = typeof value === 'string' ? new Date(value) : value;
        return intl.formatDate(instant, { dateStyle: style, timeZone: zoneForFormatting(timeZone, instant) });
      },
      /** An instant with its time of day, on the centre's clock. */
      dateTime: (value: Date | string) => {
        const instant = typeof value === 'string' ? new Date(value) : value;
        return intl.formatDate(instant, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: zoneForFormatting(timeZone, instant),
        });
      },
      /**
       * A calendar day (a `Date` scalar, YYYY-MM-DD) as written: it has no time zone, so it is read
       * and printed in UTC and never moves to the day before or after.
       */
      day: (value: string, style: 'long' | 'full' | 'medium' = 'medium') =>
        intl.formatDate(new Date(`${value}T00:00:00Z`), { dateStyle: style, timeZone: 'UTC' }),
      number: (value: number) => intl.formatNumber(value),
    }),
    [intl, timeZone],
  );
}

export const FALLBACK_TIME_ZONE = 'Africa/Casablanca';

/** The formatters on the clock of the centre the person is working in. */
export function useCentreFormatters() {
  const session = useSession();
  return useFormatters(
    (session.status === 'signed-in' ? session.tenant?.timezone : null) ?? FALLBACK_TIME_ZONE,
  );
}
