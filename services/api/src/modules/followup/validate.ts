import { UserError, UserErrors } from '../../graphql/errors.js';
import type { OutcomeStatus } from '../../graphql/generated/resolvers.js';
import { clean } from '../../lib/text.js';
import { isStatus, NOT_INTEGRATED } from './waves.js';

const MAX_ORGANISATION = 200;
const MAX_NOTES = 2000;

/**
 * Who the graduate works with must be named when they work for someone else (a host company or a
 * cooperative): the report's "placed at" categories mean nothing without it. Elsewhere it is
 * optional (the school, the new cooperative's name…).
 */
const NEEDS_ORGANISATION: readonly OutcomeStatus[] = ['HOST_COMPANY', 'COOPERATIVE'];

export interface Answer {
  status: OutcomeStatus;
  organisation?: string | null;
  outcomeOn?: string | null;
  surveyedOn?: string | null;
  notes?: string | null;
}

export interface CheckedAnswer {
  status: OutcomeStatus;
  organisation: string | null;
  outcome_on: string | null;
  surveyed_on: string;
  notes: string | null;
}

/**
 * Checks an answer to a wave, every field at once. `today` is the centre's day; `graduatedOn`
 * bounds the survey day (nobody is surveyed about a graduation before it). SEEKING and UNREACHABLE
 * take no organisation nor start day: there is none.
 */
export function checkAnswer(answer: Answer, today: string, graduatedOn: string): CheckedAnswer {
  const errors: UserError[] = [];
  if (!isStatus(answer.status)) throw new UserError('INVALID_INPUT', 'status');
  const organisation = clean(answer.organisation);
  const notes = answer.notes?.trim() || null;
  const surveyedOn = answer.surveyedOn ?? today;
  const outcomeOn = answer.outcomeOn ?? null;
  const nothingToName = NOT_INTEGRATED.includes(answer.status);

  if (organisation !== null && (nothingToName || organisation.length > MAX_ORGANISATION))
    errors.push(new UserError('INVALID_INPUT', 'organisation'));
  if (organisation === null && NEEDS_ORGANISATION.includes(answer.status))
    errors.push(new UserError('REQUIRED', 'organisation'));
  if (surveyedOn > today) errors.push(new UserError('DATE_IN_FUTURE', 'surveyedOn'));
  else if (surveyedOn < graduatedOn) errors.push(new UserError('INVALID_DATE', 'surveyedOn'));
  if (outcomeOn !== null) {
    if (nothingToName) errors.push(new UserError('INVALID_INPUT', 'outcomeOn'));
    else if (outcomeOn > today) errors.push(new UserError('DATE_IN_FUTURE', 'outcomeOn'));
    else if (outcomeOn > surveyedOn) errors.push(new UserError('INVALID_DATE', 'outcomeOn'));
  }
  if (notes !== null && notes.length > MAX_NOTES) errors.push(new UserError('INVALID_INPUT', 'notes'));
  if (errors.length > 0) throw new UserErrors(errors);
  return {
    status: answer.status,
    organisation,
    outcome_on: outcomeOn,
    surveyed_on: surveyedOn,
    notes,
  };
}
