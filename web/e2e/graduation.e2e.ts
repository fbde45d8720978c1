import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  chooseLanguage,
  DESKTOP,
  describeInBrowser,
  digits,
  expectAccessible,
  graphqlAs,
  logSize,
  noHorizontalScroll,
  PHONE,
  readFollowUpToken,
  screenshot,
  signIn,
  signInOnPhone,
} from './browser';
import { ARTISAN, FES_DIRECTOR, GRADUATE, WEAVING_COHORT } from './demo';

const OVERRIDE_REASON = 'Stage complet validé par le jury du centre, heures reportées sur le registre papier';

// Intl writes « 79 % » with a narrow no-break space.
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ').trim();

/** Waits until the open dialog has finished fading in: axe reads colours, and half-faded ones fail. */
async function opened(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('.mantine-Modal-content, .mantine-Modal-overlay')].map(
          (el) => getComputedStyle(el).opacity,
        ),
      ),
    )
    .toEqual(['1', '1']);
}

describeInBrowser('graduation, certificates and integration in a real browser', (app) => {
  const { logFile, openContext } = app;

  it('graduates a trainee whose certificate anyone can verify, then shows the integration rate', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, FES_DIRECTOR);
    const gql = await graphqlAs(page);

    // --- The 2026 weaving cohort's graduation screen, reached from the navigation.
    await page.getByTestId('navbar').getByRole('link', { name: 'Diplomation' }).click();
    await page.waitForURL(/\/graduation$/);
    await page.getByTestId('cohorts-to-graduate').getByRole('link', { name: WEAVING_COHORT }).click();
    await page.waitForURL(/\/graduation\/[^/]+$/);
    const cohortId = page.url().split('/').pop()!;
    await page.getByTestId('graduation-table').waitFor();

    // A trainee the other browser tests leave alone: in no workshop (the demo artisan's trainees and
    // proposals belong to the placement and attendance tests).
    type Edges = { edges: { node: { enrollment: { id: string } } }[] };
    const placed = await gql<{ placements: Edges }>(
      'query($cohortId: ID!) { placements(first: 100, filter: { cohortId: $cohortId }) { edges { node { enrollment { id } } } } }',
      { cohortId },
    );
    const busy = new Set(placed.placements.edges.map((e) => e.node.enrollment.id));
    const open = page.locator('[data-testid="graduation-row"][data-status="ENROLLED"]');
    const candidates = await open.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-enrollment') ?? ''),
    );
    const enrollmentId = candidates.find((id) => !busy.has(id));
    expect(enrollmentId).toBeDefined();
    const row = page.locator(`[data-testid="graduation-row"][data-enrollment="${enrollmentId}"]`);
    const fullName = (await row.getAttribute('data-person')) ?? '';

    // Two months into the year nobody meets the rules: the screen says what blocks them, with figures.
    expect(await row.getAttribute('data-eligible')).toBe('false');
    const blockers = row.getByTestId('graduation-blocker');
    await blockers.first().waitFor();
    const codes = await blockers.evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    expect(codes).toContain('INSTRUCTOR_ASSESSMENT_MISSING');
    expect(codes).toContain('ARTISAN_ASSESSMENT_MISSING');
    expect(await blockers.filter({ hasText: 'Évaluation du formateur manquante' }).count()).toBe(1);

    // The director records the instructor's mark: that blocker goes, the others stay.
    await row.getByTestId('record-assessment').click();
    const markForm = page.getByRole('dialog').getByTestId('assessment-form');
    await markForm.getByRole('textbox', { name: /^Note/ }).fill('14,5');
    await markForm.locator('textarea[name="comment"]').fill('Bonne maîtrise du métier à tisser');
    await markForm.getByTestId('save-assessment').click();
    await markForm.waitFor({ state: 'hidden' });
    await expect
      .poll(() =>
        row.getByTestId('graduation-blocker').evaluateAll((i) => i.map((b) => b.getAttribute('data-code'))),
      )
      .not.toContain('INSTRUCTOR_ASSESSMENT_MISSING');
    expect(await row.getByTestId('assessment-score').first().textContent()).toBe('14,5/20');
    const remaining = await row.getByTestId('graduation-blocker').allTextContents();
    expect(remaining.length).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'graduation-fr-1280');

    // Graduating them anyway: the dialog shows the blockers; the director overrides with a reason.
    await row.getByTestId('graduate-one').click();
    const dialog = page.getByTestId('graduate-dialog');
    await dialog.getByTestId('dialog-blockers').waitFor();
    await opened(page);
    expect((await dialog.getByTestId('graduation-blocker').allTextContents()).map(plain)).toEqual(
      remaining.map(plain),
    );
    await expectAccessible(page);
    await dialog.locator('textarea[name="overrideReason"]').fill(OVERRIDE_REASON);
    await dialog.getByTestId('confirm-graduate').click();
    await dialog.waitFor({ state: 'hidden' });
    const notice = page.getByTestId('graduated-notice');
    await notice.waitFor();
    const serial = (await row.getByTestId('row-serial').textContent())?.trim() ?? '';
    expect(serial).not.toBe('');
    expect(await notice.textContent()).toContain(serial);
    expect(await row.getAttribute('data-status')).toBe('GRADUATED');

    // --- The certificate: a PDF, downloaded from the cohort's certificates.
    const certificate = page.locator(`[data-testid="certificate-row"][data-serial="${serial}"]`);
    await certificate.waitFor();
    expect(await certificate.getAttribute('data-status')).toBe('VALID');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      certificate.getByTestId('download-certificate').click(),
    ]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/i);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);

    // Its verification address, as the QR code carries it.
    await certificate.getByRole('button', { name: /^Voir/ }).click();
    const details = page.getByTestId('certificate-details');
    const verifyPath = (await details.getByRole('link').getAttribute('href')) ?? '';
    expect(verifyPath).toMatch(/^\/verify\/.+/);
    expect(decodeURIComponent(verifyPath)).toContain(serial);
    await page.keyboard.press('Escape');

    // --- Anyone, signed out, on a phone: the certificate is valid and names the trainee.
    const visitor = await openContext(PHONE);
    expect(await visitor.cookies()).toEqual([]);
    const pub = await visitor.newPage();
    await pub.goto(verifyPath);
    const verification = pub.getByTestId('verification');
    await verification.waitFor();
    expect(pub.url()).not.toContain('/sign-in');
    expect(await verification.getAttribute('data-status')).toBe('VALID');
    // Someone with no session gets the product's default language: Arabic, right to left.
    expect(await pub.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await pub.getByTestId('verify-verdict').textContent()).toBe('شهادة صالحة');
    const holder = (await pub.getByTestId('verify-holder-latin').textContent()) ?? '';
    expect(holder.length).toBeGreaterThan(3);
    expect(fullName).toContain(holder);
    expect(await noHorizontalScroll(pub)).toBe(true);
    await expectAccessible(pub);
    await screenshot(pub, 'verify-certificate-ar-360');
    await chooseLanguage(pub, 'fr');
    await expect.poll(() => pub.getByTestId('verify-verdict').textContent()).toBe('Certificat valide');
    expect(await noHorizontalScroll(pub)).toBe(true);
    // A serial nobody issued.
    await pub.goto('/verify/MLM-0000-0000');
    await pub.getByTestId('verify-unknown').waitFor();
    expect(await pub.getByTestId('verify-unknown').textContent()).toContain('inconnu');
    await visitor.close();

    // --- The follow-up work list: the demo's overdue waves, oldest first.
    await page.getByTestId('navbar').getByRole('link', { name: 'Insertion des lauréats' }).click();
    await page.waitForURL(/\/outcomes$/);
    const rows = page.getByTestId('follow-up-row');
    await rows.first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'follow-up-fr-1280');

    // The link by SMS: the graduate answers on their phone, without an account, once.
    const reachable = rows.filter({ has: page.locator('bdi') }).first();
    const outcomeId = (await reachable.getAttribute('data-outcome')) ?? '';
    const e164 = (await reachable.locator('bdi').textContent()) ?? '';
    const logBefore = logSize(logFile);
    await reachable.getByTestId('send-link').click();
    await reachable.getByTestId('link-sent').waitFor();
    const token = await readFollowUpToken(logFile, e164, logBefore);
    const graduatePhone = await openContext(PHONE);
    const graduate = await graduatePhone.newPage();
    await graduate.goto(`/follow-up/${token}`);
    await graduate.getByTestId('follow-up-form').waitFor();
    expect(graduate.url()).not.toContain('/sign-in');
    await graduate.locator('input[value="SELF_EMPLOYED"]').check();
    expect(await noHorizontalScroll(graduate)).toBe(true);
    await expectAccessible(graduate);
    await screenshot(graduate, 'follow-up-link-ar-360');
    await graduate.getByTestId('submit-follow-up').click();
    await graduate.getByTestId('follow-up-thanks').waitFor();
    await graduate.goto(`/follow-up/${token}`);
    await graduate.getByTestId('link-invalid').waitFor();
    await graduatePhone.close();
    // Answered: the wave leaves the work list.
    await page.reload();
    await rows.first().waitFor();
    expect(await page.locator(`[data-testid="follow-up-row"][data-outcome="${outcomeId}"]`).count()).toBe(0);

    // --- The integration dashboard: Fès's rate, as the 2024 report published it, unreachable beside it.
    await page.getByTestId('to-integration').click();
    await page.waitForURL(/\/outcomes\/integration$/);
    const rate = page.getByTestId('integration-rate');
    await rate.waitFor();
    expect(plain(await rate.textContent())).toBe('79 %');
    expect(Number(await page.getByTestId('integration-unreachable').textContent())).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('by-trade').getByTestId('rate-bar').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.getByTestId('integration-rate').textContent()).toBe('79\u200e%\u200e');
    expect(await page.getByTestId('by-trade').getByTestId('rate-chart').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page);
    await screenshot(page, 'integration-ar-1280');
    await chooseLanguage(page, 'fr');

    // --- The 2024 activity report, in the foundation's figures for Fès, and the same as a file.
    await page.getByTestId('navbar').getByRole('link', { name: 'Rapport d’activité' }).click();
    await page.waitForURL(/\/reports$/);
    await page.goto('/reports?year=2024');
    const fes = page.getByTestId('report-summary').getByTestId('report-centre');
    await fes.waitFor();
    expect(digits(await fes.getByTestId('trainees').textContent())).toBe('487');
    // Inside and outside the centre: the demo rounds per trade, so within a few of the report's 96/391.
    const inside = Number(digits(await fes.getByTestId('inside').textContent()));
    const outside = Number(digits(await fes.getByTestId('outside').textContent()));
    expect(inside + outside).toBe(487);
    expect(Math.abs(inside - 96)).toBeLessThanOrEqual(4);
    expect(digits(await fes.getByTestId('graduates').textContent())).toBe('308');
    expect(plain(await fes.getByTestId('integration-rate').textContent())).toBe('79 %');
    await expectAccessible(page);
    await screenshot(page, 'activity-report-fr-1280');
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await report.failure()).toBeNull();
    await desk.close();
  });

  it('takes the host artisan’s final mark of a trainee, on a 360 px phone', async () => {
    const phone = await openContext(PHONE);
    const page = await signInOnPhone(phone, logFile, ARTISAN);
    await page.getByTestId('bottom-nav').getByRole('link', { name: 'متدربيّ' }).click();
    await page.waitForURL(/\/trainees$/);
    const mark = page.getByTestId('host-assessment').first();
    await mark.waitFor();
    await mark.getByTestId('open-host-assessment').click();
    const form = mark.getByTestId('assessment-form');
    await form.locator('input[name="score"]').fill('15.5');
    await form.locator('textarea[name="comment"]').fill('عمل متقن ومواظبة جيدة');
    await form.getByTestId('save-assessment').click();
    await expect.poll(() => mark.getByTestId('host-mark').textContent()).toContain('15,5/20');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'host-assessment-ar-360');
    await phone.close();
  });

  it('gives a graduate her certificate to download on a 360 px phone', async () => {
    const phone = await openContext(PHONE);
    const page = await signInOnPhone(phone, logFile, GRADUATE);
    await page.getByTestId('bottom-nav').getByRole('link', { name: 'شهاداتي' }).click();
    await page.waitForURL(/\/certificates$/);
    const certificate = page.getByTestId('my-certificate').first();
    await certificate.waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'my-certificates-ar-360');
    // Her own PDF (rendered now: the demo's older certificates are printed at their first download).
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      certificate.getByTestId('download-certificate').click(),
    ]);
    expect(await download.failure()).toBeNull();
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await phone.close();
  });
});
