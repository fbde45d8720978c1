import type { Database } from '../../db/connect.js';
import { seeder } from '../attendance/test-seed.js';

// Rows the ventures tests build directly (as the owner, inside the tenant's scope): users with a
// role, an incubation cohort, founders. The attendance seeder writes them, with the columns an
// incubator's rows have.

/** A user who signs in with the fixture password, holding a role in each of the tenants named. */
export async function userWithRoles(
  owner: Database,
  email: string,
  memberships: { tenantId: string; role: string }[],
): Promise<string> {
  const [first, ...others] = memberships;
  const id = await seeder(owner, first!.tenantId).user(first!.role, email);
  for (const m of others) await seeder(owner, m.tenantId).member(id, m.role);
  return id;
}

/** A trade, the incubation programme and one cohort in it. */
export async function incubationCohort(
  owner: Database,
  tenantId: string,
  label = 'Cohorte 1',
  startsOn = '2019-01-07',
): Promise<string> {
  const { cohortId } = await seeder(owner, tenantId).cohort({
    startsOn,
    endsOn: '2030-12-31',
    columns: () => ({
      trade: { code: 'ENTREPRENEURSHIP', name_fr: 'Entrepreneuriat', name_ar: 'المقاولة' },
      programme: {
        name_fr: 'Incubation',
        name_ar: 'الاحتضان',
        duration_months: 30,
        min_age: 18,
        max_age: 35,
      },
      cohort: { label, capacity: 200, phase: 'INCUBATION' },
    }),
  });
  return cohortId;
}

/** A young entrepreneur on file in the tenant (women and men in turn). */
export function founder(owner: Database, tenantId: string, firstName: string, lastName: string) {
  return seeder(owner, tenantId).person((n) => ({
    first_name_latin: firstName,
    last_name_latin: lastName,
    sex: n % 2 ? 'F' : 'M',
    birth_date: '1998-04-12',
    phone: `+2126630${String(10000 + n).padStart(5, '0')}`,
  }));
}
