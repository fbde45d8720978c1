// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type Draft,
  draftProblem,
  entryOfError,
  registerEntries,
  registerProgress,
  registerRows,
  tapState,
  toEntry,
} from './register';

const trainee = (id: string, fullName: string) => ({ id, person: { id: `p-${id}`, fullName } });
const entry = (
  id: string,
  enrollmentId: string,
  status: 'PRESENT' | 'ABSENT_EXCUSED',
  correctedAt: string | null = null,
) => ({
  id,
  enrollment: { id: enrollmentId },
  status,
  hours: status === 'PRESENT' ? 7 : 0,
  correctedAt,
});
const draft = (status: Draft['status'], hours: number | null = null, reason = ''): Draft => ({
  status,
  hours,
  reason,
});

describe('a session’s register', () => {
  it('lists every expected trainee with what was recorded, and entries of trainees no longer expected', () => {
    const rows = registerRows(
      [trainee('e1', 'Salma'), trainee('e2', 'Nadia'), trainee('e3', 'Houda')],
      [entry('a1', 'e2', 'PRESENT'), entry('a9', 'e9', 'ABSENT_EXCUSED')],
      (id) => `?${id}`,
    );
    expect(rows.map((r) => [r.name, r.entry?.id ?? null])).toEqual([
      ['Salma', null],
      ['Nadia', 'a1'],
      ['Houda', null],
      ['?e9', 'a9'],
    ]);
    expect(registerProgress(rows)).toEqual({ recorded: 2, total: 4 });
  });

  it('shows a tap as sent, then as the status the server recorded', () => {
    expect(tapState(null, null)).toEqual({ state: 'open' });
    expect(tapState(null, 'PRESENT')).toEqual({ state: 'sending', status: 'PRESENT' });
    // What the server says wins over what was tapped.
    expect(tapState(entry('a1', 'e1', 'ABSENT_EXCUSED'), 'PRESENT')).toEqual({
      state: 'recorded',
      status: 'ABSENT_EXCUSED',
      corrected: false,
    });
    expect(tapState(entry('a1', 'e1', 'PRESENT', '2026-11-27T10:00:00Z'), null)).toMatchObject({
      corrected: true,
    });
  });
});

describe('choices before they are sent', () => {
  it('ask a late arrival for the hours, within the session', () => {
    expect(draftProblem(draft('LATE'), 4)).toEqual({ field: 'hours', message: 'register.hoursRequired' });
    expect(draftProblem(draft('LATE', 0), 4)).toEqual({ field: 'hours', message: 'register.hoursTooMany' });
    expect(draftProblem(draft('LATE', 4.5), 4)).toEqual({ field: 'hours', message: 'register.hoursTooMany' });
    expect(draftProblem(draft('LATE', 2.5), 4)).toBeNull();
  });

  it('ask an excused absence why; an unexcused one may say why', () => {
    expect(draftProblem(draft('ABSENT_EXCUSED'), 4)).toEqual({
      field: 'reason',
      message: 'errors.REASON_REQUIRED',
    });
    expect(draftProblem(draft('ABSENT_EXCUSED', null, ' x '), 4)).toEqual({
      field: 'reason',
      message: 'reason.tooShort',
    });
    expect(draftProblem(draft('ABSENT_EXCUSED', null, 'Malade'), 4)).toBeNull();
    expect(draftProblem(draft('ABSENT_UNEXCUSED'), 4)).toBeNull();
  });

  it('send hours only for a late arrival and a reason only when there is one', () => {
    expect(toEntry('e1', draft('PRESENT', 3, '  '))).toEqual({ enrollmentId: 'e1', status: 'PRESENT' });
    expect(toEntry('e1', draft('LATE', 2.5))).toEqual({ enrollmentId: 'e1', status: 'LATE', hours: 2.5 });
    expect(toEntry('e1', draft('ABSENT_EXCUSED', null, ' Malade '))).toEqual({
      enrollmentId: 'e1',
      status: 'ABSENT_EXCUSED',
      reason: 'Malade',
    });
  });

  it('take a whole register at once, present unless said otherwise, or nothing when a choice is wrong', () => {
    const drafts = new Map([['e2', draft('ABSENT_UNEXCUSED')]]);
    expect(registerEntries(['e1', 'e2'], drafts, 4)).toEqual({
      entries: [
        { enrollmentId: 'e1', status: 'PRESENT' },
        { enrollmentId: 'e2', status: 'ABSENT_UNEXCUSED' },
      ],
      problems: new Map(),
    });
    const wrong = registerEntries(['e1', 'e2'], new Map([['e1', draft('LATE')]]), 4);
    expect(wrong.entries).toEqual([]);
    expect([...wrong.problems.keys()]).toEqual(['e1']);
  });

  it('find the trainee an API error names by its entry', () => {
    const sent = [{ enrollmentId: 'e1' }, { enrollmentId: 'e2' }];
    expect(entryOfError('entries.1.reason', sent)).toBe('e2');
    expect(entryOfError('input.entries.0.enrollmentId', sent)).toBe('e1');
    expect(entryOfError('sessionId', sent)).toBeNull();
    expect(entryOfError('entries.5.hours', sent)).toBeNull();
  });
});
