import type { MessageId } from '../i18n/messages';

/** The call's scale: every criterion is scored in [min, max]. */
export interface ScoreRange {
  min: number;
  max: number;
}

export interface WeightedCriterion {
  id: string;
  weight: number;
}

/** What the juror typed per criterion id, as typed ('' = not scored yet). */
export type ScoreDraft = Record<string, string>;

// Scores are kept with two decimals at most (the API stores numeric(6, 2)); a comma is the usual
// decimal mark on Moroccan keyboards in French, a dot in Arabic.
const SCORE = /^-?\d+(?:[.,]\d{1,2})?$/;

// A phone set to Arabic may type Arabic-Indic digits and the Arabic decimal separator.
const toLatinDigits = (text: string) =>
  text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\u066b/g, '.');

/** The number typed, or null when it is not one (empty, letters, three decimals). */
export function parseScore(text: string): number | null {
  const trimmed = toLatinDigits(text.trim());
  if (!SCORE.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/** Why a typed score cannot be sent, or null when it can (an empty box is "not scored yet"). */
export function scoreProblem(text: string, range: ScoreRange): MessageId | null {
  if (text.trim() === '') return null;
  const value = parseScore(text);
  if (value === null) return 'scoring.notANumber';
  if (value < range.min || value > range.max) return 'errors.SCORE_OUT_OF_RANGE';
  return null;
}

export interface DraftCheck {
  /** A problem per criterion id, for those that have one. */
  problems: Partial<Record<string, MessageId>>;
  /** Criteria with a valid score. */
  scored: number;
  /** Every criterion scored, none invalid: the evaluation can be submitted. */
  complete: boolean;
}

/** Where the draft stands: what is wrong, how much is scored, whether it can be submitted. */
export function checkDraft(
  criteria: readonly WeightedCriterion[],
  draft: ScoreDraft,
  range: ScoreRange,
): DraftCheck {
  const problems: Partial<Record<string, MessageId>> = {};
  let scored = 0;
  for (const criterion of criteria) {
    const text = draft[criterion.id] ?? '';
    const problem = scoreProblem(text, range);
    if (problem) problems[criterion.id] = problem;
    else if (text.trim() !== '') scored += 1;
  }
  return { problems, scored, complete: criteria.length > 0 && scored === criteria.length };
}

/**
 * Σ weight × score ÷ Σ weight, as the API computes an evaluation's weighted score: only once every
 * criterion has a valid score (a partial mean would read as a final one).
 */
export function weightedTotal(
  criteria: readonly WeightedCriterion[],
  draft: ScoreDraft,
  range: ScoreRange,
): number | null {
  if (!checkDraft(criteria, draft, range).complete) return null;
  let weights = 0;
  let sum = 0;
  for (const criterion of criteria) {
    const value = parseScore(draft[criterion.id] ?? '') as number;
    weights += criterion.weight;
    sum += criterion.weight * value;
  }
  return weights > 0 ? sum / weights : null;
}

/** Each criterion's share of the total (weight ÷ Σ weights), for the juror to see what counts most. */
export function weightShare(criteria: readonly WeightedCriterion[], criterion: WeightedCriterion): number {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return total > 0 ? criterion.weight / total : 0;
}

/** The scores to save: every valid one typed (a draft may be partial; submit needs them all). */
export function toScoreInputs(
  criteria: readonly WeightedCriterion[],
  draft: ScoreDraft,
  range: ScoreRange,
): { criterionId: string; value: number }[] {
  return criteria.flatMap((criterion) => {
    const text = draft[criterion.id] ?? '';
    if (text.trim() === '' || scoreProblem(text, range)) return [];
    return [{ criterionId: criterion.id, value: parseScore(text) as number }];
  });
}

/** A saved evaluation's scores as the form shows them. */
export function draftFrom(scores: readonly { criterion: { id: string }; value: number }[]): ScoreDraft {
  return Object.fromEntries(scores.map((s) => [s.criterion.id, String(s.value)]));
}
