// Test-only: the rows attendance hangs off (cohorts, hosts, placements, sessions), written directly
// as the schema owner inside a tenant, so these tests depend on neither the placement nor the
// timetable mutations.
import { PASSWORD } from '../../../test/fixtures.js';
import type { Database } from '../../db/connect.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, isoWeekday, todayIn } from '../../lib/time.js';
import { hashPassword } from '../identity/password.js';

export const ZONE = 'Africa/Casablanca';
export const today = () => todayIn(ZONE);
export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));
export { addDays, isoWeekday };

let counter = 0;
let passwordHash: Promise<string> | null = null;

export interface Seeder {
  tenantId: string;
  inTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A trade, a programme (theory share 0.20 unless told) and a cohort; returns their ids. */
  cohort(options: {
    startsOn: string;
    endsOn: string;
    theoryShare?: number;
  }): Promise<{ tradeId: string; programmeId: string; cohortId: string }>;
  host(tradeId: string, name?: string): Promise<string>;
  /** A person and an ENROLLED (unless told) enrollment in the cohort. */
  trainee(
    cohortId: string,
    options?: { status?: string; userId?: string; lastName?: string },
  ): Promise<{ personId: string; enrollmentId: string }>;
  placement(fields: {
    enrollmentId: string;
    hostId: string;
    startsOn: string;
    endsOn: string;
    weekdays?: number[];
    status?: string;
  }): Promise<string>;
  session(fields: {
    cohortId: string;
    kind: 'THEORY' | 'PRACTICE';
    day: string;
    hostId?: string;
    startsAt?: string;
    endsAt?: string;
    cancelled?: boolean;
  }): Promise<string>;
  /** A user signing in with `email` and the fixture password, member with `role` (at a host). */
  user(role: string, email: string, hostId?: string): Promise<string>;
  /** Attendance rows as they stand (no history): the ledger reads only these. */
  attendance(
    rows: { sessionId: string; enrollmentId: string; status: string; hours: number; reason?: string }[],
  ): Promise<string[]>;
}

export function seeder(owner: Database, tenantId: string): Seeder {
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(owner, tenantId, fn);
  return {
    tenantId,
    inTenant,
    async cohort({ startsOn, endsOn, theoryShare = 0.2 }) {
      counter += 1;
      const ids = { tradeId: newId(), programmeId: newId(), cohortId: newId() };
      await inTenant(async (tx) => {
        await tx
          .insertInto('trade')
          .values({
            tenant_id: tenantId,
            id: ids.tradeId,
            code: `TRADE${counter}`,
            name_fr: `Métier ${counter}`,
            name_ar: 'حرفة',
          })
          .execute();
        await tx
          .insertInto('programme')
          .values({
            tenant_id: tenantId,
            id: ids.programmeId,
            trade_id: ids.tradeId,
            name_fr: `Programme ${counter}`,
            name_ar: 'برنامج',
            duration_months: 12,
            theory_share: String(theoryShare),
            theory_weekdays: [1],
            practice_weekdays: [2, 3, 4, 5],
          })
          .execute();
        await tx
          .insertInto('cohort')
          .values({
            tenant_id: tenantId,
            id: ids.cohortId,
            programme_id: ids.programmeId,
            label: `Promotion ${counter}`,
            starts_on: startsOn,
            ends_on: endsOn,
            capacity: 2000,
          })
          .execute();
      });
      return ids;
    },
    async host(tradeId, name) {
      counter += 1;
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('host')
          .values({
            tenant_id: tenantId,
            id,
            kind: 'ARTISAN_WORKSHOP',
            name: name ?? `Atelier ${counter}`,
            trade_id: tradeId,
            capacity: 50,
            province: 'Fès',
          })
          .execute(),
      );
      return id;
    },
    async trainee(cohortId, options = {}) {
      counter += 1;
      const ids = { personId: newId(), enrollmentId: newId() };
      await inTenant(async (tx) => {
        await tx
          .insertInto('person')
          .values({
            tenant_id: tenantId,
            id: ids.personId,
            first_name_latin: 'Salma',
            last_name_latin: options.lastName ?? `Stagiaire ${counter}`,
            sex: 'F',
            birth_date: '2007-03-04',
            user_id: options.userId ?? null,
          })
          .execute();
        await tx
          .insertInto('enrollment')
          .values({
            tenant_id: tenantId,
            id: ids.enrollmentId,
            person_id: ids.personId,
            cohort_id: cohortId,
            status: options.status ?? 'ENROLLED',
          })
          .execute();
      });
      return ids;
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
            weekdays: fields.weekdays ?? [1, 2, 3, 4, 5, 6, 7],
            status: fields.status ?? 'CONFIRMED',
          })
          .execute(),
      );
      return id;
    },
    async session(fields) {
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('class_session')
          .values({
            tenant_id: tenantId,
            id,
            cohort_id: fields.cohortId,
            kind: fields.kind,
            host_id: fields.hostId ?? null,
            day: fields.day,
            starts_at: fields.startsAt ?? '09:00',
            ends_at: fields.endsAt ?? '13:00',
            timezone: ZONE,
            cancelled_at: fields.cancelled ? new Date() : null,
          })
          .execute(),
      );
      return id;
    },
    async user(role, email, hostId) {
      passwordHash ??= hashPassword(PASSWORD);
      const id = newId();
      await owner
        .insertInto('app_user')
        .values({ id, display_name: email.split('@')[0]!, email, password_hash: await passwordHash })
        .execute();
      await inTenant((tx) =>
        tx
          .insertInto('membership')
          .values({ tenant_id: tenantId, id: newId(), user_id: id, role, host_id: hostId ?? null })
          .execute(),
      );
      return id;
    },
    async attendance(rows) {
      const ids = rows.map(() => newId());
      if (rows.length === 0) return ids;
      await inTenant((tx) =>
        tx
          .insertInto('attendance')
          .values(
            rows.map((r, i) => ({
              tenant_id: tenantId,
              id: ids[i]!,
              session_id: r.sessionId,
              enrollment_id: r.enrollmentId,
              status: r.status,
              hours: String(r.hours),
              reason: r.reason ?? null,
            })),
          )
          .execute(),
      );
      return ids;
    },
  };
}
