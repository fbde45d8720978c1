import { describe, expect, it } from 'vitest';
import { jurorState, nextToScore } from './juror-queue';

const app = (id: string, state: 'new' | 'draft' | 'submitted' | 'conflict', status = 'SUBMITTED') => ({
  id,
  status,
  myEvaluation:
    state === 'draft'
      ? { submittedAt: null }
      : state === 'submitted'
        ? { submittedAt: '2026-11-27T10:00:00Z' }
        : null,
  myConflict: state === 'conflict' ? { id: `c-${id}` } : null,
});

describe('the juror’s queue', () => {
  it('knows where the juror stands on each application', () => {
    expect(jurorState(app('a', 'new'))).toBe('TO_SCORE');
    expect(jurorState(app('a', 'draft'))).toBe('DRAFT');
    expect(jurorState(app('a', 'submitted'))).toBe('SUBMITTED');
    expect(jurorState(app('a', 'conflict'))).toBe('CONFLICT');
  });

  it('goes to the next application left to score, past submitted, conflicted and withdrawn ones, back to the start', () => {
    const list = [
      app('a1', 'new'),
      app('a2', 'submitted'),
      app('a3', 'conflict'),
      app('a4', 'new', 'WITHDRAWN'),
      app('a5', 'draft'),
      app('a6', 'submitted'),
    ];
    expect(nextToScore(list)).toBe('a1');
    expect(nextToScore(list, 'a1')).toBe('a5');
    expect(nextToScore(list, 'a5')).toBe('a1');
    expect(nextToScore(list, 'a6')).toBe('a1');
    expect(nextToScore([app('a1', 'new')], 'a1')).toBeNull();
    expect(nextToScore([app('a1', 'submitted'), app('a2', 'conflict')])).toBeNull();
  });
});
