import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { FollowUpPage } from './follow-up-page';

function wave(
  id: string,
  fullName: string,
  state: string,
  dueOn: string,
  phone: string | null = '+212612000101',
) {
  return {
    __typename: 'Outcome',
    id,
    monthsAfterGraduation: 6,
    dueOn,
    state,
    status: null,
    organisation: null,
    outcomeOn: null,
    surveyedOn: null,
    linkSentAt: null,
    person: { __typename: 'Person', id: `p-${id}`, fullName, phone },
    graduation: {
      __typename: 'Graduation',
      id: `g-${id}`,
      graduatedOn: '2025-07-15',
      enrollment: {
        __typename: 'Enrollment',
        id: `e-${id}`,
        cohort: { __typename: 'Cohort', id: 'c1', label: 'Tissage 2024-2025' },
      },
    },
  };
}

/** The server's work list: oldest due first; a recorded wave leaves it. */
function server() {
  const waves = [
    wave('o1', 'Amina BENALI', 'OVERDUE', '2026-01-15'),
    wave('o2', 'Omar TAZI', 'DUE', '2026-11-10', null),
    wave('o3', 'Salma IDRISSI', 'DUE', '2026-11-20'),
  ];
  const requests: FakeRequest[] = [];
  const answer = (request: FakeRequest) => {
    requests.push(request);
    if (request.operationName === 'FollowUpPage') {
      const open = waves.filter((w) => (request.variables.states as string[]).includes(w.state));
      return {
        cohorts: {
          __typename: 'CohortConnection',
          edges: [
            {
              __typename: 'CohortEdge',
              node: { __typename: 'Cohort', id: 'c1', label: 'Tissage 2024-2025' },
            },
          ],
        },
        followUps: {
          __typename: 'OutcomeConnection',
          totalCount: open.length,
          edges: open.map((node) => ({ __typename: 'OutcomeEdge', node, cursor: node.id })),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      };
    }
    if (request.operationName === 'RecordOutcome') {
      const input = request.variables.input as {
        outcomeId: string;
        status: string;
        organisation?: string;
        outcomeOn?: string;
      };
      const recorded = waves.find((w) => w.id === input.outcomeId)!;
      Object.assign(recorded, {
        state: 'RECORDED',
        status: input.status,
        organisation: input.organisation ?? null,
        outcomeOn: input.outcomeOn ?? null,
        surveyedOn: '2026-11-27',
      });
      return {
        recordOutcome: {
          __typename: 'OutcomePayload',
          outcome: {
            __typename: 'Outcome',
            id: recorded.id,
            state: recorded.state,
            status: recorded.status,
            organisation: recorded.organisation,
            outcomeOn: recorded.outcomeOn,
            surveyedOn: recorded.surveyedOn,
            source: 'STAFF',
          },
          errors: [],
        },
      };
    }
    if (request.operationName === 'SendFollowUpLink') {
      return {
        sendFollowUpLink: {
          __typename: 'OutcomePayload',
          outcome: { __typename: 'Outcome', id: 'o1', linkSentAt: '2026-11-27T10:05:00Z' },
          errors: [],
        },
      };
    }
    return {};
  };
  return { answer, requests };
}

const rowIds = () => screen.getAllByTestId('follow-up-row').map((row) => row.getAttribute('data-outcome'));
const rowOf = (id: string) =>
  screen.getAllByTestId('follow-up-row').find((r) => r.getAttribute('data-outcome') === id)!;

describe('the follow-up work list', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists due and overdue waves, oldest first, and records an answer in one step then moves on', async () => {
    const { answer, requests } = server();
    renderWithApp(<FollowUpPage />, { path: '/outcomes', answer });
    await screen.findAllByTestId('follow-up-row');
    expect(requests[0]?.variables).toMatchObject({ states: ['DUE', 'OVERDUE'], cohortId: null });
    expect(rowIds()).toEqual(['o1', 'o2', 'o3']);
    expect(within(rowOf('o1')).getByTestId('follow-up-state').textContent).toBe('En retard');

    const form = within(rowOf('o1'));
    fireEvent.change(form.getByLabelText('Situation de Amina BENALI'), { target: { value: 'COOPERATIVE' } });
    fireEvent.change(form.getByLabelText('Où travaille ou étudie Amina BENALI'), {
      target: { value: '  Coopérative Nour  ' },
    });
    fireEvent.change(form.getByLabelText('Depuis quand, pour Amina BENALI'), {
      target: { value: '2026-03-01' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Enregistrer la réponse de Amina BENALI' }));

    await waitFor(() => expect(rowIds()).toEqual(['o2', 'o3']));
    expect(requests.find((r) => r.operationName === 'RecordOutcome')?.variables).toEqual({
      input: {
        outcomeId: 'o1',
        status: 'COOPERATIVE',
        organisation: 'Coopérative Nour',
        outcomeOn: '2026-03-01',
      },
    });
    expect(screen.getByTestId('outcome-recorded').textContent).toBe('Réponse de Amina BENALI enregistrée.');
    // The cursor is on the next graduate's answer, ready for the next call.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(rowOf('o2')).getByLabelText('Situation de Omar TAZI')),
    );
  });

  it('sends no place nor date for a graduate still looking, and refuses a date to come', async () => {
    const { answer, requests } = server();
    renderWithApp(<FollowUpPage />, { path: '/outcomes', answer });
    await screen.findAllByTestId('follow-up-row');
    const form = within(rowOf('o3'));
    fireEvent.change(form.getByLabelText('Situation de Salma IDRISSI'), {
      target: { value: 'HOST_COMPANY' },
    });
    fireEvent.change(form.getByLabelText('Depuis quand, pour Salma IDRISSI'), {
      target: { value: '2026-12-15' },
    });
    fireEvent.click(form.getByTestId('save-outcome'));
    expect(await form.findByText('Cette date est dans le futur.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'RecordOutcome')).toBe(false);

    // Still looking: the place and the date typed before are not sent.
    fireEvent.change(form.getByLabelText('Situation de Salma IDRISSI'), { target: { value: 'SEEKING' } });
    expect((form.getByLabelText('Où travaille ou étudie Salma IDRISSI') as HTMLInputElement).disabled).toBe(
      true,
    );
    fireEvent.click(form.getByTestId('save-outcome'));
    await waitFor(() => expect(rowIds()).toEqual(['o1', 'o2']));
    expect(requests.find((r) => r.operationName === 'RecordOutcome')?.variables).toEqual({
      input: { outcomeId: 'o3', status: 'SEEKING' },
    });
  });

  it('asks for a status before saving, and sends the link by SMS only to a graduate with a phone', async () => {
    const { answer, requests } = server();
    renderWithApp(<FollowUpPage />, { path: '/outcomes', answer });
    await screen.findAllByTestId('follow-up-row');
    fireEvent.click(within(rowOf('o1')).getByTestId('save-outcome'));
    expect(await within(rowOf('o1')).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'RecordOutcome')).toBe(false);

    expect((within(rowOf('o2')).getByTestId('send-link') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(rowOf('o1')).getByTestId('send-link'));
    expect((await within(rowOf('o1')).findByTestId('link-sent')).textContent).toContain('27 nov. 2026');
    expect(requests.find((r) => r.operationName === 'SendFollowUpLink')?.variables).toEqual({
      input: { outcomeId: 'o1' },
    });
  });

  it('shows a network administrator the list without the forms', async () => {
    const { answer } = server();
    renderWithApp(<FollowUpPage />, { path: '/outcomes', answer, role: 'NETWORK_ADMIN' });
    await screen.findAllByTestId('follow-up-row');
    expect(screen.queryByTestId('quick-outcome')).toBeNull();
    expect(screen.queryByTestId('send-link')).toBeNull();
  });
});
