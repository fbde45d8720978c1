// Test-only: cohorts, trainees, graduations and answered waves written directly as the schema owner
// inside a tenant, so the follow-up and report tests depend on neither the enrollment nor the
// graduation mutations.
import type { Database } from '../../db/connect.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { type Graduate, waveRows } from './waves.js';

let counter = 0;

export interface TraineeSpec {
  sex?: 'F' | 'M';
  phone?: string | null;
  /** Where the enrollment ended; GRADUATED (the default) also gets a graduation. */
  status?: 'GRADUATED' | 'ENROLLED' | 'DROPPED_OUT' | 'ADMITTED' | 'WITHDRAWN';
  /** Whether the history says ENROLLED at some point (default: yes unless ADMITTED or WITHDRAWN). */
  wasEnrolled?: boolean;
  graduatedOn?: string;
  /** Answers by wave (months → status); waves are created with the graduation. */
  answers?: Partial<Record<0 | 6 | 12 | 24, string>>;
}

export interface SeededTrainee {
  personId: string;
  enrollmentId: string;
  graduationId: string | null;
}

export interface GraduateSeeder {
  inTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A trade (code given or made up), its programme and one cohort starting on `startsOn`. */
  cohort(
    startsOn: string,
    trade?: { code: string; fr: string; ar: string },
  ): Promise<{ cohortId: string; tradeId: string }>;
  /** People enrolled in the cohort as told; graduates get a graduation and four waves. */
  trainees(
    cohortId: string,
    specs: readonly TraineeSpec[],
    options?: { waves?: boolean },
  ): Promise<SeededTrainee[]>;
  host(tradeId: string, kind: string): Promise<string>;
  placement(enrollmentId: string, hostId: string, status: string): Promise<void>;
}

export function graduateSeeder(owner: Database, tenantId: string): GraduateSeeder {
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(owner, tenantId, fn);
  return {
    inTenant,
    async cohort(startsOn, trade) {
      counter += 1;
      const ids = { tradeId: newId(), programmeId: newId(), cohortId: newId() };
      const year = Number(startsOn.slice(0, 4));
      await inTenant(async (tx) => {
        await tx
          .insertInto('trade')
          .values({
            tenant_id: tenantId,
            id: ids.tradeId,
            code: trade?.code ?? `TRADE${counter}`,
            name_fr: trade?.fr ?? `Métier ${counter}`,
            name_ar: trade?.ar ?? `حرفة ${counter}`,
          })
          .execute();
        await tx
          .insertInto('programme')
          .values({
            tenant_id: tenantId,
            id: ids.programmeId,
            trade_id: ids.tradeId,
            name_fr: `Apprentissage ${counter}`,
            name_ar: `تكوين ${counter}`,
            duration_months: 10,
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
            label: `Promotion ${counter} ${year}-${year + 1}`,
            starts_on: startsOn,
            ends_on: `${year + 1}-07-15`,
            capacity: 500,
          })
          .execute();
      });
      return { cohortId: ids.cohortId, tradeId: ids.tradeId };
    },
    async trainees(cohortId, specs, options = {}) {
      return inTenant(async (tx) => {
        const seeded: SeededTrainee[] = [];
        const graduates: Graduate[] = [];
        for (const spec of specs) {
          counter += 1;
          const status = spec.status ?? 'GRADUATED';
          const ids = { personId: newId(), enrollmentId: newId() };
          await tx
            .insertInto('person')
            .values({
              tenant_id: tenantId,
              id: ids.personId,
              first_name_latin: spec.sex === 'M' ? 'Youssef' : 'Khadija',
              first_name_ar: spec.sex === 'M' ? 'يوسف' : 'خديجة',
              last_name_latin: `Lauréat ${counter}`,
              sex: spec.sex ?? 'F',
              birth_date: '2004-03-04',
              phone: spec.phone === undefined ? `+2126610${String(counter).padStart(5, '0')}` : spec.phone,
            })
            .execute();
          await tx
            .insertInto('enrollment')
            .values({
              tenant_id: tenantId,
              id: ids.enrollmentId,
              person_id: ids.personId,
              cohort_id: cohortId,
              status,
            })
            .execute();
          const wasEnrolled = spec.wasEnrolled ?? !['ADMITTED', 'WITHDRAWN'].includes(status);
          const path = ['APPLIED', 'ADMITTED', ...(wasEnrolled ? ['ENROLLED'] : [])];
          if (!path.includes(status)) path.push(status);
          await tx
            .insertInto('enrollment_event')
            .values(
              path.map((to, i) => ({
                tenant_id: tenantId,
                id: newId(),
                enrollment_id: ids.enrollmentId,
                from_status: i === 0 ? null : path[i - 1]!,
                to_status: to,
                at: new Date(Date.UTC(2024, 0, 1 + i)),
              })),
            )
            .execute();
          let graduationId: string | null = null;
          if (status === 'GRADUATED') {
            graduationId = newId();
            const graduatedOn = spec.graduatedOn ?? '2025-07-15';
            await tx
              .insertInto('graduation')
              .values({
                tenant_id: tenantId,
                id: graduationId,
                enrollment_id: ids.enrollmentId,
                graduated_on: graduatedOn,
              })
              .execute();
            graduates.push({ graduationId, personId: ids.personId, graduatedOn });
          }
          seeded.push({ ...ids, graduationId });
        }
        if (options.waves !== false && graduates.length > 0) {
          await tx.insertInto('outcome').values(waveRows(tenantId, graduates)).execute();
          for (const [index, spec] of specs.entries()) {
            const graduationId = seeded[index]!.graduationId;
            for (const [months, answer] of Object.entries(spec.answers ?? {})) {
              if (!graduationId || !answer) continue;
              await tx
                .updateTable('outcome')
                .set({
                  status: answer,
                  surveyed_on: '2026-07-20',
                  source: 'STAFF',
                  organisation: ['HOST_COMPANY', 'COOPERATIVE'].includes(answer) ? 'Atelier Nour' : null,
                })
                .where('graduation_id', '=', graduationId)
                .where('months_after_graduation', '=', Number(months))
                .execute();
            }
          }
        }
        return seeded;
      });
    },
    async host(tradeId, kind) {
      counter += 1;
      const id = newId();
      await inTenant((tx) =>
        tx
          .insertInto('host')
          .values({
            tenant_id: tenantId,
            id,
            kind,
            name: `Atelier ${counter}`,
            trade_id: tradeId,
            capacity: 50,
            province: 'Fès',
          })
          .execute(),
      );
      return id;
    },
    async placement(enrollmentId, hostId, status) {
      await inTenant((tx) =>
        tx
          .insertInto('placement')
          .values({
            tenant_id: tenantId,
            id: newId(),
            enrollment_id: enrollmentId,
            host_id: hostId,
            starts_on: '2024-09-23',
            ends_on: '2025-07-11',
            weekdays: [2, 3, 4, 5],
            status,
          })
          .execute(),
      );
    },
  };
}
