// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GRADUATE_ANSWERS, hasPlace, nextRowId, outcomeFields, outcomeProblems } from './outcomes';

const TODAY = '2026-11-27';

describe('a follow-up answer', () => {
  it('has a place and a date only when the graduate is somewhere', () => {
    expect(hasPlace('HOST_COMPANY')).toBe(true);
    expect(hasPlace('FURTHER_TRAINING')).toBe(true);
    expect(hasPlace('SEEKING')).toBe(false);
    expect(hasPlace('UNREACHABLE')).toBe(false);
    expect(hasPlace(null)).toBe(false);
  });

  it('sends the place trimmed, leaves blanks out, and drops what does not apply', () => {
    expect(
      outcomeFields({ status: 'COOPERATIVE', organisation: '  Nour ', outcomeOn: '2026-03-01' }),
    ).toEqual({
      status: 'COOPERATIVE',
      organisation: 'Nour',
      outcomeOn: '2026-03-01',
    });
    expect(outcomeFields({ status: 'SELF_EMPLOYED', organisation: '   ', outcomeOn: '' })).toEqual({
      status: 'SELF_EMPLOYED',
    });
    expect(outcomeFields({ status: 'UNREACHABLE', organisation: 'Nour', outcomeOn: '2026-03-01' })).toEqual({
      status: 'UNREACHABLE',
    });
  });

  it('needs the employer of a graduate working for someone, not of one working on their own', () => {
    expect(outcomeProblems({ status: 'HOST_COMPANY', organisation: '  ', outcomeOn: '' }, TODAY)).toEqual({
      organisation: 'errors.REQUIRED',
    });
    expect(outcomeProblems({ status: 'COOPERATIVE', organisation: '', outcomeOn: '' }, TODAY)).toEqual({
      organisation: 'errors.REQUIRED',
    });
    expect(outcomeProblems({ status: 'SELF_EMPLOYED', organisation: '', outcomeOn: '' }, TODAY)).toEqual({});
    expect(outcomeProblems({ status: 'FURTHER_TRAINING', organisation: '', outcomeOn: '' }, TODAY)).toEqual(
      {},
    );
  });

  it('needs a status, a place of reasonable length and a start that has happened', () => {
    expect(outcomeProblems({ status: null, organisation: '', outcomeOn: '' }, TODAY)).toEqual({
      status: 'errors.REQUIRED',
    });
    expect(
      outcomeProblems(
        { status: 'HOST_COMPANY', organisation: 'x'.repeat(201), outcomeOn: '2026-11-28' },
        TODAY,
      ),
    ).toEqual({
      organisation: 'outcome.organisationTooLong',
      outcomeOn: 'errors.DATE_IN_FUTURE',
    });
    // A date typed for a status without a place is not sent, so it is not checked either.
    expect(outcomeProblems({ status: 'SEEKING', organisation: '', outcomeOn: '2030-01-01' }, TODAY)).toEqual(
      {},
    );
  });

  it('is never « unreachable » when the graduate answers themselves', () => {
    expect(GRADUATE_ANSWERS).not.toContain('UNREACHABLE');
    expect(GRADUATE_ANSWERS).toHaveLength(7);
  });
});

describe('the work list, once a row is recorded', () => {
  it('moves on to the next row, or back to the one before at the end', () => {
    expect(nextRowId(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextRowId(['a', 'b', 'c'], 'c')).toBe('b');
    expect(nextRowId(['a'], 'a')).toBeNull();
    expect(nextRowId(['a', 'b'], 'z')).toBeNull();
  });
});
