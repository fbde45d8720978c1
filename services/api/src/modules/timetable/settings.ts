import type { Tx } from '../../db/with-tenant.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type { TimetableSettings, UpdateTimetableSettingsInput } from '../../graphql/generated/resolvers.js';
import { isWallTime, wallTime } from './clock.js';

/** A centre's timetable settings: wall times as HH:mm, the ledger tolerance as a number. */
export interface Settings {
  theory_starts: string;
  theory_ends: string;
  practice_starts: string;
  practice_ends: string;
  ledger_tolerance: number;
}

/** What a centre has before it saves its own (the column defaults of timetable_setting). */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theory_starts: '09:00',
  theory_ends: '13:00',
  practice_starts: '09:00',
  practice_ends: '16:00',
  ledger_tolerance: 0.05,
};

export const MAX_LEDGER_TOLERANCE = 0.5;

/** The tenant's settings (row-level security picks its row), or the defaults when it has none yet. */
export async function settingsIn(tx: Tx): Promise<Settings> {
  const row = await tx.selectFrom('timetable_setting').selectAll().executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    theory_starts: wallTime(row.theory_starts),
    theory_ends: wallTime(row.theory_ends),
    practice_starts: wallTime(row.practice_starts),
    practice_ends: wallTime(row.practice_ends),
    // numeric comes back from pg as a string ('0.05').
    ledger_tolerance: Number(row.ledger_tolerance),
  };
}

export function settingsView(settings: Settings): TimetableSettings {
  return {
    theoryStarts: settings.theory_starts,
    theoryEnds: settings.theory_ends,
    practiceStarts: settings.practice_starts,
    practiceEnds: settings.practice_ends,
    ledgerTolerance: settings.ledger_tolerance,
  };
}

const TIME_FIELDS = [
  ['theoryStarts', 'theory_starts'],
  ['theoryEnds', 'theory_ends'],
  ['practiceStarts', 'practice_starts'],
  ['practiceEnds', 'practice_ends'],
] as const;

/**
 * `current` changed by `input` (a field left out or null stays as it is), or every problem at once:
 * INVALID_TIME for a time that is not HH:mm or an end not after its start, INVALID_INPUT for a
 * tolerance outside 0–0.5.
 */
export function applySettingsInput(current: Settings, input: UpdateTimetableSettingsInput): Settings {
  const next: Settings = { ...current };
  const problems: UserError[] = [];
  for (const [field, column] of TIME_FIELDS) {
    const raw = input[field];
    if (raw == null) continue;
    const value = raw.trim();
    if (isWallTime(value)) next[column] = value;
    else problems.push(new UserError('INVALID_TIME', field));
  }
  const invalid = new Set(problems.map((p) => p.field));
  if (!invalid.has('theoryStarts') && !invalid.has('theoryEnds') && next.theory_starts >= next.theory_ends) {
    problems.push(new UserError('INVALID_TIME', 'theoryEnds'));
  }
  if (
    !invalid.has('practiceStarts') &&
    !invalid.has('practiceEnds') &&
    next.practice_starts >= next.practice_ends
  ) {
    problems.push(new UserError('INVALID_TIME', 'practiceEnds'));
  }
  if (input.ledgerTolerance != null) {
    const tolerance = input.ledgerTolerance;
    if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_LEDGER_TOLERANCE) {
      problems.push(new UserError('INVALID_INPUT', 'ledgerTolerance'));
    } else {
      // Stored as numeric(3, 2).
      next.ledger_tolerance = Math.round(tolerance * 100) / 100;
    }
  }
  if (problems.length > 0) throw new UserErrors(problems);
  return next;
}
