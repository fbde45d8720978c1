import { expect, it } from 'vitest';
import {
  chooseLanguage,
  DESKTOP,
  describeInBrowser,
  expectAccessible,
  noHorizontalScroll,
  PHONE,
  screenshot,
  signIn,
  signInOnPhone,
} from './browser';
import { ARTISAN, TRAINEE, WEAVING_COHORT } from './demo';

const COORDINATOR = 'coordination.fes@demo.maalem.ma';
const HOST = 'Atelier de tissage du maâlem Driss';
// One of the usual reasons, tapped in Arabic: the artisan's own words reach the coordinator as they are.
const DECLINE_REASON = 'هذه الأيام لا تناسبني';

describeInBrowser('placements in a real browser', ({ logFile, openContext }) => {
  it('lets the artisan confirm one proposal and decline another on a phone; the coordinator’s board shows both', async () => {
    // --- The artisan, on a 360 px phone, in Arabic (the default), signed in with a one-time code.
    const phone = await openContext(PHONE);
    const artisan = await signInOnPhone(phone, logFile, ARTISAN);

    // The demo workshop has three proposals waiting. Other browser tests share this database: the
    // test takes the proposals that are there, and needs two of them.
    const proposals = artisan.getByTestId('host-proposals').getByTestId('proposal-card');
    await proposals.first().waitFor();
    const names = await artisan.getByTestId('host-proposals').getByTestId('proposal-name').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(await artisan.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      `اقتراحات تنتظر ردك (${names.length})`,
    );
    const [confirmed, declined] = names as [string, string];
    expect(await artisan.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await noHorizontalScroll(artisan)).toBe(true);
    const yes = proposals.filter({ hasText: confirmed }).getByTestId('confirm-placement');
    expect((await yes.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await expectAccessible(artisan);
    await screenshot(artisan, 'artisan-home-ar-360');

    // Yes, in one tap: said done only once the server agreed; the trainee moves to "my trainees".
    await yes.click();
    const notice = artisan.getByTestId('answer-notice');
    await expect.poll(() => notice.textContent()).toContain(confirmed);
    await expect.poll(() => proposals.filter({ hasText: confirmed }).count()).toBe(0);
    await artisan.getByTestId('host-trainees').getByText(confirmed).waitFor();

    // No, with a reason chosen among the usual ones.
    await proposals.filter({ hasText: declined }).getByTestId('decline-placement').click();
    const sheet = artisan.getByRole('dialog');
    await sheet.getByRole('button', { name: DECLINE_REASON }).click();
    expect(await sheet.getByRole('textbox').inputValue()).toBe(DECLINE_REASON);
    await sheet.getByRole('button', { name: 'تأكيد الرفض' }).click();
    await sheet.waitFor({ state: 'hidden' });
    await expect.poll(() => notice.textContent()).toContain(declined);
    await expect.poll(() => proposals.filter({ hasText: declined }).count()).toBe(0);
    expect(await proposals.count()).toBe(names.length - 2);

    // The two sections of the bottom navigation list the same, in full.
    const nav = artisan.getByTestId('bottom-nav');
    await nav.getByRole('link', { name: 'متدربيّ' }).click();
    await artisan.getByTestId('host-trainees').getByText(confirmed).waitFor();
    await nav.getByRole('link', { name: 'الاقتراحات' }).click();
    await artisan.getByTestId('host-proposals').waitFor();
    expect(await artisan.getByTestId('host-proposals').getByTestId('proposal-card').count()).toBe(
      names.length - 2,
    );
    await nav.getByRole('link', { name: 'الرئيسية' }).click();
    await artisan.getByTestId('host-trainees').waitFor();

    await chooseLanguage(artisan, 'fr');
    await artisan.getByText(`Propositions à répondre (${names.length - 2})`).waitFor();
    expect(await noHorizontalScroll(artisan)).toBe(true);
    await screenshot(artisan, 'artisan-home-fr-360');
    await phone.close();

    // --- The coordinator, at a desk: the cohort's board shows the yes among the confirmed and the no
    // with its reason.
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, COORDINATOR);
    await page.getByTestId('navbar').getByRole('link', { name: 'Placements' }).click();
    await page.getByRole('heading', { name: 'Placements', level: 1 }).waitFor();
    await page.getByRole('link', { name: WEAVING_COHORT }).click();
    await page.waitForURL(/\/cohorts\/[^/]+\/placements$/);
    await page.getByTestId('placement-board').waitFor();
    expect(await page.getByTestId('board-title').textContent()).toContain(WEAVING_COHORT);

    const placed = page
      .getByTestId('column-placed')
      .getByTestId('placement-card')
      .filter({ hasText: confirmed });
    await placed.waitFor();
    expect(await placed.getAttribute('data-status')).toBe('CONFIRMED');
    expect(await page.getByTestId('column-proposed').getByText(confirmed).count()).toBe(0);
    expect(await page.getByTestId('column-proposed').getByText(declined).count()).toBe(0);
    // The declined trainee needs a new proposal: back among those to place.
    await page.getByTestId('column-to-place').getByText(declined).waitFor();

    await page.getByTestId('declined-toggle').click();
    const refused = page
      .getByTestId('column-declined')
      .getByTestId('placement-card')
      .filter({ hasText: declined });
    await refused.waitFor();
    expect(await refused.getByTestId('placement-reason').textContent()).toContain(DECLINE_REASON);
    await expectAccessible(page);
    await screenshot(page, 'placement-board-fr-1280');

    // The navigation says where we are: the board belongs to the placements section.
    expect(await page.getByTestId('navbar').locator('a[data-active]').allTextContents()).toEqual([
      'Placements',
    ]);

    // The declined trainee gets a new proposal: dates and days come filled in, the hosts with room
    // are suggested nearest first; another workshop than the one that said no is chosen.
    await page.getByRole('button', { name: `Proposer — ${declined}` }).click();
    const form = page.getByRole('dialog');
    const suggestions = form.getByTestId('suggestions').getByRole('radio');
    await suggestions.first().waitFor();
    expect(await form.locator('input[name="startsOn"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await form.getByTestId('weekday-picker').locator('input:checked').count()).toBeGreaterThan(0);
    const other = suggestions.filter({ hasNotText: HOST }).first();
    const otherName = (await other.locator('p').first().textContent()) ?? '';
    await other.click();
    await expectAccessible(page);
    await screenshot(page, 'propose-fr-1280');
    await form.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('board-notice').textContent()).toContain(otherName);
    await page.getByTestId('column-proposed').getByText(declined).waitFor();
    expect(await page.getByTestId('column-to-place').getByText(declined).count()).toBe(0);

    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.getByTestId('board-title').textContent()).toContain('التداريب');
    await expectAccessible(page);
    await screenshot(page, 'placement-board-ar-1280');

    // The host's page: its details, its artisan and its load week by week.
    await chooseLanguage(page, 'fr');
    await placed.getByRole('link', { name: HOST }).click();
    await page.getByTestId('host-name').waitFor();
    expect(await page.getByTestId('host-name').textContent()).toBe(HOST);
    await page.getByTestId('host-load').waitFor();
    expect(await page.getByTestId('host-load').locator('g[data-week]').count()).toBe(25);
    expect(await page.getByTestId('host-placements').getByText(confirmed).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'host-fr-1280');

    // The host list: its filters live in the address, like the enrollment list's.
    await page.getByRole('link', { name: 'Ateliers d’accueil' }).first().click();
    await page.getByTestId('host-table').waitFor();
    await page.getByLabel('Rechercher').fill('maâlem Driss');
    await page.waitForURL(/q=ma%C3%A2lem\+Driss|q=ma%C3%A2lem%20Driss/);
    await expect.poll(() => page.getByTestId('host-row').first().textContent()).toContain(HOST);
    await page.goto('/hosts?status=PAUSED');
    await page.getByTestId('host-table').waitFor();
    const paused = await page
      .getByTestId('host-row')
      .locator('[data-status]')
      .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status')));
    expect(paused.length).toBeGreaterThan(0);
    expect(new Set(paused)).toEqual(new Set(['PAUSED']));
    await expectAccessible(page);
    await screenshot(page, 'hosts-fr-1280');
    await desk.close();
  });

  it('shows the trainee, on their phone, where and on which days they practise', async () => {
    const phone = await openContext(PHONE);
    const page = await signInOnPhone(phone, logFile, TRAINEE);

    // The demo trainee practises at the demo workshop: its Arabic name, its address and her days.
    const card = page.getByTestId('my-placement');
    await card.waitFor();
    expect(await card.textContent()).toContain('ورشة النسيج للمعلم إدريس');
    expect(await card.textContent()).toContain('الثلاثاء والأربعاء والخميس والجمعة والسبت');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'trainee-home-ar-360');
    await phone.close();
  });
});
