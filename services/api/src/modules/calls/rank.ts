// The jury's arithmetic, kept free of the database so it can be checked by hand.
//
// Jurors mark on different personal scales: one gives 12 to 16, another 5 to 15. Ranking by raw
// means would let the harshest or the most generous juror decide who sits on which application.
// Each juror's weighted scores are therefore turned into z-scores over everything that juror
// submitted in the call; an application's normalised score is the mean z of its evaluations.

export interface CriterionMark {
  weight: number;
  value: number;
}

/** A submitted evaluation: one juror's marks on one application. */
export interface SubmittedEvaluation {
  applicationId: string;
  jurorId: string;
  marks: readonly CriterionMark[];
}

export interface Candidate {
  id: string;
  categoryId: string;
  /** YYYY-MM-DD: an earlier application wins a tie. */
  submittedOn: string;
  /** Milliseconds since the epoch; breaks a tie between applications of the same day. */
  createdAt: number;
}

export interface RankedEntry {
  applicationId: string;
  categoryId: string;
  /** 1-based within the category. */
  rank: number;
  normalizedScore: number;
  rawScore: number;
  evaluations: number;
  withinPlaces: boolean;
}

export interface Ranking {
  /** Every scored candidate, by category, best first. */
  entries: RankedEntry[];
  /** Candidates without a submitted evaluation, per category. */
  unscored: Map<string, number>;
}

/** Σ weight × score ÷ Σ weight. */
export function weightedScore(marks: readonly CriterionMark[]): number {
  let weighted = 0;
  let weights = 0;
  for (const { weight, value } of marks) {
    weighted += weight * value;
    weights += weight;
  }
  return weights === 0 ? 0 : weighted / weights;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** z-scores of one juror's scores, with the population standard deviation; 0 when it is 0. */
export function zScores(scores: readonly number[]): number[] {
  if (scores.length < 2) return scores.map(() => 0);
  const m = mean(scores);
  const sd = Math.sqrt(mean(scores.map((s) => (s - m) ** 2)));
  // Equal marks (within float noise) tell nothing about order.
  if (sd < 1e-9) return scores.map(() => 0);
  return scores.map((s) => (s - m) / sd);
}

// Scores computed two ways (sums of z in another order) may differ in the last bits.
const EPSILON = 1e-9;
const compareDesc = (a: number, b: number) => (Math.abs(a - b) < EPSILON ? 0 : b - a);

/**
 * Ranks the candidates within their category: normalised score, then raw mean (both highest
 * first), then the earlier application. Evaluations of anything but the candidates (a withdrawn
 * application) are ignored, in the normalisation too.
 */
export function rank(
  candidates: readonly Candidate[],
  evaluations: readonly SubmittedEvaluation[],
  places: ReadonlyMap<string, number>,
): Ranking {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const counted = evaluations.filter((e) => byId.has(e.applicationId));

  const byJuror = new Map<string, { applicationId: string; score: number }[]>();
  for (const e of counted) {
    const list = byJuror.get(e.jurorId) ?? [];
    list.push({ applicationId: e.applicationId, score: weightedScore(e.marks) });
    byJuror.set(e.jurorId, list);
  }

  const perApplication = new Map<string, { z: number[]; raw: number[] }>();
  for (const scored of byJuror.values()) {
    const z = zScores(scored.map((s) => s.score));
    scored.forEach((s, i) => {
      const acc = perApplication.get(s.applicationId) ?? { z: [], raw: [] };
      acc.z.push(z[i]!);
      acc.raw.push(s.score);
      perApplication.set(s.applicationId, acc);
    });
  }

  const unscored = new Map<string, number>();
  const byCategory = new Map<string, Omit<RankedEntry, 'rank' | 'withinPlaces'>[]>();
  for (const c of candidates) {
    const acc = perApplication.get(c.id);
    if (!acc) {
      unscored.set(c.categoryId, (unscored.get(c.categoryId) ?? 0) + 1);
      continue;
    }
    const list = byCategory.get(c.categoryId) ?? [];
    list.push({
      applicationId: c.id,
      categoryId: c.categoryId,
      normalizedScore: mean(acc.z),
      rawScore: mean(acc.raw),
      evaluations: acc.z.length,
    });
    byCategory.set(c.categoryId, list);
  }

  const entries: RankedEntry[] = [];
  for (const [categoryId, list] of byCategory) {
    list.sort((a, b) => {
      const ca = byId.get(a.applicationId)!;
      const cb = byId.get(b.applicationId)!;
      return (
        compareDesc(a.normalizedScore, b.normalizedScore) ||
        compareDesc(a.rawScore, b.rawScore) ||
        ca.submittedOn.localeCompare(cb.submittedOn) ||
        ca.createdAt - cb.createdAt ||
        ca.id.localeCompare(cb.id)
      );
    });
    const taken = places.get(categoryId) ?? 0;
    for (const [i, entry] of list.entries())
      entries.push({ ...entry, rank: i + 1, withinPlaces: i + 1 <= taken });
  }
  return { entries, unscored };
}
