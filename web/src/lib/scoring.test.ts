import { describe, expect, it } from 'vitest';
import { checkDraft, parseScore, scoreProblem, toScoreInputs, weightedTotal, weightShare } from './scoring';

const RANGE = { min: 0, max: 20 };
const CRITERIA = [
  { id: 'viability', weight: 3 },
  { id: 'impact', weight: 2 },
  { id: 'team', weight: 1 },
];

describe('a juror’s scores', () => {
  it('read a comma or a dot as the decimal mark, two decimals at most', () => {
    expect(parseScore('14,5')).toBe(14.5);
    expect(parseScore(' 14.25 ')).toBe(14.25);
    expect(parseScore('20')).toBe(20);
    expect(parseScore('14,555')).toBeNull();
    expect(parseScore('quatorze')).toBeNull();
    expect(parseScore('')).toBeNull();
    // Arabic-Indic digits and decimal separator, as an Arabic phone keyboard types them.
    expect(parseScore('١٤٫٥')).toBe(14.5);
  });

  it('stay within the call’s range, both ends included', () => {
    expect(scoreProblem('0', RANGE)).toBeNull();
    expect(scoreProblem('20', RANGE)).toBeNull();
    expect(scoreProblem('20,01', RANGE)).toBe('errors.SCORE_OUT_OF_RANGE');
    expect(scoreProblem('-1', RANGE)).toBe('errors.SCORE_OUT_OF_RANGE');
    expect(scoreProblem('abc', RANGE)).toBe('scoring.notANumber');
    // An empty box is "not scored yet", not an error.
    expect(scoreProblem('', RANGE)).toBeNull();
    expect(scoreProblem('4', { min: 5, max: 10 })).toBe('errors.SCORE_OUT_OF_RANGE');
  });

  it('weigh each criterion: Σ weight × score ÷ Σ weight, once every criterion is scored', () => {
    // (3 × 16 + 2 × 12 + 1 × 9) ÷ 6 = 81 ÷ 6 = 13.5
    expect(weightedTotal(CRITERIA, { viability: '16', impact: '12', team: '9' }, RANGE)).toBe(13.5);
    // (3 × 10,5 + 2 × 20 + 1 × 0) ÷ 6 = 71,5 ÷ 6
    expect(weightedTotal(CRITERIA, { viability: '10,5', impact: '20', team: '0' }, RANGE)).toBeCloseTo(
      11.9167,
      4,
    );
    expect(weightedTotal(CRITERIA, { viability: '16', impact: '12' }, RANGE)).toBeNull();
    expect(weightedTotal(CRITERIA, { viability: '16', impact: '12', team: '25' }, RANGE)).toBeNull();
  });

  it('count what is scored and say whether the evaluation can be submitted', () => {
    expect(checkDraft(CRITERIA, { viability: '16', impact: '' }, RANGE)).toEqual({
      problems: {},
      scored: 1,
      complete: false,
    });
    expect(checkDraft(CRITERIA, { viability: '16', impact: '30', team: '2' }, RANGE)).toEqual({
      problems: { impact: 'errors.SCORE_OUT_OF_RANGE' },
      scored: 2,
      complete: false,
    });
    expect(checkDraft(CRITERIA, { viability: '16', impact: '3', team: '2' }, RANGE).complete).toBe(true);
  });

  it('save only the valid scores of a draft, in the criteria’s order', () => {
    expect(toScoreInputs(CRITERIA, { team: '7', viability: '12,5', impact: 'x' }, RANGE)).toEqual([
      { criterionId: 'viability', value: 12.5 },
      { criterionId: 'team', value: 7 },
    ]);
  });

  it('show each criterion’s share of the total', () => {
    expect(weightShare(CRITERIA, CRITERIA[0]!)).toBe(0.5);
    expect(weightShare(CRITERIA, CRITERIA[2]!)).toBeCloseTo(1 / 6);
  });
});
