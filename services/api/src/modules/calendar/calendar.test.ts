import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/connect.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../identity/password.js';
import { escapeText, foldLine } from './ics.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let directorA: string;
let directorB: string;

// The feed shows a month back and half a year ahead of "today": the fetches below happen on this
// day (Date alone is faked), so the sessions of June and October 2026 are both in the window.
const FEED_DAY = new Date('2026-06-20T10:00:00Z');

const CREATE = `mutation ($input: CreateCalendarFeedInput!) {
  createCalendarFeed(input: $input) { url feed { id createdAt revokedAt } errors { code field } }
}`;
const REVOKE = `mutation ($id: ID!) {
  revokeCalendarFeed(input: { id: $id }) { feed { id revokedAt } errors { code field } }
}`;
const MINE = `{ myCalendarFeeds { id createdAt revokedAt } }`;

// Text that must survive escaping and folding: a comma, a semicolon, a backslash, Arabic letters.
const COHORT_LABEL = 'Tissage 2026, groupe A; matin \\ nord';
const HOST_NAME_AR = 'ورشة المعلم عبد الرحيم بناني للنسيج التقليدي بالمدينة العتيقة بفاس';

interface Trainee {
  userId: string;
  email: string;
  personId: string;
  enrollmentId: string;
  token: string;
}

const sessions: Record<string, string> = {};
let traineeA: Trainee;
let otherTraineeA: Trainee;

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  directorA = await t.signIn(f.directorA.email);
  directorB = await t.signIn(f.directorB.email);

  const a = await arrangeCentre(db.owner, f.tenantA);
  traineeA = await trainee(f.tenantA, a.cohortId, 'stagiaire.a@test.ma');
  otherTraineeA = await trainee(f.tenantA, a.cohortId, 'stagiaire.a2@test.ma');
  await withTenant(db.owner, f.tenantA, async (tx) => {
    // Placed on Fridays at the host, for the autumn term.
    await tx
      .insertInto('placement')
      .values({
        tenant_id: f.tenantA,
        id: newId(),
        enrollment_id: traineeA.enrollmentId,
        host_id: a.hostId,
        starts_on: '2026-09-01',
        ends_on: '2026-12-31',
        weekdays: [5],
        status: 'CONFIRMED',
      })
      .execute();
    const session = async (
      name: string,
      fields: {
        day: string;
        starts: string;
        ends: string;
        kind?: string;
        cancelled?: boolean;
        place?: string;
      },
    ) => {
      const id = newId();
      sessions[name] = id;
      const practice = fields.kind === 'PRACTICE';
      await tx
        .insertInto('class_session')
        .values({
          tenant_id: f.tenantA,
          id,
          cohort_id: a.cohortId,
          kind: fields.kind ?? 'THEORY',
          host_id: practice ? a.hostId : null,
          day: fields.day,
          starts_at: fields.starts,
          ends_at: fields.ends,
          timezone: 'Africa/Casablanca',
          // A place of its own only for a session added by hand; generated ones are at the centre or host.
          place: fields.place ?? null,
          generated: fields.place === undefined,
          cancelled_at: fields.cancelled ? new Date() : null,
        })
        .execute();
    };
    await session('octoberTheory', {
      day: '2026-10-01',
      starts: '09:00',
      ends: '13:00',
      place: 'Centre A, salle 2',
    });
    await session('juneTheory', { day: '2026-06-01', starts: '09:00', ends: '13:00' });
    await session('fridayPractice', { day: '2026-10-02', starts: '09:00', ends: '16:00', kind: 'PRACTICE' });
    await session('laterPractice', { day: '2026-10-16', starts: '09:00', ends: '16:00', kind: 'PRACTICE' });
    await session('cancelledTheory', { day: '2026-10-05', starts: '09:00', ends: '13:00', cancelled: true });
    await session('cancelledPractice', {
      day: '2026-10-09',
      starts: '09:00',
      ends: '16:00',
      kind: 'PRACTICE',
      cancelled: true,
    });
    // Not theirs: a Wednesday at the host (they go on Fridays), and a day beyond the window.
    await session('wednesdayPractice', {
      day: '2026-10-07',
      starts: '09:00',
      ends: '16:00',
      kind: 'PRACTICE',
    });
    await session('nextYear', { day: '2027-03-01', starts: '09:00', ends: '13:00' });
  });

  // Tenant B writes French: one trainee with one theory session.
  const b = await arrangeCentre(db.owner, f.tenantB);
  await trainee(f.tenantB, b.cohortId, 'stagiaire.b@test.ma');
  await withTenant(db.owner, f.tenantB, (tx) =>
    tx
      .insertInto('class_session')
      .values({
        tenant_id: f.tenantB,
        id: newId(),
        cohort_id: b.cohortId,
        kind: 'THEORY',
        day: '2026-10-01',
        starts_at: '09:00',
        ends_at: '13:00',
        timezone: 'Africa/Casablanca',
      })
      .execute(),
  );
});
afterAll(async () => {
  vi.useRealTimers();
  await close?.();
});

/** A trade, programme, cohort and an active host of the centre. */
async function arrangeCentre(owner: Database, tenantId: string) {
  const tradeId = newId();
  const programmeId = newId();
  const cohortId = newId();
  const hostId = newId();
  await withTenant(owner, tenantId, async (tx) => {
    await tx
      .insertInto('trade')
      .values({ tenant_id: tenantId, id: tradeId, code: 'TISS', name_fr: 'Tissage', name_ar: 'النسيج' })
      .execute();
    await tx
      .insertInto('programme')
      .values({
        tenant_id: tenantId,
        id: programmeId,
        trade_id: tradeId,
        name_fr: 'Tissage traditionnel',
        name_ar: 'النسيج التقليدي',
        duration_months: 12,
        theory_weekdays: [1, 4],
        practice_weekdays: [2, 3, 5],
      })
      .execute();
    await tx
      .insertInto('cohort')
      .values({
        tenant_id: tenantId,
        id: cohortId,
        programme_id: programmeId,
        label: COHORT_LABEL,
        starts_on: '2026-01-05',
        ends_on: '2027-06-30',
        capacity: 30,
      })
      .execute();
    await tx
      .insertInto('host')
      .values({
        tenant_id: tenantId,
        id: hostId,
        kind: 'ARTISAN_WORKSHOP',
        name: 'Atelier Bennani',
        name_ar: HOST_NAME_AR,
        trade_id: tradeId,
        capacity: 4,
        address: 'Derb Sidi Ahmed, Fès',
        province: 'Fès',
      })
      .execute();
  });
  return { cohortId, hostId };
}

/** A trainee's account (TRAINEE membership), their person record and an ENROLLED enrollment. */
async function trainee(tenantId: string, cohortId: string, email: string): Promise<Trainee> {
  const userId = newId();
  const personId = newId();
  const enrollmentId = newId();
  await db.owner
    .insertInto('app_user')
    .values({ id: userId, display_name: 'Stagiaire', email, password_hash: await hashPassword(PASSWORD) })
    .execute();
  await withTenant(db.owner, tenantId, async (tx) => {
    await tx
      .insertInto('membership')
      .values({ tenant_id: tenantId, id: newId(), user_id: userId, role: 'TRAINEE' })
      .execute();
    await tx
      .insertInto('person')
      .values({
        tenant_id: tenantId,
        id: personId,
        first_name_latin: 'Salma',
        last_name_latin: email.split('@')[0]!,
        sex: 'F',
        birth_date: '2004-03-10',
        user_id: userId,
      })
      .execute();
    await tx
      .insertInto('enrollment')
      .values({
        tenant_id: tenantId,
        id: enrollmentId,
        person_id: personId,
        cohort_id: cohortId,
        status: 'ENROLLED',
      })
      .execute();
  });
  return { userId, email, personId, enrollmentId, token: await t.signIn(email) };
}

/** GET the feed as a phone's calendar would: no login, no tenant header, on FEED_DAY. */
async function fetchFeed(url: string, app = t.app) {
  vi.useFakeTimers({ toFake: ['Date'], now: FEED_DAY });
  try {
    return await app.inject({ method: 'GET', url });
  } finally {
    vi.useRealTimers();
  }
}

async function createFeed(as: { token: string; tenantId: string }, personId?: string) {
  const result = await t.gql(CREATE, { input: personId ? { personId } : {} }, as);
  return result.data.createCalendarFeed as {
    url: string | null;
    feed: { id: string; revokedAt: string | null } | null;
    errors: { code: string; field: string | null }[];
  };
}

function vevents(body: string): Map<string, VEvent> {
  const parsed = ical.sync.parseICS(body);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
  return new Map(events.map((e) => [e.uid, e]));
}

const text = (value: unknown) =>
  typeof value === 'object' && value !== null && 'val' in value ? String(value.val) : String(value);

const feedCount = (tenantId: string) =>
  withTenant(db.owner, tenantId, (tx) =>
    tx
      .selectFrom('calendar_feed')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ).then((r) => Number(r.n));

describe('making a feed', () => {
  it('gives a trainee a secret URL for their own record, keeps only its hash and audits it', async () => {
    const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
    expect(created.errors).toEqual([]);
    expect(created.url).toMatch(new RegExp(`^/calendar/${f.tenantA}\\.[A-Za-z0-9_-]{43}\\.ics$`));
    const token = created.url!.slice('/calendar/'.length, -'.ics'.length);
    const row = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('calendar_feed').selectAll().where('id', '=', created.feed!.id).executeTakeFirstOrThrow(),
    );
    expect(row.person_id).toBe(traineeA.personId);
    expect(row.token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    const audit = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'calendar_feed.created').execute(),
    );
    expect(audit.map((e) => e.entity_ids)).toContainEqual([created.feed!.id, traineeA.personId]);
    expect(JSON.stringify(audit)).not.toContain(token.split('.')[1]);
  });

  it('lists a trainee their own feeds, never anyone else’s, and never a URL', async () => {
    const own = await t.gql(MINE, {}, { token: traineeA.token, tenantId: f.tenantA });
    expect(own.data.myCalendarFeeds.length).toBeGreaterThan(0);
    const other = await t.gql(MINE, {}, { token: otherTraineeA.token, tenantId: f.tenantA });
    expect(other.data.myCalendarFeeds).toEqual([]);
  });

  it('refuses a trainee a feed of someone else, existing or not, and writes nothing', async () => {
    const before = await feedCount(f.tenantA);
    for (const personId of [otherTraineeA.personId, newId(), 'not-an-id']) {
      const refused = await createFeed({ token: traineeA.token, tenantId: f.tenantA }, personId);
      expect(refused).toMatchObject({
        url: null,
        feed: null,
        errors: [{ code: 'FORBIDDEN', field: 'personId' }],
      });
    }
    expect(await feedCount(f.tenantA)).toBe(before);
  });

  it('lets staff make one for any person of their centre, and not of another', async () => {
    const made = await createFeed({ token: directorA, tenantId: f.tenantA }, otherTraineeA.personId);
    expect(made.errors).toEqual([]);
    expect(made.url).toContain(`/calendar/${f.tenantA}.`);
    const foreign = await createFeed({ token: directorB, tenantId: f.tenantB }, traineeA.personId);
    expect(foreign.errors).toEqual([{ code: 'NOT_FOUND', field: 'personId' }]);
    // A director with no person record of their own must name one.
    const none = await createFeed({ token: directorA, tenantId: f.tenantA });
    expect(none.errors).toEqual([{ code: 'NOT_FOUND', field: 'personId' }]);
  });

  it('refuses roles that neither own a trainee record nor manage them', async () => {
    const artisan = await t.signInByCode(f.artisanA.phone);
    const refused = await createFeed({ token: artisan, tenantId: f.tenantA }, traineeA.personId);
    expect(refused.errors[0]?.code).toBe('FORBIDDEN');
  });
});

describe('the feed', () => {
  let url: string;
  let body: string;

  beforeAll(async () => {
    url = (await createFeed({ token: traineeA.token, tenantId: f.tenantA })).url!;
    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    body = response.body;
  });

  it('is served as a private, briefly cached calendar without a login', async () => {
    const response = await fetchFeed(url);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
  });

  it('parses with node-ical, each session at the right instant', () => {
    const events = vevents(body);
    const october = events.get(`${sessions.octoberTheory}@maalem`)!;
    // Casablanca is UTC+0 for good from 2026-09-20: 09:00 local is 09:00Z.
    expect(october.start.toISOString()).toBe('2026-10-01T09:00:00.000Z');
    expect(october.end?.toISOString()).toBe('2026-10-01T13:00:00.000Z');
    expect(text(october.location)).toBe('Centre A, salle 2');
    // Still UTC+1 in June 2026: 09:00 local is 08:00Z.
    const june = events.get(`${sessions.juneTheory}@maalem`)!;
    expect(june.start.toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(june.end?.toISOString()).toBe('2026-06-01T12:00:00.000Z');
    expect(text(june.location)).toBe('Centre A');
    const practice = events.get(`${sessions.fridayPractice}@maalem`)!;
    expect(practice.start.toISOString()).toBe('2026-10-02T09:00:00.000Z');
    expect(practice.end?.toISOString()).toBe('2026-10-02T16:00:00.000Z');
  });

  it('shows only this trainee’s sessions in the window, cancelled ones marked so', () => {
    const events = vevents(body);
    expect([...events.keys()].sort()).toEqual(
      [
        sessions.octoberTheory,
        sessions.juneTheory,
        sessions.fridayPractice,
        sessions.laterPractice,
        sessions.cancelledTheory,
        sessions.cancelledPractice,
      ]
        .map((id) => `${id}@maalem`)
        .sort(),
    );
    expect(events.get(`${sessions.cancelledTheory}@maalem`)?.status).toBe('CANCELLED');
    expect(events.get(`${sessions.cancelledPractice}@maalem`)?.status).toBe('CANCELLED');
    expect(events.get(`${sessions.octoberTheory}@maalem`)?.status).toBe('CONFIRMED');
  });

  it('writes the centre’s language, Arabic intact through escaping and folding', () => {
    const events = vevents(body);
    expect(text(events.get(`${sessions.octoberTheory}@maalem`)?.summary)).toBe(
      `تكوين نظري — ${COHORT_LABEL}`,
    );
    expect(text(events.get(`${sessions.fridayPractice}@maalem`)?.summary)).toBe(
      `تدريب تطبيقي — ${HOST_NAME_AR}`,
    );
    // The practice summary is longer than a line may be: it was folded, at CRLF, within 75 octets.
    const lines = body.split('\r\n');
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(body).toContain('Tissage 2026\\, groupe A\\; matin \\\\ nord');
  });

  it('writes French for a French-speaking centre', async () => {
    const trainee = await t.signIn('stagiaire.b@test.ma');
    const created = await createFeed({ token: trainee, tenantId: f.tenantB });
    const response = await fetchFeed(created.url!);
    const [event] = vevents(response.body).values();
    expect(text(event?.summary)).toBe(`Théorie — ${COHORT_LABEL}`);
    expect(event?.start.toISOString()).toBe('2026-10-01T09:00:00.000Z');
  });

  it('reads a fixed number of statements however many sessions there are', async () => {
    let statements = 0;
    const counted = await createTestApp(db, { onQuery: () => statements++ });
    try {
      statements = 0;
      await fetchFeed(url, counted.app);
      const before = statements;
      await withTenant(db.owner, f.tenantA, async (tx) => {
        const cohortId = (
          await tx
            .selectFrom('class_session')
            .select('cohort_id')
            .where('id', '=', sessions.juneTheory!)
            .executeTakeFirstOrThrow()
        ).cohort_id;
        await tx
          .insertInto('class_session')
          .values(
            ['2026-11-02', '2026-11-05', '2026-11-09', '2026-11-12'].map((day) => ({
              tenant_id: f.tenantA,
              id: newId(),
              cohort_id: cohortId,
              kind: 'THEORY',
              day,
              starts_at: '09:00',
              ends_at: '13:00',
              timezone: 'Africa/Casablanca',
            })),
          )
          .execute();
      });
      statements = 0;
      const response = await fetchFeed(url, counted.app);
      expect(vevents(response.body).size).toBe(10);
      expect(statements).toBe(before);
    } finally {
      await counted.app.close();
    }
  });
});

describe('a feed URL that opens nothing', () => {
  it('answers 404 once revoked, by its owner, with an empty body', async () => {
    const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
    expect((await fetchFeed(created.url!)).statusCode).toBe(200);
    const revoked = await t.gql(
      REVOKE,
      { id: created.feed!.id },
      { token: traineeA.token, tenantId: f.tenantA },
    );
    expect(revoked.data.revokeCalendarFeed.errors).toEqual([]);
    expect(revoked.data.revokeCalendarFeed.feed.revokedAt).toBeTruthy();
    const response = await fetchFeed(created.url!);
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe('');
    const mine = await t.gql(MINE, {}, { token: traineeA.token, tenantId: f.tenantA });
    expect(
      mine.data.myCalendarFeeds.find((feed: { id: string }) => feed.id === created.feed!.id)?.revokedAt,
    ).toBeTruthy();
  });

  it('answers 404 to a token of tenant A under another tenant’s id', async () => {
    const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
    const moved = created.url!.replace(f.tenantA, f.tenantB);
    expect(moved).not.toBe(created.url);
    expect((await fetchFeed(moved)).statusCode).toBe(404);
    expect((await fetchFeed(created.url!.replace(f.tenantA, newId()))).statusCode).toBe(404);
    expect((await fetchFeed(created.url!)).statusCode).toBe(200);
  });

  it('answers 404 to malformed tokens, all alike', async () => {
    const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
    const token = created.url!.slice('/calendar/'.length, -'.ics'.length);
    const [tenantId, secret] = token.split('.') as [string, string];
    for (const url of [
      '/calendar/x.ics',
      `/calendar/${token}`,
      `/calendar/${token}.ics.ics`,
      `/calendar/${secret}.ics`,
      `/calendar/${tenantId}.ics`,
      `/calendar/${tenantId}.${secret.slice(1)}.ics`,
      `/calendar/${tenantId}.${secret}x.ics`,
      `/calendar/not-a-uuid.${secret}.ics`,
      `/calendar/${tenantId.toUpperCase()}.${secret}.ics`,
      `/calendar/${tenantId}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}.ics`,
    ]) {
      const response = await fetchFeed(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toBe('');
    }
  });
});

describe('revoking', () => {
  it('refuses another centre’s staff and another trainee, and changes nothing', async () => {
    const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
    const id = created.feed!.id;
    const byB = await t.gql(REVOKE, { id }, { token: directorB, tenantId: f.tenantB });
    expect(byB.data.revokeCalendarFeed.errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    const byOther = await t.gql(REVOKE, { id }, { token: otherTraineeA.token, tenantId: f.tenantA });
    expect(byOther.data.revokeCalendarFeed.errors).toEqual([{ code: 'NOT_FOUND', field: 'id' }]);
    const row = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('calendar_feed').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(row.revoked_at).toBeNull();
    expect((await fetchFeed(created.url!)).statusCode).toBe(200);
  });

  it('lets the centre’s staff revoke, audited once', async () => {
    const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
    const id = created.feed!.id;
    for (let i = 0; i < 2; i++) {
      const result = await t.gql(REVOKE, { id }, { token: directorA, tenantId: f.tenantA });
      expect(result.data.revokeCalendarFeed.errors).toEqual([]);
    }
    const audit = await withTenant(db.owner, f.tenantA, (tx) =>
      tx
        .selectFrom('audit_event')
        .select('entity_ids')
        .where('action', '=', 'calendar_feed.revoked')
        .execute(),
    );
    expect(audit.filter((e) => e.entity_ids[0] === id)).toHaveLength(1);
    expect((await fetchFeed(created.url!)).statusCode).toBe(404);
  });
});

describe('in production', () => {
  it('is served next to the web client, and logs no token', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'maalem-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    let logged = '';
    const app = await buildApp({
      config: { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'info' }), dbPoolMax: 2 },
      appDatabaseUrl: db.appUrl,
      webDistDir: dist,
      logger: {
        level: 'info',
        stream: new Writable({
          write(chunk, _encoding, done) {
            logged += String(chunk);
            done();
          },
        }),
      },
    });
    try {
      const created = await createFeed({ token: traineeA.token, tenantId: f.tenantA });
      const token = created.url!.slice('/calendar/'.length, -'.ics'.length);
      const found = await fetchFeed(created.url!, app);
      expect(found.statusCode).toBe(200);
      expect(found.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const missing = await fetchFeed(`/calendar/${f.tenantA}.${'A'.repeat(43)}.ics`, app);
      expect(missing.statusCode).toBe(404);
      expect(missing.body).not.toContain('id="root"');
      // The client still gets its pages.
      expect((await app.inject({ method: 'GET', url: '/members' })).body).toContain('id="root"');
      expect(logged).toContain('/calendar/');
      expect(logged).not.toContain(token.split('.')[1]);
      expect(logged).not.toContain('A'.repeat(43));
    } finally {
      await app.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without cutting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'ع'.repeat(40)}x`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});
