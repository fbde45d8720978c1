import type { EnrollmentEventRow, EnrollmentRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as enrollment from './service.js';

export const Query: QueryResolvers = {
  enrollment: (_root, { id }, ctx) => enrollment.getEnrollment(ctx, id),
  enrollments: (_root, args, ctx) => enrollment.listEnrollments(ctx, args),
};

export const Mutation: MutationResolvers = {
  apply: (_root, { input }, ctx) => toPayload(ctx, () => enrollment.applyEnrollment(ctx, input)),
  transitionEnrollment: (_root, { input }, ctx) =>
    toPayload(ctx, () => enrollment.transitionEnrollment(ctx, input)),
};

export const Enrollment = {
  statusReason: (row: EnrollmentRow) => row.status_reason,
  statusChangedAt: (row: EnrollmentRow) => row.status_changed_at,
  createdAt: (row: EnrollmentRow) => row.created_at,
};

export const EnrollmentEvent = {
  fromStatus: (row: EnrollmentEventRow) => row.from_status,
  toStatus: (row: EnrollmentEventRow) => row.to_status,
};
