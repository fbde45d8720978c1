/** A calendar day `years` years later; 29 February becomes 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const SURVIVAL_YEARS = [1, 2, 3, 4, 5] as const;

export interface SurvivalYear<C> {
  years: number;
  /** The anniversary of the exit: the check is due from that day. */
  dueOn: string;
  due: boolean;
  check: C | null;
}

/** The five yearly checks after an exit: each one's anniversary, whether it is due, and its result. */
export function survivalYears<C extends { yearsAfterExit: number }>(
  exitedOn: string,
  today: string,
  checks: readonly C[],
): SurvivalYear<C>[] {
  return SURVIVAL_YEARS.map((years) => {
    const dueOn = addYears(exitedOn, years);
    return {
      years,
      dueOn,
      due: dueOn <= today,
      check: checks.find((c) => c.yearsAfterExit === years) ?? null,
    };
  });
}
