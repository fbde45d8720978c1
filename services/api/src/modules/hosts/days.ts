// Moved to lib/time.ts; kept until every caller imports it from there.
export { addDays, daysBetween, isoWeekday } from '../../lib/time.js';
