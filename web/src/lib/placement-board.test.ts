// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PlacementStatus } from '../gql/graphql';
import { groupBoard } from './placement-board';

const placement = (
  id: string,
  enrollmentId: string,
  status: PlacementStatus,
  startsOn = '2026-12-07',
  at = '2026-11-20',
) => ({
  id,
  status,
  startsOn,
  statusChangedAt: `${at}T09:00:00Z`,
  enrollment: { id: enrollmentId },
});

describe('a cohort’s placement board', () => {
  const unplaced = [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }, { id: 'e4' }];
  const placements = [
    placement('p-a', 'e1', 'PROPOSED', '2026-12-14'),
    placement('p-b', 'e2', 'DECLINED', '2026-12-07', '2026-11-21'),
    placement('p-c', 'e3', 'DECLINED', '2026-12-07', '2026-11-25'),
    placement('p-d', 'e3', 'PROPOSED', '2026-12-07'),
    placement('p-e', 'e9', 'ACTIVE', '2026-09-28'),
    placement('p-f', 'e8', 'CONFIRMED', '2026-12-01'),
    placement('p-g', 'e7', 'ENDED_EARLY'),
    placement('p-h', 'e6', 'COMPLETED'),
  ];

  it('puts each placement in its column: proposed, placed (confirmed or active), declined, closed', () => {
    const board = groupBoard(unplaced, placements);
    expect(board.proposed.map((p) => p.id)).toEqual(['p-d', 'p-a']);
    expect(board.placed.map((p) => p.id)).toEqual(['p-e', 'p-f']);
    expect(board.declined.map((p) => p.id)).toEqual(['p-c', 'p-b']);
    expect(board.closed.map((p) => p.id).sort()).toEqual(['p-g', 'p-h']);
  });

  it('lists among those to place only the trainees with no answer awaited, a declined one included', () => {
    const board = groupBoard(unplaced, placements);
    // e1 and e3 wait for an answer; e2 was declined and needs a new proposal.
    expect(board.toPlace.map((e) => e.id)).toEqual(['e2', 'e4']);
  });

  it('counts a placement listed twice only once', () => {
    const board = groupBoard([], [placements[0]!, placements[0]!]);
    expect(board.proposed).toHaveLength(1);
  });
});
