import { describe, expect, it } from 'vitest';
import { zoneForFormatting } from './time-zone';

const format = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zoneForFormatting(zone, instant),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

describe('zoneForFormatting', () => {
  it('shows 2026-10-01T12:00Z as 12:00 in Casablanca, whatever the runtime’s zone data says', () => {
    const instant = new Date('2026-10-01T12:00:00Z');
    expect(format(instant, 'Africa/Casablanca')).toBe('12:00');
    expect(zoneForFormatting('Africa/Casablanca', instant, false)).toBe('UTC');
    expect(zoneForFormatting('Africa/Casablanca', instant, true)).toBe('Africa/Casablanca');
  });

  it('keeps the runtime’s rules before the change and for other zones', () => {
    expect(zoneForFormatting('Africa/Casablanca', new Date('2026-06-01T12:00:00Z'), false)).toBe(
      'Africa/Casablanca',
    );
    expect(zoneForFormatting('Europe/Paris', new Date('2026-10-01T12:00:00Z'), false)).toBe('Europe/Paris');
  });
});
