import type { AssessmentRow, EnrollmentRow, GraduationRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import type { CompletionRules, GraduationBlocker } from '../../graphql/generated/resolvers.js';
import { uniqueUuids } from '../../lib/ids.js';
import { ledgerOfEnrollments } from '../attendance/ledger.js';
import { cohortsByIds, programmesByIds } from '../programmes/service.js';
import { blockersOf, DEFAULT_RULES, rulesOf } from './rules.js';

/** Where one enrollment stands against its programme's rules: a GraduationCheck, as rows. */
export interface Check {
  enrollment: EnrollmentRow;
  blockers: GraduationBlocker[];
  eligible: boolean;
  attendanceRate: number | null;
  attendedTheoryHours: number;
  attendedPracticeHours: number;
  instructorAssessment: AssessmentRow | null;
  artisanAssessment: AssessmentRow | null;
  graduation: GraduationRow | null;
}

/** The assessments of each enrollment (at most one per assessor role). */
export async function assessmentsOf(
  tx: Tx,
  enrollmentIds: readonly string[],
): Promise<Map<string, AssessmentRow[]>> {
  const byEnrollment = new Map<string, AssessmentRow[]>(enrollmentIds.map((id) => [id, []]));
  const ids = uniqueUuids(enrollmentIds);
  if (ids.length === 0) return byEnrollment;
  const rows = await tx
    .selectFrom('assessment')
    .selectAll()
    .where('enrollment_id', 'in', ids)
    .orderBy('assessor_role')
    .execute();
  for (const row of rows) byEnrollment.get(row.enrollment_id)?.push(row);
  return byEnrollment;
}

/** Each enrollment's graduation, when it has one. */
export async function graduationsOf(
  tx: Tx,
  enrollmentIds: readonly string[],
): Promise<Map<string, GraduationRow>> {
  const ids = uniqueUuids(enrollmentIds);
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('graduation').selectAll().where('enrollment_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.enrollment_id, r]));
}

export async function graduationsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, GraduationRow>> {
  const wanted = uniqueUuids(ids);
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('graduation').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each enrollment's completion rules, its programme's (two statements for any number). */
export async function rulesOfEnrollments(
  tx: Tx,
  enrollments: readonly EnrollmentRow[],
): Promise<Map<string, CompletionRules>> {
  const cohorts = await cohortsByIds(
    tx,
    enrollments.map((e) => e.cohort_id),
  );
  const programmes = await programmesByIds(
    tx,
    [...cohorts.values()].map((c) => c.programme_id),
  );
  return new Map(
    enrollments.map((e) => {
      const programme = programmes.get(cohorts.get(e.cohort_id)?.programme_id ?? '');
      return [e.id, programme ? rulesOf(programme) : DEFAULT_RULES];
    }),
  );
}

/**
 * The checks of many enrollments with a fixed number of statements (six, for one trainee or a
 * cohort of a thousand): their cohorts and programmes (the rules), the attendance ledger (the
 * attendance module's own figures), the assessments and any graduation.
 */
export async function checksOf(
  tx: Tx,
  enrollments: readonly EnrollmentRow[],
  today: string,
): Promise<Map<string, Check>> {
  if (enrollments.length === 0) return new Map();
  const ids = enrollments.map((e) => e.id);
  const rulesByEnrollment = await rulesOfEnrollments(tx, enrollments);
  const ledger = await ledgerOfEnrollments(tx, ids, today);
  const assessments = await assessmentsOf(tx, ids);
  const graduations = await graduationsOf(tx, ids);

  return new Map(
    enrollments.map((enrollment) => {
      const rules = rulesByEnrollment.get(enrollment.id)!;
      const figures = ledger.get(enrollment.id);
      const own = assessments.get(enrollment.id) ?? [];
      const instructor = own.find((a) => a.assessor_role === 'INSTRUCTOR') ?? null;
      const artisan = own.find((a) => a.assessor_role === 'HOST_ARTISAN') ?? null;
      const attendanceRate = figures?.attendanceRate ?? null;
      const attendedPracticeHours = figures?.attendedPracticeHours ?? 0;
      const blockers = blockersOf(rules, {
        enrolled: enrollment.status === 'ENROLLED',
        attendanceRate,
        attendedPracticeHours,
        instructorScore: instructor ? Number(instructor.score) : null,
        artisanScore: artisan ? Number(artisan.score) : null,
      });
      const check: Check = {
        enrollment,
        blockers,
        eligible: blockers.length === 0,
        attendanceRate,
        attendedTheoryHours: figures?.attendedTheoryHours ?? 0,
        attendedPracticeHours,
        instructorAssessment: instructor,
        artisanAssessment: artisan,
        graduation: graduations.get(enrollment.id) ?? null,
      };
      return [enrollment.id, check];
    }),
  );
}
