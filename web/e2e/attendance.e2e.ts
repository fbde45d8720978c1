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
  signIn,
  signInOnPhone,
} from './browser';
import { ARTISAN, FES_DIRECTOR, TRAINEE, WEAVING_COHORT } from './demo';

/** The demo centre's practice day: 09:00 to 16:00 (timetable settings' defaults). */
const PRACTICE_HOURS = 7;
const CORRECTION_REASON = 'كانت حاضرة، خطأ في التسجيل';

const DAY_MS = 86_400_000;
const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

/** Today on the centre's clock, as the client computes it. */
const centreToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Casablanca',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** Attended practice hours of each of these trainees, as the director's ledger shows them. */
async function practiceHours(page: Page, names: readonly string[]) {
  await page.getByTestId('ledger-table').waitFor();
  const hours: Record<string, number> = {};
  for (const name of names) {
    const row = page.getByTestId('ledger-row').filter({ hasText: name });
    hours[name] = Number(await row.getAttribute('data-attended-practice'));
  }
  return hours;
}

const total = (hours: Record<string, number>) => Object.values(hours).reduce((sum, h) => sum + h, 0);

describeInBrowser('attendance and the 20/80 ledger in a real browser', (app) => {
  const { baseUrl, logFile, openContext } = app;

  it('counts in the director’s ledger what the artisan records on a phone', async () => {
    const today = centreToday();

    // --- The artisan, on a 360 px phone, in Arabic: the register of their workshop, today first.
    const phone = await openContext(PHONE);
    const artisan = await signInOnPhone(phone, logFile, ARTISAN);
    await artisan.getByTestId('bottom-nav').getByRole('link', { name: 'الحضور' }).click();
    await artisan.getByTestId('day-strip').waitFor();
    await expect
      .poll(() => artisan.locator('[data-testid="day-button"][data-planned]').count())
      .toBeGreaterThan(0);
    // Today is the day pressed in the week's strip.
    expect(
      await artisan.locator('[data-testid="day-button"][aria-pressed="true"]').getAttribute('data-day'),
    ).toBe(today);
    const practiceToday =
      (await artisan.locator(`[data-testid="day-button"][data-day="${today}"][data-planned]`).count()) > 0;
    if (!practiceToday) await artisan.locator('[data-testid="day-button"][data-planned]').first().click();
    await artisan.getByTestId('trainee-tap').first().waitFor();
    // The demo workshop's three trainees, by the names the ledger shows too.
    const names = await artisan.getByTestId('trainee-name').allTextContents();
    expect(names).toHaveLength(3);
    expect(await artisan.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await noHorizontalScroll(artisan)).toBe(true);
    if (practiceToday) {
      const present = artisan.getByTestId('tap-present').first();
      expect((await present.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    }
    await expectAccessible(artisan);
    await screenshot(artisan, 'artisan-today-ar-360');

    // --- The director, at a desk, in French: the cohort's week, then its ledger BEFORE the artisan acts.
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, FES_DIRECTOR);
    // The dashboard leads to each running cohort's ledger.
    await page.getByTestId('centre-ledger').getByRole('link', { name: WEAVING_COHORT }).waitFor();
    await page.getByTestId('navbar').getByRole('link', { name: 'Séances' }).click();
    await page.getByRole('link', { name: WEAVING_COHORT }).first().click();
    await page.waitForURL(/\/cohorts\/[^/]+\/timetable/);
    await page.getByTestId('week-timetable').waitFor();
    await page.getByTestId('session-block').first().waitFor();
    expect(await page.getByTestId('day-column').count()).toBe(7);
    // Times are the centre's local times as the timetable wrote them, never converted.
    const times = await page.getByTestId('session-times').allTextContents();
    expect(times).toContain('09:00 – 16:00');
    expect(await page.locator('[data-testid="day-column"][data-today]').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'timetable-week-fr-1280');

    await page.getByRole('link', { name: 'Bilan 20/80' }).click();
    await page.waitForURL(/\/cohorts\/[^/]+\/ledger$/);
    const before = await practiceHours(page, names);

    // --- The artisan records: one tap for today's first trainee, the rest of the week in one step.
    let tapped = 0;
    if (practiceToday) {
      const first = artisan.getByTestId('trainee-tap').first();
      await first.getByTestId('tap-present').click();
      await expect.poll(() => first.getAttribute('data-status')).toBe('PRESENT');
      tapped = 1;
    }
    await artisan.getByTestId('confirm-week').click();
    await artisan.getByTestId('confirm-week-submit').click();
    const notice = artisan.locator('[data-testid="attendance-notice"][data-kind="week"]');
    await notice.waitFor();
    const recorded = Number(await notice.getAttribute('data-recorded'));
    if (practiceToday) {
      // Today's register is complete now: every trainee shows what was recorded.
      await expect
        .poll(() => artisan.locator('[data-testid="trainee-tap"][data-state="recorded"]').count())
        .toBe(3);
      expect(await artisan.getByTestId('register-progress').textContent()).toBe('المسجلون: 3 من 3');
    }
    await expectAccessible(artisan);
    await screenshot(artisan, 'artisan-week-confirmed-ar-360');

    // A correction with a reason: in a past week, an absence recorded by mistake becomes a presence.
    const pressedDay = () =>
      artisan.locator('[data-testid="day-button"][aria-pressed="true"]').getAttribute('data-day');
    const plannedDays = artisan.locator('[data-testid="day-button"][data-planned]');
    let monday = addDays(today, 1 - isoWeekday(today));
    let corrected = 0;
    for (let week = 0; week < 4 && corrected === 0; week++) {
      monday = addDays(monday, -7);
      await artisan.getByTestId('previous-week').click();
      await expect.poll(pressedDay).toBe(monday);
      await expect.poll(() => plannedDays.count()).toBeGreaterThan(0);
      const days = await plannedDays.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-day')));
      for (const day of days) {
        await artisan.locator(`[data-testid="day-button"][data-day="${day}"]`).click();
        await artisan.locator(`[data-testid="host-session"][data-day="${day}"]`).waitFor();
        const absent = artisan.locator('[data-testid="trainee-tap"][data-status^="ABSENT"]').first();
        if ((await absent.count()) === 0) continue;
        const enrollment = await absent.getAttribute('data-enrollment');
        const entry = artisan.locator(`[data-testid="trainee-tap"][data-enrollment="${enrollment}"]`);
        await entry.getByTestId('correct-entry').click();
        const dialog = artisan.getByRole('dialog');
        await dialog.getByRole('radio', { name: 'حاضر' }).check();
        await dialog.getByRole('textbox').fill(CORRECTION_REASON);
        await dialog.getByRole('button', { name: 'تصحيح' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await expect.poll(() => entry.getAttribute('data-status')).toBe('PRESENT');
        corrected = 1;
        break;
      }
    }
    expect(corrected).toBe(1);
    await phone.close();

    // --- The director's ledger counts every hour the artisan recorded, and nothing more.
    await page.reload();
    const after = await practiceHours(page, names);
    expect(total(after)).toBe(total(before) + PRACTICE_HOURS * (tapped + recorded + corrected));
    expect(total(after)).toBeGreaterThan(total(before));
    for (const name of names) expect(after[name]).toBeGreaterThanOrEqual(before[name]!);
    // Largest drift first by default; by name on request, kept in the address: the same trainees.
    const order = () =>
      page
        .getByTestId('ledger-row')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-enrollment')));
    const byDrift = await order();
    expect(byDrift.length).toBeGreaterThanOrEqual(3);
    await page.getByTestId('ledger-sort').getByText('Par nom').click();
    await page.waitForURL(/sort=NAME/);
    await expect.poll(async () => (await order()).join() !== byDrift.join()).toBe(true);
    expect([...(await order())].sort()).toEqual([...byDrift].sort());
    await page.getByTestId('ledger-sort').getByText('Écart d’abord').click();
    await page.waitForURL((url) => !url.search.includes('sort='));
    await expect.poll(async () => (await order()).join()).toBe(byDrift.join());
    await expectAccessible(page);
    await screenshot(page, 'ledger-fr-1280');

    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.getByTestId('ledger-title').textContent()).toContain('النظري والتطبيقي');
    await expectAccessible(page);
    await screenshot(page, 'ledger-ar-1280');
    await desk.close();
  });

  it('shows the trainee her coming sessions, her hours and a private calendar link', async () => {
    const phone = await openContext(PHONE);
    const page = await signInOnPhone(phone, logFile, TRAINEE);
    await page.getByTestId('bottom-nav').getByRole('link', { name: 'استعمال الزمن' }).click();
    await page.getByTestId('schedule').waitFor();
    await page.getByTestId('schedule-day').first().waitFor();
    const times = await page.getByTestId('session-times').allTextContents();
    expect(times.length).toBeGreaterThan(0);
    expect(times).toContain('من 09:00 إلى 16:00');
    expect(await page.getByTestId('session-host').first().textContent()).toBe('ورشة النسيج للمعلم إدريس');
    await page.getByTestId('my-ledger').waitFor();

    await page.getByTestId('create-calendar-feed').click();
    const url = await page.getByTestId('calendar-url').inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl.replace(/[.]/g, '\\.')}/calendar/[^/]+\\.ics$`));
    expect(await page.getByTestId('webcal-link').getAttribute('href')).toBe(url.replace(/^http:/, 'webcal:'));
    // The address works without signing in: a phone's calendar reads it as it is.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'trainee-schedule-ar-360');

    // Switched off, it stops working at once.
    await page.getByTestId('revoke-calendar-feed').first().click();
    await expect.poll(async () => (await fetch(url)).status).toBe(404);
    await phone.close();
  });
});
