import type { Cache, KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { EMBEDDED, invalidateRoot, succeeded } from './cache-helpers';

export const GRADUATION_KEYS: KeyingConfig = {
  CompletionRules: EMBEDDED,
  GraduationBlocker: EMBEDDED,
  GraduationCheck: EMBEDDED,
  AssessmentPayload: EMBEDDED,
  GraduatePayload: EMBEDDED,
  BatchGraduationResult: EMBEDDED,
  GraduateCohortPayload: EMBEDDED,
  CertificateVerification: EMBEDDED,
  CertificatePayload: EMBEDDED,
  OutcomeConnection: EMBEDDED,
  OutcomeEdge: EMBEDDED,
  OutcomePayload: EMBEDDED,
  SubmitOutcomeByLinkPayload: EMBEDDED,
  FollowUpLink: EMBEDDED,
  OutcomeCount: EMBEDDED,
  IntegrationFigures: EMBEDDED,
  IntegrationReport: EMBEDDED,
  TradeActivity: EMBEDDED,
  CentreActivity: EMBEDDED,
  ActivityReport: EMBEDDED,
};

/** Every figure a graduation changes: who may graduate, the certificates, waves, rates, reports. */
const AFTER_GRADUATION = [
  'cohortGraduation',
  'graduationCheck',
  'cohortCertificates',
  'myCertificates',
  'followUps',
  'integration',
  'activityReport',
];

/** A cohort's counts by status change with each graduation. */
function invalidateCohortCounts(cache: Cache) {
  invalidateRoot(cache, 'cohorts');
  for (const key of cache.inspectFields('Query').filter((f) => f.fieldName === 'cohort')) {
    const cohort = cache.resolve('Query', 'cohort', key.arguments);
    if (typeof cohort === 'string') cache.invalidate(cohort, 'overview');
  }
}

/**
 * Blockers, certificates and rates follow from one change on the server: those lists are read again
 * rather than patched here. Entities that came back (an assessment, a certificate, an outcome)
 * update themselves by id.
 */
export const GRADUATION_UPDATES: Record<string, UpdateResolver> = {
  recordAssessment: (result, _args, cache) => {
    if (succeeded(result, 'recordAssessment')) invalidateRoot(cache, 'cohortGraduation', 'graduationCheck');
  },
  graduate: (result, _args, cache) => {
    if (!succeeded(result, 'graduate')) return;
    invalidateRoot(cache, ...AFTER_GRADUATION);
    invalidateCohortCounts(cache);
  },
  graduateCohort: (result, _args, cache) => {
    if (!succeeded(result, 'graduateCohort')) return;
    invalidateRoot(cache, ...AFTER_GRADUATION);
    invalidateCohortCounts(cache);
  },
  setCompletionRules: (result, _args, cache) => {
    if (succeeded(result, 'setCompletionRules')) invalidateRoot(cache, 'cohortGraduation', 'graduationCheck');
  },
  revokeCertificate: (result, _args, cache) => {
    if (succeeded(result, 'revokeCertificate')) invalidateRoot(cache, 'verifyCertificate');
  },
  recordOutcome: (result, _args, cache) => {
    if (succeeded(result, 'recordOutcome'))
      invalidateRoot(cache, 'followUps', 'integration', 'activityReport');
  },
};
