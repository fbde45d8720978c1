import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { HostTraineesPage } from './host-trainees-page';

function placement(
  id: string,
  status: string,
  enrollmentId: string,
  fullName: string,
  assessments: unknown[] = [],
) {
  return {
    __typename: 'Placement',
    id,
    status,
    statusReason: null,
    startsOn: '2026-09-28',
    endsOn: '2027-06-30',
    weekdays: [2, 3, 4, 5],
    enrollment: {
      __typename: 'Enrollment',
      id: enrollmentId,
      person: { __typename: 'Person', id: `p-${enrollmentId}`, fullName },
      assessments,
    },
  };
}

const page = (nodes: unknown[]) => ({
  __typename: 'PlacementConnection',
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ __typename: 'PlacementEdge', node })),
});

describe('the artisan’s trainees', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('takes the artisan’s final mark of a trainee working there, out of 20 with a comment', async () => {
    const requests: FakeRequest[] = [];
    renderWithApp(<HostTraineesPage />, {
      role: 'HOST_ARTISAN',
      answer: (request) => {
        requests.push(request);
        if (request.operationName === 'HostTraineesPage') {
          return {
            current: page([
              placement('pl1', 'ACTIVE', 'e1', 'Nadia FASSI FIHRI'),
              // Not started yet: nothing to mark.
              placement('pl2', 'CONFIRMED', 'e2', 'Youssef ALAMI'),
            ]),
            past: page([]),
          };
        }
        const input = request.variables.input as { enrollmentId: string; score: number; comment?: string };
        const mark = {
          __typename: 'Assessment',
          id: 'a1',
          assessorRole: 'HOST_ARTISAN',
          score: input.score,
          passed: input.score >= 10,
          comment: input.comment ?? null,
          assessedOn: '2026-11-27',
        };
        return {
          recordAssessment: {
            __typename: 'AssessmentPayload',
            assessment: {
              ...mark,
              enrollment: { __typename: 'Enrollment', id: input.enrollmentId, assessments: [mark] },
            },
            errors: [],
          },
        };
      },
    });
    const marks = await screen.findAllByTestId('host-assessment');
    expect(marks.map((m) => m.getAttribute('data-enrollment'))).toEqual(['e1']);
    fireEvent.click(
      within(marks[0]!).getByRole('button', { name: 'Donner ma note finale à Nadia FASSI FIHRI' }),
    );
    const form = await screen.findByTestId('assessment-form');
    fireEvent.change(within(form).getByLabelText(/^Note/), { target: { value: '15,5' } });
    fireEvent.change(within(form).getByLabelText('Commentaire'), {
      target: { value: 'Travail soigné, régulière' },
    });
    fireEvent.click(within(form).getByTestId('save-assessment'));
    await waitFor(() =>
      expect(screen.getByTestId('host-mark').textContent).toBe(
        'Votre évaluation : 15,5/20, le 27 novembre 2026',
      ),
    );
    expect(requests.find((r) => r.operationName === 'RecordAssessment')?.variables).toEqual({
      input: {
        enrollmentId: 'e1',
        assessorRole: 'HOST_ARTISAN',
        score: 15.5,
        comment: 'Travail soigné, régulière',
      },
    });
  });
});
