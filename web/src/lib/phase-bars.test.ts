import { describe, expect, it } from 'vitest';
import { cohortBars } from './phase-bars';

const cohort = (label: string, counts: [number, number, number, number, number]) => ({
  label,
  selection: counts[0],
  incubation: counts[1],
  postIncubation: counts[2],
  exited: counts[3],
  abandoned: counts[4],
});

describe('cohort bars', () => {
  it('put every bar on the largest cohort’s scale, segments in the order ventures move', () => {
    const [c7, c8] = cohortBars([
      cohort('Cohorte 7', [0, 0, 4, 10, 6]),
      cohort('Cohorte 8', [5, 5, 0, 0, 0]),
    ]);
    expect(c7).toEqual({
      label: 'Cohorte 7',
      total: 20,
      width: 1,
      segments: [
        { phase: 'POST_INCUBATION', count: 4, width: 0.2 },
        { phase: 'EXITED', count: 10, width: 0.5 },
        { phase: 'ABANDONED', count: 6, width: 0.3 },
      ],
    });
    // Half the size of the largest cohort: half as long, each segment on the same scale.
    expect(c8?.width).toBe(0.5);
    expect(c8?.segments).toEqual([
      { phase: 'SELECTION', count: 5, width: 0.25 },
      { phase: 'INCUBATION', count: 5, width: 0.25 },
    ]);
  });

  it('draw an empty cohort as an empty bar, and nothing at all without cohorts', () => {
    expect(cohortBars([cohort('Vide', [0, 0, 0, 0, 0])])).toEqual([
      { label: 'Vide', total: 0, width: 0, segments: [] },
    ]);
    expect(cohortBars([])).toEqual([]);
  });
});
