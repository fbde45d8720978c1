import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../gql/graphql';
import { type FakeRequest, renderWithApp } from '../test/render';
import { practice, SALMA, theory } from '../test/timetable-fixtures';
import { TimetablePage } from './timetable-page';

const CHOSEN = {
  __typename: 'Cohort',
  id: 'c1',
  label: 'Tissage 2026-2027',
  startsOn: '2026-09-21',
  endsOn: '2027-07-16',
  programme: {
    __typename: 'Programme',
    id: 'pr1',
    theoryWeekdays: [1],
    practiceWeekdays: [2, 3, 4, 5, 6],
    trade: { __typename: 'Trade', id: 'tr1', nameFr: 'Tissage', nameAr: 'النسيج' },
  },
};

// The week of Independence Day (Wednesday 18 November 2026): no session that day.
const HOLIDAY_WEEK = {
  cohort: CHOSEN,
  sessions: [
    theory('s-mon', '2026-11-16', [], [SALMA]),
    practice('s-tue', '2026-11-17'),
    practice('s-thu', '2026-11-19'),
  ],
  holidays: [
    {
      __typename: 'Holiday',
      id: 'hol1',
      day: '2026-11-18',
      kind: 'PUBLIC_HOLIDAY',
      nameFr: 'Fête de l’Indépendance',
      nameAr: 'عيد الاستقلال',
    },
  ],
};

// This week: theory on Monday (past), practice Tuesday to Saturday; today is Friday 27 November.
const THIS_WEEK = {
  cohort: CHOSEN,
  sessions: [
    theory('s-23', '2026-11-23'),
    practice('s-24', '2026-11-24'),
    practice('s-27', '2026-11-27'),
    practice('s-28', '2026-11-28'),
  ],
  holidays: [],
};

function renderTimetable(
  path: string,
  role: Role,
  answer: (request: FakeRequest) => unknown = (request) =>
    request.operationName === 'TimetablePage'
      ? (request.variables.from as string) < '2026-11-23'
        ? HOLIDAY_WEEK
        : THIS_WEEK
      : {},
) {
  return renderWithApp(
    <Routes>
      <Route path="/cohorts/:id/timetable" element={<TimetablePage />} />
    </Routes>,
    { path, role, answer },
  );
}

const column = (day: string) => {
  const found = screen.getAllByTestId('day-column').find((c) => c.getAttribute('data-day') === day);
  if (!found) throw new Error(`no column for ${day}`);
  return found;
};

describe('a cohort’s timetable week', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows Monday to Sunday, each session in its day with the local times as written, and the holiday', async () => {
    const { requests } = renderTimetable('/cohorts/c1/timetable?week=2026-11-18', 'DIRECTOR');
    await screen.findAllByTestId('session-block');
    expect(requests[0]).toMatchObject({
      operationName: 'TimetablePage',
      variables: { cohortId: 'c1', from: '2026-11-16', to: '2026-11-22' },
    });
    expect(screen.getAllByTestId('day-column').map((c) => c.getAttribute('data-day'))).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    const monday = within(column('2026-11-16'));
    expect(monday.getByRole('heading', { name: 'lundi' })).toBeTruthy();
    expect(monday.getByTestId('session-block').getAttribute('data-kind')).toBe('THEORY');
    expect(monday.getByTestId('session-times').textContent).toBe('09:00 – 13:00');
    expect(monday.getByText('Centre de formation de Fès')).toBeTruthy();
    const tuesday = within(column('2026-11-17'));
    expect(tuesday.getByTestId('session-times').textContent).toBe('09:00 – 16:00');
    expect(tuesday.getByTestId('session-place').textContent).toBe('Atelier de tissage du maâlem Driss');
    expect(tuesday.getByText('Présences notées : 0 sur 3')).toBeTruthy();
    const holiday = within(column('2026-11-18'));
    expect(holiday.queryByTestId('session-block')).toBeNull();
    expect(holiday.getByTestId('holiday').textContent).toBe('Jour fériéFête de l’Indépendance');
    expect(within(column('2026-11-22')).getByText('Aucune séance')).toBeTruthy();
    expect(screen.getByTestId('week-title').textContent).toBe(
      'Semaine du 16 novembre 2026 au 22 novembre 2026',
    );
  });

  it('moves a week at a time, the week kept in the address', async () => {
    const { requests } = renderTimetable('/cohorts/c1/timetable?week=2026-11-18', 'DIRECTOR');
    await screen.findAllByTestId('session-block');
    fireEvent.click(screen.getByTestId('next-week'));
    await waitFor(() =>
      expect(requests.at(-1)?.variables).toMatchObject({ from: '2026-11-23', to: '2026-11-29' }),
    );
    await waitFor(() => expect(column('2026-11-27').getAttribute('data-today')).toBe('true'));
    expect(within(column('2026-11-27')).getByText('Aujourd’hui')).toBeTruthy();
    fireEvent.click(screen.getByTestId('previous-week'));
    await waitFor(() => expect(requests.at(-1)?.variables).toMatchObject({ from: '2026-11-16' }));
  });

  it('lets an instructor take the register of theory sessions only, from their day on; no generating', async () => {
    renderTimetable('/cohorts/c1/timetable', 'INSTRUCTOR');
    await screen.findAllByTestId('session-block');
    const withRegister = screen
      .getAllByTestId('session-block')
      .filter((block) => within(block).queryByTestId('take-register'))
      .map((block) => block.getAttribute('data-session'));
    expect(withRegister).toEqual(['s-23']);
    expect(screen.queryByTestId('generate-timetable')).toBeNull();
  });

  it('lets a director take any register up to today, and generate the timetable with its counts', async () => {
    const { requests } = renderTimetable('/cohorts/c1/timetable', 'DIRECTOR', (request) => {
      if (request.operationName === 'TimetablePage') return THIS_WEEK;
      if (request.operationName === 'GenerateTimetable')
        return {
          generateTimetable: {
            __typename: 'GenerateTimetablePayload',
            created: 12,
            kept: 180,
            removed: 1,
            skippedDays: 4,
            errors: [],
          },
        };
      return {};
    });
    await screen.findAllByTestId('session-block');
    const withRegister = screen
      .getAllByTestId('session-block')
      .filter((block) => within(block).queryByTestId('take-register'))
      .map((block) => block.getAttribute('data-session'));
    // Saturday the 28th has not come yet.
    expect(withRegister).toEqual(['s-23', 's-24', 's-27']);

    fireEvent.click(screen.getByTestId('generate-timetable'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('du 21 sept. 2026 au 16 juil. 2027');
    fireEvent.click(within(dialog).getByTestId('generate-submit'));
    const notice = await screen.findByTestId('generate-notice');
    expect(notice.textContent).toContain(
      'Séances créées : 12 · déjà en place : 180 · retirées : 1 · jours sautés (fériés, fermetures) : 4',
    );
    expect(requests.find((r) => r.operationName === 'GenerateTimetable')?.variables).toEqual({
      input: { cohortId: 'c1' },
    });
  });
});
