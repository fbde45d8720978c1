import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { COHORT, entry, HOUDA, NADIA, SALMA, theory, userErrors } from '../test/timetable-fixtures';
import { SessionRegister } from './session-register';

function answer(record: (request: FakeRequest) => unknown) {
  let recorded: unknown[] = [entry('a1', 'e1', 'Salma EL MANSOURI', 'PRESENT', { hours: 4 })];
  return (request: FakeRequest) => {
    if (request.operationName === 'SessionRegister')
      return { session: { ...theory('s1', '2026-11-23', recorded, [SALMA, NADIA, HOUDA]), cohort: COHORT } };
    if (request.operationName === 'RecordAttendance') {
      const result = record(request) as { recordAttendance: { attendance: unknown[] | null } };
      if (result.recordAttendance.attendance) recorded = [...recorded, ...result.recordAttendance.attendance];
      return result;
    }
    return {};
  };
}

const rowOf = (name: string) =>
  screen.getAllByTestId('register-row').find((r) => r.textContent?.includes(name))!;

describe('an instructor’s register of a theory session', () => {
  it('shows what is taken, and takes the rest present unless said otherwise', async () => {
    const { requests } = renderWithApp(<SessionRegister sessionId="s1" today="2026-11-27" />, {
      role: 'INSTRUCTOR',
      answer: answer((request) => {
        const input = request.variables.input as { entries: { enrollmentId: string; status: string }[] };
        return {
          recordAttendance: {
            __typename: 'AttendancePayload',
            attendance: input.entries.map((e, i) => entry(`n${i}`, e.enrollmentId, e.enrollmentId, e.status)),
            errors: [],
          },
        };
      }),
    });
    await screen.findByTestId('register-table');
    expect(within(rowOf('Salma')).getByText('Présent')).toBeTruthy();
    expect(within(rowOf('Salma')).queryByTestId('register-status')).toBeNull();

    // A late arrival says how long the trainee was there, within the 4 hours of the session.
    fireEvent.change(within(rowOf('Houda')).getByRole('combobox'), { target: { value: 'LATE' } });
    fireEvent.click(screen.getByTestId('save-register'));
    expect(await within(rowOf('Houda')).findByText('Indiquez les heures de présence.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'RecordAttendance')).toBe(false);

    fireEvent.change(within(rowOf('Houda')).getByRole('textbox'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByTestId('save-register'));
    await waitFor(() =>
      expect(screen.getByTestId('register-saved').textContent).toBe('2 présences enregistrées.'),
    );
    expect(requests.find((r) => r.operationName === 'RecordAttendance')?.variables).toEqual({
      input: {
        sessionId: 's1',
        entries: [
          { enrollmentId: 'e2', status: 'PRESENT' },
          { enrollmentId: 'e3', status: 'LATE', hours: 2.5 },
        ],
      },
    });
  });

  it('puts the API’s refusal of an entry on that trainee’s row', async () => {
    renderWithApp(<SessionRegister sessionId="s1" today="2026-11-27" />, {
      role: 'INSTRUCTOR',
      answer: answer(() => ({
        recordAttendance: {
          __typename: 'AttendancePayload',
          attendance: null,
          errors: userErrors([{ code: 'REASON_REQUIRED', field: 'entries.1.reason' }]),
        },
      })),
    });
    await screen.findByTestId('register-table');
    fireEvent.change(within(rowOf('Houda')).getByRole('combobox'), { target: { value: 'ABSENT_UNEXCUSED' } });
    fireEvent.click(screen.getByTestId('save-register'));
    expect(await within(rowOf('Houda')).findByText('Indiquez un motif.')).toBeTruthy();
    expect(screen.queryByTestId('register-saved')).toBeNull();
  });

  it('takes no register before the session’s day', async () => {
    renderWithApp(<SessionRegister sessionId="s1" today="2026-11-20" />, {
      role: 'INSTRUCTOR',
      answer: answer(() => ({})),
    });
    await screen.findByTestId('register-table');
    expect(screen.getByText(/n’a pas encore eu lieu/)).toBeTruthy();
    expect(screen.queryByTestId('save-register')).toBeNull();
    expect(within(rowOf('Nadia')).getByText('Non noté')).toBeTruthy();
  });
});
