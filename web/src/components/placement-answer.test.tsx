import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { PlacementAnswer } from './placement-answer';

const payload = (field: string, placement: unknown, errors: { code: string; field?: string }[] = []) => ({
  [field]: {
    __typename: 'PlacementPayload',
    placement,
    errors: errors.map((e) => ({ __typename: 'UserError', field: null, message: e.code, ...e })),
  },
});

const answered = (status: string) => ({
  __typename: 'Placement',
  id: 'pl1',
  status,
  statusReason: status === 'DECLINED' ? 'Ces jours ne me conviennent pas' : null,
  statusChangedAt: '2026-11-27T10:00:00Z',
  host: { __typename: 'Host', id: 'h1' },
});

function renderAnswer(answer: (request: FakeRequest) => unknown) {
  const onAnswered = vi.fn();
  const view = renderWithApp(
    <PlacementAnswer placementId="pl1" subject="Amina Benali" size="xl" onAnswered={onAnswered} />,
    { role: 'HOST_ARTISAN', answer },
  );
  return { ...view, onAnswered };
}

describe('answering a proposal', () => {
  it('says yes only once the server agreed', async () => {
    const { requests, onAnswered } = renderAnswer(() => payload('confirmPlacement', answered('CONFIRMED')));
    fireEvent.click(screen.getByRole('button', { name: 'Accepter — Amina Benali' }));
    expect(onAnswered).not.toHaveBeenCalled();
    await waitFor(() => expect(onAnswered).toHaveBeenCalledWith('CONFIRMED'));
    expect(requests.at(-1)).toMatchObject({
      operationName: 'ConfirmPlacement',
      variables: { input: { id: 'pl1' } },
    });
  });

  it('shows a full workshop clearly, and nothing as done', async () => {
    const { onAnswered } = renderAnswer(() =>
      payload('confirmPlacement', null, [{ code: 'HOST_FULL', field: 'id' }]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Accepter — Amina Benali' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Atelier complet');
    expect(alert.textContent).toContain(
      'Cet atelier n’a plus de place libre sur au moins un des jours demandés.',
    );
    expect(alert.textContent).toContain('Refusez cette proposition ou appelez le centre.');
    expect(onAnswered).not.toHaveBeenCalled();
  });

  it('asks why before declining: a reason is required, a usual one fills in with one tap', async () => {
    const { requests, onAnswered } = renderAnswer(() => payload('declinePlacement', answered('DECLINED')));
    fireEvent.click(screen.getByRole('button', { name: 'Refuser — Amina Benali' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Amina Benali')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    expect(await within(dialog).findByText('Indiquez un motif.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'x' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    expect(await within(dialog).findByText('Ce motif est trop court.')).toBeTruthy();
    expect(requests.filter((r) => r.operationName === 'DeclinePlacement')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ces jours ne me conviennent pas' }));
    expect((within(dialog).getByRole('textbox') as HTMLTextAreaElement).value).toBe(
      'Ces jours ne me conviennent pas',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    await waitFor(() => expect(onAnswered).toHaveBeenCalledWith('DECLINED'));
    expect(requests.at(-1)?.variables).toEqual({
      input: { id: 'pl1', reason: 'Ces jours ne me conviennent pas' },
    });
  });

  it('keeps the dialog open with the server’s refusal when the proposal was already answered', async () => {
    const { onAnswered } = renderAnswer(() =>
      payload('declinePlacement', null, [{ code: 'ILLEGAL_TRANSITION', field: 'id' }]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Refuser — Amina Benali' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Pas de place' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    expect((await within(dialog).findByTestId('form-error')).textContent).toBe(
      'Ce changement de statut n’est pas possible depuis le statut actuel.',
    );
    expect(onAnswered).not.toHaveBeenCalled();
  });
});
