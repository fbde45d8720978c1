import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { HostHomePage } from './host-home-page';

const placement = (id: string, name: string, status: string) => ({
  __typename: 'Placement',
  id,
  status,
  statusReason: null,
  startsOn: '2026-12-07',
  endsOn: '2027-06-30',
  weekdays: [2, 3, 4, 5, 6],
  enrollment: {
    __typename: 'Enrollment',
    id: `e-${id}`,
    person: { __typename: 'Person', id: `p-${id}`, fullName: name },
    cohort: { __typename: 'Cohort', id: 'c1', label: 'Tissage 2026-2027' },
  },
});

const list = (nodes: unknown[]) => ({
  __typename: 'PlacementConnection',
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ __typename: 'PlacementEdge', node })),
});

function answer(confirm: unknown) {
  return (request: FakeRequest) => {
    if (request.operationName === 'HostHomePage') {
      return {
        me: { __typename: 'User', id: 'u1', displayName: 'Driss' },
        currentTenant: {
          __typename: 'Tenant',
          id: 't1',
          name: 'Centre de Fès',
          nameAr: 'مركز فاس',
          timezone: 'Africa/Casablanca',
        },
        proposals: list([
          placement('pl1', 'Amina Benali', 'PROPOSED'),
          placement('pl2', 'Salma Tazi', 'PROPOSED'),
        ]),
        trainees: list([placement('pl3', 'Nadia Idrissi', 'ACTIVE')]),
      };
    }
    if (request.operationName === 'ConfirmPlacement') return { confirmPlacement: confirm };
    return {};
  };
}

describe('the artisan’s home', () => {
  it('lists the proposals waiting for an answer with their dates and days, then the trainees', async () => {
    renderWithApp(<HostHomePage items={[]} />, { role: 'HOST_ARTISAN', answer: answer(null) });
    const proposals = await screen.findAllByTestId('proposal-card');
    expect(proposals.map((card) => within(card).getByTestId('proposal-name').textContent)).toEqual([
      'Amina Benali',
      'Salma Tazi',
    ]);
    expect(proposals[0]!.textContent).toContain('du 7 décembre 2026 au 30 juin 2027');
    expect(proposals[0]!.textContent).toContain('mar., mer., jeu., ven. et sam.');
    expect(screen.getByText('Propositions à répondre (2)')).toBeTruthy();
    expect(within(screen.getByTestId('host-trainees')).getByText('Nadia Idrissi')).toBeTruthy();
  });

  it('says what a yes did once the server took it, in the artisan’s language', async () => {
    renderWithApp(<HostHomePage items={[]} />, {
      role: 'HOST_ARTISAN',
      answer: answer({
        __typename: 'PlacementPayload',
        placement: {
          __typename: 'Placement',
          id: 'pl1',
          status: 'CONFIRMED',
          statusReason: null,
          statusChangedAt: '2026-11-27T10:00:00Z',
          host: { __typename: 'Host', id: 'h1' },
        },
        errors: [],
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Accepter — Amina Benali' }));
    await waitFor(() =>
      expect(screen.getByTestId('answer-notice').textContent).toContain(
        'Vous avez accepté \u2068Amina Benali\u2069.',
      ),
    );
  });
});
