import type { ApplicantImportRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { ERROR_MESSAGES } from '../../graphql/messages.js';
import { toPayload } from '../../graphql/payload.js';
import * as imports from './service.js';

export const Query: QueryResolvers = {
  applicantImport: (_root, { id }, ctx) => imports.getApplicantImport(ctx, id),
};

export const Mutation: MutationResolvers = {
  importApplicants: (_root, { input }, ctx) => toPayload(ctx, () => imports.importApplicants(ctx, input)),
};

export const ApplicantImport = {
  fileName: (row: ApplicantImportRow) => row.file_name,
  dryRun: (row: ApplicantImportRow) => row.dry_run,
  totalRows: (row: ApplicantImportRow) => row.total_rows,
  processedRows: (row: ApplicantImportRow) => row.processed_rows,
  createdPeople: (row: ApplicantImportRow) => row.created_people,
  createdEnrollments: (row: ApplicantImportRow) => row.created_enrollments,
  skippedRows: (row: ApplicantImportRow) => row.skipped_rows,
  createdAt: (row: ApplicantImportRow) => row.created_at,
  finishedAt: (row: ApplicantImportRow) => row.finished_at,
  // Stored as codes; the message is in the language of whoever reads it.
  rowErrors: (row: ApplicantImportRow, _args: unknown, ctx: Context) =>
    (row.row_errors as imports.StoredRowError[]).map((e) => ({
      row: e.row,
      column: e.column,
      code: e.code,
      message: ERROR_MESSAGES[ctx.locale][e.code],
    })),
};
