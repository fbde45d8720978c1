import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { DEMO_PASSWORD, type PhoneUser } from './demo';

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

type Viewport = { width: number; height: number };

export function newContext(browser: Browser, baseURL: string, viewport: Viewport) {
  const phone = viewport.width < 600;
  return browser.newContext({ baseURL, viewport, isMobile: phone, hasTouch: phone, locale: 'fr-MA' });
}

/** What a browser test needs from the global setup, and a fresh context (own cookies) on the app. */
export type App = {
  baseUrl: string;
  logFile: string;
  openContext: (viewport: Viewport) => Promise<BrowserContext>;
};

/**
 * A `describe` block sharing one Chromium between its tests, skipped when the global setup could not
 * start the API or find a browser (it says why).
 */
export function describeInBrowser(name: string, body: (app: App) => void) {
  const e2e = inject('e2e');
  describe.skipIf(e2e.skip)(name, () => {
    const { baseUrl, logFile } = e2e.skip ? { baseUrl: '', logFile: '' } : e2e;
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });
    body({ baseUrl, logFile, openContext: (viewport) => newContext(browser!, baseUrl, viewport) });
  });
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

/** A staff member, in French, with the demo password; waits for their dashboard. */
export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await chooseLanguage(page, 'fr');
  await signInWithPassword(page, email, DEMO_PASSWORD);
  await page.getByTestId('tenant-name').waitFor();
}

/** A new page signed in with a one-time code (Arabic, the default), once the phone's home is there. */
export async function signInOnPhone(context: BrowserContext, logFile: string, who: PhoneUser) {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInWithCode(page, logFile, who.phone, who.e164);
  await page.getByTestId('bottom-nav').waitFor();
  return page;
}

/**
 * GraphQL as the signed-in person (the page's session cookie), in the centre they work in: for setting
 * up or checking what the screens do not show.
 */
export async function graphqlAs(page: Page) {
  const post = async <T>(
    tenantId: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const response = await page.request.post('/graphql', {
      data: { query, variables },
      headers: tenantId ? { 'x-tenant-id': tenantId } : {},
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const me = await post<{ me: { memberships: { tenant: { id: string } }[] } }>(
    null,
    '{ me { memberships { tenant { id } } } }',
  );
  const tenantId = me.me.memberships[0]!.tenant.id;
  return <T>(query: string, variables?: Record<string, unknown>) => post<T>(tenantId, query, variables);
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

/** The digits of a figure as shown, whatever the locale puts between its thousands. */
export const digits = (text: string | null) => (text ?? '').replace(/[^\d]/g, '');

/** Nothing on the page is wider than the viewport. */
export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Reads the newest six-digit code the outbox "sent" to `phone`, from the server's log. */
export const readSignInCode = (logFile: string, phone: string, after: number) =>
  readSms(logFile, phone, after, /\b(\d{6})\b/, 'sign-in code');

/** The one-time follow-up link's token the outbox "sent" to `phone`, from the server's log. */
export const readFollowUpToken = (logFile: string, phone: string, after: number) =>
  readSms(logFile, phone, after, /\/follow-up\/([A-Za-z0-9._~-]+)/, 'follow-up link');

/**
 * The first group of `pattern` in the newest SMS to `phone` written to the log after offset `after`
 * (read from the `[outbox]` mark on, so the log line's timestamp cannot pass for a code).
 */
async function readSms(logFile: string, phone: string, after: number, pattern: RegExp, what: string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const lines = readFileSync(logFile, 'utf8').slice(after).split('\n');
    for (const line of lines.reverse()) {
      if (!line.includes(`[outbox] SMS to ${phone}`)) continue;
      const found = pattern.exec(line.slice(line.indexOf('[outbox]')))?.[1];
      if (found) return found;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No ${what} for ${phone} in the server log`);
}

export function logSize(logFile: string): number {
  return readFileSync(logFile, 'utf8').length;
}

export async function cookiesOf(context: BrowserContext) {
  return context.cookies();
}
