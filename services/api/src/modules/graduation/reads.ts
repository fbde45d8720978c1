import type { AssessmentRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import { inTenant } from '../identity/access.js';
import { cohortsByIds, programmesByIds } from '../programmes/service.js';
import { DEFAULT_RULES, passes, rulesOf } from './rules.js';
import { assessmentsOf, graduationsByIds, graduationsOf } from './standing.js';

// The batch reads behind the loaders: one tenant transaction per batch, after the member check.

export const graduationsOfEnrollments = (ctx: Context, ids: readonly string[]) =>
  inTenant(ctx, (tx) => graduationsOf(tx, ids));

export const assessmentsOfEnrollments = (ctx: Context, ids: readonly string[]) =>
  inTenant(ctx, (tx) => assessmentsOf(tx, ids));

export const readEnrollments = (ctx: Context, ids: readonly string[]) =>
  inTenant(ctx, (tx) => enrollmentsByIds(tx, ids));

export const readGraduations = (ctx: Context, ids: readonly string[]) =>
  inTenant(ctx, (tx) => graduationsByIds(tx, ids));

/** The pass mark each enrollment's programme sets (three statements for any number). */
export function passMarksOfEnrollments(ctx: Context, ids: readonly string[]): Promise<Map<string, number>> {
  return inTenant(ctx, async (tx) => {
    const enrollments = await enrollmentsByIds(tx, ids);
    const cohorts = await cohortsByIds(
      tx,
      [...enrollments.values()].map((e) => e.cohort_id),
    );
    const programmes = await programmesByIds(
      tx,
      [...cohorts.values()].map((c) => c.programme_id),
    );
    return new Map(
      [...enrollments.values()].map((e) => {
        const programme = programmes.get(cohorts.get(e.cohort_id)?.programme_id ?? '');
        return [e.id, (programme ? rulesOf(programme) : DEFAULT_RULES).passMark];
      }),
    );
  });
}

export const passed = (assessment: AssessmentRow, passMark = DEFAULT_RULES.passMark) =>
  passes(Number(assessment.score), passMark);
