import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, isTimeZone, TZDATA_VERSION, todayIn, toInstant, toLocal } from './time.js';

const CASABLANCA = 'Africa/Casablanca';

describe('time zones', () => {
  it('puts Casablanca on UTC+0 for good from 2026-09-20 (tzdata 2026c)', () => {
    expect(TZDATA_VERSION >= '2026c').toBe(true);
    expect(toLocal(new Date('2026-10-01T12:00:00Z'), CASABLANCA)).toEqual({
      date: '2026-10-01',
      time: '12:00',
      offsetMinutes: 0,
    });
    expect(toLocal(new Date('2027-07-01T12:00:00Z'), CASABLANCA).time).toBe('12:00');
    // Before the change Morocco was on UTC+1 outside Ramadan...
    expect(toLocal(new Date('2026-06-01T12:00:00Z'), CASABLANCA)).toEqual({
      date: '2026-06-01',
      time: '13:00',
      offsetMinutes: 60,
    });
    // ...and on UTC+0 during it (Ramadan 2026: 18 February to 19 March).
    expect(toLocal(new Date('2026-03-01T12:00:00Z'), CASABLANCA).time).toBe('12:00');
  });

  it('does not trust the runtime’s own zone data, which is older here', () => {
    const fromIcu = new Date('2026-10-01T12:00:00Z').toLocaleTimeString('en-GB', { timeZone: CASABLANCA });
    // Whatever ICU says (13:00 with Node 20's data), the module answers from current rules.
    expect(toLocal(new Date('2026-10-01T12:00:00Z'), CASABLANCA).time).toBe('12:00');
    expect(['12:00:00', '13:00:00']).toContain(fromIcu);
  });

  it('turns a timetable’s wall-clock time into an instant and back', () => {
    expect(toInstant('2026-10-05', '09:00', CASABLANCA).toISOString()).toBe('2026-10-05T09:00:00.000Z');
    expect(toInstant('2026-05-04', '09:00', CASABLANCA).toISOString()).toBe('2026-05-04T08:00:00.000Z');
    expect(toInstant('2026-10-05', '09:00', 'Europe/Paris').toISOString()).toBe('2026-10-05T07:00:00.000Z');
    const instant = toInstant('2026-12-31', '23:30', CASABLANCA);
    expect(toLocal(instant, CASABLANCA)).toMatchObject({ date: '2026-12-31', time: '23:30' });
    expect(() => toInstant('2026-12-31', '9h', CASABLANCA)).toThrow(RangeError);
  });

  it('knows which zone names exist', () => {
    expect(isTimeZone(CASABLANCA)).toBe(true);
    expect(isTimeZone('Africa/Fes')).toBe(false);
  });
});

describe('calendar days', () => {
  it('gives today on the centre’s clock, not the server’s', () => {
    const lateEvening = new Date('2026-12-31T23:30:00Z');
    expect(todayIn('Africa/Casablanca', lateEvening)).toBe('2026-12-31');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2027-01-01');
  });

  it('counts whole years of age, a birthday counting from its own day', () => {
    expect(ageOn('2008-09-15', '2026-09-14')).toBe(17);
    expect(ageOn('2008-09-15', '2026-09-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('adding months', () => {
  it('keeps the day, or falls on the last day of a shorter month, across years', () => {
    expect(addMonths('2025-07-15', 6)).toBe('2026-01-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-07-15', 24)).toBe('2027-07-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-07-15', 0)).toBe('2025-07-15');
  });
});
