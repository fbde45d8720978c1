// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays, centreToday, isoWeekday, mondayOf, nextMonday } from './days';

describe('calendar days', () => {
  it('count weekdays the ISO way and move across months and years', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
  });

  it('find the next Monday, a week on when today is a Monday', () => {
    expect(nextMonday('2026-11-27')).toBe('2026-11-30');
    expect(nextMonday('2026-11-29')).toBe('2026-11-30');
    expect(nextMonday('2026-11-30')).toBe('2026-12-07');
  });

  it('read today on the centre’s clock, not the device’s', () => {
    // 23:30 UTC on 2026-11-27 is already the 28th in Tokyo, still the 27th in Fès (UTC+0 for good).
    const late = new Date('2026-11-27T23:30:00Z');
    expect(centreToday('Africa/Casablanca', late)).toBe('2026-11-27');
    expect(centreToday('Asia/Tokyo', late)).toBe('2026-11-28');
  });
});
