import { expect, it } from 'vitest';
import {
  chooseLanguage,
  DESKTOP,
  describeInBrowser,
  digits,
  expectAccessible,
  graphqlAs,
  screenshot,
  signIn,
} from './browser';
import { FES_DIRECTOR } from './demo';

const MICROCREDIT_DIRECTOR = 'directeur.microcredit-casablanca@demo.maalem.ma';
const CANCEL_REASON = 'Indisponible aux dates prévues';

const DAY_MS = 86_400_000;
const inDays = (count: number) => new Date(Date.now() + count * DAY_MS).toISOString().slice(0, 10);

describeInBrowser('short trainings in a real browser', ({ openContext }) => {
  it('waitlists a person on a full course and promotes them when a place is freed', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, FES_DIRECTOR);
    const gql = await graphqlAs(page);

    // A course of two places with one session, and three people the centre already knows.
    const title = `Vente en ligne ${Date.now()}`;
    type Errors = { code: string; field: string | null }[];
    const created = await gql<{ createCourse: { course: { id: string } | null; errors: Errors } }>(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } errors { code field } } }`,
      {
        input: {
          course: {
            titleFr: title,
            titleAr: 'البيع عبر الإنترنت',
            trainingLine: 'Commercialisation',
            topic: 'Vente numérique',
            audience: 'ARTISANS',
            partners: ['UNESCO'],
            mode: 'IN_PERSON',
            city: 'Fès',
            capacity: 2,
            priceMad: 0,
          },
        },
      },
    );
    expect(created.createCourse.errors).toEqual([]);
    const courseId = created.createCourse.course!.id;
    const session = await gql<{ addCourseSession: { errors: Errors } }>(
      `mutation($input: AddCourseSessionInput!) { addCourseSession(input: $input) { errors { code field } } }`,
      {
        input: {
          courseId,
          day: inDays(30),
          startsAt: '09:00',
          endsAt: '16:00',
          days: 1,
          hours: 7,
          place: 'Centre de Fès',
        },
      },
    );
    expect(session.addCourseSession.errors).toEqual([]);
    type Person = { id: string; fullName: string; lastNameLatin: string };
    const people = await gql<{ people: { edges: { node: Person }[] } }>(
      '{ people(first: 3) { edges { node { id fullName lastNameLatin } } } }',
    );
    const [first, second, third] = people.people.edges.map((e) => e.node) as [Person, Person, Person];
    expect(third).toBeDefined();
    for (const person of [first, second]) {
      const registered = await gql<{ register: { registration: { status: string } } }>(
        `mutation($input: RegisterInput!) { register(input: $input) { registration { status } errors { code } } }`,
        { input: { courseId, personId: person.id } },
      );
      expect(registered.register.registration.status).toBe('REGISTERED');
    }

    // The catalogue shows the course full.
    await page.getByTestId('navbar').getByRole('link', { name: 'Formations courtes' }).click();
    await page.waitForURL(/\/courses$/);
    const row = page.locator(`[data-testid="course-row"][data-course="${courseId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('course-places').textContent()).toBe('2 / 2 places');
    expect(await row.getByTestId('course-price').textContent()).toBe('Gratuit');
    await screenshot(page, 'courses-catalogue-fr-1280');

    // The third person, found by name in the register dialog, goes to the waitlist.
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/courses/${courseId}$`));
    await page.getByTestId('registrations-table').waitFor();
    await page.getByTestId('open-register').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(third.lastNameLatin);
    // Demo names repeat: the match is the record itself, by its id.
    const match = dialog.locator(`[data-testid="person-match"][data-person="${third.id}"]`);
    await match.getByRole('button').click();
    await dialog.waitFor({ state: 'hidden' });
    const notice = page.getByTestId('registered-notice');
    await expect.poll(() => notice.getAttribute('data-status')).toBe('WAITLISTED');
    expect(await notice.textContent()).toContain('position 1');
    // Demo names repeat: rows are found by the person's id.
    const rowOf = (person: Person) =>
      page.locator(`[data-testid="registration-row"][data-person-id="${person.id}"]`);
    await expect.poll(() => rowOf(third).getAttribute('data-status')).toBe('WAITLISTED');
    expect(await rowOf(third).getByTestId('waitlist-position').textContent()).toBe('1');
    await expectAccessible(page);
    await screenshot(page, 'course-page-fr-1280');

    // One registered person cancels: the first on the waitlist takes the place.
    await rowOf(first).getByTestId('cancel-registration').click();
    const sheet = page.getByRole('dialog');
    await sheet.getByRole('button', { name: CANCEL_REASON }).click();
    await sheet.getByRole('button', { name: 'Annuler l’inscription' }).click();
    await sheet.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('promoted-notice').textContent()).toContain(third.fullName);
    await expect.poll(() => rowOf(third).getAttribute('data-status')).toBe('REGISTERED');
    // The course lists those holding a place and the waitlist: the cancelled registration leaves it.
    await expect.poll(() => rowOf(first).count()).toBe(0);
    expect(await page.getByTestId('places-taken').textContent()).toBe('2 / 2 places');

    // The same page in Arabic, right to left.
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { name: 'التسجيلات' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'course-page-ar-1280');
    await chooseLanguage(page, 'fr');
    await desk.close();
  });

  it('shows the micro-credit centre’s 2024 figures and exports them', async () => {
    const desk = await openContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, MICROCREDIT_DIRECTOR);
    await page.getByTestId('dashboard-course-indicators').click();
    await page.waitForURL(/\/courses\/indicators/);
    await page.goto('/courses/indicators?year=2024');
    const total = page.getByTestId('indicators-lines').getByTestId('indicators-total');
    await total.waitFor();
    expect(
      digits(await total.getByTestId('participants').evaluate((cell) => cell.firstChild?.textContent ?? '')),
    ).toBe('4913');
    expect(
      digits(await total.getByTestId('training-days').evaluate((cell) => cell.firstChild?.textContent ?? '')),
    ).toBe('845');
    expect(await page.getByTestId('indicators-lines').getByTestId('indicators-row').count()).toBeGreaterThan(
      1,
    );
    await expectAccessible(page);
    await screenshot(page, 'course-indicators-fr-1280');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(await download.failure()).toBeNull();
    await desk.close();
  });
});
