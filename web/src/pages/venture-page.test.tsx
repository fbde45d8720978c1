import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import { type FakeRequest, renderWithApp } from '../test/render';
import { VenturePage } from './venture-page';

const session = (id: string, heldOn: string, topic: string, createdAt = `${heldOn}T10:00:00Z`) => ({
  __typename: 'CoachingSession',
  id,
  heldOn,
  minutes: 60,
  topic,
  notes: null,
  nextSteps: null,
  createdAt,
  coach: { __typename: 'User', id: 'u9', displayName: 'Leïla Benkirane' },
});

function venture(phase: string) {
  return {
    __typename: 'Venture',
    id: 'v1',
    name: 'Atelier de couture Meryem TAZI',
    sector: 'Couture et textile',
    description: null,
    phase,
    legalForm: null,
    formalisedOn: null,
    exitedOn: null,
    province: 'Casablanca',
    totalFundingMad: 0,
    cohort: { __typename: 'Cohort', id: 'c7', label: 'Cohorte 7' },
    coach: { __typename: 'User', id: 'u9', displayName: 'Leïla Benkirane' },
    founders: [
      {
        __typename: 'VentureFounder',
        isLead: true,
        person: { __typename: 'Person', id: 'p1', fullName: 'Meryem TAZI', phone: null },
      },
    ],
    events: [
      {
        __typename: 'VentureEvent',
        id: 'e1',
        fromPhase: null,
        toPhase: 'SELECTION',
        onDate: '2025-11-10',
        reason: null,
        at: '2025-11-10T09:00:00Z',
        actor: null,
      },
      {
        __typename: 'VentureEvent',
        id: 'e2',
        fromPhase: 'SELECTION',
        toPhase: 'INCUBATION',
        onDate: '2026-01-05',
        reason: null,
        at: '2026-01-05T09:00:00Z',
        actor: null,
      },
    ],
    funding: [],
    jobs: null,
    jobsHistory: [],
    survivalChecks: [],
    // Out of order on purpose: the log shows the newest first.
    coachingSessions: [
      session('s1', '2026-03-25', 'Prix de revient'),
      session('s3', '2026-11-13', 'Recherche de financement'),
      session('s2', '2026-10-02', 'Marketing'),
    ],
  };
}

/**
 * The page of venture v1 (in incubation), as `role` sees it; `answer` answers every other request.
 * Returns the requests the page sent.
 */
function renderVenturePage(answer: (request: FakeRequest) => unknown = () => ({}), role: Role = 'DIRECTOR') {
  const requests: FakeRequest[] = [];
  renderWithApp(
    <Routes>
      <Route path="/ventures/:id" element={<VenturePage />} />
    </Routes>,
    {
      path: '/ventures/v1',
      role,
      answer: (request) => {
        requests.push(request);
        return request.operationName === 'VenturePage' ? { venture: venture('INCUBATION') } : answer(request);
      },
    },
  );
  return requests;
}

describe('the venture page', () => {
  it('offers only the legal moves, asks why before abandoning, and lists the coaching log newest first', async () => {
    const requests = renderVenturePage((request) =>
      request.operationName === 'MoveVenture'
        ? {
            moveVenture: {
              __typename: 'VenturePayload',
              venture: { ...venture('ABANDONED'), exitedOn: null },
              errors: [],
            },
          }
        : {},
    );

    const log = await screen.findByTestId('coaching-log');
    expect(
      within(log)
        .getAllByTestId('coaching-session')
        .map((s) => s.getAttribute('data-topic')),
    ).toEqual(['Recherche de financement', 'Marketing', 'Prix de revient']);
    expect(screen.getAllByTestId('phase-event').map((e) => e.getAttribute('data-phase'))).toEqual([
      'SELECTION',
      'INCUBATION',
    ]);

    fireEvent.click(screen.getByTestId('move-venture'));
    const moves = await screen.findAllByTestId('move-to');
    expect(moves.map((m) => m.getAttribute('data-phase'))).toEqual(['POST_INCUBATION', 'ABANDONED']);
    fireEvent.click(moves[1]!);
    const dialog = await screen.findByTestId('reason-dialog');
    // No reason, no move.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déclarer l’abandon' }));
    expect(await within(dialog).findByText('Indiquez un motif.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'MoveVenture')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pas de financement obtenu' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déclarer l’abandon' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'MoveVenture')).toBe(true));
    const move = requests.find((r) => r.operationName === 'MoveVenture');
    expect(move?.variables).toMatchObject({
      input: { id: 'v1', to: 'ABANDONED', reason: 'Pas de financement obtenu' },
    });
  });

  it('lets staff correct the venture and hand it to another coach; a refusal stays in the dialog', async () => {
    const coaches = [
      { id: 'u9', displayName: 'Leïla Benkirane' },
      { id: 'u8', displayName: 'Omar Chraibi' },
    ];
    let refuse = true;
    const requests = renderVenturePage((request) => {
      if (request.operationName === 'VentureCoaches') {
        return {
          coaches: {
            __typename: 'MembershipConnection',
            edges: coaches.map((user, i) => ({
              __typename: 'MembershipEdge',
              node: { __typename: 'Membership', id: `m${i}`, user: { __typename: 'User', ...user } },
            })),
          },
        };
      }
      if (request.operationName === 'UpdateVenture') {
        if (refuse) {
          refuse = false;
          return {
            updateVenture: {
              __typename: 'VenturePayload',
              venture: null,
              errors: [{ __typename: 'UserError', code: 'INVALID_INPUT', field: 'coachUserId', message: '' }],
            },
          };
        }
        const input = request.variables.input as { name: string; province: string };
        return {
          updateVenture: {
            __typename: 'VenturePayload',
            venture: {
              __typename: 'Venture',
              id: 'v1',
              name: input.name,
              sector: 'Couture et textile',
              description: null,
              province: input.province,
              coach: { __typename: 'User', ...coaches[1] },
            },
            errors: [],
          },
        };
      }
      return {};
    });

    fireEvent.click(await screen.findByTestId('edit-venture'));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier le projet' });
    const name = within(dialog).getByRole('textbox', { name: /Projet/ }) as HTMLInputElement;
    expect(name.value).toBe('Atelier de couture Meryem TAZI');
    // A name is required: nothing is sent without one.
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'UpdateVenture')).toBe(false);

    fireEvent.change(name, { target: { value: 'Atelier Meryem' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Province' }), {
      target: { value: 'Mohammedia' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'UpdateVenture')).toBe(true));
    expect(requests.find((r) => r.operationName === 'UpdateVenture')?.variables).toEqual({
      input: {
        id: 'v1',
        name: 'Atelier Meryem',
        sector: 'Couture et textile',
        description: null,
        province: 'Mohammedia',
        coachUserId: 'u9',
      },
    });
    // Refused (a coach who lost the role meanwhile): the dialog stays open with the field's error.
    expect(await within(dialog).findByText('Cette valeur n’est pas valide.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Modifier le projet' })).toBeNull());
    expect(await screen.findByTestId('venture-name')).toHaveProperty('textContent', 'Atelier Meryem');
    expect(screen.getByText(/Coach : .*Omar Chraibi/)).toBeTruthy();
  });

  it('offers no edit to the coach', async () => {
    renderVenturePage(undefined, 'COACH');
    expect(await screen.findByTestId('venture-name')).toBeTruthy();
    expect(screen.queryByTestId('edit-venture')).toBeNull();
  });
});
