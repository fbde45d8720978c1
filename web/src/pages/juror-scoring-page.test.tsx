import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { JurorScoringPage, NextToScorePage } from './juror-scoring-page';

const VIABILITY = {
  __typename: 'CallCriterion',
  id: 'cr1',
  nameFr: 'Viabilité économique',
  nameAr: null,
  weight: 3,
};
const IMPACT = { __typename: 'CallCriterion', id: 'cr2', nameFr: 'Impact social', nameAr: null, weight: 1 };

const score = (criterion: typeof VIABILITY, value: number) => ({
  __typename: 'CriterionScore',
  criterion: { __typename: 'CallCriterion', id: criterion.id, nameFr: criterion.nameFr, nameAr: null },
  value,
});

const juror = (id: string, userId: string, name: string) => ({
  __typename: 'CallJuror',
  id,
  user: { __typename: 'User', id: userId, displayName: name },
});

const ME = juror('j1', 'u1', 'Salma Idrissi');

function evaluation(
  id: string,
  who: ReturnType<typeof juror>,
  values: [number, number],
  submittedAt: string | null,
) {
  return {
    __typename: 'Evaluation',
    id,
    comment: id === 'ev1' ? 'Projet solide' : 'Marché à préciser',
    submittedAt,
    weightedScore: (values[0] * 3 + values[1]) / 4,
    juror: who,
    scores: [score(VIABILITY, values[0]), score(IMPACT, values[1])],
  };
}

const OTHERS = [
  evaluation('ev2', juror('j2', 'u2', 'Karim Alaoui'), [14, 10], '2026-11-20T10:00:00Z'),
  evaluation('ev3', juror('j3', 'u3', 'Nadia Berrada'), [12, 16], '2026-11-21T10:00:00Z'),
];

/**
 * The API as the contract says: before the juror submits, `evaluations` carries nothing of the
 * others; once their own is submitted, every submitted one.
 */
function api(requests: FakeRequest[]) {
  let mine: ReturnType<typeof evaluation> | null = null;
  let conflict: { __typename: 'JurorConflict'; id: string; reason: string } | null = null;
  return (request: FakeRequest) => {
    requests.push(request);
    if (request.operationName === 'JurorScoringPage') {
      const submitted = !!mine?.submittedAt;
      const application = {
        __typename: 'Application',
        id: 'a1',
        applicantName: 'Yasmine El Amrani',
        title: 'Atelier de couture solidaire',
        summary: 'Une coopérative de couture à Sidi Moumen.',
        status: 'SUBMITTED',
        category: { __typename: 'CallCategory', id: 'cat1', nameFr: 'Économie sociale', nameAr: null },
        documents: [
          {
            __typename: 'ApplicationDocument',
            id: 'd1',
            kind: 'BUSINESS_PLAN',
            fileName: 'plan.pdf',
            contentType: 'application/pdf',
            sizeBytes: 40_000,
          },
        ],
        myEvaluation: mine,
        myConflict: conflict,
        evaluations: submitted ? [mine, ...OTHERS] : [],
      };
      return {
        call: {
          __typename: 'Call',
          id: 'call1',
          titleFr: 'Sélection de la cohorte 8 (2026)',
          titleAr: null,
          status: 'CLOSED',
          scoreMin: 0,
          scoreMax: 20,
          myJuror: { __typename: 'CallJuror', id: 'j1', pendingCount: submitted ? 1 : 2 },
          criteria: [VIABILITY, IMPACT],
        },
        application,
        applications: {
          __typename: 'ApplicationConnection',
          totalCount: 2,
          edges: [
            { __typename: 'ApplicationEdge', node: { ...application, __typename: 'Application' } },
            {
              __typename: 'ApplicationEdge',
              node: {
                __typename: 'Application',
                id: 'a2',
                status: 'SUBMITTED',
                myEvaluation: null,
                myConflict: null,
              },
            },
          ],
        },
      };
    }
    if (request.operationName === 'DeclareConflict') {
      const input = request.variables.input as { reason: string };
      conflict = { __typename: 'JurorConflict', id: 'cf1', reason: input.reason };
      return { declareConflict: { __typename: 'ConflictPayload', conflict, errors: [] } };
    }
    if (request.operationName === 'SaveEvaluation') {
      const input = request.variables.input as {
        scores: { criterionId: string; value: number }[];
        submit: boolean;
      };
      const values = ['cr1', 'cr2'].map((id) => input.scores.find((s) => s.criterionId === id)?.value ?? 0);
      mine = evaluation('ev1', ME, values as [number, number], input.submit ? '2026-11-27T11:00:00Z' : null);
      return { saveEvaluation: { __typename: 'EvaluationPayload', evaluation: mine, errors: [] } };
    }
    return {};
  };
}

function renderPage(requests: FakeRequest[]) {
  return renderWithApp(
    <Routes>
      <Route path="/calls/:id/score/:applicationId" element={<JurorScoringPage />} />
    </Routes>,
    { path: '/calls/call1/score/a1', role: 'JUROR', answer: api(requests) },
  );
}

function Opened() {
  return <p data-testid="opened">{useParams().applicationId}</p>;
}

const scoreBox = (criterionId: string) =>
  screen
    .getAllByTestId('criterion-score')
    .find((box) => box.getAttribute('data-criterion') === criterionId) as HTMLInputElement;

describe('the juror’s scoring screen', () => {
  it('shows only the juror’s own scores until they submit, then the others’ submitted evaluations', async () => {
    const requests: FakeRequest[] = [];
    renderPage(requests);

    const page = await screen.findByTestId('juror-scoring');
    expect(page.getAttribute('data-state')).toBe('TO_SCORE');
    // Before submitting: a plain statement that the others are hidden, and no one else's scores.
    expect(screen.getByTestId('own-scores-only').textContent).toContain(
      'Vous ne voyez que vos propres notes',
    );
    expect(screen.queryByTestId('evaluation-card')).toBeNull();
    expect(screen.queryByTestId('other-evaluations')).toBeNull();
    expect(screen.queryByText('Karim Alaoui')).toBeNull();
    expect(screen.getByTestId('queue-position').textContent).toBe('Dossier 1 sur 2');

    fireEvent.change(scoreBox('cr1'), { target: { value: '16' } });
    fireEvent.change(scoreBox('cr2'), { target: { value: '12' } });
    expect(screen.getByTestId('weighted-total').textContent).toBe('15 / 20');
    fireEvent.click(screen.getByTestId('submit-evaluation'));
    const confirm = await screen.findByTestId('confirm-submit');
    expect(confirm.textContent).toContain('ne pourra plus changer');
    fireEvent.click(within(confirm.parentElement as HTMLElement).getByTestId('confirm-submit-evaluation'));

    await waitFor(() =>
      expect(screen.getByTestId('juror-scoring').getAttribute('data-state')).toBe('SUBMITTED'),
    );
    const save = requests.find((r) => r.operationName === 'SaveEvaluation');
    expect(save?.variables).toEqual({
      input: {
        applicationId: 'a1',
        scores: [
          { criterionId: 'cr1', value: 16 },
          { criterionId: 'cr2', value: 12 },
        ],
        comment: null,
        submit: true,
      },
    });
    // After submitting: the juror's own evaluation, then the two others', and no more "hidden" note.
    const others = await screen.findByTestId('other-evaluations');
    expect(
      within(others)
        .getAllByTestId('evaluation-card')
        .map((card) => card.getAttribute('data-juror')),
    ).toEqual(['Karim Alaoui', 'Nadia Berrada']);
    expect(
      within(others)
        .getAllByTestId('evaluation-score')
        .map((s) => s.textContent),
    ).toEqual(['13 / 20', '13 / 20']);
    const mine = screen.getAllByTestId('evaluation-card').find((c) => c.getAttribute('data-mine') === 'true');
    expect(mine?.textContent).toContain('15 / 20');
    expect(screen.queryByTestId('own-scores-only')).toBeNull();
    expect(screen.queryByTestId('scoring-form')).toBeNull();
    expect(screen.getByTestId('evaluation-submitted')).toBeTruthy();
  });

  it('refuses a score outside the call’s range and a submit with a criterion left blank', async () => {
    const requests: FakeRequest[] = [];
    renderPage(requests);
    await screen.findByTestId('scoring-form');

    fireEvent.change(scoreBox('cr1'), { target: { value: '21' } });
    expect(screen.getByText('Cette note sort du barème de l’appel.')).toBeTruthy();
    fireEvent.change(scoreBox('cr1'), { target: { value: '12,555' } });
    expect(screen.getByText(/Tapez un nombre, avec deux décimales au plus/)).toBeTruthy();
    // No total while a score is missing or wrong: it would read as the final one.
    expect(screen.getByTestId('weighted-total').textContent).toBe('0 critère(s) noté(s) sur 2');

    fireEvent.change(scoreBox('cr1'), { target: { value: '12,5' } });
    expect(screen.getByTestId('weighted-total').textContent).toBe('1 critère(s) noté(s) sur 2');
    fireEvent.click(screen.getByTestId('submit-evaluation'));
    expect(await screen.findByText('Notez chaque critère avant d’envoyer l’évaluation.')).toBeTruthy();
    expect(screen.queryByTestId('confirm-submit')).toBeNull();

    // A draft may be partial: only the valid score goes, not final.
    fireEvent.click(screen.getByTestId('save-draft'));
    await screen.findByTestId('draft-saved');
    const save = requests.find((r) => r.operationName === 'SaveEvaluation');
    expect(save?.variables).toEqual({
      input: {
        applicationId: 'a1',
        scores: [{ criterionId: 'cr1', value: 12.5 }],
        comment: null,
        submit: false,
      },
    });
    // Still a draft: still only the juror's own scores.
    await waitFor(() => expect(screen.getByTestId('juror-scoring').getAttribute('data-state')).toBe('DRAFT'));
    expect(screen.getByTestId('own-scores-only')).toBeTruthy();
    expect(screen.queryByTestId('evaluation-card')).toBeNull();
  });

  it('lets the juror step aside with a reason, after which the application is no longer theirs to score', async () => {
    const requests: FakeRequest[] = [];
    renderPage(requests);
    await screen.findByTestId('scoring-form');
    fireEvent.click(screen.getByTestId('declare-conflict'));
    const dialog = await screen.findByTestId('reason-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lien de parenté avec le candidat' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déclarer le conflit' }));

    await waitFor(() =>
      expect(screen.getByTestId('juror-scoring').getAttribute('data-state')).toBe('CONFLICT'),
    );
    expect(requests.find((r) => r.operationName === 'DeclareConflict')?.variables).toEqual({
      input: { applicationId: 'a1', reason: 'Lien de parenté avec le candidat' },
    });
    expect(screen.getByTestId('my-conflict').textContent).toContain('Lien de parenté avec le candidat');
    expect(screen.queryByTestId('scoring-form')).toBeNull();
    expect(screen.queryByTestId('evaluation-card')).toBeNull();
    // The next one to score is the other application.
    expect(screen.getByTestId('next-application')).toBeTruthy();
  });

  it('finds the next application to score beyond the first page of a large call', async () => {
    const node = (id: string, submitted: boolean) => ({
      __typename: 'Application',
      id,
      status: 'SUBMITTED',
      myEvaluation: submitted
        ? { __typename: 'Evaluation', id: `ev-${id}`, submittedAt: '2026-11-20T10:00:00Z' }
        : null,
      myConflict: null,
    });
    const requests: FakeRequest[] = [];
    renderWithApp(
      <Routes>
        <Route path="/calls/:id/score" element={<NextToScorePage />} />
        <Route path="/calls/:id/score/:applicationId" element={<Opened />} />
      </Routes>,
      {
        path: '/calls/call1/score?after=a1',
        role: 'JUROR',
        answer: (request) => {
          requests.push(request);
          const second = request.variables.after === 'cursor-1';
          return {
            call: { __typename: 'Call', id: 'call1', titleFr: 'Prix national', titleAr: null },
            applications: {
              __typename: 'ApplicationConnection',
              pageInfo: {
                __typename: 'PageInfo',
                hasNextPage: !second,
                endCursor: second ? 'cursor-2' : 'cursor-1',
              },
              edges: (second
                ? [node('a3', true), node('a4', false)]
                : [node('a1', false), node('a2', true)]
              ).map((n) => ({ __typename: 'ApplicationEdge', node: n })),
            },
          };
        },
      },
    );
    // a1 is the one just scored, a2 and a3 are submitted: a4, on the second page, is next.
    expect((await screen.findByTestId('opened')).textContent).toBe('a4');
    expect(requests.map((r) => r.variables.after ?? null)).toEqual([null, 'cursor-1']);
  });
});
