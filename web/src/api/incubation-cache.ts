import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { EMBEDDED, invalidateFields, invalidateRoot, succeeded } from './cache-helpers';

export const INCUBATION_KEYS: KeyingConfig = {
  CallConnection: EMBEDDED,
  CallEdge: EMBEDDED,
  ApplicationConnection: EMBEDDED,
  ApplicationEdge: EMBEDDED,
  CallPayload: EMBEDDED,
  ApplicationPayload: EMBEDDED,
  ConflictPayload: EMBEDDED,
  EvaluationPayload: EMBEDDED,
  CriterionScore: EMBEDDED,
  RankedApplication: EMBEDDED,
  CategoryRanking: EMBEDDED,
  CallRanking: EMBEDDED,
  VentureConnection: EMBEDDED,
  VentureEdge: EMBEDDED,
  VentureFounder: EMBEDDED,
  VenturePayload: EMBEDDED,
  CoachingSessionPayload: EMBEDDED,
  SurvivalRate: EMBEDDED,
  CohortProgress: EMBEDDED,
  IncubatorFigures: EMBEDDED,
  IncubatorIndicators: EMBEDDED,
  ExportFile: EMBEDDED,
};

const inputOf = (args: Record<string, unknown>) =>
  (args.input ?? {}) as { id?: string; callId?: string; applicationId?: string; ventureId?: string };

/** The call an application belongs to, when the cache has read it. */
function callOfApplication(cache: Cache, applicationId: string | undefined): string | null {
  if (!applicationId) return null;
  const key = cache.resolve({ __typename: 'Application', id: applicationId }, 'call');
  return typeof key === 'string' ? (cache.resolve(key, 'id') as string | null) : null;
}

// What one application, evaluation or conflict changes on its call: counts, the jury's progress.
const CALL_VOLATILE = ['applicationCount', 'categories', 'jurors', 'myJuror'];
// What a juror's evaluation or conflict changes on the application: what they (and staff) see.
const APPLICATION_VOLATILE = ['myEvaluation', 'myConflict', 'evaluations', 'conflicts'];

/** A juror scored or stepped aside: their counts, the ranking and what the application shows change. */
function afterJurorAnswer(cache: Cache, applicationId: string | undefined) {
  invalidateFields(cache, 'Application', applicationId, APPLICATION_VOLATILE);
  invalidateFields(cache, 'Call', callOfApplication(cache, applicationId), CALL_VOLATILE);
  invalidateRoot(cache, 'calls', 'callRanking', 'applications');
}

// A venture's figures feed the incubator's indicators and the list's columns.
const afterVentureChange = (cache: Cache) => invalidateRoot(cache, 'ventures', 'incubatorIndicators');

/**
 * Statuses, counts, rankings and indicators all follow from one change on the server: they are
 * read again rather than patched here. Changed entities returned by a mutation update by id.
 */
export const INCUBATION_UPDATES: Record<string, UpdateResolver> = {
  createCall: (result, _args, cache) => {
    if (succeeded(result, 'createCall')) invalidateRoot(cache, 'calls');
  },
  updateCall: (result, _args, cache) => {
    if (succeeded(result, 'updateCall')) invalidateRoot(cache, 'calls');
  },
  openCall: (result, _args, cache) => {
    if (succeeded(result, 'openCall')) invalidateRoot(cache, 'calls');
  },
  closeCall: (result, _args, cache) => {
    if (succeeded(result, 'closeCall')) invalidateRoot(cache, 'calls');
  },
  publishCall: (result, _args, cache) => {
    // Each application becomes SELECTED or NOT_SELECTED.
    if (succeeded(result, 'publishCall')) invalidateRoot(cache, 'calls', 'applications', 'callRanking');
  },
  addJuror: (result, args, cache) => {
    if (!succeeded(result, 'addJuror')) return;
    invalidateFields(cache, 'Call', inputOf(args).callId, CALL_VOLATILE);
    invalidateRoot(cache, 'calls');
  },
  removeJuror: (result, _args, cache) => {
    if (succeeded(result, 'removeJuror')) invalidateRoot(cache, 'calls', 'callRanking');
  },
  submitApplication: (result, args, cache) => {
    if (!succeeded(result, 'submitApplication')) return;
    invalidateFields(cache, 'Call', inputOf(args).callId, CALL_VOLATILE);
    invalidateRoot(cache, 'calls', 'applications', 'callRanking');
  },
  withdrawApplication: (result, args, cache) => {
    if (!succeeded(result, 'withdrawApplication')) return;
    invalidateFields(cache, 'Call', callOfApplication(cache, inputOf(args).id), CALL_VOLATILE);
    invalidateRoot(cache, 'calls', 'applications', 'callRanking');
  },
  declareConflict: (result, args, cache) => {
    if (succeeded(result, 'declareConflict')) afterJurorAnswer(cache, inputOf(args).applicationId);
  },
  saveEvaluation: (result, args, cache) => {
    if (succeeded(result, 'saveEvaluation')) afterJurorAnswer(cache, inputOf(args).applicationId);
  },
  createVenture: (result, _args, cache) => {
    if (succeeded(result, 'createVenture')) afterVentureChange(cache);
  },
  updateVenture: (result, _args, cache) => {
    if (succeeded(result, 'updateVenture')) afterVentureChange(cache);
  },
  moveVenture: (result, _args, cache) => {
    if (succeeded(result, 'moveVenture')) afterVentureChange(cache);
  },
  formaliseVenture: (result, _args, cache) => {
    if (succeeded(result, 'formaliseVenture')) afterVentureChange(cache);
  },
  recordFunding: (result, _args, cache) => {
    if (succeeded(result, 'recordFunding')) afterVentureChange(cache);
  },
  recordJobs: (result, _args, cache) => {
    if (succeeded(result, 'recordJobs')) afterVentureChange(cache);
  },
  recordSurvivalCheck: (result, _args, cache) => {
    if (succeeded(result, 'recordSurvivalCheck')) afterVentureChange(cache);
  },
  logCoachingSession: (result, args, cache) => {
    if (!succeeded(result, 'logCoachingSession')) return;
    invalidateFields(cache, 'Venture', inputOf(args).ventureId, ['coachingSessions']);
    afterVentureChange(cache);
  },
};
