import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { CallSetupPage } from './call-setup-page';

function api(requests: FakeRequest[]) {
  let attempts = 0;
  return (request: FakeRequest) => {
    requests.push(request);
    if (request.operationName === 'CallSetup') {
      return { cohorts: { __typename: 'CohortConnection', edges: [] } };
    }
    if (request.operationName === 'CreateCall') {
      attempts += 1;
      // The first try: the API refuses the second category's name (already used).
      if (attempts === 1) {
        return {
          createCall: {
            __typename: 'CallPayload',
            call: null,
            errors: [
              { __typename: 'UserError', code: 'INVALID_INPUT', field: 'categories.1.nameFr', message: '' },
            ],
          },
        };
      }
      return {
        createCall: { __typename: 'CallPayload', call: { __typename: 'Call', id: 'call9' }, errors: [] },
      };
    }
    return {};
  };
}

const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;
const errorOf = (name: string) => {
  const id = input(name)
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((i) => i.endsWith('-error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('the call set-up form', () => {
  // A long form: generous time on a busy machine.
  it('says what is wrong under each field, a row’s problem under that row, then creates the call', {
    timeout: 30_000,
  }, async () => {
    const requests: FakeRequest[] = [];
    renderWithApp(
      <Routes>
        <Route path="/calls/new" element={<CallSetupPage />} />
        <Route path="/calls/:id" element={<p data-testid="call-created">created</p>} />
      </Routes>,
      { path: '/calls/new', answer: api(requests) },
    );
    const form = await screen.findByTestId('call-form');

    fireEvent.change(input('opensOn'), { target: { value: '2027-02-01' } });
    fireEvent.change(input('closesOn'), { target: { value: '2027-01-01' } });
    fireEvent.submit(form);
    await waitFor(() => expect(errorOf('titleFr')).toBe('Ce champ est obligatoire.'));
    expect(errorOf('closesOn')).toBe('La clôture doit suivre l’ouverture.');
    expect(errorOf('categories.0.nameFr')).toBe('Ce champ est obligatoire.');
    expect(errorOf('criteria.0.nameFr')).toBe('Ce champ est obligatoire.');
    expect(requests.some((r) => r.operationName === 'CreateCall')).toBe(false);

    // The kind is a Mantine select: pick "Prix" from its options.
    fireEvent.click(screen.getAllByLabelText(/^Type d’appel/).find((el) => el.tagName === 'INPUT')!);
    fireEvent.click(await screen.findByRole('option', { name: 'Prix', hidden: true }));
    fireEvent.change(input('titleFr'), { target: { value: 'Prix national du micro-entrepreneur 2027' } });
    fireEvent.change(input('closesOn'), { target: { value: '2027-03-31' } });
    fireEvent.change(input('categories.0.nameFr'), { target: { value: 'Artisanat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une catégorie' }));
    fireEvent.change(input('categories.1.nameFr'), { target: { value: 'Agriculture' } });
    fireEvent.change(input('criteria.0.nameFr'), { target: { value: 'Innovation' } });
    fireEvent.submit(form);

    await waitFor(() => expect(errorOf('categories.1.nameFr')).toBe('Cette valeur n’est pas valide.'));
    expect(errorOf('categories.0.nameFr')).toBeUndefined();
    const sent = requests.find((r) => r.operationName === 'CreateCall')?.variables.input as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({
      kind: 'PRIZE',
      titleFr: 'Prix national du micro-entrepreneur 2027',
      opensOn: '2027-02-01',
      closesOn: '2027-03-31',
      scoreMin: 0,
      scoreMax: 20,
      categories: [
        { nameFr: 'Artisanat', nameAr: null, places: 1 },
        { nameFr: 'Agriculture', nameAr: null, places: 1 },
      ],
      criteria: [{ nameFr: 'Innovation', nameAr: null, weight: 1 }],
    });

    fireEvent.change(input('categories.1.nameFr'), { target: { value: 'Agriculture solidaire' } });
    fireEvent.submit(form);
    await screen.findByTestId('call-created');
  });
});
