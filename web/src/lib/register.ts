import type { AttendanceEntryInput, AttendanceStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { checkReason } from './reasons';

/** An entry of a register as the API gives it back (ClassSession.attendance). */
export interface RecordedEntry {
  id: string;
  enrollment: { id: string };
  status: AttendanceStatus;
  hours: number;
  reason?: string | null;
  correctedAt?: string | null;
}

export interface ExpectedTrainee {
  id: string;
  person: { id: string; fullName: string };
}

export interface RegisterRow<E extends RecordedEntry> {
  enrollmentId: string;
  name: string;
  /** Null while the register has nothing for this trainee: not recorded, never "present". */
  entry: E | null;
}

/**
 * One row per trainee expected at the session, with what was recorded for them. An entry for a
 * trainee no longer expected (placement ended since) is shown too: it counts in the ledger.
 */
export function registerRows<E extends RecordedEntry>(
  expected: readonly ExpectedTrainee[],
  attendance: readonly E[],
  namesOfOthers: (enrollmentId: string) => string = () => '',
): RegisterRow<E>[] {
  const byEnrollment = new Map(attendance.map((entry) => [entry.enrollment.id, entry]));
  const rows: RegisterRow<E>[] = expected.map((trainee) => ({
    enrollmentId: trainee.id,
    name: trainee.person.fullName,
    entry: byEnrollment.get(trainee.id) ?? null,
  }));
  const shown = new Set(expected.map((trainee) => trainee.id));
  for (const entry of attendance) {
    if (!shown.has(entry.enrollment.id))
      rows.push({ enrollmentId: entry.enrollment.id, name: namesOfOthers(entry.enrollment.id), entry });
  }
  return rows;
}

export function registerProgress(rows: readonly RegisterRow<RecordedEntry>[]) {
  return { recorded: rows.filter((row) => row.entry).length, total: rows.length };
}

/** What a tap on a trainee's row is doing right now, on the artisan's phone. */
export type TapState =
  | { state: 'open' }
  | { state: 'sending'; status: AttendanceStatus }
  | { state: 'recorded'; status: AttendanceStatus; corrected: boolean };

export function tapState(
  entry: Pick<RecordedEntry, 'status' | 'correctedAt'> | null,
  sending: AttendanceStatus | null,
): TapState {
  if (entry) return { state: 'recorded', status: entry.status, corrected: !!entry.correctedAt };
  if (sending) return { state: 'sending', status: sending };
  return { state: 'open' };
}

export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = [
  'PRESENT',
  'LATE',
  'ABSENT_EXCUSED',
  'ABSENT_UNEXCUSED',
];

export const isAbsent = (status: AttendanceStatus) =>
  status === 'ABSENT_EXCUSED' || status === 'ABSENT_UNEXCUSED';

/** A choice being made for one trainee, before it is sent. */
export interface Draft {
  status: AttendanceStatus;
  /** Typed hours (only LATE needs them; PRESENT is the whole session, absent is 0). */
  hours: number | null;
  reason: string;
}

export type DraftProblem = { field: 'hours' | 'reason'; message: MessageId };

/**
 * What is wrong with a choice before it is sent, as the API would say it: a late arrival says how
 * long the trainee was there (more than nothing, at most the session), an excused absence says why,
 * any reason typed is 2 to 300 characters.
 */
export function draftProblem(draft: Draft, sessionHours: number): DraftProblem | null {
  if (draft.status === 'LATE') {
    if (draft.hours == null || Number.isNaN(draft.hours))
      return { field: 'hours', message: 'register.hoursRequired' };
    if (draft.hours <= 0 || draft.hours > sessionHours)
      return { field: 'hours', message: 'register.hoursTooMany' };
  }
  const reason = draft.reason.trim();
  if (draft.status === 'ABSENT_EXCUSED' || reason) {
    const problem = checkReason(reason);
    if (problem) return { field: 'reason', message: problem };
  }
  return null;
}

/** The entry the API receives for a choice: hours only where they say something, reason when typed. */
export function toEntry(enrollmentId: string, draft: Draft): AttendanceEntryInput {
  const reason = draft.reason.trim();
  return {
    enrollmentId,
    status: draft.status,
    ...(draft.status === 'LATE' && draft.hours != null ? { hours: draft.hours } : {}),
    ...(reason ? { reason } : {}),
  };
}

/**
 * The register of a whole session in one go: every trainee not yet recorded, present unless said
 * otherwise. Returns the entries to send, or the problems by enrollment when any choice is not valid.
 */
export function registerEntries(
  pending: readonly string[],
  drafts: ReadonlyMap<string, Draft>,
  sessionHours: number,
): { entries: AttendanceEntryInput[]; problems: Map<string, DraftProblem> } {
  const problems = new Map<string, DraftProblem>();
  const entries = pending.map((id) => {
    const draft = drafts.get(id) ?? { status: 'PRESENT', hours: null, reason: '' };
    const problem = draftProblem(draft, sessionHours);
    if (problem) problems.set(id, problem);
    return toEntry(id, draft);
  });
  return { entries: problems.size > 0 ? [] : entries, problems };
}

/**
 * The trainee an API error is about, from its field path (`entries.2.reason`), in the order the
 * entries were sent.
 */
export function entryOfError(field: string | null | undefined, sent: readonly { enrollmentId: string }[]) {
  const index = /^(?:input\.)?entries\.(\d+)\./.exec(field ?? '')?.[1];
  return index === undefined ? null : (sent[Number(index)]?.enrollmentId ?? null);
}
