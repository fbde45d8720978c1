import type { Migration } from 'kysely';
import * as m0001 from './2026-11-24-0001-tenancy-and-identity.js';
import * as m0002 from './2026-11-27-0001-enrollment.js';
import * as m0003 from './2026-11-27-0002-placements.js';
import * as m0004 from './2026-11-27-0003-timetable.js';
import * as m0005 from './2026-11-27-0004-courses.js';
import * as m0006 from './2026-11-27-0005-graduation.js';
import * as m0007 from './2026-11-27-0006-incubation.js';
import * as m0008 from './2026-11-27-0007-search-fold.js';

// Explicit list (not a directory scan) so bundlers and tsx see every migration, in order.
export const migrations: Record<string, Migration> = {
  '2026-11-24-0001-tenancy-and-identity': m0001,
  '2026-11-27-0001-enrollment': m0002,
  '2026-11-27-0002-placements': m0003,
  '2026-11-27-0003-timetable': m0004,
  '2026-11-27-0004-courses': m0005,
  '2026-11-27-0005-graduation': m0006,
  '2026-11-27-0006-incubation': m0007,
  '2026-11-27-0007-search-fold': m0008,
};
