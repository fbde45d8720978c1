/** Where a juror stands on one application. */
export type JurorState = 'TO_SCORE' | 'DRAFT' | 'SUBMITTED' | 'CONFLICT';

export const JUROR_STATES: readonly JurorState[] = ['TO_SCORE', 'DRAFT', 'SUBMITTED', 'CONFLICT'];

interface JurorView {
  id: string;
  status?: string;
  myEvaluation?: { submittedAt?: string | null } | null;
  myConflict?: { id: string } | null;
}

export function jurorState(application: JurorView): JurorState {
  if (application.myConflict) return 'CONFLICT';
  if (application.myEvaluation?.submittedAt) return 'SUBMITTED';
  if (application.myEvaluation) return 'DRAFT';
  return 'TO_SCORE';
}

const waiting = (application: JurorView) => {
  const state = jurorState(application);
  return application.status !== 'WITHDRAWN' && (state === 'TO_SCORE' || state === 'DRAFT');
};

/**
 * The next application the juror has left to score, in the list's order: the first after `current`
 * that waits (coming back to the start of the list), or the first that waits when there is no
 * current one. Null when nothing is left.
 */
export function nextToScore(applications: readonly JurorView[], current?: string | null): string | null {
  const at = current ? applications.findIndex((a) => a.id === current) : -1;
  const ordered = at < 0 ? applications : [...applications.slice(at + 1), ...applications.slice(0, at)];
  return ordered.find(waiting)?.id ?? null;
}
