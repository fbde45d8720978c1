import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../gql/graphql';
import { type FakeRequest, renderWithApp } from '../test/render';
import { GraduationCohortPage } from './graduation-cohort-page';

// Intl writes « 72 % » with a narrow no-break space: compared as a plain space.
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

const COHORT = {
  __typename: 'Cohort',
  id: 'c1',
  label: 'Tissage 2026-2027',
  startsOn: '2026-09-21',
  endsOn: '2027-07-16',
  programme: {
    __typename: 'Programme',
    id: 'pr1',
    nameFr: 'Apprentissage — Tissage',
    nameAr: 'التكوين بالتدرج المهني — النسيج',
    trade: { __typename: 'Trade', id: 't1', nameFr: 'Tissage', nameAr: 'النسيج' },
    completionRules: {
      __typename: 'CompletionRules',
      minAttendanceRate: 0.8,
      minPracticeHours: 400,
      passMark: 10,
    },
  },
};

const assessment = (id: string, role: string, score: number) => ({
  __typename: 'Assessment',
  id,
  assessorRole: role,
  score,
  passed: score >= 10,
  comment: null,
  assessedOn: '2026-11-20',
});

function check(
  enrollmentId: string,
  fullName: string,
  options: {
    blockers?: { code: string; required: number | null; actual: number | null }[];
    rate?: number | null;
    practice?: number;
    instructor?: ReturnType<typeof assessment> | null;
    artisan?: ReturnType<typeof assessment> | null;
  } = {},
) {
  const blockers = (options.blockers ?? []).map((b) => ({ __typename: 'GraduationBlocker', ...b }));
  return {
    __typename: 'GraduationCheck',
    eligible: blockers.length === 0,
    attendanceRate: options.rate ?? 0.9,
    attendedTheoryHours: 96,
    attendedPracticeHours: options.practice ?? 420,
    blockers,
    enrollment: {
      __typename: 'Enrollment',
      id: enrollmentId,
      status: 'ENROLLED',
      person: { __typename: 'Person', id: `p-${enrollmentId}`, fullName },
    },
    instructorAssessment: options.instructor ?? null,
    artisanAssessment: options.artisan ?? null,
    graduation: null,
  };
}

const AMINA = check('e1', 'Amina BENALI', {
  rate: 0.72,
  practice: 312.5,
  blockers: [
    // Out of the reading order on purpose: the page lists attendance first.
    { code: 'ARTISAN_ASSESSMENT_MISSING', required: 10, actual: null },
    { code: 'PRACTICE_HOURS_TOO_LOW', required: 400, actual: 312.5 },
    { code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0.72 },
    { code: 'INSTRUCTOR_ASSESSMENT_FAILED', required: 10, actual: 8.5 },
  ],
  instructor: assessment('a1', 'INSTRUCTOR', 8.5),
});
const OMAR = check('e2', 'Omar TAZI', {
  instructor: assessment('a2', 'INSTRUCTOR', 14),
  artisan: assessment('a3', 'HOST_ARTISAN', 16),
});

function api(requests: FakeRequest[] = []) {
  return (request: FakeRequest) => {
    requests.push(request);
    if (request.operationName === 'GraduationCohortPage') {
      return { cohort: COHORT, cohortGraduation: [AMINA, OMAR], cohortCertificates: [] };
    }
    if (request.operationName === 'Graduate') {
      return {
        graduate: {
          __typename: 'GraduatePayload',
          graduation: {
            __typename: 'Graduation',
            id: 'g1',
            graduatedOn: '2026-11-27',
            overriddenBlockers: ['ATTENDANCE_TOO_LOW'],
            overrideReason: 'Absences justifiées par une hospitalisation',
            enrollment: { __typename: 'Enrollment', id: 'e1', status: 'GRADUATED' },
            certificate: { __typename: 'Certificate', id: 'cert1', serial: 'MLM-7K3Q-9XWD', status: 'VALID' },
          },
          blockers: [],
          errors: [],
        },
      };
    }
    if (request.operationName === 'GraduateCohort') {
      return {
        graduateCohort: {
          __typename: 'GraduateCohortPayload',
          graduated: 1,
          blocked: 1,
          results: [
            {
              __typename: 'BatchGraduationResult',
              enrollment: {
                __typename: 'Enrollment',
                id: 'e1',
                status: 'ENROLLED',
                person: { __typename: 'Person', id: 'p-e1', fullName: 'Amina BENALI' },
              },
              graduation: null,
              blockers: AMINA.blockers,
            },
            {
              __typename: 'BatchGraduationResult',
              enrollment: {
                __typename: 'Enrollment',
                id: 'e2',
                status: 'GRADUATED',
                person: { __typename: 'Person', id: 'p-e2', fullName: 'Omar TAZI' },
              },
              graduation: { __typename: 'Graduation', id: 'g2', graduatedOn: '2026-11-27' },
              blockers: [],
            },
          ],
          errors: [],
        },
      };
    }
    return {};
  };
}

const renderPage = (role: Role, requests: FakeRequest[] = []) =>
  renderWithApp(
    <Routes>
      <Route path="/graduation/:cohortId" element={<GraduationCohortPage />} />
    </Routes>,
    { path: '/graduation/c1', role, answer: api(requests) },
  );

const rowOf = async (name: string) => {
  const rows = await screen.findAllByTestId('graduation-row');
  const row = rows.find((r) => r.getAttribute('data-person') === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('a cohort’s graduation screen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('says what blocks each trainee, rule by rule with the figures, in reading order', async () => {
    renderPage('DIRECTOR');
    const amina = await rowOf('Amina BENALI');
    const blockers = within(amina).getAllByTestId('graduation-blocker');
    expect(blockers.map((b) => plain(b.textContent))).toEqual([
      'Assiduité 72 % (80 % demandés)',
      'Pratique 312,5 h (400 h demandées)',
      'Évaluation du formateur 8,5/20 (10/20 demandés)',
      'Évaluation du maître artisan manquante',
    ]);
    expect(plain(within(amina).getByTestId('attendance-rate').textContent)).toBe('72 %');
    expect(within(amina).getByTestId('assessment-score').textContent).toBe('8,5/20');
    const omar = await rowOf('Omar TAZI');
    expect(within(omar).getByTestId('graduation-ready').textContent).toBe('Remplit les conditions');
    expect(plain(screen.getByTestId('completion-rules').textContent)).toContain(
      'Assiduité d’au moins 80 %, au moins 400 h de pratique en atelier et au moins 10/20',
    );
    expect(screen.getByTestId('count-eligible').textContent).toBe('1');
    expect(screen.getByTestId('count-blocked').textContent).toBe('1');
  });

  it('lets a director graduate a blocked trainee only with a reason, after showing the blockers', async () => {
    const requests: FakeRequest[] = [];
    renderPage('DIRECTOR', requests);
    fireEvent.click(within(await rowOf('Amina BENALI')).getByTestId('graduate-one'));
    const dialog = await screen.findByTestId('graduate-dialog');
    expect(
      within(within(dialog).getByTestId('dialog-blockers'))
        .getAllByTestId('graduation-blocker')
        .map((b) => plain(b.textContent))[0],
    ).toBe('Assiduité 72 % (80 % demandés)');

    // Without a reason nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Diplômer malgré tout' }));
    expect(await within(dialog).findByText('Indiquez un motif.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'Graduate')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/Motif de la dérogation/), {
      target: { value: 'Absences justifiées par une hospitalisation' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Diplômer malgré tout' }));
    const notice = await screen.findByTestId('graduated-notice');
    expect(notice.textContent).toBe('Amina BENALI est diplômé. Certificat n° MLM-7K3Q-9XWD.');
    expect(requests.find((r) => r.operationName === 'Graduate')?.variables).toEqual({
      input: {
        enrollmentId: 'e1',
        graduatedOn: '2026-11-27',
        override: true,
        overrideReason: 'Absences justifiées par une hospitalisation',
      },
    });
  });

  it('shows a coordinator the blockers but no way around them', async () => {
    const requests: FakeRequest[] = [];
    renderPage('COORDINATOR', requests);
    fireEvent.click(within(await rowOf('Amina BENALI')).getByTestId('graduate-one'));
    const dialog = await screen.findByTestId('graduate-dialog');
    expect(within(dialog).getAllByTestId('graduation-blocker')).toHaveLength(4);
    expect(within(dialog).getByText(/Seul un directeur peut diplômer/)).toBeTruthy();
    expect(within(dialog).queryByTestId('confirm-graduate')).toBeNull();
  });

  it('graduates the cohort and says, for each one left, what blocks them', async () => {
    const requests: FakeRequest[] = [];
    renderPage('DIRECTOR', requests);
    fireEvent.click(await screen.findByTestId('graduate-cohort'));
    fireEvent.click(await screen.findByTestId('confirm-graduate-cohort'));
    const result = await screen.findByTestId('batch-result');
    expect(result.textContent).toContain('Diplômés : 1 · Bloqués : 1');
    expect(result.textContent).toContain('Diplômés : Omar TAZI');
    const blocked = within(result).getAllByTestId('batch-blocked-trainee');
    expect(blocked.map((b) => b.getAttribute('data-enrollment'))).toEqual(['e1']);
    expect(plain(within(blocked[0]!).getAllByTestId('graduation-blocker')[0]!.textContent)).toBe(
      'Assiduité 72 % (80 % demandés)',
    );
    expect(requests.find((r) => r.operationName === 'GraduateCohort')?.variables).toEqual({
      input: { cohortId: 'c1', graduatedOn: '2026-11-27' },
    });
    // The rows are read again: who graduated is the server's to say.
    await waitFor(() =>
      expect(requests.filter((r) => r.operationName === 'GraduationCohortPage').length).toBeGreaterThan(1),
    );
  });

  it('lets an instructor record their own mark only, and nobody graduate', async () => {
    renderPage('INSTRUCTOR');
    const amina = await rowOf('Amina BENALI');
    expect(within(amina).queryByTestId('graduate-one')).toBeNull();
    expect(screen.queryByTestId('graduate-cohort')).toBeNull();
    fireEvent.click(within(amina).getByTestId('record-assessment'));
    const form = await screen.findByTestId('assessment-form');
    // One kind of mark: no choice to make; the existing mark fills the form.
    expect(within(form).queryByText('Maître artisan')).toBeNull();
    expect((within(form).getByLabelText(/^Note/) as HTMLInputElement).value).toBe('8,5');
  });
});
