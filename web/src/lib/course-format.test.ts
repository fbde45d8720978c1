// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { coursePrice, formatChange, indicatorYearFrom, orderRegistrations } from './course-format';

const digits = (text: string) => text.replace(/[^\d]/g, '');

describe('a course’s price', () => {
  it('is null when free, so the page can say « Gratuit »', () => {
    expect(coursePrice(0, 'fr-MA')).toBeNull();
    expect(coursePrice(-5, 'fr-MA')).toBeNull();
  });

  it('is in dirhams in the person’s language', () => {
    const fr = coursePrice(1500, 'fr-MA')!;
    expect(digits(fr)).toBe('1500');
    expect(fr).toMatch(/MAD|DH|د\.م\./);
    expect(digits(coursePrice(350.5, 'fr-MA')!)).toBe('3505');
    expect(coursePrice(1500, 'ar-MA')).not.toBeNull();
  });
});

describe('a year-on-year change', () => {
  it('is signed, in whole percent, with its direction', () => {
    const up = formatChange(0.12, 'fr-MA')!;
    expect(up.direction).toBe('up');
    expect(up.text.replace(/\s/g, ' ')).toMatch(/^\+12\s?%$/);
    const down = formatChange(-0.254, 'fr-MA')!;
    expect(down.direction).toBe('down');
    expect(down.text).toMatch(/^[-−]25/);
    expect(formatChange(0.001, 'fr-MA')).toEqual({ text: expect.stringMatching(/^0/), direction: 'flat' });
  });

  it('is nothing when the previous year had nothing to compare with', () => {
    expect(formatChange(null, 'fr-MA')).toBeNull();
    expect(formatChange(undefined, 'fr-MA')).toBeNull();
    expect(formatChange(Number.POSITIVE_INFINITY, 'fr-MA')).toBeNull();
  });
});

describe('the registrations of a course', () => {
  const r = (
    id: string,
    status: 'REGISTERED' | 'WAITLISTED' | 'CANCELLED' | 'COMPLETED',
    createdAt: string,
    waitlistPosition: number | null = null,
  ) => ({
    id,
    status,
    createdAt,
    waitlistPosition,
  });

  it('list places held in arrival order, then the waitlist by position, then the cancelled', () => {
    const ordered = orderRegistrations([
      r('cancelled', 'CANCELLED', '2026-01-01T08:00:00Z'),
      r('wait2', 'WAITLISTED', '2026-01-01T09:00:00Z', 2),
      r('late', 'REGISTERED', '2026-01-03T08:00:00Z'),
      r('wait1', 'WAITLISTED', '2026-01-02T09:00:00Z', 1),
      r('done', 'COMPLETED', '2026-01-02T08:00:00Z'),
      r('early', 'REGISTERED', '2026-01-01T07:00:00Z'),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(['early', 'done', 'late', 'wait1', 'wait2', 'cancelled']);
  });
});

describe('the indicators’ year', () => {
  it('comes from the address, else is last year (the last complete one)', () => {
    expect(indicatorYearFrom('2024', 2026)).toBe(2024);
    expect(indicatorYearFrom(null, 2026)).toBe(2025);
    expect(indicatorYearFrom('abc', 2026)).toBe(2025);
    expect(indicatorYearFrom('3024', 2026)).toBe(2025);
  });
});
