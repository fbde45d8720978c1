import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { FollowUpLinkPage, VerifyCertificatePage } from './public-pages';

const VERIFICATION = {
  __typename: 'CertificateVerification',
  serial: 'MLM-7K3Q-9XWD',
  status: 'VALID',
  holderNameLatin: 'Kenza LAHLIMI',
  holderNameAr: 'كنزة الحليمي',
  programmeFr: 'Apprentissage — Tissage',
  programmeAr: 'التكوين بالتدرج المهني — النسيج',
  centreName: 'Centre de formation par apprentissage de Fès',
  centreNameAr: 'مركز التكوين بالتدرج المهني بفاس',
  graduatedOn: '2026-11-27',
  revokedOn: null,
};

const verifyAt = (path: string, answer: (request: FakeRequest) => unknown) =>
  renderWithApp(
    <Routes>
      <Route path="/verify/:serial" element={<VerifyCertificatePage />} />
    </Routes>,
    { path, answer },
  );

describe('the public verification page', () => {
  it('shows whose certificate a serial names, in both scripts, and that it is valid', async () => {
    const requests: FakeRequest[] = [];
    verifyAt('/verify/MLM-7K3Q-9XWD', (request) => {
      requests.push(request);
      return { verifyCertificate: VERIFICATION };
    });
    const card = await screen.findByTestId('verification');
    expect(card.getAttribute('data-status')).toBe('VALID');
    expect(screen.getByTestId('verify-verdict').textContent).toBe('Certificat valide');
    expect(screen.getByTestId('verify-holder-latin').textContent).toBe('Kenza LAHLIMI');
    expect(screen.getByTestId('verify-holder-ar').textContent).toBe('كنزة الحليمي');
    expect(screen.getByTestId('verify-programme').textContent).toBe('Apprentissage — Tissage');
    expect(screen.getByTestId('verify-date').textContent).toBe('27 novembre 2026');
    expect(requests[0]).toEqual({
      operationName: 'VerifyCertificatePage',
      variables: { serial: 'MLM-7K3Q-9XWD' },
    });
  });

  it('says when a certificate was revoked', async () => {
    verifyAt('/verify/MLM-7K3Q-9XWD', () => ({
      verifyCertificate: { ...VERIFICATION, status: 'REVOKED', revokedOn: '2026-12-02' },
    }));
    expect((await screen.findByTestId('verify-verdict')).textContent).toBe('Certificat annulé');
    expect(screen.getByTestId('verify-revoked-on').textContent).toBe('Annulé le 2 décembre 2026');
  });

  it('calls an unknown serial unknown, and checks another one typed in', async () => {
    const requests: FakeRequest[] = [];
    verifyAt('/verify/MLM-0000', (request) => {
      requests.push(request);
      return { verifyCertificate: request.variables.serial === 'MLM-7K3Q-9XWD' ? VERIFICATION : null };
    });
    expect((await screen.findByTestId('verify-unknown')).textContent).toContain('inconnu');
    fireEvent.change(screen.getByLabelText(/Numéro de série/), { target: { value: ' mlm-7k3q-9xwd ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect((await screen.findByTestId('verification')).getAttribute('data-status')).toBe('VALID');
    expect(requests.at(-1)?.variables).toEqual({ serial: 'MLM-7K3Q-9XWD' });
  });
});

const LINK = {
  __typename: 'FollowUpLink',
  firstName: 'Kenza',
  programmeFr: 'Apprentissage — Tissage',
  programmeAr: 'التكوين بالتدرج المهني — النسيج',
  centreName: 'Centre de Fès',
  centreNameAr: 'مركز فاس',
  monthsAfterGraduation: 6,
};

const answerAt = (answer: (request: FakeRequest) => unknown) =>
  renderWithApp(
    <Routes>
      <Route path="/follow-up/:token" element={<FollowUpLinkPage />} />
    </Routes>,
    { path: '/follow-up/tok-1', answer },
  );

describe('the graduate’s follow-up link', () => {
  it('takes the answer in one short form and thanks them', async () => {
    const requests: FakeRequest[] = [];
    answerAt((request) => {
      requests.push(request);
      if (request.operationName === 'FollowUpLinkPage') return { followUpByLink: LINK };
      return { submitOutcomeByLink: { __typename: 'SubmitOutcomeByLinkPayload', ok: true, errors: [] } };
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Bonjour Kenza');
    // A graduate cannot say they are unreachable.
    expect(screen.queryByLabelText('Injoignable')).toBeNull();
    fireEvent.click(screen.getByLabelText('J’ai créé ma propre activité'));
    fireEvent.change(screen.getByLabelText(/^Où \?/), { target: { value: 'Atelier Kenza' } });
    fireEvent.click(screen.getByTestId('submit-follow-up'));
    expect((await screen.findByTestId('follow-up-thanks')).textContent).toContain('Merci');
    expect(requests.find((r) => r.operationName === 'SubmitOutcomeByLink')?.variables).toEqual({
      input: { token: 'tok-1', status: 'CREATED_ACTIVITY', organisation: 'Atelier Kenza' },
    });
  });

  it('says clearly when the link no longer works', async () => {
    answerAt(() => ({ followUpByLink: null }));
    expect((await screen.findByTestId('link-invalid')).textContent).toContain('Ce lien n’est plus valable');
  });

  it('says so too when the link was used in the meantime', async () => {
    answerAt((request) =>
      request.operationName === 'FollowUpLinkPage'
        ? { followUpByLink: LINK }
        : {
            submitOutcomeByLink: {
              __typename: 'SubmitOutcomeByLinkPayload',
              ok: false,
              errors: [{ __typename: 'UserError', code: 'LINK_INVALID', field: 'token', message: 'x' }],
            },
          },
    );
    fireEvent.click(await screen.findByLabelText('Je cherche encore du travail'));
    fireEvent.click(screen.getByTestId('submit-follow-up'));
    await waitFor(() => expect(screen.getByTestId('link-invalid')).toBeTruthy());
  });
});
