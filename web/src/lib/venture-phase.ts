import type { VenturePhase } from '../gql/graphql';

export const VENTURE_PHASES: readonly VenturePhase[] = [
  'SELECTION',
  'INCUBATION',
  'POST_INCUBATION',
  'EXITED',
  'ABANDONED',
];

// The moves the API allows (it answers ILLEGAL_TRANSITION to any other): one step forward, or
// abandoning before the exit. The menu offers only these.
const NEXT: Record<VenturePhase, readonly VenturePhase[]> = {
  SELECTION: ['INCUBATION', 'ABANDONED'],
  INCUBATION: ['POST_INCUBATION', 'ABANDONED'],
  POST_INCUBATION: ['EXITED', 'ABANDONED'],
  EXITED: [],
  ABANDONED: [],
};

export function nextPhases(from: VenturePhase): readonly VenturePhase[] {
  return NEXT[from];
}

/** Abandoning must be explained (REASON_REQUIRED otherwise). */
export const phaseNeedsReason = (to: VenturePhase) => to === 'ABANDONED';
