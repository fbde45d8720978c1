/**
 * Browsers ship their own time-zone data, and many still put Morocco on UTC+1 after 2026-09-20
 * (tzdata 2026c made it UTC+0 for good from 2026-09-20T02:00Z). Instants are always formatted
 * through here so that a centre's timetable never shows an hour off.
 */
const MOROCCAN_ZONES = new Set(['Africa/Casablanca', 'Africa/El_Aaiun']);
export const MOROCCO_PERMANENT_UTC_FROM = Date.UTC(2026, 8, 20, 2, 0, 0);

let runtimeIsCurrent: boolean | undefined;

/** Whether this runtime's own zone data already knows about the change. */
function runtimeKnowsMoroccoChange(): boolean {
  if (runtimeIsCurrent === undefined) {
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Casablanca',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date('2026-10-01T12:00:00Z'));
    runtimeIsCurrent = hour === '12';
  }
  return runtimeIsCurrent;
}

/** The zone to hand to Intl for formatting `instant` as wall-clock time in `zone`. */
export function zoneForFormatting(zone: string, instant: Date, runtimeCurrent = runtimeKnowsMoroccoChange()) {
  if (MOROCCAN_ZONES.has(zone) && !runtimeCurrent && instant.getTime() >= MOROCCO_PERMANENT_UTC_FROM) {
    return 'UTC';
  }
  return zone;
}
