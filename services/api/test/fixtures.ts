import type { Database } from '../src/db/connect.js';
import { withTenant } from '../src/db/with-tenant.js';
import { newId } from '../src/lib/ids.js';
import { hashPassword } from '../src/modules/identity/password.js';

export const PASSWORD = 'correct horse battery';

export interface Fixture {
  networkId: string;
  tenantA: string;
  tenantB: string;
  directorA: { id: string; email: string };
  directorB: { id: string; email: string };
  /** Phone-only host artisan in tenant A. */
  artisanA: { id: string; phone: string };
}

/** Two tenants of one network, a director in each and a phone-only artisan in A. */
export async function createFixture(owner: Database): Promise<Fixture> {
  const passwordHash = await hashPassword(PASSWORD);
  const networkId = newId();
  const tenantA = newId();
  const tenantB = newId();
  await owner.insertInto('network').values({ id: networkId, name: 'Réseau de test' }).execute();
  await owner
    .insertInto('tenant')
    .values([
      { id: tenantA, network_id: networkId, kind: 'CRAFT_CENTRE', name: 'Centre A', city: 'Fès' },
      {
        id: tenantB,
        network_id: networkId,
        kind: 'INCUBATOR',
        name: 'Centre B',
        city: 'Oujda',
        locale: 'fr-MA',
      },
    ])
    .execute();
  const directorA = { id: newId(), email: 'directeur.a@test.ma' };
  const directorB = { id: newId(), email: 'directeur.b@test.ma' };
  const artisanA = { id: newId(), phone: '+212661234567' };
  await owner
    .insertInto('app_user')
    .values([
      { id: directorA.id, display_name: 'Directeur A', email: directorA.email, password_hash: passwordHash },
      { id: directorB.id, display_name: 'Directeur B', email: directorB.email, password_hash: passwordHash },
      { id: artisanA.id, display_name: 'المعلم', phone: artisanA.phone, locale: 'ar-MA' },
    ])
    .execute();
  await withTenant(owner, tenantA, (tx) =>
    tx
      .insertInto('membership')
      .values([
        { tenant_id: tenantA, id: newId(), user_id: directorA.id, role: 'DIRECTOR' },
        { tenant_id: tenantA, id: newId(), user_id: artisanA.id, role: 'HOST_ARTISAN' },
      ])
      .execute(),
  );
  await withTenant(owner, tenantB, (tx) =>
    tx
      .insertInto('membership')
      .values({ tenant_id: tenantB, id: newId(), user_id: directorB.id, role: 'DIRECTOR' })
      .execute(),
  );
  return { networkId, tenantA, tenantB, directorA, directorB, artisanA };
}
