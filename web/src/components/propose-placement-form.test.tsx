import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { ProposePlacementForm } from './propose-placement-form';

const COHORT = {
  startsOn: '2026-09-28',
  endsOn: '2027-06-30',
  programme: { practiceWeekdays: [2, 3, 4, 5, 6], trade: { id: 'tr1' } },
};

const host = (id: string, name: string, province: string, capacity: number) => ({
  __typename: 'Host',
  id,
  name,
  nameAr: null,
  province,
  capacity,
});

function answer(propose: unknown) {
  return (request: FakeRequest) => {
    if (request.operationName === 'HostSuggestions') {
      return {
        hostSuggestions: [
          {
            __typename: 'HostSuggestion',
            freePlaces: 3,
            distance: 0,
            host: host('h1', 'Atelier Driss', 'Fès', 6),
          },
          {
            __typename: 'HostSuggestion',
            freePlaces: 1,
            distance: 1,
            host: host('h2', 'Coopérative Nour', 'Sefrou', 12),
          },
        ],
      };
    }
    if (request.operationName === 'ProposeHostChoices') {
      return {
        hosts: {
          __typename: 'HostConnection',
          edges: [{ __typename: 'HostEdge', node: host('h3', 'Atelier Bennani', 'Meknès', 4) }],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      };
    }
    if (request.operationName === 'ProposePlacement') return { proposePlacement: propose };
    return {};
  };
}

function renderForm(propose: unknown) {
  const onDone = vi.fn();
  const view = renderWithApp(
    <ProposePlacementForm
      enrollmentId="e1"
      traineeName="Amina Benali"
      cohort={COHORT}
      today="2026-11-27"
      onDone={onDone}
    />,
    { role: 'COORDINATOR', answer: answer(propose) },
  );
  return { ...view, onDone };
}

const proposed = {
  __typename: 'PlacementPayload',
  placement: {
    __typename: 'Placement',
    id: 'pl9',
    status: 'PROPOSED',
    host: { __typename: 'Host', id: 'h1', name: 'Atelier Driss', nameAr: null },
  },
  errors: [],
};

describe('proposing a placement', () => {
  it('starts next Monday until the cohort ends, on the programme’s practice days', async () => {
    renderForm(proposed);
    expect((screen.getByLabelText(/^Premier jour/) as HTMLInputElement).value).toBe('2026-11-30');
    expect((screen.getByLabelText(/^Dernier jour/) as HTMLInputElement).value).toBe('2027-06-30');
    const checked = within(screen.getByTestId('weekday-picker'))
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => (box as HTMLInputElement).value);
    expect(checked).toEqual(['2', '3', '4', '5', '6']);
  });

  it('suggests hosts with room, nearest first, and proposes the one chosen', async () => {
    const { requests, onDone } = renderForm(proposed);
    const first = await screen.findByRole('radio', { name: /Atelier Driss/ });
    expect(first.textContent).toContain('3 places libres sur 6');
    expect(first.textContent).toContain('même province');
    expect(screen.getByRole('radio', { name: /Coopérative Nour/ }).textContent).toContain('même région');
    expect(requests.find((r) => r.operationName === 'HostSuggestions')?.variables).toEqual({
      enrollmentId: 'e1',
      startsOn: '2026-11-30',
      endsOn: '2027-06-30',
      weekdays: [2, 3, 4, 5, 6],
    });

    fireEvent.click(first);
    fireEvent.click(screen.getByRole('checkbox', { name: 'samedi' }));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(requests.find((r) => r.operationName === 'ProposePlacement')?.variables).toEqual({
      input: {
        enrollmentId: 'e1',
        hostId: 'h1',
        startsOn: '2026-11-30',
        endsOn: '2027-06-30',
        weekdays: [2, 3, 4, 5],
      },
    });
  });

  it('asks for a host before sending anything', async () => {
    const { requests } = renderForm(proposed);
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    expect(await screen.findByText('Choisissez un atelier.')).toBeTruthy();
    expect(requests.filter((r) => r.operationName === 'ProposePlacement')).toHaveLength(0);
  });

  it('shows a refusal such as a full host or an overlap next to the button, not under a field', async () => {
    const { onDone } = renderForm({
      __typename: 'PlacementPayload',
      placement: null,
      errors: [
        { __typename: 'UserError', code: 'HOST_FULL', field: 'hostId', message: 'x' },
        { __typename: 'UserError', code: 'PLACEMENT_OVERLAP', field: 'startsOn', message: 'x' },
      ],
    });
    fireEvent.click(await screen.findByRole('radio', { name: /Atelier Driss/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    const error = await screen.findByTestId('form-error');
    expect(error.textContent).toBe(
      'Cet atelier n’a plus de place libre sur au moins un des jours demandés.Cet apprenti a déjà un stage sur une partie de ces jours.',
    );
    // Right above the button that asked.
    expect(
      error.nextElementSibling?.contains(screen.getByRole('button', { name: 'Envoyer la proposition' })),
    ).toBe(true);
    expect(onDone).not.toHaveBeenCalled();
  });
});
