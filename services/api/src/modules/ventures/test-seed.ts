import type { Database } from '../../db/connect.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../identity/password.js';

// Rows the ventures tests build directly (as the owner, inside the tenant's scope): users with a
// role, an incubation cohort, founders.

let serial = 0;

/** A user who signs in with `password`, holding `roles` in each of `tenantIds`. */
export async function userWithRoles(
  owner: Database,
  password: string,
  email: string,
  memberships: { tenantId: string; role: string }[],
): Promise<string> {
  const id = newId();
  await owner
    .insertInto('app_user')
    .values({ id, display_name: email.split('@')[0]!, email, password_hash: await hashPassword(password) })
    .execute();
  for (const m of memberships)
    await withTenant(owner, m.tenantId, (tx) =>
      tx
        .insertInto('membership')
        .values({ tenant_id: m.tenantId, id: newId(), user_id: id, role: m.role })
        .execute(),
    );
  return id;
}

/** A trade, the incubation programme and one cohort in it. */
export async function incubationCohort(
  owner: Database,
  tenantId: string,
  label = 'Cohorte 1',
  startsOn = '2019-01-07',
): Promise<string> {
  return withTenant(owner, tenantId, async (tx) => {
    const tradeId = newId();
    const programmeId = newId();
    const cohortId = newId();
    await tx
      .insertInto('trade')
      .values({
        tenant_id: tenantId,
        id: tradeId,
        code: 'ENTREPRENEURSHIP',
        name_fr: 'Entrepreneuriat',
        name_ar: 'المقاولة',
      })
      .execute();
    await tx
      .insertInto('programme')
      .values({
        tenant_id: tenantId,
        id: programmeId,
        trade_id: tradeId,
        name_fr: 'Incubation',
        name_ar: 'الاحتضان',
        duration_months: 30,
        min_age: 18,
        max_age: 35,
      })
      .execute();
    await tx
      .insertInto('cohort')
      .values({
        tenant_id: tenantId,
        id: cohortId,
        programme_id: programmeId,
        label,
        starts_on: startsOn,
        ends_on: '2030-12-31',
        capacity: 200,
        phase: 'INCUBATION',
      })
      .execute();
    return cohortId;
  });
}

/** A young entrepreneur on file in the tenant. */
export async function founder(owner: Database, tenantId: string, firstName: string, lastName: string) {
  const id = newId();
  serial++;
  await withTenant(owner, tenantId, (tx) =>
    tx
      .insertInto('person')
      .values({
        tenant_id: tenantId,
        id,
        first_name_latin: firstName,
        last_name_latin: lastName,
        sex: serial % 2 ? 'F' : 'M',
        birth_date: '1998-04-12',
        phone: `+2126630${String(10000 + serial).padStart(5, '0')}`,
      })
      .execute(),
  );
  return id;
}
