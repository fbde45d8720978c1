import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  chooseLanguage,
  DESKTOP,
  describeInBrowser,
  expectAccessible,
  noHorizontalScroll,
  PHONE,
  screenshot,
  signInWithCode,
  signInWithPassword,
} from './browser';
import { ARTISAN, DEMO_PASSWORD, FES_DIRECTOR, NETWORK_ADMIN } from './demo';

const htmlDir = (page: Page) => page.evaluate(() => document.documentElement.dir);

describeInBrowser('Maalem in a real browser', ({ baseUrl, logFile, openContext }) => {
  it('signs a director in, shows the dashboard, mirrors it in Arabic and signs out', async () => {
    const context = await openContext(DESKTOP);
    const page = await context.newPage();

    // A page behind sign-in leads to sign-in, Arabic by default, right to left.
    await page.goto('/members');
    await page.waitForURL('**/sign-in?next=%2Fmembers');
    expect(await htmlDir(page)).toBe('rtl');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-ar-1280');

    await chooseLanguage(page, 'fr');
    await screenshot(page, 'sign-in-fr-1280');
    await expectAccessible(page);

    // A typed API error, translated and shown on the form.
    await signInWithPassword(page, FES_DIRECTOR, 'not-the-password');
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toBe('Identifiant ou mot de passe incorrect.');

    // Signing in brings the person back to the page they asked for.
    await signInWithPassword(page, FES_DIRECTOR, DEMO_PASSWORD);
    await page.waitForURL('**/members');
    await page.getByRole('heading', { name: 'Membres', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('tenant-name').waitFor();
    expect(await page.getByTestId('tenant-name').textContent()).toContain('Fès');
    expect(await page.getByTestId('count-DIRECTOR').textContent()).toContain('1');
    expect(await page.getByText('Placements').count()).toBeGreaterThan(0);
    const ltrNav = await page.getByTestId('navbar').boundingBox();
    expect(ltrNav?.x).toBeLessThan(10);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-fr-1280');

    // Arabic: the whole layout mirrors; the navigation moves to the right edge.
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { name: 'لوحة القيادة', level: 1 }).waitFor();
    const rtlNav = await page.getByTestId('navbar').boundingBox();
    expect(rtlNav).not.toBeNull();
    expect(rtlNav!.x + rtlNav!.width).toBeGreaterThan(DESKTOP.width - 10);
    expect(rtlNav!.x).toBeGreaterThan(DESKTOP.width / 2);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-ar-1280');

    // Another section, in Arabic too.
    await page.getByRole('link', { name: 'التخرج' }).click();
    await page.getByRole('heading', { name: 'التخرج', level: 1 }).waitFor();

    // The language is remembered across visits.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await htmlDir(page)).toBe('rtl');

    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL('**/sign-in?reason=signedOut');
    expect(await page.evaluate(() => localStorage.getItem('maalem.tenant'))).toBeNull();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await context.close();
  });

  it('sends a person whose session ended to sign-in and back to the page they were on', async () => {
    const context = await openContext(DESKTOP);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await signInWithPassword(page, FES_DIRECTOR, DEMO_PASSWORD);
    await page.getByTestId('tenant-name').waitFor();

    // The server no longer knows this session (as after a revocation).
    const [session] = (await context.cookies()).filter((c) => c.name === 'maalem_session');
    expect(session).toBeDefined();
    await context.addCookies([{ ...session!, value: 'revoked-or-unknown-token' }]);

    await page.locator('nav a[href="/members"]').click();
    await page.waitForURL('**/sign-in?next=%2Fmembers&reason=expired');
    await page
      .getByRole('status')
      .filter({ hasText: /session|جلست/ })
      .first()
      .waitFor();

    await signInWithPassword(page, FES_DIRECTOR, DEMO_PASSWORD);
    await page.waitForURL('**/members');
    await page.locator('table tbody tr').first().waitFor();

    // Losing the network shows a clear offline state instead of a blank or stale page.
    await context.setOffline(true);
    await page.getByTestId('offline').waitFor();
    await context.setOffline(false);
    await page.locator('nav a[href="/"]').click();
    await page.getByTestId('tenant-name').waitFor();
    await context.close();
  });

  it('lets the network admin switch centre, with nothing of the first centre left on screen', async () => {
    const context = await openContext(DESKTOP);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await chooseLanguage(page, 'fr');
    // The language switch's highlight sits on the choice, also after the direction flipped.
    const switcher = page.locator('[aria-label="Langue"]').first();
    const highlight = await switcher.locator('.mantine-SegmentedControl-indicator').boundingBox();
    const french = await switcher.locator('label:has(span[lang="fr"])').boundingBox();
    expect(Math.abs(highlight!.x - french!.x)).toBeLessThan(8);
    await signInWithPassword(page, NETWORK_ADMIN, DEMO_PASSWORD);
    await page.getByTestId('tenant-name').waitFor();
    const first = await page.getByTestId('tenant-name').textContent();
    await screenshot(page, 'network-admin-fr-1280');

    await page.getByRole('combobox', { name: 'Changer de centre' }).click();
    await page.getByRole('option', { name: /Marrakech/ }).click();
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toContain('Marrakech');
    expect(first).not.toContain('Marrakech');

    // The choice is remembered on this device.
    await page.reload();
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toContain('Marrakech');
    await context.close();
  });

  it('signs a host artisan in with a one-time code on a 360 px phone', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect(await htmlDir(page)).toBe('rtl');
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'sign-in-ar-360');

    await signInWithCode(page, logFile, ARTISAN.phone, ARTISAN.e164);

    // The artisan's home: Arabic, big buttons, a bottom navigation, nothing wider than the phone.
    await page.getByTestId('bottom-nav').waitFor();
    await page.getByTestId('tenant-name').waitFor();
    expect(await htmlDir(page)).toBe('rtl');
    expect(await noHorizontalScroll(page)).toBe(true);
    const tab = await page.getByTestId('bottom-nav').locator('a').first().boundingBox();
    expect(tab!.height).toBeGreaterThanOrEqual(48);
    expect(await page.getByRole('link', { name: 'لوحة القيادة' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'host-home-ar-360');

    await chooseLanguage(page, 'fr');
    await page.getByText('Mes apprentis').first().waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'host-home-fr-360');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/sign-in?reason=signedOut');
    await screenshot(page, 'sign-in-fr-360');
    await context.close();
  });
});
