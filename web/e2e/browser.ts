import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export function newContext(browser: Browser, baseURL: string, viewport: { width: number; height: number }) {
  const phone = viewport.width < 600;
  return browser.newContext({ baseURL, viewport, isMobile: phone, hasTouch: phone, locale: 'fr-MA' });
}

/** A full-page screenshot from the top, so fixed headers and navigation sit where a person sees them. */
export async function screenshot(page: Page, name: string) {
  if (!existsSync(SCREENSHOTS_DIR)) mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS_DIR}${name}.png`, fullPage: true });
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`,
    );
  expect(bad).toEqual([]);
}

export async function chooseLanguage(page: Page, language: 'ar' | 'fr') {
  await page.locator(`label:has(span[lang="${language}"])`).first().click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dir))
    .toBe(language === 'ar' ? 'rtl' : 'ltr');
}

export async function signInWithPassword(page: Page, identifier: string, password: string) {
  await page.locator('input[name="identifier"]').fill(identifier);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/**
 * On the sign-in page: asks a one-time code for `phone`, reads it from the server's log (where the
 * development SMS adapter writes it, to `e164`) and signs in with it.
 */
export async function signInWithCode(page: Page, logFile: string, phone: string, e164: string) {
  await page.locator('label', { hasText: 'رمز عبر SMS' }).click();
  const before = logSize(logFile);
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('form button[type="submit"]').click();
  await page.locator('input[name="code"]').waitFor();
  await page.locator('input[name="code"]').fill(await readSignInCode(logFile, e164, before));
  await page.locator('form button[type="submit"]').click();
}

/** Nothing on the page is wider than the viewport. */
export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Reads the newest six-digit code the outbox "sent" to `phone`, from the server's log. */
export async function readSignInCode(logFile: string, phone: string, after: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const lines = readFileSync(logFile, 'utf8').slice(after).split('\n');
    for (const line of lines.reverse()) {
      if (!line.includes(`[outbox] SMS to ${phone}`)) continue;
      const code = /\b(\d{6})\b/.exec(line.slice(line.indexOf('[outbox]')))?.[1];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No sign-in code for ${phone} in the server log`);
}

export function logSize(logFile: string): number {
  return readFileSync(logFile, 'utf8').length;
}

export async function cookiesOf(context: BrowserContext) {
  return context.cookies();
}
