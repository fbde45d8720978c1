import type { VenturePhase } from '../gql/graphql';

/** A cohort's ventures per phase, as the API counts them. */
export interface CohortPhaseCounts {
  label: string;
  selection: number;
  incubation: number;
  postIncubation: number;
  exited: number;
  abandoned: number;
}

export interface PhaseSegment {
  phase: VenturePhase;
  count: number;
  /** Share of the widest cohort's bar (0–1): segments of every bar are on one scale. */
  width: number;
}

export interface CohortBar {
  label: string;
  total: number;
  /** The bar's length as a share of the widest cohort's (0–1). */
  width: number;
  /** In the order a venture moves through them; empty phases are left out. */
  segments: PhaseSegment[];
}

const FIELDS: readonly [VenturePhase, keyof Omit<CohortPhaseCounts, 'label'>][] = [
  ['SELECTION', 'selection'],
  ['INCUBATION', 'incubation'],
  ['POST_INCUBATION', 'postIncubation'],
  ['EXITED', 'exited'],
  ['ABANDONED', 'abandoned'],
];

/**
 * One stacked bar per cohort, all on the scale of the largest cohort, so both a cohort's size and
 * how far its ventures have moved read at a glance.
 */
export function cohortBars(cohorts: readonly CohortPhaseCounts[]): CohortBar[] {
  const totals = cohorts.map((c) => FIELDS.reduce((sum, [, field]) => sum + c[field], 0));
  const widest = Math.max(0, ...totals);
  return cohorts.map((cohort, i) => {
    const total = totals[i] ?? 0;
    return {
      label: cohort.label,
      total,
      width: widest > 0 ? total / widest : 0,
      segments: FIELDS.filter(([, field]) => cohort[field] > 0).map(([phase, field]) => ({
        phase,
        count: cohort[field],
        width: cohort[field] / widest,
      })),
    };
  });
}
