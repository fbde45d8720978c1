import type { AssessmentRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { enrollmentsByIds } from '../enrollment/service.js';
import { inTenant } from '../identity/access.js';
import { DEFAULT_RULES, passes } from './rules.js';
import { assessmentsOf, graduationsByIds, graduationsOf, rulesOfEnrollments } from './standing.js';

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
    const rules = await rulesOfEnrollments(tx, [...enrollments.values()]);
    return new Map([...rules].map(([id, r]) => [id, r.passMark]));
  });
}

export const passed = (assessment: AssessmentRow, passMark = DEFAULT_RULES.passMark) =>
  passes(Number(assessment.score), passMark);
