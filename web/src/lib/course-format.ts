import type { RegistrationStatus } from '../gql/graphql';

/** A course's price in the person's language: null when free (the page says « Gratuit »). */
export function coursePrice(priceMad: number, locale: string): string | null {
  if (!(priceMad > 0)) return null;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'MAD',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(priceMad);
}

export type ChangeDirection = 'up' | 'down' | 'flat';

/**
 * A year-on-year change (0.12 = +12 %) as the centre publishes it: signed, whole percent, with the
 * direction for an arrow. Null when the previous year had nothing to compare with.
 */
export function formatChange(
  change: number | null | undefined,
  locale: string,
): { text: string; direction: ChangeDirection } | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null;
  const text = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(change);
  const rounded = Math.round(change * 100);
  return { text, direction: rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat' };
}

interface Ordered {
  status: RegistrationStatus;
  waitlistPosition?: number | null;
  createdAt: string;
}

const GROUP: Record<RegistrationStatus, number> = {
  REGISTERED: 0,
  COMPLETED: 0,
  WAITLISTED: 1,
  CANCELLED: 2,
};

/**
 * Registrations as the course page lists them: those holding a place (registered or completed) in
 * the order they came, then the waitlist in its order, then the cancelled ones.
 */
export function orderRegistrations<R extends Ordered>(registrations: readonly R[]): R[] {
  return [...registrations].sort((a, b) => {
    const group = GROUP[a.status] - GROUP[b.status];
    if (group !== 0) return group;
    if (a.status === 'WAITLISTED' && b.status === 'WAITLISTED') {
      const byPosition =
        (a.waitlistPosition ?? Number.MAX_SAFE_INTEGER) - (b.waitlistPosition ?? Number.MAX_SAFE_INTEGER);
      if (byPosition !== 0) return byPosition;
    }
    return a.createdAt.localeCompare(b.createdAt);
  });
}

/** The years the indicators can be asked for: this year and the five before, newest first. */
export function indicatorYears(thisYear: number, count = 6): number[] {
  return Array.from({ length: count }, (_, i) => thisYear - i);
}

/** The year to open the indicators on: the one in the address, else last year (the last complete one). */
export function indicatorYearFrom(value: string | null, thisYear: number): number {
  if (value && /^\d{4}$/.test(value)) {
    const year = Number(value);
    if (year >= 2000 && year <= thisYear + 1) return year;
  }
  return thisYear - 1;
}
