import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { CoursePage } from './course-page';

const person = (id: string, fullName: string) => ({ __typename: 'Person', id, fullName, phone: null });
const registration = (
  id: string,
  who: ReturnType<typeof person>,
  status: string,
  waitlistPosition: number | null,
  createdAt: string,
) => ({
  __typename: 'Registration',
  id,
  status,
  statusReason: null,
  waitlistPosition,
  attendanceRate: null,
  createdAt,
  person: who,
});

const AMINA = person('p1', 'Amina BENALI');
const OMAR = person('p2', 'Omar TAZI');
const SALMA = person('p3', 'Salma IDRISSI');

function course(registrations: unknown[]) {
  return {
    __typename: 'Course',
    id: 'c1',
    titleFr: 'Vendre en ligne',
    titleAr: null,
    trainingLine: 'Commercialisation',
    topic: 'Vente numérique',
    audience: 'ARTISANS',
    partners: ['UNESCO'],
    mode: 'IN_PERSON',
    city: 'Fès',
    capacity: 2,
    priceMad: 0,
    completionThreshold: 0.8,
    status: 'OPEN',
    registeredCount: 2,
    waitlistCount: 1,
    startsOn: '2026-12-01',
    trainingDays: 1,
    createdAt: '2026-11-27T10:00:00Z',
    sessions: [
      {
        __typename: 'CourseSession',
        id: 's1',
        day: '2026-12-01',
        startsAt: '09:00',
        endsAt: '16:00',
        days: 1,
        hours: 7,
        place: 'Centre de Fès',
        attendance: [],
      },
    ],
    registrations,
  };
}

describe('the course page', () => {
  it('lists places held, then the waitlist with its position, and says who a cancellation promoted', async () => {
    const requests: FakeRequest[] = [];
    renderWithApp(
      <Routes>
        <Route path="/courses/:id" element={<CoursePage />} />
      </Routes>,
      {
        path: '/courses/c1',
        answer: (request) => {
          requests.push(request);
          if (request.operationName === 'CoursePage') {
            // Out of order on purpose: the page puts the waitlist after the places held.
            return {
              course: course([
                registration('r3', SALMA, 'WAITLISTED', 1, '2026-11-27T12:00:00Z'),
                registration('r1', AMINA, 'REGISTERED', null, '2026-11-27T10:00:00Z'),
                registration('r2', OMAR, 'REGISTERED', null, '2026-11-27T11:00:00Z'),
              ]),
            };
          }
          if (request.operationName === 'CancelRegistration') {
            return {
              cancelRegistration: {
                __typename: 'CancelRegistrationPayload',
                registration: {
                  __typename: 'Registration',
                  id: 'r1',
                  status: 'CANCELLED',
                  statusReason: 'Indisponible aux dates prévues',
                  waitlistPosition: null,
                  course: { __typename: 'Course', id: 'c1' },
                },
                promoted: {
                  __typename: 'Registration',
                  id: 'r3',
                  status: 'REGISTERED',
                  waitlistPosition: null,
                  person: { __typename: 'Person', id: 'p3', fullName: 'Salma IDRISSI' },
                },
                errors: [],
              },
            };
          }
          return {};
        },
      },
    );

    const table = await screen.findByTestId('registrations-table');
    const rows = within(table).getAllByTestId('registration-row');
    expect(rows.map((row) => row.getAttribute('data-person'))).toEqual([
      'Amina BENALI',
      'Omar TAZI',
      'Salma IDRISSI',
    ]);
    expect(within(rows[2]!).getByTestId('waitlist-position').textContent).toBe('1');
    expect(screen.getByTestId('course-details').textContent).toContain('Gratuit');
    expect(screen.getByTestId('places-taken').textContent).toBe('2 / 2 places');

    fireEvent.click(within(rows[0]!).getByTestId('cancel-registration'));
    const dialog = await screen.findByTestId('reason-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Indisponible aux dates prévues' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler l’inscription' }));

    const notice = await screen.findByTestId('promoted-notice');
    expect(notice.textContent).toContain('Salma IDRISSI');
    const cancel = requests.find((r) => r.operationName === 'CancelRegistration');
    expect(cancel?.variables).toEqual({ input: { id: 'r1', reason: 'Indisponible aux dates prévues' } });
    // The course is read again: counts and positions are the server's.
    await waitFor(() =>
      expect(requests.filter((r) => r.operationName === 'CoursePage').length).toBeGreaterThan(1),
    );
  });
});
