import { describe, expect, it } from 'vitest';
import { type Candidate, rank, type SubmittedEvaluation, weightedScore, zScores } from './rank.js';

const candidate = (id: string, overrides: Partial<Candidate> = {}): Candidate => ({
  id,
  categoryId: 'cat',
  submittedOn: '2026-03-01',
  createdAt: 0,
  ...overrides,
});
const one = (applicationId: string, jurorId: string, value: number): SubmittedEvaluation => ({
  applicationId,
  jurorId,
  marks: [{ weight: 1, value }],
});

// √(3/2): the z of the lowest and highest of three evenly spaced scores (population σ).
const Z = Math.sqrt(1.5);

describe('weightedScore', () => {
  it('is Σ w·s ÷ Σ w', () => {
    expect(
      weightedScore([
        { weight: 2, value: 15 },
        { weight: 1, value: 12 },
      ]),
    ).toBe(14);
    expect(
      weightedScore([
        { weight: 3, value: 10 },
        { weight: 1, value: 18 },
      ]),
    ).toBe(12);
  });
});

describe('zScores', () => {
  it('uses the population standard deviation', () => {
    // 12, 14, 16: mean 14, σ = √(8/3) = 1.633.
    const z = zScores([12, 14, 16]);
    expect(z[0]).toBeCloseTo(-1.224745, 6);
    expect(z[1]).toBeCloseTo(0, 12);
    expect(z[2]).toBeCloseTo(1.224745, 6);
  });

  it('is 0 for a single score and for equal scores', () => {
    expect(zScores([17])).toEqual([0]);
    expect(zScores([11, 11, 11])).toEqual([0, 0, 0]);
  });
});

describe('rank', () => {
  it('normalises each juror over the call: a harsh and a lenient juror weigh the same', () => {
    // Juror A marks on two criteria (weights 2 and 1); the weighted scores are 12, 14, 16.
    // Juror B marks 15, 5, 10 on the same three.
    //   A: mean 14, σ = √(8/3)  → z(X) = −√1.5, z(Y) = 0,     z(Z) = +√1.5
    //   B: mean 10, σ = √(50/3) → z(X) = +√1.5, z(Y) = −√1.5, z(Z) = 0
    //   normalised: X = 0, Y = −√1.5/2 = −0.6124, Z = +√1.5/2 = +0.6124
    //   raw means:  X = 13.5, Y = 9.5, Z = 13
    // On raw means X would come first; normalised, Z does.
    const marks = (a: number, b: number) => [
      { weight: 2, value: a },
      { weight: 1, value: b },
    ];
    const evaluations: SubmittedEvaluation[] = [
      { applicationId: 'X', jurorId: 'A', marks: marks(12, 12) },
      { applicationId: 'Y', jurorId: 'A', marks: marks(15, 12) },
      { applicationId: 'Z', jurorId: 'A', marks: marks(16, 16) },
      one('X', 'B', 15),
      one('Y', 'B', 5),
      one('Z', 'B', 10),
    ];
    const { entries, unscored } = rank(
      [candidate('X'), candidate('Y'), candidate('Z'), candidate('W')],
      evaluations,
      new Map([['cat', 2]]),
    );
    expect(entries.map((e) => [e.applicationId, e.rank, e.withinPlaces, e.evaluations])).toEqual([
      ['Z', 1, true, 2],
      ['X', 2, true, 2],
      ['Y', 3, false, 2],
    ]);
    const byId = new Map(entries.map((e) => [e.applicationId, e]));
    expect(byId.get('Z')!.normalizedScore).toBeCloseTo(Z / 2, 9);
    expect(byId.get('X')!.normalizedScore).toBeCloseTo(0, 9);
    expect(byId.get('Y')!.normalizedScore).toBeCloseTo(-Z / 2, 9);
    expect(byId.get('Z')!.rawScore).toBeCloseTo(13, 9);
    expect(byId.get('X')!.rawScore).toBeCloseTo(13.5, 9);
    expect(byId.get('Y')!.rawScore).toBeCloseTo(9.5, 9);
    expect(unscored.get('cat')).toBe(1);
  });

  it('breaks ties by raw mean, then the earlier application', () => {
    // One juror each: every z is 0, so the raw mean decides, then the day, then the instant.
    const { entries } = rank(
      [
        candidate('late', { submittedOn: '2026-03-05' }),
        candidate('early', { submittedOn: '2026-03-02' }),
        candidate('second', { submittedOn: '2026-03-02', createdAt: 2000 }),
        candidate('best'),
      ],
      [one('late', 'J1', 10), one('early', 'J2', 10), one('second', 'J3', 10), one('best', 'J4', 11)],
      new Map([['cat', 1]]),
    );
    expect(entries.map((e) => e.applicationId)).toEqual(['best', 'early', 'second', 'late']);
    expect(entries.every((e) => e.normalizedScore === 0)).toBe(true);
  });

  it('ranks each category on its own, over a normalisation that spans the call', () => {
    // Juror A scores 8 (cat 1) and 12, 16 (cat 2): mean 12, σ = √(32/3) = 3.266.
    // z: a1 = −1.2247, b1 = 0, b2 = +1.2247. Juror B scores only a2: one score, z = 0.
    const { entries } = rank(
      [
        candidate('a1', { categoryId: 'one' }),
        candidate('a2', { categoryId: 'one' }),
        candidate('b1', { categoryId: 'two' }),
        candidate('b2', { categoryId: 'two' }),
      ],
      [one('a1', 'A', 8), one('b1', 'A', 12), one('b2', 'A', 16), one('a2', 'B', 3)],
      new Map([
        ['one', 1],
        ['two', 1],
      ]),
    );
    const view = entries.map((e) => [e.categoryId, e.applicationId, e.rank, e.withinPlaces]);
    expect(view).toEqual([
      ['one', 'a2', 1, true],
      ['one', 'a1', 2, false],
      ['two', 'b2', 1, true],
      ['two', 'b1', 2, false],
    ]);
    expect(entries[1]!.normalizedScore).toBeCloseTo(-Z, 9);
  });

  it('leaves evaluations of withdrawn applications out of the normalisation', () => {
    // With W counted, juror A's scores 10, 20, 30 would give X a z of 0; without it X is −1.
    const { entries } = rank(
      [candidate('X'), candidate('Y')],
      [one('X', 'A', 20), one('Y', 'A', 30), one('W', 'A', 10)],
      new Map([['cat', 5]]),
    );
    expect(entries.map((e) => [e.applicationId, e.normalizedScore])).toEqual([
      ['Y', 1],
      ['X', -1],
    ]);
  });
});
