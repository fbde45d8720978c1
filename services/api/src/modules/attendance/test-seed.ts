// Test-only: the rows attendance hangs off (cohorts, hosts, placements, sessions), written directly
// as the schema owner inside a tenant, so these tests depend on neither the placement nor the
// timetable mutations. Other modules' tests build their rows with it too (follow-up, reports,
// ventures), choosing the columns that matter to them: one builder per table for every test.

import type { Insertable } from 'kysely';
import { PASSWORD } from '../../../test/fixtures.js';
import { countRows } from '../../../test/rows.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/tables.generated.js';
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

/** Columns that replace a builder's defaults. */
export type Columns<T extends keyof DB> = Partial<Insertable<DB[T]>>;
/** Columns chosen from the seeder's running number `n` (for names and phones that must differ). */
export type NumberedColumns<T> = (n: number) => T;

export interface Seeder {
  tenantId: string;
  inTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A trade, a programme (theory share 0.20 unless told) and a cohort; returns their ids. */
  cohort(options: {
    startsOn: string;
    endsOn: string;
    theoryShare?: number;
    columns?: NumberedColumns<{
      trade?: Columns<'trade'>;
      programme?: Columns<'programme'>;
      cohort?: Columns<'cohort'>;
    }>;
  }): Promise<{ tradeId: string; programmeId: string; cohortId: string }>;
  host(tradeId: string, name?: string, kind?: string): Promise<string>;
  /** A person on file (a young woman unless `columns` say otherwise). */
  person(columns?: NumberedColumns<Columns<'person'>>): Promise<string>;
  /** A person and an ENROLLED (unless told) enrollment in the cohort. */
  trainee(
    cohortId: string,
    options?: {
      status?: string;
      userId?: string;
      lastName?: string;
      person?: NumberedColumns<Columns<'person'>>;
    },
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
  /** Another membership of an existing user (one person may hold roles in several centres). */
  member(userId: string, role: string, hostId?: string): Promise<void>;
  /** How many rows of `table` the tenant has (RLS applies to the owner too): what a refusal left. */
  count(table: keyof DB): Promise<number>;
  /** Attendance rows as they stand (no history): the ledger reads only these. */
  attendance(
    rows: { sessionId: string; enrollmentId: string; status: string; hours: number; reason?: string }[],
  ): Promise<string[]>;
}

export function seeder(owner: Database, tenantId: string): Seeder {
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(owner, tenantId, fn);
  const insertPerson = async (tx: Tx, columns?: NumberedColumns<Columns<'person'>>) => {
    counter += 1;
    const id = newId();
    await tx
      .insertInto('person')
      .values({
        tenant_id: tenantId,
        id,
        first_name_latin: 'Salma',
        last_name_latin: `Stagiaire ${counter}`,
        sex: 'F',
        birth_date: '2007-03-04',
        ...columns?.(counter),
      })
      .execute();
    return id;
  };
  const member = async (userId: string, role: string, hostId?: string) => {
    await inTenant((tx) =>
      tx
        .insertInto('membership')
        .values({ tenant_id: tenantId, id: newId(), user_id: userId, role, host_id: hostId ?? null })
        .execute(),
    );
  };
  return {
    tenantId,
    inTenant,
    async cohort({ startsOn, endsOn, theoryShare = 0.2, columns }) {
      counter += 1;
      const ids = { tradeId: newId(), programmeId: newId(), cohortId: newId() };
      const chosen = columns?.(counter) ?? {};
      await inTenant(async (tx) => {
        await tx
          .insertInto('trade')
          .values({
            tenant_id: tenantId,
            id: ids.tradeId,
            code: `TRADE${counter}`,
            name_fr: `Métier ${counter}`,
            name_ar: 'حرفة',
            ...chosen.trade,
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
            ...chosen.programme,
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
            ...chosen.cohort,
          })
          .execute();
      });
      return ids;
    },
    async host(tradeId, name, kind = 'ARTISAN_WORKSHOP') {
      counter += 1;
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('host')
          .values({
            tenant_id: tenantId,
            id,
            kind,
            name: name ?? `Atelier ${counter}`,
            trade_id: tradeId,
            capacity: 50,
            province: 'Fès',
          })
          .execute(),
      );
      return id;
    },
    person(columns) {
      return inTenant((tx) => insertPerson(tx, columns));
    },
    async trainee(cohortId, options = {}) {
      return inTenant(async (tx) => {
        const personId = await insertPerson(tx, (n) => ({
          last_name_latin: options.lastName ?? `Stagiaire ${n}`,
          user_id: options.userId ?? null,
          ...options.person?.(n),
        }));
        const enrollmentId = newId();
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
        return { personId, enrollmentId };
      });
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
      await member(id, role, hostId);
      return id;
    },
    member,
    count: (table) => countRows(owner, tenantId, table),
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
