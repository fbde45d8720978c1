import type { AssessmentRow, EnrollmentRow, GraduationRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { usersByIds } from '../identity/service.js';
import * as reads from './reads.js';

type Batch<T> = { obj: T }[];

async function users(ctx: Context, ids: (string | null)[]) {
  const found = await usersByIds(
    ctx.deps.db,
    ids.filter((id): id is string => id !== null),
  );
  return ids.map((id) => (id ? (found.get(id) ?? null) : null));
}

// One query per level. An enrollment, assessment or graduation reaches these loaders only from a
// root query (or another module's loader) that applied its visibility rule, as in enrollment/loaders.
export const loaders = {
  Enrollment: {
    graduation: async (queries: Batch<EnrollmentRow>, ctx: Context) => {
      const found = await reads.graduationsOfEnrollments(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
    assessments: async (queries: Batch<EnrollmentRow>, ctx: Context) => {
      const found = await reads.assessmentsOfEnrollments(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
  },
  Assessment: {
    enrollment: async (queries: Batch<AssessmentRow>, ctx: Context) => {
      const found = await reads.readEnrollments(
        ctx,
        queries.map((q) => q.obj.enrollment_id),
      );
      return queries.map((q) => found.get(q.obj.enrollment_id));
    },
    passed: async (queries: Batch<AssessmentRow>, ctx: Context) => {
      const marks = await reads.passMarksOfEnrollments(
        ctx,
        queries.map((q) => q.obj.enrollment_id),
      );
      return queries.map((q) => reads.passed(q.obj, marks.get(q.obj.enrollment_id)));
    },
    recordedBy: (queries: Batch<AssessmentRow>, ctx: Context) =>
      users(
        ctx,
        queries.map((q) => q.obj.recorded_by),
      ),
  },
  Graduation: {
    enrollment: async (queries: Batch<GraduationRow>, ctx: Context) => {
      const found = await reads.readEnrollments(
        ctx,
        queries.map((q) => q.obj.enrollment_id),
      );
      return queries.map((q) => found.get(q.obj.enrollment_id));
    },
    graduatedBy: (queries: Batch<GraduationRow>, ctx: Context) =>
      users(
        ctx,
        queries.map((q) => q.obj.graduated_by),
      ),
  },
};
