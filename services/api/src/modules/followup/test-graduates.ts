// Test-only: cohorts, trainees, graduations and answered waves written directly as the schema owner
// inside a tenant, so the follow-up and report tests depend on neither the enrollment nor the
// graduation mutations.
import type { Database } from '../../db/connect.js';
import type { Tx } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { seeder } from '../attendance/test-seed.js';
import { type Graduate, waveRows } from './waves.js';

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
  // The rows every module's tests share come from the attendance seeder; what is this module's
  // own is the history to graduation and the waves.
  const base = seeder(owner, tenantId);
  return {
    inTenant: base.inTenant,
    async cohort(startsOn, trade) {
      const year = Number(startsOn.slice(0, 4));
      const { cohortId, tradeId } = await base.cohort({
        startsOn,
        endsOn: `${year + 1}-07-15`,
        columns: (n) => ({
          trade: {
            code: trade?.code ?? `TRADE${n}`,
            name_fr: trade?.fr ?? `Métier ${n}`,
            name_ar: trade?.ar ?? `حرفة ${n}`,
          },
          programme: { name_fr: `Apprentissage ${n}`, name_ar: `تكوين ${n}`, duration_months: 10 },
          cohort: { label: `Promotion ${n} ${year}-${year + 1}`, capacity: 500 },
        }),
      });
      return { cohortId, tradeId };
    },
    async trainees(cohortId, specs, options = {}) {
      const seeded: SeededTrainee[] = [];
      const graduates: Graduate[] = [];
      const enrolled: { personId: string; enrollmentId: string; status: string; spec: TraineeSpec }[] = [];
      for (const spec of specs) {
        const status = spec.status ?? 'GRADUATED';
        const ids = await base.trainee(cohortId, {
          status,
          person: (n) => ({
            first_name_latin: spec.sex === 'M' ? 'Youssef' : 'Khadija',
            first_name_ar: spec.sex === 'M' ? 'يوسف' : 'خديجة',
            last_name_latin: `Lauréat ${n}`,
            sex: spec.sex ?? 'F',
            birth_date: '2004-03-04',
            phone: spec.phone === undefined ? `+2126610${String(n).padStart(5, '0')}` : spec.phone,
          }),
        });
        enrolled.push({ ...ids, status, spec });
      }
      return base.inTenant(async (tx) => {
        for (const { personId, enrollmentId, status, spec } of enrolled) {
          const wasEnrolled = spec.wasEnrolled ?? !['ADMITTED', 'WITHDRAWN'].includes(status);
          const path = ['APPLIED', 'ADMITTED', ...(wasEnrolled ? ['ENROLLED'] : [])];
          if (!path.includes(status)) path.push(status);
          await tx
            .insertInto('enrollment_event')
            .values(
              path.map((to, i) => ({
                tenant_id: tenantId,
                id: newId(),
                enrollment_id: enrollmentId,
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
                enrollment_id: enrollmentId,
                graduated_on: graduatedOn,
              })
              .execute();
            graduates.push({ graduationId, personId, graduatedOn });
          }
          seeded.push({ personId, enrollmentId, graduationId });
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
    host: (tradeId, kind) => base.host(tradeId, undefined, kind),
    async placement(enrollmentId, hostId, status) {
      await base.placement({
        enrollmentId,
        hostId,
        startsOn: '2024-09-23',
        endsOn: '2025-07-11',
        weekdays: [2, 3, 4, 5],
        status,
      });
    },
  };
}
