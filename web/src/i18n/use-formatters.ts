import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { zoneForFormatting } from './time-zone';

/** Dates and numbers in the person's language, on the centre's clock (not the device's). */
export function useFormatters(timeZone: string) {
  const intl = useIntl();
  return useMemo(
    () => ({
      date: (value: Date | string, style: 'long' | 'full' | 'medium' = 'long') => {
        const instant = typeof value === 'string' ? new Date(value) : value;
        return intl.formatDate(instant, { dateStyle: style, timeZone: zoneForFormatting(timeZone, instant) });
      },
      number: (value: number) => intl.formatNumber(value),
    }),
    [intl, timeZone],
  );
}
