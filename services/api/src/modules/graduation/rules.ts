import type { ProgrammeRow } from '../../db/rows.js';
import { UserError, UserErrors } from '../../graphql/errors.js';
import type {
  CompletionRules,
  GraduationBlocker,
  GraduationBlockerCode,
  SetCompletionRulesInput,
} from '../../graphql/generated/resolvers.js';

/*
 * A programme's completion rules and what blocks a trainee against them. Pure: the figures come
 * from standing.ts (the attendance ledger, the assessments), the rules from the programme row.
 *
 * - ATTENDANCE_TOO_LOW: the ledger's attendance rate (attended ÷ due hours, up to today, over the
 *   cohort's dates) is below minAttendanceRate. A trainee with nothing due has no rate: nothing
 *   shows they attended, so they are blocked too (actual null), unless the programme asks for no
 *   attendance at all (minAttendanceRate 0). A director who knows better overrides, with a reason.
 * - PRACTICE_HOURS_TOO_LOW: only when the programme sets minPracticeHours.
 * - each final assessment (instructor's, host artisan's) must exist and reach the pass mark.
 * Rates and hours are compared as the ledger shows them (rate to 4 decimals, hours to 2), so a
 * blocker never says "0.8 required, 0.8 actual".
 */

export const DEFAULT_RULES: CompletionRules = {
  minAttendanceRate: 0.8,
  minPracticeHours: null,
  passMark: 10,
};
/** Assessments are marks out of 20. */
export const MAX_SCORE = 20;
/** A practice minimum beyond this is a typing error (a two-year programme is about 3,000 hours). */
const MAX_PRACTICE_HOURS = 10_000;

export function rulesOf(programme: ProgrammeRow): CompletionRules {
  return {
    minAttendanceRate: Number(programme.min_attendance_rate),
    minPracticeHours: programme.min_practice_hours === null ? null : Number(programme.min_practice_hours),
    passMark: Number(programme.pass_mark),
  };
}

/** What the rules are checked against, for one enrollment. */
export interface Standing {
  enrolled: boolean;
  /** The ledger's rate (null when nothing was due). */
  attendanceRate: number | null;
  attendedPracticeHours: number;
  instructorScore: number | null;
  artisanScore: number | null;
}

// Marks and rates are stored with two decimals: compare in hundredths, never as floats.
const cents = (value: number) => Math.round(value * 100);
export const passes = (score: number, passMark: number) => cents(score) >= cents(passMark);

/** Every rule the standing does not meet, in a fixed order, each with its figures. */
export function blockersOf(rules: CompletionRules, standing: Standing): GraduationBlocker[] {
  const blockers: GraduationBlocker[] = [];
  const add = (code: GraduationBlockerCode, required: number | null, actual: number | null) =>
    blockers.push({ code, required, actual });
  if (!standing.enrolled) add('NOT_ENROLLED', null, null);
  const rate = standing.attendanceRate;
  if (rules.minAttendanceRate > 0 && (rate === null || rate < rules.minAttendanceRate - 1e-9)) {
    add('ATTENDANCE_TOO_LOW', rules.minAttendanceRate, rate);
  }
  const practice = rules.minPracticeHours ?? null;
  if (practice !== null && standing.attendedPracticeHours < practice - 1e-9) {
    add('PRACTICE_HOURS_TOO_LOW', practice, standing.attendedPracticeHours);
  }
  const assessment = (
    score: number | null,
    missing: GraduationBlockerCode,
    failed: GraduationBlockerCode,
  ) => {
    if (score === null) add(missing, rules.passMark, null);
    else if (!passes(score, rules.passMark)) add(failed, rules.passMark, score);
  };
  assessment(standing.instructorScore, 'INSTRUCTOR_ASSESSMENT_MISSING', 'INSTRUCTOR_ASSESSMENT_FAILED');
  assessment(standing.artisanScore, 'ARTISAN_ASSESSMENT_MISSING', 'ARTISAN_ASSESSMENT_FAILED');
  return blockers;
}

/** The rules as a director typed them, checked (every problem at once) and ready to store. */
export function checkRules(input: SetCompletionRulesInput) {
  const errors: UserError[] = [];
  const { minAttendanceRate: rate, minPracticeHours: hours, passMark } = input;
  // numeric(3, 2): a rate has two decimals at most.
  if (!Number.isFinite(rate) || rate < 0 || rate > 1 || Math.abs(rate * 100 - cents(rate)) > 1e-6)
    errors.push(new UserError('INVALID_INPUT', 'minAttendanceRate'));
  if (
    hours != null &&
    (!Number.isFinite(hours) ||
      hours < 0 ||
      hours > MAX_PRACTICE_HOURS ||
      Math.abs(hours * 10 - Math.round(hours * 10)) > 1e-6)
  )
    errors.push(new UserError('INVALID_INPUT', 'minPracticeHours'));
  if (
    !Number.isFinite(passMark) ||
    passMark < 0 ||
    passMark > MAX_SCORE ||
    Math.abs(passMark * 100 - cents(passMark)) > 1e-6
  )
    errors.push(new UserError('INVALID_INPUT', 'passMark'));
  if (errors.length > 0) throw new UserErrors(errors);
  return {
    min_attendance_rate: rate.toFixed(2),
    min_practice_hours: hours == null ? null : hours.toFixed(1),
    pass_mark: passMark.toFixed(2),
  };
}
