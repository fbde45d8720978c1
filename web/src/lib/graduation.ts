import type { AssessorRole, GraduationBlockerCode, Role } from '../gql/graphql';
import { intlTag, type Locale } from '../i18n/locale';
import type { MessageId } from '../i18n/messages';
import { pastDayProblem } from './past-day';

export interface BlockerLike {
  code: GraduationBlockerCode;
  required?: number | null;
  actual?: number | null;
}

type Translate = (id: MessageId, values?: Record<string, string | number>) => string;

/** A share (0.72) as a whole percent in the reader's language: « 72 % », « 72‎%‎ ». */
export function formatPercent(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** Hours or a mark as people write them: at most two decimals (« 312,5 »), no grouping surprise. */
export function formatFigure(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 }).format(value);
}

// The order a reader goes through the rules: the enrollment itself, then attendance, then the marks.
const ORDER: readonly GraduationBlockerCode[] = [
  'NOT_ENROLLED',
  'ATTENDANCE_TOO_LOW',
  'PRACTICE_HOURS_TOO_LOW',
  'INSTRUCTOR_ASSESSMENT_MISSING',
  'INSTRUCTOR_ASSESSMENT_FAILED',
  'ARTISAN_ASSESSMENT_MISSING',
  'ARTISAN_ASSESSMENT_FAILED',
];

export function sortBlockers<B extends BlockerLike>(blockers: readonly B[]): B[] {
  return [...blockers].sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code));
}

/**
 * One unmet rule in words, with what the trainee has and what the rule asks, e.g.
 * « Assiduité 72 % (80 % demandés) ». A missing figure reads « — » rather than a made-up zero.
 */
export function describeBlocker(blocker: BlockerLike, t: Translate, locale: Locale): string {
  const figure = (value: number | null | undefined, kind: 'rate' | 'number') =>
    value === null || value === undefined
      ? '—'
      : kind === 'rate'
        ? formatPercent(value, locale)
        : formatFigure(value, locale);
  const actual = (kind: 'rate' | 'number') => figure(blocker.actual, kind);
  const required = (kind: 'rate' | 'number') => figure(blocker.required, kind);
  switch (blocker.code) {
    case 'NOT_ENROLLED':
      return t('graduation.blocker.NOT_ENROLLED');
    case 'ATTENDANCE_TOO_LOW':
      return t('graduation.blocker.ATTENDANCE_TOO_LOW', {
        actual: actual('rate'),
        required: required('rate'),
      });
    case 'PRACTICE_HOURS_TOO_LOW':
      return t('graduation.blocker.PRACTICE_HOURS_TOO_LOW', {
        actual: actual('number'),
        required: required('number'),
      });
    case 'INSTRUCTOR_ASSESSMENT_MISSING':
      return t('graduation.blocker.INSTRUCTOR_ASSESSMENT_MISSING');
    case 'ARTISAN_ASSESSMENT_MISSING':
      return t('graduation.blocker.ARTISAN_ASSESSMENT_MISSING');
    case 'INSTRUCTOR_ASSESSMENT_FAILED':
      return t('graduation.blocker.INSTRUCTOR_ASSESSMENT_FAILED', {
        actual: actual('number'),
        required: required('number'),
      });
    case 'ARTISAN_ASSESSMENT_FAILED':
      return t('graduation.blocker.ARTISAN_ASSESSMENT_FAILED', {
        actual: actual('number'),
        required: required('number'),
      });
  }
}

/** The marks a person may record: instructors theirs, artisans theirs, directors and coordinators either. */
export function assessorRolesFor(roles: readonly Role[]): AssessorRole[] {
  if (roles.includes('DIRECTOR') || roles.includes('COORDINATOR')) return ['INSTRUCTOR', 'HOST_ARTISAN'];
  const allowed: AssessorRole[] = [];
  if (roles.includes('INSTRUCTOR')) allowed.push('INSTRUCTOR');
  if (roles.includes('HOST_ARTISAN')) allowed.push('HOST_ARTISAN');
  return allowed;
}

export const SCORE_MAX = 20;
export const COMMENT_MAX = 1000;

/**
 * A mark as typed: « 14,5 » or « 14.5 » (at most two decimals). Null when nothing was typed, NaN
 * when it is not a mark at all; the range is checked with the rest of the form.
 */
export function parseScore(text: string): number | null {
  const typed = text.trim();
  if (!typed) return null;
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(typed)) return Number.NaN;
  return Number(typed.replace(',', '.'));
}

export interface AssessmentDraft {
  score: number | null;
  comment: string;
  assessedOn: string;
}

/** What stops a mark from being sent as typed, by field (the API checks again). */
export function assessmentProblems(
  draft: AssessmentDraft,
  today: string,
): Partial<Record<'score' | 'comment' | 'assessedOn', MessageId>> {
  const problems: Partial<Record<'score' | 'comment' | 'assessedOn', MessageId>> = {};
  if (draft.score === null) problems.score = 'errors.REQUIRED';
  else if (Number.isNaN(draft.score) || draft.score < 0 || draft.score > SCORE_MAX)
    problems.score = 'assessment.scoreRange';
  if (draft.comment.trim().length > COMMENT_MAX) problems.comment = 'assessment.commentTooLong';
  const dayProblem = pastDayProblem(draft.assessedOn, today, { optional: true });
  if (dayProblem) problems.assessedOn = dayProblem;
  return problems;
}
