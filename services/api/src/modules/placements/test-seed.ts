// Test-only: rows arranged directly as the schema owner inside a tenant, so the placement tests
// need not go through every other module's mutations (and run fast with fifty trainees).
import type { Database } from '../../db/connect.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';

export interface Seeder {
  tenantId: string;
  trade(code?: string): Promise<string>;
  programme(tradeId: string, practiceWeekdays?: number[]): Promise<string>;
  cohort(programmeId: string, startsOn: string, endsOn: string): Promise<string>;
  host(tradeId: string, options?: { capacity?: number; status?: string; name?: string }): Promise<string>;
  /** A person and an enrollment in the cohort (ENROLLED unless told). */
  trainee(
    cohortId: string,
    options?: { status?: string; userId?: string; firstName?: string; lastName?: string; personId?: string },
  ): Promise<{ personId: string; enrollmentId: string }>;
  /** A phone-only user with a HOST_ARTISAN membership for the host; returns the user id. */
  artisan(hostId: string, phone: string): Promise<string>;
  /** A placement written as it stands (no history), e.g. fifty PROPOSED at once. */
  placement(fields: {
    enrollmentId: string;
    hostId: string;
    startsOn: string;
    endsOn: string;
    weekdays?: number[];
    status?: string;
  }): Promise<string>;
  inTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

let counter = 0;

export function seeder(owner: Database, tenantId: string): Seeder {
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(owner, tenantId, fn);
  return {
    tenantId,
    inTenant,
    async trade(code) {
      const id = newId();
      counter += 1;
      await inTenant((tx) =>
        tx
          .insertInto('trade')
          .values({
            tenant_id: tenantId,
            id,
            code: code ?? `TRADE${counter}`,
            name_fr: `Métier ${counter}`,
            name_ar: 'حرفة',
          })
          .execute(),
      );
      return id;
    },
    async programme(tradeId, practiceWeekdays = [2, 3, 4, 5]) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('programme')
          .values({
            tenant_id: tenantId,
            id,
            trade_id: tradeId,
            name_fr: `Programme ${id.slice(-6)}`,
            name_ar: 'برنامج',
            duration_months: 24,
            min_age: 15,
            max_age: 30,
            theory_weekdays: [1],
            practice_weekdays: practiceWeekdays,
          })
          .execute(),
      );
      return id;
    },
    async cohort(programmeId, startsOn, endsOn) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('cohort')
          .values({
            tenant_id: tenantId,
            id,
            programme_id: programmeId,
            label: `Promotion ${id.slice(-8)}`,
            starts_on: startsOn,
            ends_on: endsOn,
            capacity: 1000,
          })
          .execute(),
      );
      return id;
    },
    async host(tradeId, options = {}) {
      const id = newId();
      counter += 1;
      await inTenant((tx) =>
        tx
          .insertInto('host')
          .values({
            tenant_id: tenantId,
            id,
            kind: 'ARTISAN_WORKSHOP',
            name: options.name ?? `Atelier ${counter}`,
            trade_id: tradeId,
            capacity: options.capacity ?? 5,
            province: 'Fès',
            status: options.status ?? 'ACTIVE',
          })
          .execute(),
      );
      return id;
    },
    async trainee(cohortId, options = {}) {
      counter += 1;
      const personId = options.personId ?? newId();
      const enrollmentId = newId();
      await inTenant(async (tx) => {
        if (!options.personId) {
          await tx
            .insertInto('person')
            .values({
              tenant_id: tenantId,
              id: personId,
              first_name_latin: options.firstName ?? 'Salma',
              first_name_ar: 'سلمى',
              last_name_latin: options.lastName ?? `Test${String(counter).padStart(4, '0')}`,
              sex: 'F',
              birth_date: '2008-03-10',
              cin: `CD${String(100000 + counter)}`,
              phone: `+2126${String(10000000 + counter)}`,
              guardian_name: 'Fatima Test',
              guardian_phone: '+212600000001',
              user_id: options.userId ?? null,
            })
            .execute();
        }
        await tx
          .insertInto('enrollment')
          .values({
            tenant_id: tenantId,
            id: enrollmentId,
            person_id: personId,
            cohort_id: cohortId,
            status: options.status ?? 'ENROLLED',
          })
          .execute();
      });
      return { personId, enrollmentId };
    },
    async artisan(hostId, phone) {
      const id = newId();
      await owner
        .insertInto('app_user')
        .values({ id, display_name: `Maâlem ${phone.slice(-4)}`, phone, locale: 'ar-MA' })
        .execute();
      await inTenant((tx) =>
        tx
          .insertInto('membership')
          .values({ tenant_id: tenantId, id: newId(), user_id: id, role: 'HOST_ARTISAN', host_id: hostId })
          .execute(),
      );
      return id;
    },
    async placement(fields) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('placement')
          .values({
            tenant_id: tenantId,
            id,
            enrollment_id: fields.enrollmentId,
            host_id: fields.hostId,
            starts_on: fields.startsOn,
            ends_on: fields.endsOn,
            weekdays: fields.weekdays ?? [2, 3, 4, 5],
            status: fields.status ?? 'PROPOSED',
          })
          .execute(),
      );
      return id;
    },
  };
}
