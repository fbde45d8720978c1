import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseLanguage, DESKTOP, describeInBrowser, expectAccessible, screenshot, signIn } from './browser';
import { FES_DIRECTOR, NETWORK_ADMIN, WEAVING_COHORT } from './demo';

// Three applicants with a family name no demo person has, so the search finds exactly them.
const HEADER =
  'Prénom;Nom;Prénom (arabe);Nom (arabe);Sexe;Date de naissance;CIN;Téléphone;Tuteur;Téléphone du tuteur;Niveau scolaire;Handicap;Province';
const rows = (thirdBirthDate: string) => [
  'Nawal;Lahlimi;نوال;الحليمي;F;2004-05-12;;0612000101;;;Collège;Non;Fès',
  'Kenza;Lahlimi;كنزة;الحليمي;F;2003-11-02;;0612000102;;;Lycée;;Sefrou',
  `Driss;Lahlimi;إدريس;الحليمي;M;${thirdBirthDate};;0612000103;;;Primaire;;Fès`,
];

describeInBrowser('enrollment in a real browser', ({ openContext }) => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'maalem-import-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const writeCsv = (name: string, thirdBirthDate: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${[HEADER, ...rows(thirdBirthDate)].join('\r\n')}\r\n`, 'utf8');
    return file;
  };
  const chooseFile = (page: Page, file: string) => page.locator('input[type="file"]').setInputFiles(file);
  const resultStatus = (page: Page) => page.getByTestId('import-result').getAttribute('data-status');

  it('imports applicants from a file into the open cohort, then finds them and their history', async () => {
    const context = await openContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, FES_DIRECTOR);

    // The cohort list, filtered by trade through the address, leads to the open cohort.
    await page.getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('heading', { name: 'Promotions', level: 1 }).waitFor();
    await page.getByRole('link', { name: WEAVING_COHORT }).click();
    await page.getByTestId('cohort-overview').waitFor();
    const cohortUrl = page.url();
    const applied = async () =>
      Number(
        await page.getByTestId('status-table').locator('tr[data-status="APPLIED"] td').last().textContent(),
      );
    const appliedBefore = await applied();

    // Its import page: a file with one impossible birth date is checked, and that row is named.
    await page.getByRole('link', { name: 'Importer des candidats' }).click();
    await page.getByRole('heading', { name: 'Importer des candidats', level: 1 }).waitFor();
    expect(await page.getByTestId('import-cohort').textContent()).toContain(WEAVING_COHORT);
    await chooseFile(page, writeCsv('candidats.csv', '2005-02-30'));
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => resultStatus(page), { timeout: 30_000 }).toBe('FAILED');
    const badRow = page.getByTestId('row-errors').locator('tr[data-row="4"]');
    expect(await badRow.textContent()).toBe(
      '4Date de naissanceCette date n’est pas valide (ex. 2008-09-15).',
    );
    expect(await page.getByTestId('row-errors').locator('tbody tr').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'import-fr-1280');

    // The fixed file is imported: three people, three applications.
    await chooseFile(page, writeCsv('candidats-corrige.csv', '2005-02-28'));
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => resultStatus(page), { timeout: 30_000 }).toBe('SUCCEEDED');
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      'Lignes lues : 3 · fiches créées : 3 · candidatures enregistrées : 3 · lignes déjà présentes (ignorées) : 0',
    );

    // The cohort's figures count them.
    await page.getByRole('link', { name: 'Retour à la promotion' }).click();
    await page.getByTestId('cohort-overview').waitFor();
    await expect.poll(applied).toBe(appliedBefore + 3);
    await screenshot(page, 'cohort-fr-1280');

    // The list of the cohort, searched by name: the filters live in the address.
    await page.getByRole('link', { name: 'Candidats et apprentis' }).click();
    await page.waitForURL(/\/enrollment\?cohort=/);
    await page.getByLabel('Rechercher').fill('Lahlimi');
    await page.waitForURL(/q=Lahlimi/);
    await expect.poll(() => page.getByTestId('enrollment-count').textContent()).toBe('3 inscriptions');
    expect(await page.getByTestId('enrollment-row').count()).toBe(3);
    await expectAccessible(page);
    await screenshot(page, 'enrollment-fr-1280');

    // A reload keeps the search and the cohort; so does going back after leaving.
    await page.reload();
    await expect.poll(() => page.getByTestId('enrollment-count').textContent()).toBe('3 inscriptions');
    expect(await page.getByLabel('Rechercher').inputValue()).toBe('Lahlimi');
    const listUrl = page.url();

    // A person's page, with the history of their application; admitting them adds a step.
    await page.getByTestId('enrollment-row').filter({ hasText: 'Kenza' }).getByRole('link').click();
    await page.getByTestId('person-details').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toContain('Kenza');
    const history = page.getByTestId('history');
    await expect.poll(() => history.textContent()).toContain('Début : Candidat');
    await page.getByRole('button', { name: /Changer le statut/ }).click();
    await page.getByRole('menuitem', { name: 'Admettre' }).click();
    await expect.poll(() => history.textContent()).toContain('Candidat → Admis');
    expect(await history.textContent()).toContain('par \u2068Direction — Fès\u2069');
    await page.goBack();
    await page.waitForURL(listUrl);
    expect(await page.getByLabel('Rechercher').inputValue()).toBe('Lahlimi');

    // The same screens in Arabic, right to left.
    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.getByTestId('enrollment-count').textContent()).toBe('3 تسجيلات');
    await expectAccessible(page);
    await screenshot(page, 'enrollment-ar-1280');
    await page.goto(cohortUrl);
    await page.getByTestId('cohort-overview').waitFor();
    await screenshot(page, 'cohort-ar-1280');
    await page.goto(`${cohortUrl}/import`);
    await page.getByTestId('import-help').waitFor();
    await chooseFile(page, writeCsv('candidats-ar.csv', '2005-02-30'));
    await page.getByRole('button', { name: 'التحقق من الملف' }).click();
    await expect.poll(() => resultStatus(page), { timeout: 30_000 }).toBe('FAILED');
    await expectAccessible(page);
    await screenshot(page, 'import-ar-1280');
    await context.close();
  });

  it('lets the network admin read cohorts and enrollments, with no way to change them', async () => {
    const context = await openContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, NETWORK_ADMIN);

    await page.getByRole('link', { name: 'Promotions' }).click();
    await page.getByTestId('cohort-count').waitFor();
    expect(await page.getByRole('button', { name: 'Nouvelle promotion' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nouvelle filière' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Inscriptions' }).click();
    await page.getByTestId('enrollment-count').waitFor();
    expect(await page.getByRole('link', { name: 'Nouveau candidat' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Changer le statut/ }).count()).toBe(0);

    // A write page reached by its address says so instead of offering a form.
    await page.goto('/enrollment/new');
    await page.getByRole('alert').filter({ hasText: 'Votre rôle ne permet pas cette action.' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await context.close();
  });
});
