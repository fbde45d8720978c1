import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { entry, HOST, practice, userErrors } from '../test/timetable-fixtures';
import { HostAttendancePage } from './host-attendance-page';

const hosts = { __typename: 'HostConnection', edges: [{ __typename: 'HostEdge', node: HOST }] };

/** The artisan's week, with the register as the server holds it after each request. */
function workshop(initial: unknown[] = []) {
  const today: unknown[] = [...initial];
  const answer = (request: FakeRequest) => {
    if (request.operationName === 'HostAttendancePage') {
      return {
        hosts,
        sessions: [
          practice('s-26', '2026-11-26', [entry('a0', 'e2', 'Nadia FASSI FIHRI', 'PRESENT')]),
          practice('s-27', '2026-11-27', [...today]),
          practice('s-28', '2026-11-28'),
        ],
      };
    }
    if (request.operationName === 'RecordAttendance') {
      const input = request.variables.input as {
        entries: { enrollmentId: string; status: string; reason?: string }[];
      };
      const recorded = input.entries.map((e, i) =>
        entry(`new-${today.length + i}`, e.enrollmentId, e.enrollmentId, e.status, {
          reason: e.reason ?? null,
        }),
      );
      today.push(...recorded);
      return { recordAttendance: { __typename: 'AttendancePayload', attendance: recorded, errors: [] } };
    }
    if (request.operationName === 'ConfirmWeek') {
      return { confirmWeek: { __typename: 'ConfirmWeekPayload', recorded: 7, errors: [] } };
    }
    return {};
  };
  return answer;
}

const tapOf = (name: string) => {
  const tap = screen.getAllByTestId('trainee-tap').find((t) => t.textContent?.includes(name));
  if (!tap) throw new Error(`no row for ${name}`);
  return tap;
};

describe('the artisan’s register', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('opens on today’s practice day at the workshop, one row per trainee with two big taps', async () => {
    const { requests } = renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer: workshop() });
    await screen.findAllByTestId('trainee-tap');
    expect(requests[0]?.variables).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(screen.getByTestId('attendance-day').textContent).toBe('Aujourd’hui, vendredi 27 novembre 2026');
    const session = screen.getByTestId('host-session');
    expect(session.getAttribute('data-session')).toBe('s-27');
    expect(within(session).getByText('09:00 – 16:00')).toBeTruthy();
    expect(within(session).getByTestId('register-progress').textContent).toBe('Notés : 0 sur 3');
    for (const tap of screen.getAllByTestId('trainee-tap'))
      expect(tap.getAttribute('data-state')).toBe('open');
    expect(screen.getByRole('button', { name: 'Présent — Salma EL MANSOURI' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Absent — Salma EL MANSOURI' })).toBeTruthy();
    // The days with practice are marked in the week strip; today is the one pressed.
    const days = screen.getAllByTestId('day-button');
    expect(days.filter((d) => d.getAttribute('data-planned')).map((d) => d.getAttribute('data-day'))).toEqual(
      ['2026-11-26', '2026-11-27', '2026-11-28'],
    );
    expect(days.find((d) => d.getAttribute('aria-pressed') === 'true')?.getAttribute('data-day')).toBe(
      '2026-11-27',
    );
  });

  it('records "present" in one tap, shown as sent until the server’s register says it', async () => {
    const { requests } = renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer: workshop() });
    await screen.findAllByTestId('trainee-tap');
    fireEvent.click(screen.getByRole('button', { name: 'Présent — Salma EL MANSOURI' }));
    expect(tapOf('Salma').getAttribute('data-state')).toBe('sending');
    await waitFor(() => expect(tapOf('Salma').getAttribute('data-state')).toBe('recorded'));
    expect(tapOf('Salma').getAttribute('data-status')).toBe('PRESENT');
    expect(within(tapOf('Salma')).getByText('Présent')).toBeTruthy();
    expect(within(tapOf('Salma')).queryByTestId('tap-present')).toBeNull();
    expect(requests.find((r) => r.operationName === 'RecordAttendance')?.variables).toEqual({
      input: { sessionId: 's-27', entries: [{ enrollmentId: 'e1', status: 'PRESENT' }] },
    });
    expect(screen.getByTestId('attendance-notice').textContent).toContain('Salma EL MANSOURI');
    expect(screen.getByTestId('register-progress').textContent).toBe('Notés : 1 sur 3');
  });

  it('asks whether an absence is excused; an excused one needs a reason, a usual one in one tap', async () => {
    const { requests } = renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer: workshop() });
    await screen.findAllByTestId('trainee-tap');
    fireEvent.click(screen.getByRole('button', { name: 'Absent — Houda EL MANSOURI' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Houda EL MANSOURI')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Justifiée' }));
    fireEvent.click(within(dialog).getByTestId('absence-submit'));
    expect(await within(dialog).findByText('Indiquez un motif.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'RecordAttendance')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Malade' }));
    fireEvent.click(within(dialog).getByTestId('absence-submit'));
    await waitFor(() => expect(tapOf('Houda').getAttribute('data-status')).toBe('ABSENT_EXCUSED'));
    expect(requests.find((r) => r.operationName === 'RecordAttendance')?.variables).toEqual({
      input: {
        sessionId: 's-27',
        entries: [{ enrollmentId: 'e3', status: 'ABSENT_EXCUSED', reason: 'Malade' }],
      },
    });
  });

  it('records an absence that is not excused without a reason', async () => {
    const { requests } = renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer: workshop() });
    await screen.findAllByTestId('trainee-tap');
    fireEvent.click(screen.getByRole('button', { name: 'Absent — Nadia FASSI FIHRI' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('absence-submit'));
    await waitFor(() => expect(tapOf('Nadia').getAttribute('data-status')).toBe('ABSENT_UNEXCUSED'));
    expect(requests.find((r) => r.operationName === 'RecordAttendance')?.variables).toEqual({
      input: { sessionId: 's-27', entries: [{ enrollmentId: 'e2', status: 'ABSENT_UNEXCUSED' }] },
    });
  });

  it('says so when the register was taken meanwhile, and shows it again', async () => {
    let reads = 0;
    const answer = (request: FakeRequest) => {
      if (request.operationName === 'HostAttendancePage') {
        reads += 1;
        const taken = reads > 1 ? [entry('a9', 'e1', 'Salma EL MANSOURI', 'LATE', { hours: 5 })] : [];
        return { hosts, sessions: [practice('s-27', '2026-11-27', taken)] };
      }
      return {
        recordAttendance: {
          __typename: 'AttendancePayload',
          attendance: null,
          errors: userErrors([{ code: 'ALREADY_RECORDED', field: 'entries.0.enrollmentId' }]),
        },
      };
    };
    renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer });
    await screen.findAllByTestId('trainee-tap');
    fireEvent.click(screen.getByRole('button', { name: 'Présent — Salma EL MANSOURI' }));
    await waitFor(() => expect(tapOf('Salma').getAttribute('data-status')).toBe('LATE'));
    expect(within(tapOf('Salma')).getByRole('alert').textContent).toContain('déjà notée');
  });

  it('shows what is recorded on a past day, with a way to correct it', async () => {
    renderWithApp(<HostAttendancePage />, {
      role: 'HOST_ARTISAN',
      answer: workshop(),
      path: '/attendance?day=2026-11-26',
    });
    await screen.findAllByTestId('trainee-tap');
    expect(tapOf('Nadia').getAttribute('data-status')).toBe('PRESENT');
    expect(within(tapOf('Nadia')).getByRole('button', { name: 'Corriger — Nadia FASSI FIHRI' })).toBeTruthy();
    expect(tapOf('Salma').getAttribute('data-state')).toBe('open');
  });

  it('lists a day to come without taps', async () => {
    renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer: workshop() });
    await screen.findAllByTestId('trainee-tap');
    fireEvent.click(
      screen.getAllByTestId('day-button').find((d) => d.getAttribute('data-day') === '2026-11-28')!,
    );
    await screen.findByTestId('not-yet');
    expect(screen.queryByTestId('tap-present')).toBeNull();
    expect(screen.getAllByTestId('trainee-tap')).toHaveLength(3);
  });

  it('confirms the whole week in one step, after saying what it does, and says how many were recorded', async () => {
    const { requests } = renderWithApp(<HostAttendancePage />, { role: 'HOST_ARTISAN', answer: workshop() });
    await screen.findAllByTestId('trainee-tap');
    fireEvent.click(screen.getByTestId('confirm-week'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('du 23 novembre 2026 au 27 novembre 2026');
    expect(dialog.textContent).toContain('les absences comprises, ne change pas');
    fireEvent.click(within(dialog).getByTestId('confirm-week-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('attendance-notice').textContent).toBe('7 présences enregistrées.'),
    );
    expect(requests.find((r) => r.operationName === 'ConfirmWeek')?.variables).toEqual({
      input: { hostId: 'h1', day: '2026-11-23' },
    });
  });
});
