import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { EnrollmentStatusAction } from './enrollment-status-action';

const refused = (code: string, field: string | null = null) => ({
  transitionEnrollment: {
    __typename: 'EnrollmentPayload',
    enrollment: null,
    errors: [{ __typename: 'UserError', code, field, message: code }],
  },
});

function renderAction(status: 'APPLIED' | 'ENROLLED' | 'GRADUATED', answer: (r: FakeRequest) => unknown) {
  return renderWithApp(<EnrollmentStatusAction enrollmentId="e1" status={status} label="Amina Benali" />, {
    answer,
  });
}

const openMenu = () => fireEvent.click(screen.getByRole('button', { name: /Changer le statut/ }));

describe('changing an enrollment’s status', () => {
  it('offers only the moves the API allows from the current status (graduating has its own screen)', async () => {
    renderAction('ENROLLED', () => ({}));
    openMenu();
    const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
    expect(items).toEqual(['Déclarer un abandon', 'Déclarer un retrait']);
  });

  it('offers nothing once the enrollment is closed', () => {
    renderAction('GRADUATED', () => ({}));
    expect(screen.queryByRole('button', { name: /Changer le statut/ })).toBeNull();
  });

  it('shows a refusal such as a full cohort right under the action', async () => {
    const { requests } = renderAction('APPLIED', () => refused('COHORT_FULL'));
    openMenu();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Admettre' }));
    const message = await screen.findByTestId('status-error');
    expect(message.textContent).toBe('Cette promotion est complète.');
    expect(screen.getByTestId('status-action').contains(message)).toBe(true);
    expect(requests.at(-1)?.variables).toEqual({ input: { id: 'e1', to: 'ADMITTED', reason: null } });
  });

  it('asks why before a dropout, and shows the API’s refusal in the same dialog', async () => {
    const { requests } = renderAction('ENROLLED', () => refused('ILLEGAL_TRANSITION'));
    openMenu();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Déclarer un abandon' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    expect(await within(dialog).findByText('Indiquez un motif.')).toBeTruthy();
    expect(requests.filter((r) => r.operationName === 'TransitionEnrollment')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^Motif/), { target: { value: ' a trouvé un emploi ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('form-error').textContent).toBe(
        'Ce changement de statut n’est pas possible depuis le statut actuel.',
      ),
    );
    expect(requests.at(-1)?.variables).toEqual({
      input: { id: 'e1', to: 'DROPPED_OUT', reason: 'a trouvé un emploi' },
    });
  });
});
