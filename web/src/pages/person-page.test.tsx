import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { PersonPage } from './person-page';

const PERSON = {
  __typename: 'Person',
  id: 'p1',
  fullName: 'Kenza LAHLIMI — كنزة الحليمي',
  firstNameLatin: 'Kenza',
  lastNameLatin: 'LAHLIMI',
  firstNameAr: 'كنزة',
  lastNameAr: 'الحليمي',
  sex: 'F',
  birthDate: '2003-11-02',
  age: 23,
  cin: null,
  phone: '+212612000102',
  guardianName: null,
  guardianPhone: null,
  schoolLevel: 'SECONDARY',
  hasDisability: false,
  province: 'Sefrou',
  createdAt: '2026-11-27T10:00:00Z',
  mergedInto: null,
  enrollments: [
    {
      __typename: 'Enrollment',
      id: 'e1',
      status: 'DROPPED_OUT',
      statusReason: 'a trouvé un emploi',
      statusChangedAt: '2026-10-05T09:30:00Z',
      createdAt: '2026-06-15T09:00:00Z',
      cohort: {
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
        },
      },
      history: [
        {
          __typename: 'EnrollmentEvent',
          id: 'h1',
          fromStatus: null,
          toStatus: 'APPLIED',
          reason: null,
          at: '2026-06-15T09:00:00Z',
          actor: null,
        },
        {
          __typename: 'EnrollmentEvent',
          id: 'h2',
          fromStatus: 'APPLIED',
          toStatus: 'ADMITTED',
          reason: null,
          at: '2026-07-20T09:00:00Z',
          actor: { __typename: 'User', id: 'u1', displayName: 'Salma Idrissi' },
        },
        {
          __typename: 'EnrollmentEvent',
          id: 'h3',
          fromStatus: 'ADMITTED',
          toStatus: 'DROPPED_OUT',
          reason: 'a trouvé un emploi',
          // 2026-10-05 09:30 UTC is 09:30 in Fès since Morocco stays on UTC+0 (tzdata 2026c).
          at: '2026-10-05T09:30:00Z',
          actor: { __typename: 'User', id: 'u1', displayName: 'Salma Idrissi' },
        },
      ],
    },
  ],
};

const DUPLICATE = {
  __typename: 'PossibleDuplicate',
  reason: 'SAME_NAME_BIRTH_DATE_PHONE',
  person: {
    __typename: 'Person',
    id: 'p2',
    fullName: 'Kenza Lahlimi',
    birthDate: '2003-11-02',
    cin: null,
    phone: '+212612000102',
  },
};

function renderPerson(answer: (r: FakeRequest) => unknown, role: 'DIRECTOR' | 'INSTRUCTOR' = 'DIRECTOR') {
  return renderWithApp(
    <Routes>
      <Route path="/people/:id" element={<PersonPage />} />
    </Routes>,
    { path: '/people/p1', answer, role },
  );
}

const answerWith = (merge: object) => (r: FakeRequest) => {
  if (r.operationName === 'PersonPage') return { person: PERSON };
  if (r.operationName === 'PossibleDuplicates')
    return { possibleDuplicates: [{ ...DUPLICATE, person: { ...DUPLICATE.person, id: 'p1' } }, DUPLICATE] };
  if (r.operationName === 'MergePeople') return merge;
  return {};
};

describe('a person’s page', () => {
  it('shows each enrollment’s history: when on the centre’s clock, from → to, who and why', async () => {
    renderPerson(answerWith({}));
    const history = await screen.findByTestId('history');
    expect(history.textContent).toContain('Début : Candidat');
    expect(history.textContent).toContain('le système');
    expect(history.textContent).toContain('Candidat → Admis');
    expect(history.textContent).toContain('Admis → Abandon');
    expect(history.textContent).toContain('5 oct. 2026, 09:30, par \u2068Salma Idrissi\u2069');
    expect(history.textContent).toContain('Motif : \u2068a trouvé un emploi\u2069');
    // A closed enrollment offers no status change.
    expect(screen.queryByRole('button', { name: /Changer le statut/ })).toBeNull();
  });

  it('offers to merge a look-alike record (never itself) into this one', async () => {
    const { requests } = renderPerson(
      answerWith({
        mergePeople: {
          __typename: 'MergePeoplePayload',
          person: null,
          errors: [{ __typename: 'UserError', code: 'ALREADY_MERGED', field: 'mergeId', message: 'x' }],
        },
      }),
    );
    const duplicates = await screen.findByTestId('duplicates');
    expect(within(duplicates).getAllByTestId('duplicate')).toHaveLength(1);
    expect(duplicates.textContent).toContain('Même nom, même date de naissance et même téléphone');
    expect(requests.find((r) => r.operationName === 'PossibleDuplicates')?.variables.input).toMatchObject({
      firstNameLatin: 'Kenza',
      birthDate: '2003-11-02',
      phone: '+212612000102',
    });
    fireEvent.click(within(duplicates).getByRole('button', { name: 'Fusionner dans cette fiche' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fusionner dans cette fiche' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('form-error').textContent).toBe(
        'Cette fiche a déjà été fusionnée avec une autre.',
      ),
    );
    expect(requests.find((r) => r.operationName === 'MergePeople')?.variables).toEqual({
      input: { keepId: 'p1', mergeId: 'p2' },
    });
  });

  it('shows a reader the record and its history without edit, merge or status actions', async () => {
    const { requests } = renderPerson(answerWith({}), 'INSTRUCTOR');
    await screen.findByTestId('history');
    expect(screen.queryByRole('button', { name: 'Modifier la fiche' })).toBeNull();
    expect(screen.queryByTestId('duplicates')).toBeNull();
    expect(requests.some((r) => r.operationName === 'PossibleDuplicates')).toBe(false);
  });
});
