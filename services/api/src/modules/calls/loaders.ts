import type {
  ApplicationRow,
  CallCategoryRow,
  CallJurorRow,
  CallRow,
  EvaluationRow,
  JurorConflictRow,
} from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { usersByIds } from '../identity/service.js';
import * as reads from './reads.js';

type Batch<T> = { obj: T }[];

const ids = <T>(queries: Batch<T>, key: (row: T) => string | null) =>
  queries.flatMap((q) => {
    const id = key(q.obj);
    return id ? [id] : [];
  });

// One statement per level (two where visibility needs the caller's seats), under the rules of
// reads.ts: nothing here widens what the root queries showed.
export const loaders = {
  Call: {
    cohort: async (queries: Batch<CallRow>, ctx: Context) => {
      const found = await reads.readCohorts(
        ctx,
        ids(queries, (c) => c.cohort_id),
      );
      return queries.map((q) => (q.obj.cohort_id ? (found.get(q.obj.cohort_id) ?? null) : null));
    },
    categories: async (queries: Batch<CallRow>, ctx: Context) => {
      const byCall = await reads.categoriesOfCalls(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byCall.get(q.obj.id) ?? []);
    },
    criteria: async (queries: Batch<CallRow>, ctx: Context) => {
      const byCall = await reads.criteriaOfCalls(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byCall.get(q.obj.id) ?? []);
    },
    jurors: async (queries: Batch<CallRow>, ctx: Context) => {
      const byCall = await reads.jurorsOfCalls(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byCall.get(q.obj.id) ?? []);
    },
    applicationCount: async (queries: Batch<CallRow>, ctx: Context) => {
      const counts = await reads.applicationCounts(
        ctx,
        queries.map((q) => q.obj.id),
        'call_id',
      );
      return queries.map((q) => counts.get(q.obj.id) ?? 0);
    },
    myJuror: async (queries: Batch<CallRow>, ctx: Context) => {
      const seats = await reads.mySeats(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => seats.get(q.obj.id) ?? null);
    },
  },
  CallCategory: {
    applicationCount: async (queries: Batch<CallCategoryRow>, ctx: Context) => {
      const counts = await reads.applicationCounts(
        ctx,
        queries.map((q) => q.obj.id),
        'category_id',
      );
      return queries.map((q) => counts.get(q.obj.id) ?? 0);
    },
  },
  CallJuror: {
    user: async (queries: Batch<CallJurorRow>, ctx: Context) => {
      const users = await usersByIds(
        ctx.deps.db,
        queries.map((q) => q.obj.user_id),
      );
      return queries.map((q) => users.get(q.obj.user_id));
    },
    submittedCount: async (queries: Batch<CallJurorRow>, ctx: Context) => {
      const counts = await reads.jurorCounts(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => counts.get(q.obj.id)?.submitted ?? 0);
    },
    conflictCount: async (queries: Batch<CallJurorRow>, ctx: Context) => {
      const counts = await reads.jurorCounts(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => counts.get(q.obj.id)?.conflicts ?? 0);
    },
    pendingCount: async (queries: Batch<CallJurorRow>, ctx: Context) => {
      const counts = await reads.jurorCounts(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => counts.get(q.obj.id)?.pending ?? 0);
    },
  },
  Application: {
    call: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const calls = await reads.readCalls(
        ctx,
        queries.map((q) => q.obj.call_id),
      );
      return queries.map((q) => calls.get(q.obj.call_id));
    },
    category: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const categories = await reads.categoriesByIds(
        ctx,
        queries.map((q) => q.obj.category_id),
      );
      return queries.map((q) => categories.get(q.obj.category_id));
    },
    person: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const people = await reads.readPeople(
        ctx,
        ids(queries, (a) => a.person_id),
      );
      return queries.map((q) => (q.obj.person_id ? (people.get(q.obj.person_id) ?? null) : null));
    },
    venture: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const ventures = await reads.readVentures(
        ctx,
        ids(queries, (a) => a.venture_id),
      );
      return queries.map((q) => (q.obj.venture_id ? (ventures.get(q.obj.venture_id) ?? null) : null));
    },
    applicantName: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const names = await reads.applicantNames(
        ctx,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => names.get(q.obj.id) ?? '');
    },
    documents: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const byApplication = await reads.documentsOf(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byApplication.get(q.obj.id) ?? []);
    },
    myEvaluation: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const mine = await reads.myEvaluations(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => mine.get(q.obj.id) ?? null);
    },
    myConflict: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const mine = await reads.conflictsOf(
        ctx,
        queries.map((q) => q.obj.id),
        true,
      );
      return queries.map((q) => mine.get(q.obj.id)?.[0] ?? null);
    },
    evaluations: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const visible = await reads.evaluationsOf(
        ctx,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => visible.get(q.obj.id) ?? []);
    },
    conflicts: async (queries: Batch<ApplicationRow>, ctx: Context) => {
      const byApplication = await reads.conflictsOf(
        ctx,
        queries.map((q) => q.obj.id),
        false,
      );
      return queries.map((q) => byApplication.get(q.obj.id) ?? []);
    },
  },
  Evaluation: {
    juror: async (queries: Batch<EvaluationRow>, ctx: Context) => {
      const jurors = await reads.jurorsByIds(
        ctx,
        queries.map((q) => q.obj.juror_id),
      );
      return queries.map((q) => jurors.get(q.obj.juror_id));
    },
    scores: async (queries: Batch<EvaluationRow>, ctx: Context) => {
      const byEvaluation = await reads.scoresOf(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byEvaluation.get(q.obj.id)?.scores ?? []);
    },
    weightedScore: async (queries: Batch<EvaluationRow>, ctx: Context) => {
      const byEvaluation = await reads.scoresOf(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byEvaluation.get(q.obj.id)?.weighted ?? null);
    },
  },
  JurorConflict: {
    juror: async (queries: Batch<JurorConflictRow>, ctx: Context) => {
      const jurors = await reads.jurorsByIds(
        ctx,
        queries.map((q) => q.obj.juror_id),
      );
      return queries.map((q) => jurors.get(q.obj.juror_id));
    },
  },
};
