import type { FollowUpState, OutcomeStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { pastDayProblem } from './past-day';

/** The categories of the foundation's report, then the two that are not integration. */
export const OUTCOME_STATUSES: readonly OutcomeStatus[] = [
  'HOST_COMPANY',
  'COOPERATIVE',
  'SELF_EMPLOYED',
  'CREATED_COOPERATIVE',
  'CREATED_ACTIVITY',
  'FURTHER_TRAINING',
  'SEEKING',
  'UNREACHABLE',
];

/** What a graduate may answer through their link: being unreachable is only what staff can say. */
export const GRADUATE_ANSWERS = OUTCOME_STATUSES.filter(
  (s): s is Exclude<OutcomeStatus, 'UNREACHABLE'> => s !== 'UNREACHABLE',
);

export const FOLLOW_UP_STATES: readonly FollowUpState[] = ['OVERDUE', 'DUE', 'UPCOMING', 'RECORDED'];
/** The work list opens on what is waiting for a call. */
export const OPEN_STATES: readonly FollowUpState[] = ['DUE', 'OVERDUE'];

export const FOLLOW_UP_WAVES = [0, 6, 12, 24] as const;

/** Whether the answer has a place (employer, cooperative, school) and a start date to write down. */
export function hasPlace(status: OutcomeStatus | null | undefined): boolean {
  return !!status && status !== 'SEEKING' && status !== 'UNREACHABLE';
}

/** Working for someone: who employs them must be said (the API refuses the answer without it). */
export function needsOrganisation(status: OutcomeStatus | null | undefined): boolean {
  return status === 'HOST_COMPANY' || status === 'COOPERATIVE';
}

/** Integrated: every status but still looking and unreachable. */
export function isIntegrated(status: OutcomeStatus): boolean {
  return hasPlace(status);
}

export const ORGANISATION_MAX = 200;

export interface OutcomeDraft {
  status: OutcomeStatus | null;
  organisation: string;
  /** When they started there (YYYY-MM-DD), or empty. */
  outcomeOn: string;
}

export type OutcomeField = 'status' | 'organisation' | 'outcomeOn';

/** What stops the answer from being sent as typed, by field (the API checks again). */
export function outcomeProblems(
  draft: OutcomeDraft,
  today: string,
): Partial<Record<OutcomeField, MessageId>> {
  const problems: Partial<Record<OutcomeField, MessageId>> = {};
  if (!draft.status) problems.status = 'errors.REQUIRED';
  if (hasPlace(draft.status)) {
    const organisation = draft.organisation.trim();
    if (!organisation && needsOrganisation(draft.status)) problems.organisation = 'errors.REQUIRED';
    else if (organisation.length > ORGANISATION_MAX) problems.organisation = 'outcome.organisationTooLong';
    const dayProblem = pastDayProblem(draft.outcomeOn, today, { optional: true });
    if (dayProblem) problems.outcomeOn = dayProblem;
  }
  return problems;
}

/**
 * The fields sent for an answer: a place and a date only with a status that has one (what was typed
 * before switching to « still looking » is not sent), blanks left out.
 */
export function outcomeFields(draft: OutcomeDraft & { status: OutcomeStatus }): {
  status: OutcomeStatus;
  organisation?: string;
  outcomeOn?: string;
} {
  if (!hasPlace(draft.status)) return { status: draft.status };
  const organisation = draft.organisation.trim();
  return {
    status: draft.status,
    ...(organisation ? { organisation } : {}),
    ...(draft.outcomeOn ? { outcomeOn: draft.outcomeOn } : {}),
  };
}

/** The row after `id` in the list (the one to move to once `id` is recorded), else the one before. */
export function nextRowId(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
