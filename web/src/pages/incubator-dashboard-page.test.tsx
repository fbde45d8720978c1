import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { IncubatorDashboardPage } from './incubator-dashboard-page';

const progress = (label: string, counts: [number, number, number, number, number]) => ({
  __typename: 'CohortProgress',
  label,
  cohort: { __typename: 'Cohort', id: `c-${label}` },
  selection: counts[0],
  incubation: counts[1],
  postIncubation: counts[2],
  exited: counts[3],
  abandoned: counts[4],
});

const figures = {
  __typename: 'IncubatorFigures',
  name: 'Incubateur de Casablanca',
  tenant: { __typename: 'Tenant', id: 't1', name: 'Incubateur de Casablanca', nameAr: 'حاضنة الدار البيضاء' },
  venturesCreated: 42,
  venturesCreatedToDate: 388,
  jobsFullTime: 61,
  jobsTemporary: 18,
  jobs: 79,
  peopleFinanced: 23,
  fundingMad: 1_250_000,
  coachingSessions: 310,
  coachingHours: 412.5,
  survivalRate: 0.9,
  survival: [
    { __typename: 'SurvivalRate', yearsAfterExit: 1, due: 40, checked: 30, active: 28, rate: 28 / 30 },
    { __typename: 'SurvivalRate', yearsAfterExit: 2, due: 12, checked: 0, active: 0, rate: null },
  ],
  cohorts: [progress('Cohorte 7 (2025)', [0, 0, 4, 10, 6]), progress('Cohorte 8 (2026)', [5, 5, 0, 0, 0])],
};

const spaces = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('the incubator dashboard', () => {
  it('shows the year’s figures, survival with checked and due, and each cohort as a stacked bar', async () => {
    const requests: FakeRequest[] = [];
    renderWithApp(<IncubatorDashboardPage />, {
      path: '/incubator?year=2026',
      answer: (request) => {
        requests.push(request);
        return {
          incubatorIndicators: {
            __typename: 'IncubatorIndicators',
            year: 2026,
            scope: 'TENANT',
            centres: [figures],
            total: figures,
          },
        };
      },
    });

    const created = await screen.findByTestId('ventures-created');
    expect(requests[0]?.variables).toEqual({ year: 2026, scope: 'TENANT' });
    expect(within(created).getByTestId('stat-value').textContent).toBe('42');
    expect(created.textContent).toContain('388 depuis l’ouverture');
    expect(screen.getByTestId('jobs').textContent).toContain('61 permanents · 18 temporaires');
    expect(screen.getByTestId('coaching').textContent).toContain('412,5 heures');
    // Only a network admin may switch to the whole network.
    expect(screen.queryByTestId('scope-switch')).toBeNull();

    const [first, second] = screen.getAllByTestId('survival-year');
    // Intl puts a narrow no-break space before %.
    expect(spaces(within(first!).getByTestId('rate').textContent)).toBe('93,3 %');
    expect(first!.textContent).toContain('28 / 30');
    expect(first!.textContent).toContain('30 / 40');
    // Nothing checked yet: no rate, rather than a misleading 0 %.
    expect(within(second!).getByTestId('rate').textContent).toBe('—');
    expect(second!.textContent).toContain('0 / 12');

    const bars = screen.getAllByTestId('phase-bar');
    expect(bars.map((bar) => [bar.getAttribute('data-cohort'), bar.getAttribute('data-total')])).toEqual([
      ['Cohorte 7 (2025)', '20'],
      ['Cohorte 8 (2026)', '10'],
    ]);
    const segments = (bar: HTMLElement) =>
      within(bar)
        .getAllByTestId('phase-segment')
        .map((s) => [s.getAttribute('data-phase'), s.getAttribute('data-count'), s.style.width]);
    expect(segments(bars[0]!)).toEqual([
      ['POST_INCUBATION', '4', '20.00%'],
      ['EXITED', '10', '50.00%'],
      ['ABANDONED', '6', '30.00%'],
    ]);
    // The smaller cohort is drawn on the same scale: half as long.
    expect(segments(bars[1]!)).toEqual([
      ['SELECTION', '5', '25.00%'],
      ['INCUBATION', '5', '25.00%'],
    ]);
    expect(within(bars[1]!).getByRole('img').getAttribute('aria-label')).toBe(
      'Cohorte 8 (2026) : Sélection : 5, Incubation : 5',
    );
  });

  it('lets a network admin see every incubator side by side, with the network total', async () => {
    const requests: FakeRequest[] = [];
    const fes = {
      ...figures,
      name: 'Incubateur de Fès',
      tenant: { __typename: 'Tenant', id: 't2', name: 'Incubateur de Fès', nameAr: null },
      venturesCreated: 30,
      cohorts: [progress('Cohorte 3 (2024)', [0, 0, 0, 8, 2])],
    };
    const total = { ...figures, name: 'Réseau', tenant: null, venturesCreated: 72, cohorts: [] };
    renderWithApp(<IncubatorDashboardPage />, {
      path: '/incubator?year=2024',
      role: 'NETWORK_ADMIN',
      answer: (request) => {
        requests.push(request);
        const network = request.variables.scope === 'NETWORK';
        return {
          incubatorIndicators: {
            __typename: 'IncubatorIndicators',
            year: 2024,
            scope: request.variables.scope,
            centres: network ? [figures, fes] : [figures],
            total: network ? total : figures,
          },
        };
      },
    });
    await screen.findByTestId('ventures-created');
    fireEvent.click(screen.getByRole('radio', { name: 'Tout le réseau' }));
    const table = await screen.findByTestId('network-table');
    expect(requests.at(-1)?.variables).toEqual({ year: 2024, scope: 'NETWORK' });
    expect(
      within(table)
        .getAllByTestId('network-centre')
        .map((row) => row.firstElementChild?.textContent),
    ).toEqual(['Incubateur de Casablanca', 'Incubateur de Fès']);
    expect(within(table).getByTestId('network-total').textContent).toContain('Total du réseau72');
    expect(within(screen.getByTestId('ventures-created')).getByTestId('stat-value').textContent).toBe('72');
    // Cohorts belong to one incubator: their bars come under each incubator's name.
    expect(screen.getAllByTestId('phase-bar').map((bar) => bar.getAttribute('data-cohort'))).toEqual([
      'Cohorte 7 (2025)',
      'Cohorte 8 (2026)',
      'Cohorte 3 (2024)',
    ]);
  });
});
