import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { NewApplicantPage } from './new-applicant-page';

const COHORTS = {
  cohorts: {
    __typename: 'CohortConnection',
    edges: [
      {
        __typename: 'CohortEdge',
        node: {
          __typename: 'Cohort',
          id: 'c1',
          label: 'Tissage 2026-2027',
          programme: {
            __typename: 'Programme',
            id: 'p1',
            minAge: 15,
            maxAge: 30,
            trade: { __typename: 'Trade', id: 't1', nameFr: 'Tissage', nameAr: 'النسيج' },
          },
          overview: { __typename: 'CohortOverview', capacityLeft: 12 },
        },
      },
    ],
  },
};

const error = (code: string, field: string | null) => ({
  __typename: 'UserError',
  code,
  field,
  message: code,
});
const personPayload = (extra: object) => ({
  createPerson: { __typename: 'PersonPayload', person: null, duplicates: [], errors: [], ...extra },
});

function PersonProbe() {
  return <p data-testid="person-page">{useLocation().pathname}</p>;
}

function renderPage(answer: (request: FakeRequest) => unknown) {
  return renderWithApp(
    <Routes>
      <Route path="/enrollment/new" element={<NewApplicantPage />} />
      <Route path="/people/:id" element={<PersonProbe />} />
    </Routes>,
    { path: '/enrollment/new?cohort=c1', answer },
  );
}

/** The input a label names (a Mantine select's label also names its list of options). */
const input = (label: RegExp) => {
  const found = screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT');
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
};
const fill = (label: RegExp, value: string) => fireEvent.change(input(label), { target: { value } });

/** The error text Mantine links to an input (aria-describedby), i.e. the one shown under it. */
function errorUnder(label: RegExp): string | null {
  const ids = input(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  const texts = ids.map((id) => document.getElementById(id)?.textContent ?? '');
  return texts.find((text) => text && !text.startsWith('Vérifiez') && !text.startsWith('Facultatif')) ?? null;
}

function fillMinimum() {
  fill(/^Prénom \(lettres latines\)/, 'Amina');
  fill(/^Nom \(lettres latines\)/, 'Benali');
  fill(/^Date de naissance/, '2009-03-14');
}

describe('new applicant', () => {
  it('refuses to send without the fields GraphQL requires, each error under its field', async () => {
    const { requests } = renderPage((r) => (r.operationName === 'NewApplicantPage' ? COHORTS : {}));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la candidature' }));
    await waitFor(() => expect(errorUnder(/^Prénom \(lettres latines\)/)).toBe('Ce champ est obligatoire.'));
    expect(errorUnder(/^Sexe/)).toBe('Ce champ est obligatoire.');
    expect(errorUnder(/^Date de naissance/)).toBe('Ce champ est obligatoire.');
    expect(requests.filter((r) => r.operationName === 'CreatePerson')).toHaveLength(0);
  });

  it('puts every API error next to its field, in French, and the rest above the form', async () => {
    const { requests } = renderPage((r) => {
      if (r.operationName === 'NewApplicantPage') return COHORTS;
      return personPayload({
        errors: [
          error('INVALID_DATE', 'birthDate'),
          error('INVALID_CIN', 'cin'),
          error('GUARDIAN_REQUIRED', 'person.guardianName'),
          error('INVALID_PHONE', 'guardianPhone'),
          error('FORBIDDEN', null),
        ],
      });
    });
    fillMinimum();
    // Sex is a Mantine select: pick "Femme" from its options.
    fireEvent.click(input(/^Sexe/));
    fireEvent.click(await screen.findByRole('option', { name: 'Femme', hidden: true }));
    fill(/^CIN/, 'ZZ');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la candidature' }));

    await waitFor(() =>
      expect(errorUnder(/^Date de naissance/)).toBe('Cette date n’est pas valide (ex. 2008-09-15).'),
    );
    expect(errorUnder(/^CIN/)).toBe('Ce numéro de CIN n’est pas valide (ex. AB123456).');
    expect(errorUnder(/^Nom du tuteur/)).toMatch(/^Pour une personne de moins de 18 ans/);
    expect(errorUnder(/^Téléphone du tuteur/)).toMatch(/^Ce numéro de téléphone n’est pas valide/);
    expect(screen.getByTestId('form-error').textContent).toBe('Votre rôle ne permet pas cette action.');
    const sent = requests.find((r) => r.operationName === 'CreatePerson');
    expect(sent?.variables).toEqual({
      input: {
        ignoreDuplicates: false,
        person: {
          firstNameLatin: 'Amina',
          lastNameLatin: 'Benali',
          firstNameAr: null,
          lastNameAr: null,
          sex: 'F',
          birthDate: '2009-03-14',
          cin: 'ZZ',
          phone: null,
          guardianName: null,
          guardianPhone: null,
          schoolLevel: null,
          hasDisability: false,
          province: null,
        },
      },
    });
  });

  it('warns about a possible duplicate, then creates anyway or applies with the existing record', async () => {
    const duplicate = {
      __typename: 'PossibleDuplicate',
      reason: 'SAME_CIN',
      person: {
        __typename: 'Person',
        id: 'p-old',
        fullName: 'Amina Benali أمينة بنعلي',
        birthDate: '2009-03-14',
        cin: 'AB123456',
        phone: null,
      },
    };
    const { requests } = renderPage((r) => {
      if (r.operationName === 'NewApplicantPage') return COHORTS;
      if (r.operationName === 'CreatePerson') {
        const input = r.variables.input as { ignoreDuplicates: boolean };
        return input.ignoreDuplicates
          ? personPayload({ person: { __typename: 'Person', id: 'p-new', fullName: 'Amina Benali' } })
          : personPayload({ duplicates: [duplicate] });
      }
      if (r.operationName === 'Apply') {
        return {
          apply: {
            __typename: 'EnrollmentPayload',
            enrollment: null,
            errors: [error('ALREADY_ENROLLED', null)],
          },
        };
      }
      return {};
    });
    fillMinimum();
    fireEvent.click(input(/^Sexe/));
    fireEvent.click(await screen.findByRole('option', { name: 'Femme', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la candidature' }));

    const warning = await screen.findByTestId('duplicates');
    expect(within(warning).getByText('Amina Benali أمينة بنعلي')).toBeTruthy();
    expect(warning.textContent).toContain('Même CIN');

    // "Use this record": applies with the existing person; its refusal is shown, nothing is created.
    fireEvent.click(within(warning).getByRole('button', { name: 'Utiliser cette fiche' }));
    await waitFor(() =>
      expect(screen.getByTestId('form-error').textContent).toBe(
        'Cette personne a déjà une candidature ou une inscription en cours dans cette promotion.',
      ),
    );
    expect(requests.find((r) => r.operationName === 'Apply')?.variables).toEqual({
      input: { personId: 'p-old', cohortId: 'c1' },
    });

    // "Create anyway": the same person, sent again with ignoreDuplicates.
    fireEvent.click(
      within(screen.getByTestId('duplicates')).getByRole('button', { name: 'Créer quand même' }),
    );
    await waitFor(() =>
      expect(
        requests.filter((r) => r.operationName === 'CreatePerson').map((r) => r.variables.input),
      ).toMatchObject([{ ignoreDuplicates: false }, { ignoreDuplicates: true }]),
    );
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'Apply')).toHaveLength(2));
    expect(requests.filter((r) => r.operationName === 'Apply')[1]?.variables).toEqual({
      input: { personId: 'p-new', cohortId: 'c1' },
    });
    // Refused again: the record exists now, so the form only applies from here on.
    await screen.findByTestId('created-not-applied');
    expect(screen.getByRole('button', { name: 'Déposer la candidature' })).toBeTruthy();
  });
});
