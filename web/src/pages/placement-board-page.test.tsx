import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { PlacementBoardPage } from './placement-board-page';

const person = (id: string, fullName: string) => ({ __typename: 'Person', id, fullName, province: 'Fès' });
const HOST = {
  __typename: 'Host',
  id: 'h1',
  name: 'Atelier de tissage du maâlem Driss',
  nameAr: 'ورشة النسيج للمعلم إدريس',
};

const placement = (
  id: string,
  enrollmentId: string,
  name: string,
  status: string,
  statusReason: string | null = null,
) => ({
  __typename: 'Placement',
  id,
  status,
  statusReason,
  statusChangedAt: '2026-11-26T10:00:00Z',
  startsOn: '2026-12-07',
  endsOn: '2027-06-30',
  weekdays: [2, 3, 4, 5, 6],
  enrollment: { __typename: 'Enrollment', id: enrollmentId, person: person(`p-${enrollmentId}`, name) },
  host: HOST,
});

const connection = (nodes: unknown[]) => ({
  __typename: 'PlacementConnection',
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ __typename: 'PlacementEdge', node })),
});

const BOARD = {
  cohort: {
    __typename: 'Cohort',
    id: 'c1',
    label: 'Tissage 2026-2027',
    startsOn: '2026-09-28',
    endsOn: '2027-06-30',
    programme: {
      __typename: 'Programme',
      id: 'pr1',
      nameFr: 'Tissage',
      nameAr: 'النسيج',
      practiceWeekdays: [2, 3, 4, 5, 6],
      trade: { __typename: 'Trade', id: 'tr1', nameFr: 'Tissage', nameAr: 'النسيج' },
    },
  },
  unplacedTrainees: {
    __typename: 'EnrollmentConnection',
    totalCount: 3,
    edges: [
      ['e1', 'Amina Benali'],
      ['e2', 'Youssef Alaoui'],
      ['e3', 'Salma Tazi'],
    ].map(([id, name]) => ({
      __typename: 'EnrollmentEdge',
      node: { __typename: 'Enrollment', id, person: person(`p-${id}`, name!) },
    })),
  },
  proposed: connection([placement('pl1', 'e1', 'Amina Benali', 'PROPOSED')]),
  placed: connection([
    placement('pl3', 'e9', 'Nadia Idrissi', 'ACTIVE'),
    placement('pl4', 'e8', 'Omar Fassi', 'CONFIRMED'),
  ]),
  declined: connection([
    placement('pl2', 'e2', 'Youssef Alaoui', 'DECLINED', 'Ces jours ne me conviennent pas'),
  ]),
  closed: connection([]),
};

function renderBoard(role: 'COORDINATOR' | 'DIRECTOR' = 'COORDINATOR') {
  return renderWithApp(
    <Routes>
      <Route path="/cohorts/:id/placements" element={<PlacementBoardPage />} />
    </Routes>,
    {
      path: '/cohorts/c1/placements',
      role,
      answer: (r) => (r.operationName === 'PlacementBoard' ? BOARD : {}),
    },
  );
}

const namesIn = (testId: string) =>
  within(screen.getByTestId(testId))
    .queryAllByRole('link')
    .map((link) => link.textContent)
    .filter((text) => !text?.startsWith('Atelier'));

describe('a cohort’s placement board', () => {
  it('shows who is to place, who waits for an answer and who is placed, each once', async () => {
    const { requests } = renderBoard();
    expect((await screen.findByTestId('board-title')).textContent).toBe(
      'Placements — \u2068Tissage 2026-2027\u2069',
    );
    expect(requests[0]?.variables).toEqual({ cohortId: 'c1' });
    // Amina waits for the artisan's answer: among the proposals only. Youssef was declined: to place again.
    expect(namesIn('column-to-place')).toEqual(['Youssef Alaoui', 'Salma Tazi']);
    expect(namesIn('column-proposed')).toEqual(['Amina Benali']);
    expect(namesIn('column-placed')).toEqual(['Nadia Idrissi', 'Omar Fassi']);
    expect(
      within(screen.getByTestId('column-placed')).getAllByText('mar., mer., jeu., ven. et sam.'),
    ).toHaveLength(2);
  });

  it('lets a coordinator answer for the artisan and end a placement, and keeps declined ones with their reason', async () => {
    renderBoard();
    const proposed = await screen.findByTestId('column-proposed');
    expect(within(proposed).getByRole('button', { name: /^Accepter — Amina Benali/ })).toBeTruthy();
    expect(
      within(screen.getByTestId('column-placed')).getAllByRole('button', { name: /^Arrêter le stage/ }),
    ).toHaveLength(2);

    fireEvent.click(screen.getByTestId('declined-toggle'));
    const declined = screen.getByTestId('column-declined');
    expect(within(declined).getByTestId('placement-reason').textContent).toContain(
      'Ces jours ne me conviennent pas',
    );
  });

  it('opens the proposal form for a trainee to place', async () => {
    renderBoard();
    fireEvent.click(await screen.findByRole('button', { name: 'Proposer — Salma Tazi' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Salma Tazi')).toBeTruthy();
    expect((within(dialog).getByLabelText(/^Dernier jour/) as HTMLInputElement).value).toBe('2027-06-30');
  });
});
