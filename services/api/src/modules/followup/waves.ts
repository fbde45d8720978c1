import type { Insertable } from 'kysely';
import type { OutcomeRow } from '../../db/rows.js';
import type { Outcome } from '../../db/tables.generated.js';
import type { FollowUpState, OutcomeStatus } from '../../graphql/generated/resolvers.js';
import { newId } from '../../lib/ids.js';
import { addDays, addMonths } from '../../lib/time.js';

/** The follow-up waves, in months after graduation. */
export const WAVES = [0, 6, 12, 24] as const;
/** A wave is DUE for this many days after its due date, then OVERDUE. */
export const DUE_DAYS = 30;

export const STATUSES: readonly OutcomeStatus[] = [
  'HOST_COMPANY',
  'COOPERATIVE',
  'SELF_EMPLOYED',
  'CREATED_COOPERATIVE',
  'CREATED_ACTIVITY',
  'FURTHER_TRAINING',
  'SEEKING',
  'UNREACHABLE',
];
/** Statuses that do not count as integrated (the rest do). */
export const NOT_INTEGRATED: readonly OutcomeStatus[] = ['SEEKING', 'UNREACHABLE'];

export const isStatus = (value: string): value is OutcomeStatus =>
  (STATUSES as readonly string[]).includes(value);

/** What a wave needs from its graduation. */
export interface Graduate {
  graduationId: string;
  personId: string;
  graduatedOn: string;
}

/**
 * The four unanswered waves of each graduation, due the same day 0, 6, 12 and 24 months later (a
 * day the month lacks falls on its last day). The one builder of these rows: the scheduling job and
 * the demo data both insert what it returns.
 */
export function waveRows(tenantId: string, graduates: readonly Graduate[]): Insertable<Outcome>[] {
  return graduates.flatMap((g) =>
    WAVES.map((months) => ({
      tenant_id: tenantId,
      id: newId(),
      graduation_id: g.graduationId,
      person_id: g.personId,
      months_after_graduation: months,
      due_on: addMonths(g.graduatedOn, months),
    })),
  );
}

/** Where a wave stands on `today` (the centre's calendar day). */
export function stateOf(outcome: Pick<OutcomeRow, 'status' | 'due_on'>, today: string): FollowUpState {
  if (outcome.status !== null) return 'RECORDED';
  if (today < outcome.due_on) return 'UPCOMING';
  return today < addDays(outcome.due_on, DUE_DAYS) ? 'DUE' : 'OVERDUE';
}
