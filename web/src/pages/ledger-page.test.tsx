import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { figures, person } from '../test/timetable-fixtures';
import { LedgerPage } from './ledger-page';

const row = (id: string, name: string, values: Parameters<typeof figures>[0]) => ({
  __typename: 'TraineeLedger',
  enrollment: { __typename: 'Enrollment', id, status: 'ENROLLED', person: person(`p-${id}`, name) },
  figures: figures(values),
});

const HOUDA = row('e3', 'Houda EL MANSOURI', {
  plannedTheory: 40,
  attendedTheory: 28,
  plannedPractice: 294,
  attendedPractice: 70,
  unrecorded: 25,
  share: 0.2857,
  drift: 0.0857,
  rate: 0.2997,
  status: 'OFF_TRACK',
});
const SALMA = row('e1', 'Salma EL MANSOURI', {
  plannedTheory: 40,
  attendedTheory: 36,
  plannedPractice: 294,
  attendedPractice: 259,
  unrecorded: 25,
  share: 0.122,
  drift: -0.078,
  rate: 0.9021,
  status: 'AT_RISK',
});
// Placed half-way through the period: half the planned practice.
const AMINA = row('e4', 'Amina BENALI', {
  plannedTheory: 40,
  attendedTheory: 40,
  plannedPractice: 147,
  attendedPractice: 147,
  share: 0.2139,
  drift: 0.0139,
  rate: 1,
});

function ledger(request: FakeRequest) {
  if (request.operationName !== 'LedgerPage') return {};
  const trainees = request.variables.sort === 'NAME' ? [AMINA, HOUDA, SALMA] : [HOUDA, SALMA, AMINA];
  return {
    timetableSettings: { __typename: 'TimetableSettings', ledgerTolerance: 0.05 },
    cohortLedger: {
      __typename: 'CohortLedger',
      cohort: {
        __typename: 'Cohort',
        id: 'c1',
        label: 'Tissage 2026-2027',
        startsOn: '2026-09-21',
        endsOn: '2027-07-16',
        programme: {
          __typename: 'Programme',
          id: 'pr1',
          theoryShare: 0.2,
          trade: { __typename: 'Trade', id: 'tr1', nameFr: 'Tissage', nameAr: 'النسيج' },
        },
      },
      figures: figures({
        plannedTheory: 120,
        attendedTheory: 104,
        plannedPractice: 735,
        attendedPractice: 476,
        unrecorded: 50,
        share: 0.1793,
        drift: -0.0207,
        rate: 0.72,
        status: 'AT_RISK',
      }),
      trainees,
    },
  };
}

function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function renderLedger(path = '/cohorts/c1/ledger') {
  return renderWithApp(
    <Routes>
      <Route
        path="/cohorts/:id/ledger"
        element={
          <>
            <LedgerPage />
            <Address />
          </>
        }
      />
    </Routes>,
    { path, answer: ledger },
  );
}

const rowOf = (name: string) =>
  screen.getAllByTestId('ledger-row').find((r) => r.textContent?.includes(name))!;
const widths = (cell: HTMLElement) => ({
  planned: within(cell).getByTestId('bar-track').style.width,
  attended: within(cell).getByTestId('bar-fill').style.width,
});

describe('the 20/80 ledger of a cohort', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the cohort’s figures, then one row per trainee, largest drift first', async () => {
    const { requests } = renderLedger();
    await screen.findByTestId('ledger-table');
    expect(requests[0]?.variables).toEqual({ cohortId: 'c1', from: null, to: null, sort: 'DRIFT' });
    expect(screen.getByTestId('ledger-range').textContent).toBe('du 21 septembre 2026 au 27 novembre 2026');
    const summary = screen.getByTestId('ledger-summary');
    expect(summary.getAttribute('data-status')).toBe('AT_RISK');
    expect(within(summary).getByTestId('figure-share').textContent).toContain('17,9 %');
    expect(within(summary).getByTestId('figure-share').textContent).toContain('objectif 20 %');
    expect(within(summary).getByTestId('figure-unrecorded').textContent).toContain('50 h');
    expect(screen.getAllByTestId('ledger-row').map((r) => r.getAttribute('data-enrollment'))).toEqual([
      'e3',
      'e1',
      'e4',
    ]);
    const salma = rowOf('Salma');
    expect(within(salma).getByTestId('share').textContent).toBe('12,2 %');
    expect(within(salma).getByTestId('drift').textContent).toBe('−7,8 pts');
    expect(within(rowOf('Houda')).getByTestId('drift').textContent).toBe('+8,6 pts');
    expect(within(salma).getByTestId('unrecorded').textContent).toBe('25 h');
    expect(within(salma).getByText('À surveiller')).toBeTruthy();
  });

  it('draws planned and attended bars on one scale for every row, said in words', async () => {
    renderLedger();
    await screen.findByTestId('ledger-table');
    const practice = (name: string) => within(rowOf(name)).getByTestId('bar-practice');
    expect(widths(practice('Salma'))).toEqual({ planned: '100%', attended: '88.1%' });
    expect(widths(practice('Houda'))).toEqual({ planned: '100%', attended: '23.8%' });
    // Half the planned hours: half the track, filled to its end.
    expect(widths(practice('Amina'))).toEqual({ planned: '50%', attended: '100%' });
    expect(within(practice('Salma')).getByRole('img').getAttribute('aria-label')).toBe(
      'Pratique : 259 h de présence sur 294 h prévues',
    );
  });

  it('sorts by name on request, the order kept in the address', async () => {
    const { requests } = renderLedger();
    await screen.findByTestId('ledger-table');
    fireEvent.click(screen.getByRole('radio', { name: 'Par nom' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('ledger-row').map((r) => r.getAttribute('data-enrollment'))).toEqual([
        'e4',
        'e3',
        'e1',
      ]),
    );
    expect(requests.at(-1)?.variables).toMatchObject({ sort: 'NAME' });
    expect(screen.getByTestId('address').textContent).toBe('?sort=NAME');
  });

  it('shows any range of days, refusing an end before the start', async () => {
    const { requests } = renderLedger('/cohorts/c1/ledger?sort=NAME');
    await screen.findByTestId('ledger-table');
    const form = screen.getByTestId('ledger-range-form');
    fireEvent.change(within(form).getByLabelText('Du'), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText('Au'), { target: { value: '2026-10-01' } });
    expect(within(form).getByText('La fin doit venir après le début.')).toBeTruthy();
    expect((within(form).getByRole('button', { name: 'Afficher' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Au'), { target: { value: '2026-11-15' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Afficher' }));
    await waitFor(() =>
      expect(requests.at(-1)?.variables).toEqual({
        cohortId: 'c1',
        from: '2026-11-01',
        to: '2026-11-15',
        sort: 'NAME',
      }),
    );
    expect(screen.getByTestId('address').textContent).toBe('?from=2026-11-01&to=2026-11-15&sort=NAME');
    await waitFor(() =>
      expect(screen.getByTestId('ledger-range').textContent).toBe('du 1 novembre 2026 au 15 novembre 2026'),
    );
  });
});
