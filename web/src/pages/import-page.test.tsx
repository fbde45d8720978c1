import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type FakeRequest, renderWithApp } from '../test/render';
import { ImportPage } from './import-page';

const COHORT = {
  cohort: {
    __typename: 'Cohort',
    id: 'c1',
    label: 'Tissage 2026-2027',
    programme: {
      __typename: 'Programme',
      id: 'p1',
      nameFr: 'Tissage traditionnel',
      nameAr: 'النسيج التقليدي',
      trade: { __typename: 'Trade', id: 't1', nameFr: 'Tissage', nameAr: 'النسيج' },
    },
  },
};

const anImport = (fields: object) => ({
  __typename: 'ApplicantImport',
  id: 'i1',
  fileName: 'candidats.csv',
  dryRun: true,
  status: 'RUNNING',
  totalRows: 300,
  processedRows: 0,
  createdPeople: 0,
  createdEnrollments: 0,
  skippedRows: 0,
  rowErrors: [],
  ...fields,
});

const CSV = 'Prénom;Nom;Sexe;Date de naissance\nAmina;Benali;F;2008-02-30\n';

function renderImport(answer: (r: FakeRequest) => unknown, role: 'DIRECTOR' | 'INSTRUCTOR' = 'DIRECTOR') {
  return renderWithApp(
    <Routes>
      <Route path="/cohorts/:id/import" element={<ImportPage />} />
    </Routes>,
    { path: '/cohorts/c1/import', answer, role },
  );
}

async function chooseFile(content: string, name = 'candidats.csv') {
  await screen.findByTestId('import-cohort');
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/csv' })] } });
}

describe('importing applicants', () => {
  it('sends the file as base64, polls every second while it runs, then lists the row errors', async () => {
    let polls = 0;
    const { requests } = renderImport((r) => {
      if (r.operationName === 'ImportPage') return COHORT;
      if (r.operationName === 'ImportApplicants') {
        return {
          importApplicants: {
            __typename: 'ImportApplicantsPayload',
            applicantImport: anImport({ status: 'PENDING' }),
            errors: [],
          },
        };
      }
      if (r.operationName === 'ApplicantImport') {
        polls += 1;
        const done = polls >= 2;
        return {
          applicantImport: done
            ? anImport({
                status: 'FAILED',
                processedRows: 300,
                rowErrors: [
                  {
                    __typename: 'ImportRowError',
                    row: 2,
                    column: 'Date de naissance',
                    code: 'INVALID_DATE',
                    message: 'x',
                  },
                ],
              })
            : anImport({ processedRows: 100 }),
        };
      }
      return {};
    });
    await chooseFile(CSV);
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier le fichier' }));

    await waitFor(() => expect(requests.some((r) => r.operationName === 'ImportApplicants')).toBe(true));
    const sent = requests.find((r) => r.operationName === 'ImportApplicants')?.variables.input as Record<
      string,
      unknown
    >;
    expect(sent).toEqual({
      cohortId: 'c1',
      fileName: 'candidats.csv',
      contentBase64: Buffer.from(CSV, 'utf8').toString('base64'),
      dryRun: true,
    });

    // While it runs: the progress, processed rows out of the total.
    await waitFor(() => expect(screen.getByText('Vérification : 100 lignes sur 300')).toBeTruthy());
    // A second later it is done: the poll stops and the row error is listed.
    const table = await screen.findByTestId('row-errors', {}, { timeout: 3000 });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toBe('2Date de naissanceCette date n’est pas valide (ex. 2008-09-15).');
    expect(screen.getByTestId('import-result').textContent).toContain('Erreurs : 1 · lignes concernées : 1.');
    const pollsWhenDone = polls;
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(polls).toBe(pollsWhenDone);
  });

  it('names each missing column in both languages, and refuses other files before sending', async () => {
    const { requests } = renderImport((r) => {
      if (r.operationName === 'ImportPage') return COHORT;
      return {
        importApplicants: {
          __typename: 'ImportApplicantsPayload',
          applicantImport: null,
          errors: [
            { __typename: 'UserError', code: 'MISSING_COLUMN', field: 'firstNameLatin', message: 'x' },
            { __typename: 'UserError', code: 'MISSING_COLUMN', field: 'birthDate', message: 'x' },
          ],
        },
      };
    });
    await chooseFile('a;b\n1;2\n', 'scan.pdf');
    expect(screen.getByTestId('import-problems').textContent).toBe(
      'Ce fichier ne peut pas être lu. Envoyez un fichier CSV ou XLSX.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect(requests.filter((r) => r.operationName === 'ImportApplicants')).toHaveLength(0);

    await chooseFile('a;b\n1;2\n');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await waitFor(() =>
      expect(screen.getByTestId('import-problems').textContent).toBe(
        'Colonne obligatoire absente : « Prénom » / « الاسم بالفرنسية »' +
          'Colonne obligatoire absente : « Date de naissance » / « تاريخ الازدياد »',
      ),
    );
    expect(requests.find((r) => r.operationName === 'ImportApplicants')?.variables.input).toMatchObject({
      dryRun: false,
    });
  });

  it('is not offered to a role that may only read', async () => {
    renderImport(() => COHORT, 'INSTRUCTOR');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Votre rôle ne permet pas cette action.',
    );
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });
});
