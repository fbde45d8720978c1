import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { hostFormFrom } from '../lib/host-form';
import { renderWithApp } from '../test/render';
import { HostForm } from './host-form';

const TRADES = [{ id: 't1', nameFr: 'Tissage', nameAr: 'النسيج' }];
const HOST = {
  kind: 'ARTISAN_WORKSHOP' as const,
  name: 'Atelier de tissage du maâlem Driss',
  nameAr: 'ورشة النسيج للمعلم إدريس',
  trade: { id: 't1' },
  capacity: 6,
  address: null,
  province: 'Fès',
  contactName: 'Driss',
  contactPhone: null,
};

describe('the host form', () => {
  it('names what is missing before asking the API', async () => {
    const { requests } = renderWithApp(<HostForm trades={TRADES} onDone={vi.fn()} />, {
      role: 'COORDINATOR',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Créer l’atelier' }));
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(5);
    expect(requests.filter((r) => r.operationName === 'CreateHost')).toHaveLength(0);
  });

  it('sends the edited host, and puts a refused capacity under its field', async () => {
    const onDone = vi.fn();
    const { requests } = renderWithApp(
      <HostForm trades={TRADES} host={{ id: 'h1', values: hostFormFrom(HOST) }} onDone={onDone} />,
      {
        role: 'COORDINATOR',
        answer: () => ({
          updateHost: {
            __typename: 'HostPayload',
            host: null,
            errors: [{ __typename: 'UserError', code: 'HOST_FULL', field: 'host.capacity', message: 'x' }],
          },
        }),
      },
    );
    fireEvent.change(screen.getByLabelText(/^Places/), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText(/^Adresse/), { target: { value: '  12, derb Tazi  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByLabelText(/^Places/).getAttribute('aria-invalid')).toBe('true'));
    expect(
      screen.getByText('Cet atelier n’a plus de place libre sur au moins un des jours demandés.'),
    ).toBeTruthy();
    expect(requests.at(-1)?.variables).toEqual({
      input: {
        id: 'h1',
        host: {
          kind: 'ARTISAN_WORKSHOP',
          name: 'Atelier de tissage du maâlem Driss',
          nameAr: 'ورشة النسيج للمعلم إدريس',
          tradeId: 't1',
          capacity: 2,
          address: '12, derb Tazi',
          province: 'Fès',
          contactName: 'Driss',
          contactPhone: null,
        },
      },
    });
    expect(onDone).not.toHaveBeenCalled();
  });
});
