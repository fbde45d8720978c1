import type { PlacementStatus } from '../gql/graphql';

export interface BoardPlacement {
  id: string;
  status: PlacementStatus;
  startsOn: string;
  statusChangedAt: string;
  enrollment: { id: string };
}

export interface Board<E, P> {
  /** Enrolled, nothing confirmed and no answer awaited: the coordinator has to act. */
  toPlace: E[];
  /** Waiting for the artisan's answer. */
  proposed: P[];
  /** The artisan said yes (CONFIRMED), or the placement is under way (ACTIVE). */
  placed: P[];
  /** Said no, with a reason; the trainee is back among those to place. */
  declined: P[];
  /** Over: completed, or ended early with a reason. */
  closed: P[];
}

const COLUMN: Record<PlacementStatus, Exclude<keyof Board<unknown, unknown>, 'toPlace'>> = {
  PROPOSED: 'proposed',
  CONFIRMED: 'placed',
  ACTIVE: 'placed',
  DECLINED: 'declined',
  COMPLETED: 'closed',
  ENDED_EARLY: 'closed',
};

const byStart = (a: BoardPlacement, b: BoardPlacement) =>
  a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id);
const newestAnswerFirst = (a: BoardPlacement, b: BoardPlacement) =>
  b.statusChangedAt.localeCompare(a.statusChangedAt) || a.id.localeCompare(b.id);

/**
 * A cohort's placement board. `unplaced` are the enrolled trainees with nothing confirmed (the API's
 * `unplacedTrainees`): those already waiting for an answer show among the proposals only, so each
 * trainee appears once where something is to be done. A placement listed twice (two pages of the same
 * answer) counts once.
 */
export function groupBoard<E extends { id: string }, P extends BoardPlacement>(
  unplaced: readonly E[],
  placements: readonly P[],
): Board<E, P> {
  const board: Board<E, P> = { toPlace: [], proposed: [], placed: [], declined: [], closed: [] };
  const seen = new Set<string>();
  for (const placement of placements) {
    if (seen.has(placement.id)) continue;
    seen.add(placement.id);
    board[COLUMN[placement.status]].push(placement);
  }
  const waiting = new Set(board.proposed.map((p) => p.enrollment.id));
  board.toPlace = unplaced.filter((enrollment) => !waiting.has(enrollment.id));
  board.proposed.sort(byStart);
  board.placed.sort(byStart);
  board.declined.sort(newestAnswerFirst);
  board.closed.sort(newestAnswerFirst);
  return board;
}
