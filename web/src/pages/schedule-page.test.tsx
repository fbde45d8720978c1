import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { figures, practice, theory } from '../test/timetable-fixtures';
import { SchedulePage } from './schedule-page';

const feed = (id: string, revokedAt: string | null = null) => ({
  __typename: 'CalendarFeed',
  id,
  createdAt: '2026-11-20T09:30:00Z',
  revokedAt,
});

function answer() {
  let feeds = [feed('f1')];
  return (request: FakeRequest) => {
    if (request.operationName === 'SchedulePage') {
      return {
        mySchedule: [
          theory('s30', '2026-11-30'),
          practice('s27', '2026-11-27'),
          practice('s28', '2026-11-28'),
        ],
        myLedger: [
          {
            __typename: 'TraineeLedger',
            enrollment: {
              __typename: 'Enrollment',
              id: 'e1',
              cohort: { __typename: 'Cohort', id: 'c1', label: 'Tissage 2026-2027' },
            },
            figures: figures({
              plannedTheory: 40,
              attendedTheory: 36,
              plannedPractice: 294,
              attendedPractice: 259,
              unrecorded: 25,
              share: 0.122,
              drift: -0.078,
              rate: 0.9,
              status: 'AT_RISK',
            }),
          },
        ],
        myCalendarFeeds: feeds,
      };
    }
    if (request.operationName === 'CreateCalendarFeed') {
      const created = feed('f2');
      feeds = [created, ...feeds];
      return {
        createCalendarFeed: {
          __typename: 'CalendarFeedPayload',
          url: '/calendar/t1.s3cr3t-T0ken.ics',
          feed: created,
          errors: [],
        },
      };
    }
    if (request.operationName === 'RevokeCalendarFeed') {
      const id = (request.variables.input as { id: string }).id;
      return {
        revokeCalendarFeed: {
          __typename: 'CalendarFeedPayload',
          feed: feed(id, '2026-11-27T10:05:00Z'),
          errors: [],
        },
      };
    }
    return {};
  };
}

describe('the trainee’s schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists the coming sessions day by day, with place, workshop and local times as written', async () => {
    const { requests } = renderWithApp(<SchedulePage />, { role: 'TRAINEE', answer: answer() });
    const days = await screen.findAllByTestId('schedule-day');
    expect(requests[0]).toMatchObject({ operationName: 'SchedulePage', variables: { days: 14 } });
    expect(days.map((d) => d.getAttribute('data-day'))).toEqual(['2026-11-27', '2026-11-28', '2026-11-30']);
    expect(within(days[0]!).getByRole('heading').textContent).toBe('Aujourd’hui, vendredi 27 novembre 2026');
    expect(within(days[1]!).getByRole('heading').textContent).toBe('Demain, samedi 28 novembre 2026');
    expect(within(days[0]!).getByTestId('session-times').textContent).toBe('09:00 – 16:00');
    expect(within(days[0]!).getByTestId('session-host').textContent).toBe(
      'Atelier de tissage du maâlem Driss',
    );
    // At a workshop, its address under its name.
    expect(within(days[0]!).getByTestId('session-place').textContent).toBe('66, derb TAZI, Fès');
    expect(within(days[2]!).getByTestId('session-times').textContent).toBe('09:00 – 13:00');
    expect(within(days[2]!).getByTestId('session-place').textContent).toBe('Centre de formation de Fès');
    expect(within(days[2]!).queryByTestId('session-host')).toBeNull();
    const hours = screen.getByTestId('my-ledger');
    expect(hours.textContent).toContain('Part de théorie : 12,2 % (objectif 20 %)');
    expect(hours.textContent).toContain('259 h sur 294 h');
    expect(hours.textContent).toContain('À surveiller');
  });

  it('makes a calendar link once, as an address to copy and a webcal link; old links can be switched off', async () => {
    const { requests } = renderWithApp(<SchedulePage />, { role: 'TRAINEE', answer: answer() });
    await screen.findAllByTestId('schedule-day');
    expect(screen.getAllByTestId('calendar-feed')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('create-calendar-feed'));
    const url = (await screen.findByTestId('calendar-url')) as HTMLInputElement;
    const origin = window.location.origin;
    expect(url.value).toBe(`${origin}/calendar/t1.s3cr3t-T0ken.ics`);
    expect(screen.getByTestId('webcal-link').getAttribute('href')).toBe(
      `${origin.replace(/^https?:/, 'webcal:')}/calendar/t1.s3cr3t-T0ken.ics`,
    );
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'CreateCalendarFeed')?.variables).toEqual({ input: {} });
    await waitFor(() => expect(screen.getAllByTestId('calendar-feed')).toHaveLength(2));

    fireEvent.click(screen.getAllByTestId('revoke-calendar-feed')[1]!);
    await waitFor(() =>
      expect(
        screen.getAllByTestId('calendar-feed').filter((f) => f.getAttribute('data-revoked')),
      ).toHaveLength(1),
    );
    expect(requests.find((r) => r.operationName === 'RevokeCalendarFeed')?.variables).toEqual({
      input: { id: 'f1' },
    });
    // The new link is still shown: only the old one was switched off.
    expect(screen.getByTestId('calendar-url')).toBeTruthy();
  });
});
