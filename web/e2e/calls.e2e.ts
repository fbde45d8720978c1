import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  chooseLanguage,
  DESKTOP,
  describeInBrowser,
  digits,
  expectAccessible,
  graphqlAs,
  noHorizontalScroll,
  PHONE,
  screenshot,
  signIn,
} from './browser';
import { NETWORK_ADMIN } from './demo';

const JUROR = 'jure@demo.maalem.ma';
const DIRECTOR = 'directeur.incubateur-casablanca@demo.maalem.ma';
const COACH = 'coach.casablanca@demo.maalem.ma';
const CALL_TITLE = 'Sélection de la cohorte 8 (2026)';
// The demo's four weighted criteria (3, 3, 2, 2): (3 × 15 + 3 × 14 + 2 × 16 + 2 × 12) ÷ 10 = 14.3
const MARKS = ['15', '14', '16', '12'];

const rankingRows = (page: Page) => page.getByTestId('ranking-row');

describeInBrowser('calls, juries and ventures in a real browser', ({ openContext }) => {
  it('lets a juror score an application on a phone, seeing the others’ scores only once theirs is submitted', async () => {
    const phone = await openContext(PHONE);
    const page = await phone.newPage();
    await signIn(page, JUROR);

    // Home: the call they sit on, with everything still to score.
    const card = page.getByTestId('juror-call').filter({ hasText: CALL_TITLE });
    await card.waitFor();
    expect(Number(await card.getByTestId('juror-pending').getAttribute('data-pending'))).toBe(40);
    const callId = await card.getAttribute('data-call');
    expect(await noHorizontalScroll(page)).toBe(true);

    // Nothing submitted yet: the juror's ranking is empty.
    await page.goto(`/calls/${callId}/results`);
    await page.getByTestId('juror-results-note').waitFor();
    expect(await page.getByTestId('category-ranking').count()).toBe(2);
    expect(await rankingRows(page).count()).toBe(0);

    // The call, then one of its applications: the others' evaluations are not shown.
    await page.goto(`/calls/${callId}`);
    const row = page.getByTestId('application-row').first();
    await row.waitFor();
    const applicationId = (await row.getAttribute('data-application'))!;
    expect(await row.getByTestId('juror-state').getAttribute('data-status')).toBe('TO_SCORE');
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/calls/${callId}/applications/${applicationId}$`));
    await page.getByTestId('evaluations-hidden').waitFor();
    expect(await page.getByTestId('evaluation-card').count()).toBe(0);
    expect(await page.getByTestId('application-document').count()).toBe(2);

    // Scoring: one box per criterion, only the juror's own scores on screen.
    await page.getByTestId('score-this').click();
    await page.waitForURL(new RegExp(`/calls/${callId}/score/${applicationId}$`));
    const boxes = page.getByTestId('criterion-score');
    await boxes.first().waitFor();
    expect(await boxes.count()).toBe(MARKS.length);
    await page.getByTestId('own-scores-only').waitFor();
    expect(await page.getByTestId('evaluation-card').count()).toBe(0);
    expect(await page.getByTestId('other-evaluations').count()).toBe(0);
    // Out of the call's range: said under the box, not sent.
    await boxes.nth(0).fill('25');
    await page.getByText('Cette note sort du barème de l’appel.').waitFor();
    for (const [i, mark] of MARKS.entries()) await boxes.nth(i).fill(mark);
    await expect.poll(() => page.getByTestId('weighted-total').textContent()).toBe('14,3 / 20');
    await page.locator('textarea[name="comment"]').fill('Projet cohérent, marché local à confirmer.');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'juror-scoring-fr-360');

    // Submit, confirmed as final: the others' submitted evaluations appear.
    await page.getByTestId('submit-evaluation').click();
    await page.getByTestId('confirm-submit-evaluation').click();
    await expect.poll(() => page.getByTestId('juror-scoring').getAttribute('data-state')).toBe('SUBMITTED');
    const others = page.getByTestId('other-evaluations');
    await others.waitFor();
    expect(await others.getByTestId('evaluation-card').count()).toBe(2);
    expect(await page.getByTestId('own-scores-only').count()).toBe(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'juror-submitted-fr-360');

    // The juror's ranking now holds that application, with a rank.
    await page.getByTestId('to-results').click();
    await page.waitForURL(new RegExp(`/calls/${callId}/results$`));
    const ranked = page.locator(`[data-testid="ranking-row"][data-application="${applicationId}"]`);
    await ranked.waitFor();
    expect(await rankingRows(page).count()).toBe(1);
    expect(Number(await ranked.getAttribute('data-rank'))).toBeGreaterThanOrEqual(1);
    await expectAccessible(page);

    // And the application itself shows the others' evaluations now.
    await page.goto(`/calls/${callId}/applications/${applicationId}`);
    await page.getByTestId('other-evaluations').waitFor();
    expect(await page.getByTestId('other-evaluations').getByTestId('evaluation-card').count()).toBe(2);
    expect(await page.getByTestId('evaluations-hidden').count()).toBe(0);
    await expectAccessible(page);

    // One fewer to score, from the API's own count.
    const gql = await graphqlAs(page);
    const seat = await gql<{ call: { myJuror: { submittedCount: number; pendingCount: number } } }>(
      'query($id: ID!) { call(id: $id) { myJuror { submittedCount pendingCount } } }',
      { id: callId },
    );
    expect(seat.call.myJuror).toEqual({ submittedCount: 1, pendingCount: 39 });
    await phone.close();
  });

  it('shows the director the ranked results and the incubator’s dashboard, in Arabic too', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, DIRECTOR);

    await page.getByTestId('navbar').getByRole('link', { name: 'Appels à candidatures' }).click();
    await page.waitForURL(/\/calls$/);
    const call = page.getByTestId('call-row').filter({ hasText: CALL_TITLE });
    await call.getByRole('link', { name: CALL_TITLE }).click();
    await page.getByTestId('jury-table').waitFor();
    // Two jurors have submitted all 40, the demo juror at least the one scored above.
    expect(await page.getByTestId('juror-row').count()).toBe(3);
    await expectAccessible(page);
    await screenshot(page, 'call-page-fr-1280');

    await page.getByTestId('open-results').click();
    await page.waitForURL(/\/results$/);
    await rankingRows(page).first().waitFor();
    // Every application has two submitted evaluations: all 40 are ranked, the places highlighted.
    expect(await rankingRows(page).count()).toBe(40);
    const within = page.locator('[data-testid="ranking-row"][data-within="true"]');
    expect(await within.count()).toBe(12 + 8);
    expect(await page.getByTestId('unscored').count()).toBe(0);
    const firstCategory = page.getByTestId('category-ranking').first();
    const ranks = await firstCategory.getByTestId('rank').allTextContents();
    expect(ranks.slice(0, 3)).toEqual(['1', '2', '3']);
    await expectAccessible(page);
    await screenshot(page, 'call-results-fr-1280');

    await page.getByTestId('navbar').getByRole('link', { name: 'Indicateurs de l’incubateur' }).click();
    await page.waitForURL(/\/incubator/);
    await page.goto('/incubator?year=2024');
    await page.getByTestId('ventures-created').waitFor();
    expect(
      Number(await page.getByTestId('ventures-created').getByTestId('stat-value').textContent()),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('survival-year').count()).toBe(5);
    expect(await page.getByTestId('phase-bar').count()).toBeGreaterThan(1);
    await expectAccessible(page);
    await screenshot(page, 'incubator-dashboard-fr-1280');

    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { name: /مؤشرات الحاضنة/ }).waitFor();
    // Right to left: a cohort's first phase starts at the right edge of its bar.
    const bar = page.getByTestId('phase-bar').first().getByRole('img');
    const segment = bar.getByTestId('phase-segment').first();
    const [barBox, segmentBox] = [await bar.boundingBox(), await segment.boundingBox()];
    expect(Math.abs(barBox!.x + barBox!.width - (segmentBox!.x + segmentBox!.width))).toBeLessThan(1);
    await expectAccessible(page);
    await screenshot(page, 'incubator-dashboard-ar-1280');
    await chooseLanguage(page, 'fr');
    await desk.close();
  });

  it('shows a coach only their ventures and lets them log a coaching session', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, COACH);
    await page.getByTestId('coach-venture').first().waitFor();
    expect(await page.getByTestId('coach-venture').count()).toBe(30);

    await page.getByTestId('navbar').getByRole('link', { name: 'Projets incubés' }).click();
    await page.waitForURL(/\/ventures$/);
    await expect.poll(() => page.getByTestId('venture-count').textContent()).toBe('30 projets');
    // Only theirs: the API's list for the coach, every one coached by them.
    const gql = await graphqlAs(page);
    const list = await gql<{
      ventures: { totalCount: number; edges: { node: { coach: { email: string } } }[] };
    }>('{ ventures(first: 100) { totalCount edges { node { coach { email } } } } }');
    expect(list.ventures.totalCount).toBe(30);
    expect(new Set(list.ventures.edges.map((e) => e.node.coach.email))).toEqual(new Set([COACH]));

    // One still followed (an abandoned venture takes no more sessions).
    const venture = page.locator('[data-testid="venture-row"]:not(:has([data-status="ABANDONED"]))').first();
    const name = (await venture.getByRole('link').textContent())!;
    await venture.getByRole('link').click();
    await page.getByTestId('venture-page').waitFor();
    expect(await page.getByTestId('venture-name').textContent()).toBe(name);
    // A coach may not change the phase or the figures.
    expect(await page.getByTestId('move-venture').count()).toBe(0);
    const before = await page.getByTestId('coaching-session').count();

    const topic = `Plan de trésorerie ${Date.now()}`;
    const form = page.getByTestId('log-session-form');
    await form.locator('input[name="minutes"]').fill('90');
    await form.locator('input[name="topic"]').fill(topic);
    await form.locator('textarea[name="notes"]').fill('Revue des ventes du trimestre et des charges fixes.');
    await form.locator('textarea[name="nextSteps"]').fill('Envoyer le tableau de trésorerie avant vendredi.');
    await page.getByTestId('log-session-submit').click();
    await page.getByTestId('session-logged').waitFor();
    // Newest first: the session just logged heads the log.
    await expect.poll(() => page.getByTestId('coaching-session').count()).toBe(before + 1);
    expect(await page.getByTestId('coaching-session').first().getAttribute('data-topic')).toBe(topic);
    await expectAccessible(page);
    await screenshot(page, 'venture-page-fr-1280');
    await desk.close();
  });

  it('lets the director hand a venture to the demo coach, who then finds it among theirs', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, DIRECTOR);
    const gql = await graphqlAs(page);
    const list = await gql<{
      ventures: {
        edges: { node: { id: string; name: string; phase: string; coach: { email: string } | null } }[];
      };
    }>('{ ventures(first: 100, phase: INCUBATION) { edges { node { id name phase coach { email } } } } }');
    const other = list.ventures.edges.map((e) => e.node).find((v) => v.coach && v.coach.email !== COACH)!;
    expect(other).toBeTruthy();

    await page.goto(`/ventures/${other.id}`);
    await page.getByTestId('venture-page').waitFor();
    await page.getByTestId('edit-venture').click();
    const dialog = page.getByRole('dialog', { name: 'Modifier le projet' });
    expect(await dialog.locator('input[name="name"]').inputValue()).toBe(other.name);
    await dialog.getByRole('combobox', { name: 'Coach' }).click();
    await page.getByRole('option', { name: /Leïla Benkirane/ }).click();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('venture-page').textContent())
      .toMatch(/Coach : \u2068?Leïla Benkirane/);
    await desk.close();

    // The coach now has one more venture, and may open it.
    const coachDesk = await openContext(DESKTOP);
    const coachPage = await coachDesk.newPage();
    await signIn(coachPage, COACH);
    await coachPage.getByTestId('coach-venture').first().waitFor();
    expect(await coachPage.getByTestId('coach-venture').count()).toBe(31);
    await coachPage.goto(`/ventures/${other.id}`);
    expect(await coachPage.getByTestId('venture-name').textContent()).toBe(other.name);
    await coachDesk.close();
  });

  it('shows the network admin every incubator side by side, and no craft centre', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, NETWORK_ADMIN);
    await page.getByRole('combobox', { name: 'Changer de centre' }).click();
    await page.getByRole('option', { name: /micro-entreprises solidaires de Casablanca/ }).click();
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toContain('Casablanca');

    await page.getByTestId('navbar').getByRole('link', { name: 'Indicateurs de l’incubateur' }).click();
    await page.waitForURL(/\/incubator/);
    await page.goto('/incubator?year=2024&scope=NETWORK');
    await page.getByTestId('network-table').waitFor();
    const centres = await page.getByTestId('network-centre').allTextContents();
    expect(centres).toHaveLength(4);
    expect(centres.some((row) => row.includes('artisanat'))).toBe(false);
    // The network's published 2024 figure: 1,046 ventures created to date.
    const total = page.getByTestId('network-total').locator('td');
    expect(digits(await total.nth(2).textContent())).toBe('1046');
    await expectAccessible(page);
    await screenshot(page, 'incubator-network-fr-1280');
    await desk.close();
  });
});
