import type { MessageId } from '../i18n/messages';
import { laterDay, nextMonday } from './days';
import { isCalendarDay } from './person-form';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface ProposalValues {
  startsOn: string;
  endsOn: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday, in week order. */
  weekdays: number[];
  hostId: string;
}

export interface ProposalCohort {
  startsOn: string;
  endsOn: string;
  programme: { practiceWeekdays: readonly number[] };
}

/** ISO weekdays without repeats, in week order. */
export function sortWeekdays(days: readonly number[]): number[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

/**
 * What a new proposal starts with: the rest of the cohort from next Monday (placements are planned a
 * few days ahead, never for today), on the programme's practice weekdays. A cohort that has not begun
 * starts on its own first day; one that is over keeps its dates, and the API says why they fail.
 */
export function defaultProposal(cohort: ProposalCohort, today: string): ProposalValues {
  const from = laterDay(cohort.startsOn, nextMonday(today));
  return {
    startsOn: from > cohort.endsOn ? cohort.startsOn : from,
    endsOn: cohort.endsOn,
    weekdays: sortWeekdays(cohort.programme.practiceWeekdays),
    hostId: '',
  };
}

export type ProposalField = keyof ProposalValues;

/** What the form can tell before asking: missing values, days that are not days, an end before the start. */
export function checkProposal(values: ProposalValues): Partial<Record<ProposalField, MessageId>> {
  const errors: Partial<Record<ProposalField, MessageId>> = {};
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (!values[field]) errors[field] = 'errors.REQUIRED';
    else if (!isCalendarDay(values[field])) errors[field] = 'errors.INVALID_DATE';
  }
  if (!errors.startsOn && !errors.endsOn && values.endsOn < values.startsOn) {
    errors.endsOn = 'placement.endBeforeStart';
  }
  if (values.weekdays.length === 0) errors.weekdays = 'placement.weekdaysRequired';
  if (!values.hostId) errors.hostId = 'placement.hostRequired';
  return errors;
}

/** Whether the dates and weekdays are complete enough to ask which hosts have room. */
export function canSuggest(values: ProposalValues): boolean {
  return Object.keys(checkProposal({ ...values, hostId: 'any' })).length === 0;
}
