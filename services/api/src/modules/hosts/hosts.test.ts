import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { countRows } from '../../../test/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, todayIn } from '../../lib/time.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let tokenA: string;
let tokenB: string;
let artisanToken: string;

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  tokenA = await t.signIn(f.directorA.email);
  tokenB = await t.signIn(f.directorB.email);
  artisanToken = await t.signInByCode(f.artisanA.phone);
});
afterAll(async () => {
  await close();
});

const asA = () => ({ token: tokenA, tenantId: f.tenantA });
const asB = () => ({ token: tokenB, tenantId: f.tenantB });

const HOST_FIELDS = `id kind name nameAr capacity address province contactName contactPhone status statusReason
  createdAt trade { id code } artisans { id displayName phone }`;
const CREATE = `mutation ($input: CreateHostInput!) {
  createHost(input: $input) { host { ${HOST_FIELDS} } errors { code field message } }
}`;
const UPDATE = `mutation ($input: UpdateHostInput!) {
  updateHost(input: $input) { host { ${HOST_FIELDS} } errors { code field message } }
}`;
const SET_STATUS = `mutation ($input: SetHostStatusInput!) {
  setHostStatus(input: $input) { host { id status statusReason } errors { code field } }
}`;
const ADD_ARTISAN = `mutation ($input: AddHostArtisanInput!) {
  addHostArtisan(input: $input) { host { id artisans { id displayName phone locale } } errors { code field } }
}`;
const HOSTS = `query ($first: Int, $after: String, $filter: HostFilter) {
  hosts(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name province status } }
  }
}`;
const HOST = `query ($id: ID!) { host(id: $id) { id name artisans { id } } }`;
const LOAD = `query ($id: ID!, $from: Date!, $to: Date!) {
  host(id: $id) { id load(from: $from, to: $to) { day confirmed capacity } }
}`;
const SUGGEST = `query ($enrollmentId: ID!, $startsOn: Date!, $endsOn: Date!, $weekdays: [Int!]) {
  hostSuggestions(enrollmentId: $enrollmentId, startsOn: $startsOn, endsOn: $endsOn, weekdays: $weekdays) {
    host { id name province } freePlaces distance
  }
}`;

// ---------------------------------------------------------------------------------------------
// Rows other modules own, written directly as the owner (tests only).

type Counted = 'host' | 'membership' | 'audit_event' | 'placement';
const count = (table: Counted, tenantId = f.tenantA) => countRows(db.owner, tenantId, table);
const userCount = async () =>
  (
    await db.owner
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const snapshot = async () =>
  Promise.all([count('host'), count('membership'), count('audit_event'), count('placement'), userCount()]);

let seq = 0;
async function makeTrade(tenantId = f.tenantA): Promise<string> {
  seq += 1;
  const id = newId();
  await withTenant(db.owner, tenantId, (tx) =>
    tx
      .insertInto('trade')
      .values({
        tenant_id: tenantId,
        id,
        code: `TRADE_${seq}`,
        name_fr: `Métier ${seq}`,
        name_ar: `حرفة ${seq}`,
      })
      .execute(),
  );
  return id;
}

/**
 * A trainee in a cohort of a programme of `tradeId`: the rows a placement hangs off. Weaving
 * practice days by default: Tuesday to Friday.
 */
async function makeEnrollment(
  tradeId: string,
  options: { status?: string; province?: string | null; practiceWeekdays?: number[] } = {},
): Promise<{ enrollmentId: string; cohortId: string }> {
  seq += 1;
  const ids = { programme: newId(), cohort: newId(), person: newId(), enrollment: newId() };
  await withTenant(db.owner, f.tenantA, async (tx) => {
    await tx
      .insertInto('programme')
      .values({
        tenant_id: f.tenantA,
        id: ids.programme,
        trade_id: tradeId,
        name_fr: `Programme ${seq}`,
        name_ar: `برنامج ${seq}`,
        duration_months: 24,
        theory_weekdays: [1],
        practice_weekdays: options.practiceWeekdays ?? [2, 3, 4, 5],
      })
      .execute();
    await tx
      .insertInto('cohort')
      .values({
        tenant_id: f.tenantA,
        id: ids.cohort,
        programme_id: ids.programme,
        label: `Promotion ${seq}`,
        starts_on: '2029-09-01',
        ends_on: '2031-06-30',
        capacity: 30,
      })
      .execute();
    await tx
      .insertInto('person')
      .values({
        tenant_id: f.tenantA,
        id: ids.person,
        first_name_latin: 'Salma',
        last_name_latin: `Bennani ${seq}`,
        sex: 'F',
        birth_date: '2010-03-04',
        province: options.province === undefined ? 'Sefrou' : options.province,
      })
      .execute();
    await tx
      .insertInto('enrollment')
      .values({
        tenant_id: f.tenantA,
        id: ids.enrollment,
        person_id: ids.person,
        cohort_id: ids.cohort,
        status: options.status ?? 'ENROLLED',
      })
      .execute();
  });
  return { enrollmentId: ids.enrollment, cohortId: ids.cohort };
}

/** A placement of a new trainee at the host, CONFIRMED unless told otherwise. */
async function place(
  hostId: string,
  tradeId: string,
  range: { startsOn: string; endsOn: string; weekdays: number[]; status?: string },
): Promise<string> {
  const { enrollmentId } = await makeEnrollment(tradeId);
  const id = newId();
  await withTenant(db.owner, f.tenantA, (tx) =>
    tx
      .insertInto('placement')
      .values({
        tenant_id: f.tenantA,
        id,
        enrollment_id: enrollmentId,
        host_id: hostId,
        starts_on: range.startsOn,
        ends_on: range.endsOn,
        weekdays: range.weekdays,
        status: range.status ?? 'CONFIRMED',
      })
      .execute(),
  );
  return id;
}

interface Host {
  id: string;
  name: string;
  capacity: number;
  province: string;
  status: string;
}

const hostInput = (tradeId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'ARTISAN_WORKSHOP',
  name: `Atelier ${++seq}`,
  tradeId,
  capacity: 3,
  province: 'Fès',
  ...extra,
});

async function makeHost(tradeId: string, extra: Record<string, unknown> = {}): Promise<Host> {
  const result = await t.gql(CREATE, { input: { host: hostInput(tradeId, extra) } }, asA());
  expect(result.data.createHost.errors).toEqual([]);
  return result.data.createHost.host;
}

/** A phone-only account with one membership in tenant A, signed in by code. */
async function phoneMember(phone: string, role: 'TRAINEE' | 'HOST_ARTISAN', hostId?: string) {
  const userId = newId();
  await db.owner.insertInto('app_user').values({ id: userId, display_name: 'Membre', phone }).execute();
  await withTenant(db.owner, f.tenantA, (tx) =>
    tx
      .insertInto('membership')
      .values({ tenant_id: f.tenantA, id: newId(), user_id: userId, role, host_id: hostId ?? null })
      .execute(),
  );
  return { userId, token: await t.signInByCode(phone) };
}

const today = () => todayIn('Africa/Casablanca');

// ---------------------------------------------------------------------------------------------

describe('createHost and updateHost', () => {
  it('creates a host with its fields cleaned, audits it, and shows its trade', async () => {
    const tradeId = await makeTrade();
    const before = await count('audit_event');
    const result = await t.gql(
      CREATE,
      {
        input: {
          host: {
            kind: 'COOPERATIVE',
            name: '  Coopérative   Al Amal ',
            nameAr: 'تعاونية الأمل',
            tradeId,
            capacity: 12,
            address: ' 14, derb Sidi Ahmed ',
            province: 'fes',
            contactName: 'Fatima Zahra',
            contactPhone: '06 61 23 45 00',
          },
        },
      },
      asA(),
    );
    expect(result.data.createHost).toEqual({
      host: {
        id: expect.any(String),
        kind: 'COOPERATIVE',
        name: 'Coopérative Al Amal',
        nameAr: 'تعاونية الأمل',
        capacity: 12,
        address: '14, derb Sidi Ahmed',
        // A recognised province is stored in its usual spelling.
        province: 'Fès',
        contactName: 'Fatima Zahra',
        contactPhone: '+212661234500',
        status: 'ACTIVE',
        statusReason: null,
        createdAt: expect.any(String),
        trade: { id: tradeId, code: expect.stringMatching(/^TRADE_/) },
        artisans: [],
      },
      errors: [],
    });
    expect(await count('audit_event')).toBe(before + 1);
    const events = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'host.created').execute(),
    );
    expect(events.map((e) => e.entity_ids[0])).toContain(result.data.createHost.host.id);
  });

  it('reports every invalid field at once, and a failed mutation writes nothing', async () => {
    const before = await snapshot();
    const result = await t.gql(
      CREATE,
      {
        input: {
          host: {
            kind: 'COMPANY',
            name: 'A',
            nameAr: 'Atelier',
            tradeId: newId(),
            capacity: 0,
            address: 'x'.repeat(201),
            province: '  ',
            contactName: 'y'.repeat(121),
            contactPhone: '12',
          },
        },
      },
      asA(),
    );
    expect(result.data.createHost.host).toBeNull();
    expect(
      result.data.createHost.errors.map((e: { code: string; field: string }) => [e.field, e.code]),
    ).toEqual([
      ['name', 'INVALID_INPUT'],
      ['nameAr', 'INVALID_INPUT'],
      ['capacity', 'INVALID_INPUT'],
      ['province', 'REQUIRED'],
      ['address', 'INVALID_INPUT'],
      ['contactName', 'INVALID_INPUT'],
      ['contactPhone', 'INVALID_PHONE'],
      ['tradeId', 'NOT_FOUND'],
    ]);
    expect(result.data.createHost.errors[0].message).toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [{ name: '' }, 'name', 'REQUIRED'],
    [{ name: 'n'.repeat(121) }, 'name', 'INVALID_INPUT'],
    [{ nameAr: 'ورشة Atlas' }, 'nameAr', 'INVALID_INPUT'],
    [{ capacity: 201 }, 'capacity', 'INVALID_INPUT'],
    [{ province: 'p'.repeat(81) }, 'province', 'INVALID_INPUT'],
    [{ tradeId: 'not-a-uuid' }, 'tradeId', 'NOT_FOUND'],
    [{ contactPhone: '+33 6 12' }, 'contactPhone', 'INVALID_PHONE'],
  ])('refuses %j as %s %s', async (extra, field, code) => {
    const tradeId = await makeTrade();
    const before = await snapshot();
    const result = await t.gql(CREATE, { input: { host: hostInput(tradeId, extra) } }, asA());
    expect(result.data.createHost.errors).toEqual([{ code, field, message: expect.any(String) }]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets only directors and coordinators write', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const as = { token: artisanToken, tenantId: f.tenantA };
    const before = await snapshot();
    const created = await t.gql(CREATE, { input: { host: hostInput(tradeId) } }, as);
    expect(created.data.createHost.errors).toEqual([
      { code: 'FORBIDDEN', field: null, message: expect.any(String) },
    ]);
    const updated = await t.gql(UPDATE, { input: { id: host.id, host: hostInput(tradeId) } }, as);
    expect(updated.data.updateHost.errors[0].code).toBe('FORBIDDEN');
    const paused = await t.gql(
      SET_STATUS,
      { input: { id: host.id, status: 'PAUSED', reason: 'congés' } },
      as,
    );
    expect(paused.data.setHostStatus.errors[0].code).toBe('FORBIDDEN');
    const added = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: host.id, displayName: 'Moi', phone: '0661000111' } },
      as,
    );
    expect(added.data.addHostArtisan.errors[0].code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('updates a host and audits what changed', async () => {
    const tradeId = await makeTrade();
    const otherTrade = await makeTrade();
    const host = await makeHost(tradeId);
    const result = await t.gql(
      UPDATE,
      {
        input: {
          id: host.id,
          host: hostInput(otherTrade, {
            name: 'Atelier Bennis',
            capacity: 8,
            province: 'meknes',
            kind: 'COMPANY',
          }),
        },
      },
      asA(),
    );
    expect(result.data.updateHost.errors).toEqual([]);
    expect(result.data.updateHost.host).toMatchObject({
      id: host.id,
      name: 'Atelier Bennis',
      capacity: 8,
      province: 'Meknès',
      kind: 'COMPANY',
      trade: { id: otherTrade },
    });
    const event = await withTenant(db.owner, f.tenantA, (tx) =>
      tx
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'host.updated')
        .where((eb) => eb(eb.val(host.id), '=', eb.fn.any('entity_ids')))
        .executeTakeFirstOrThrow(),
    );
    expect((event.data as { changed: Record<string, unknown> }).changed).toMatchObject({
      capacity: { from: 3, to: 8 },
      province: { from: 'Fès', to: 'Meknès' },
    });
  });

  it('refuses a capacity below the busiest coming day, counting confirmed places only', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId, { capacity: 4 });
    const soon = addDays(today(), 10);
    const later = addDays(today(), 60);
    // Two trainees there on Tuesdays, a third on Tuesdays from later on: three on the busiest day.
    await place(host.id, tradeId, { startsOn: soon, endsOn: addDays(today(), 120), weekdays: [2, 3] });
    await place(host.id, tradeId, { startsOn: soon, endsOn: addDays(today(), 120), weekdays: [2] });
    await place(host.id, tradeId, { startsOn: later, endsOn: addDays(today(), 400), weekdays: [2, 4] });
    // Neither a proposal nor a finished placement holds a place.
    await place(host.id, tradeId, { startsOn: soon, endsOn: later, weekdays: [2], status: 'PROPOSED' });
    await place(host.id, tradeId, {
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    await place(host.id, tradeId, {
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    });

    const before = await snapshot();
    const refused = await t.gql(
      UPDATE,
      { input: { id: host.id, host: hostInput(tradeId, { name: host.name, capacity: 2 }) } },
      asA(),
    );
    expect(refused.data.updateHost).toEqual({
      host: null,
      errors: [{ code: 'HOST_FULL', field: 'capacity', message: expect.any(String) }],
    });
    expect(await snapshot()).toEqual(before);

    const fits = await t.gql(
      UPDATE,
      { input: { id: host.id, host: hostInput(tradeId, { name: host.name, capacity: 3 }) } },
      asA(),
    );
    expect(fits.data.updateHost.errors).toEqual([]);
    expect(fits.data.updateHost.host.capacity).toBe(3);
  });

  it('refuses an unknown host, and tenant B cannot touch A’s host', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const before = await snapshot();
    const unknown = await t.gql(UPDATE, { input: { id: newId(), host: hostInput(tradeId) } }, asA());
    expect(unknown.data.updateHost.errors).toEqual([
      { code: 'NOT_FOUND', field: 'id', message: expect.any(String) },
    ]);
    const fromB = await t.gql(UPDATE, { input: { id: host.id, host: hostInput(tradeId) } }, asB());
    expect(fromB.data.updateHost.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const statusFromB = await t.gql(
      SET_STATUS,
      { input: { id: host.id, status: 'CLOSED', reason: 'fermé' } },
      asB(),
    );
    expect(statusFromB.data.setHostStatus.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const artisanFromB = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: host.id, displayName: 'Intrus', phone: '0661000999' } },
      asB(),
    );
    expect(artisanFromB.data.addHostArtisan.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'hostId' });
    // A's trade is not B's to host with.
    const createdInB = await t.gql(CREATE, { input: { host: hostInput(tradeId) } }, asB());
    expect(createdInB.data.createHost.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'tradeId' });
    expect(await snapshot()).toEqual(before);
    expect(await count('host', f.tenantB)).toBe(0);
    expect(await count('audit_event', f.tenantB)).toBe(0);
  });
});

describe('setHostStatus', () => {
  it('pauses, resumes, closes and reopens, with a reason to pause or close', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const set = (status: string, reason?: string) =>
      t.gql(SET_STATUS, { input: { id: host.id, status, reason } }, asA());

    const before = await snapshot();
    expect((await set('PAUSED')).data.setHostStatus.errors).toEqual([
      { code: 'REASON_REQUIRED', field: 'reason' },
    ]);
    expect((await set('PAUSED', ' ')).data.setHostStatus.errors).toEqual([
      { code: 'REASON_REQUIRED', field: 'reason' },
    ]);
    expect((await set('PAUSED', 'x')).data.setHostStatus.errors).toEqual([
      { code: 'INVALID_INPUT', field: 'reason' },
    ]);
    expect((await set('PAUSED', 'r'.repeat(301))).data.setHostStatus.errors).toEqual([
      { code: 'INVALID_INPUT', field: 'reason' },
    ]);
    expect((await set('ACTIVE')).data.setHostStatus.errors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'status' },
    ]);
    expect(await snapshot()).toEqual(before);

    expect((await set('PAUSED', ' Travaux dans l’atelier ')).data.setHostStatus).toEqual({
      host: { id: host.id, status: 'PAUSED', statusReason: 'Travaux dans l’atelier' },
      errors: [],
    });
    expect((await set('PAUSED', 'encore')).data.setHostStatus.errors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'status' },
    ]);
    expect((await set('ACTIVE')).data.setHostStatus.host).toEqual({
      id: host.id,
      status: 'ACTIVE',
      statusReason: null,
    });
    expect((await set('CLOSED')).data.setHostStatus.errors).toEqual([
      { code: 'REASON_REQUIRED', field: 'reason' },
    ]);
    expect((await set('CLOSED', 'Le maître artisan a pris sa retraite')).data.setHostStatus.host.status).toBe(
      'CLOSED',
    );
    expect((await set('PAUSED', 'pause')).data.setHostStatus.errors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'status' },
    ]);
    expect((await set('ACTIVE', 'Repris par son fils')).data.setHostStatus.host).toEqual({
      id: host.id,
      status: 'ACTIVE',
      statusReason: 'Repris par son fils',
    });

    const events = await withTenant(db.owner, f.tenantA, (tx) =>
      tx
        .selectFrom('audit_event')
        .select('data')
        .where('action', '=', 'host.status_changed')
        .where((eb) => eb(eb.val(host.id), '=', eb.fn.any('entity_ids')))
        .orderBy('id')
        .execute(),
    );
    expect(events.map((e) => [(e.data as { from: string }).from, (e.data as { to: string }).to])).toEqual([
      ['ACTIVE', 'PAUSED'],
      ['PAUSED', 'ACTIVE'],
      ['ACTIVE', 'CLOSED'],
      ['CLOSED', 'ACTIVE'],
    ]);
  });

  it('keeps the placements of a paused or closed host, and a closed host cannot be edited', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const placementId = await place(host.id, tradeId, {
      startsOn: addDays(today(), -30),
      endsOn: addDays(today(), 90),
      weekdays: [2, 3],
    });
    const placementRow = () =>
      withTenant(db.owner, f.tenantA, (tx) =>
        tx.selectFrom('placement').selectAll().where('id', '=', placementId).executeTakeFirstOrThrow(),
      );
    const original = await placementRow();
    const placements = await count('placement');

    await t.gql(SET_STATUS, { input: { id: host.id, status: 'PAUSED', reason: 'Ramadan' } }, asA());
    expect(await placementRow()).toEqual(original);
    await t.gql(SET_STATUS, { input: { id: host.id, status: 'CLOSED', reason: 'Atelier fermé' } }, asA());
    expect(await placementRow()).toEqual(original);
    expect(await count('placement')).toBe(placements);

    const before = await snapshot();
    const edit = await t.gql(UPDATE, { input: { id: host.id, host: hostInput(tradeId) } }, asA());
    expect(edit.data.updateHost.errors).toEqual([
      { code: 'HOST_NOT_ACTIVE', field: 'id', message: expect.any(String) },
    ]);
    const artisan = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: host.id, displayName: 'Nouveau', phone: '0661000222' } },
      asA(),
    );
    expect(artisan.data.addHostArtisan.errors).toEqual([{ code: 'HOST_NOT_ACTIVE', field: 'hostId' }]);
    expect(await snapshot()).toEqual(before);
    // Still listed (with its status) and readable.
    const closed = await t.gql(HOSTS, { filter: { status: ['CLOSED'] } }, asA());
    expect(closed.data.hosts.edges.map((e: { node: Host }) => e.node.id)).toContain(host.id);
  });
});

describe('addHostArtisan', () => {
  it('gives a new phone user the host, who then signs in by code and sees only that host', async () => {
    const tradeId = await makeTrade();
    const mine = await makeHost(tradeId, { name: 'Atelier Mine' });
    const other = await makeHost(tradeId, { name: 'Atelier Autre' });
    const [users, audit] = [await userCount(), await count('audit_event')];

    const result = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: mine.id, displayName: ' Hassan Tazi ', phone: '06 62 00 00 01' } },
      asA(),
    );
    expect(result.data.addHostArtisan).toEqual({
      host: {
        id: mine.id,
        artisans: [
          { id: expect.any(String), displayName: 'Hassan Tazi', phone: '+212662000001', locale: 'ar-MA' },
        ],
      },
      errors: [],
    });
    expect(await userCount()).toBe(users + 1);
    expect(await count('audit_event')).toBe(audit + 1);

    const token = await t.signInByCode('+212662000001');
    const as = { token, tenantId: f.tenantA };
    const listed = await t.gql(HOSTS, {}, as);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.hosts.totalCount).toBe(1);
    expect(listed.data.hosts.edges.map((e: { node: Host }) => e.node.id)).toEqual([mine.id]);
    // Filters cannot widen what an artisan sees.
    const searched = await t.gql(HOSTS, { filter: { search: 'Atelier', tradeId } }, as);
    expect(searched.data.hosts.edges.map((e: { node: Host }) => e.node.id)).toEqual([mine.id]);

    const own = await t.gql(HOST, { id: mine.id }, as);
    expect(own.data.host).toEqual({
      id: mine.id,
      name: 'Atelier Mine',
      artisans: [{ id: result.data.addHostArtisan.host.artisans[0].id }],
    });
    const others = await t.gql(HOST, { id: other.id }, as);
    expect(others.errors).toBeUndefined();
    expect(others.data.host).toBeNull();
    // Nor a list of hosts through another way in: suggestions are staff only.
    const suggested = await t.gql(
      SUGGEST,
      { enrollmentId: newId(), startsOn: '2029-09-01', endsOn: '2029-10-01' },
      as,
    );
    expect(suggested.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reuses the account a phone already has, and refuses a second host for the same artisan', async () => {
    const tradeId = await makeTrade();
    const first = await makeHost(tradeId);
    const second = await makeHost(tradeId);
    const userId = newId();
    await db.owner
      .insertInto('app_user')
      .values({ id: userId, display_name: 'Compte existant', phone: '+212662000002', locale: 'fr-MA' })
      .execute();
    const users = await userCount();
    const added = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: first.id, displayName: 'Autre nom', phone: '0662000002' } },
      asA(),
    );
    expect(added.data.addHostArtisan.host.artisans).toEqual([
      { id: userId, displayName: 'Compte existant', phone: '+212662000002', locale: 'fr-MA' },
    ]);
    expect(await userCount()).toBe(users);

    const before = await snapshot();
    const again = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: second.id, displayName: 'Autre nom', phone: '+212 662 00 00 02' } },
      asA(),
    );
    expect(again.data.addHostArtisan.errors).toEqual([{ code: 'ALREADY_MEMBER', field: 'phone' }]);
    // The fixture's artisan is already a host artisan of this centre.
    const fixture = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: second.id, displayName: 'المعلم', phone: f.artisanA.phone } },
      asA(),
    );
    expect(fixture.data.addHostArtisan.errors).toEqual([{ code: 'ALREADY_MEMBER', field: 'phone' }]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [{ phone: '12345' }, [{ code: 'INVALID_PHONE', field: 'phone' }]],
    [{ phone: ' ' }, [{ code: 'REQUIRED', field: 'phone' }]],
    [{ displayName: 'H' }, [{ code: 'INVALID_INPUT', field: 'displayName' }]],
    [
      { displayName: 'h'.repeat(121), phone: 'abc' },
      [
        { code: 'INVALID_INPUT', field: 'displayName' },
        { code: 'INVALID_PHONE', field: 'phone' },
      ],
    ],
    [{ hostId: newId() }, [{ code: 'NOT_FOUND', field: 'hostId' }]],
  ])('refuses %j and writes nothing', async (extra, errors) => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const before = await snapshot();
    const result = await t.gql(
      ADD_ARTISAN,
      { input: { hostId: host.id, displayName: 'Hassan', phone: '0662000003', ...extra } },
      asA(),
    );
    expect(result.data.addHostArtisan).toEqual({ host: null, errors });
    expect(await snapshot()).toEqual(before);
  });
});

describe('hosts and host', () => {
  it('lists by name with a stable cursor and filters', async () => {
    const weaving = await makeTrade();
    const wood = await makeTrade();
    const names = [
      'Zellige Fassi',
      'Atelier Bennani',
      'Atelier Bennani',
      'Menuiserie Idrissi',
      'Dar Tissage',
    ];
    const made: Host[] = [];
    for (const [i, name] of names.entries()) {
      made.push(
        await makeHost(i === 3 ? wood : weaving, {
          name,
          kind: i === 4 ? 'COOPERATIVE' : 'ARTISAN_WORKSHOP',
          province: ['Fès', 'Sefrou', 'Salé', 'Fès', 'Marrakech'][i],
          address: i === 1 ? '3, derb 50%_off' : null,
          contactName: i === 0 ? 'Mohammed Alaoui' : null,
          nameAr: i === 4 ? 'دار النسيج' : null,
        }),
      );
    }
    await t.gql(SET_STATUS, { input: { id: made[4]!.id, status: 'PAUSED', reason: 'Travaux' } }, asA());

    // Pages of two across every host of the tenant, in (name, id) order, without gaps or repeats.
    const seen: Host[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data: { hosts: { edges: { node: Host }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      } = await t.gql(HOSTS, { first: 2, after }, asA());
      seen.push(...page.data.hosts.edges.map((e) => e.node));
      if (!page.data.hosts.pageInfo.hasNextPage) break;
      after = page.data.hosts.pageInfo.endCursor;
    }
    const all = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('host').select(['id', 'name']).orderBy('name').orderBy('id').execute(),
    );
    expect(seen.map((h) => h.id)).toEqual(all.map((h) => h.id));
    const bennani = made.filter((h) => h.name === 'Atelier Bennani').map((h) => h.id);
    expect(seen.map((h) => h.id).filter((id) => bennani.includes(id))).toEqual([...bennani].sort());

    const ids = async (filter: Record<string, unknown>) => {
      const result = await t.gql(HOSTS, { filter, first: 100 }, asA());
      expect(result.errors).toBeUndefined();
      return new Set(result.data.hosts.edges.map((e: { node: Host }) => e.node.id));
    };
    const pick = (...i: number[]) => new Set(i.map((n) => made[n]!.id));
    expect(await ids({ tradeId: weaving })).toEqual(pick(0, 1, 2, 4));
    expect(await ids({ tradeId: wood })).toEqual(pick(3));
    expect(await ids({ tradeId: weaving, kind: 'COOPERATIVE' })).toEqual(pick(4));
    expect(await ids({ tradeId: weaving, status: ['ACTIVE'] })).toEqual(pick(0, 1, 2));
    expect(await ids({ tradeId: weaving, status: ['PAUSED', 'CLOSED'] })).toEqual(pick(4));
    expect(await ids({ tradeId: weaving, status: [] })).toEqual(pick(0, 1, 2, 4));
    expect(await ids({ tradeId: weaving, province: 'FES' })).toEqual(pick(0));
    expect(await ids({ tradeId: weaving, province: 'salé' })).toEqual(pick(2));
    expect(await ids({ tradeId: weaving, search: 'bennani' })).toEqual(pick(1, 2));
    expect(await ids({ tradeId: weaving, search: 'ALAOUI' })).toEqual(pick(0));
    expect(await ids({ tradeId: weaving, search: 'النسيج' })).toEqual(pick(4));
    expect(await ids({ tradeId: weaving, search: '50%_' })).toEqual(pick(1));
    expect(await ids({ tradeId: weaving, search: '%' })).toEqual(pick(1));
    expect(await ids({ tradeId: 'nope' })).toEqual(new Set());
    const counted = await t.gql(HOSTS, { filter: { tradeId: weaving }, first: 1 }, asA());
    expect(counted.data.hosts.totalCount).toBe(4);

    const bad = await t.gql(HOSTS, { after: 'not-a-cursor' }, asA());
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'after' });
    const tooMany = await t.gql(HOSTS, { first: 101 }, asA());
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'first' });
  });

  it('shows tenant B none of A’s hosts, and a trainee no host', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const listed = await t.gql(HOSTS, {}, asB());
    expect(listed.data.hosts).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
    expect((await t.gql(HOST, { id: host.id }, asB())).data.host).toBeNull();

    const trainee = await phoneMember('+212662000010', 'TRAINEE');
    const as = { token: trainee.token, tenantId: f.tenantA };
    expect((await t.gql(HOSTS, {}, as)).data.hosts.totalCount).toBe(0);
    expect((await t.gql(HOST, { id: host.id }, as)).data.host).toBeNull();
    expect((await t.gql(HOST, { id: 'not-a-uuid' }, asA())).data.host).toBeNull();
  });

  it('reads artisans for staff and a host’s own artisans, nobody else', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId);
    const other = await makeHost(tradeId);
    const artisan = await phoneMember('+212662000011', 'HOST_ARTISAN', host.id);
    await phoneMember('+212662000012', 'HOST_ARTISAN', other.id);
    const query = `{ hosts(first: 100) { edges { node { id artisans { id } } } } }`;
    const staff = await t.gql(query, {}, asA());
    const byHost = new Map(
      staff.data.hosts.edges.map((e: { node: { id: string; artisans: { id: string }[] } }) => [
        e.node.id,
        e.node.artisans.length,
      ]),
    );
    expect(byHost.get(host.id)).toBe(1);
    expect(byHost.get(other.id)).toBe(1);
    const own = await t.gql(query, {}, { token: artisan.token, tenantId: f.tenantA });
    expect(own.data.hosts.edges).toEqual([{ node: { id: host.id, artisans: [{ id: artisan.userId }] } }]);
  });
});

describe('Host.load', () => {
  it('counts a placement only on its weekdays, against capacity', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId, { capacity: 2 });
    // 2030-01-07 is a Monday: Tuesdays and Thursdays of that week.
    await place(host.id, tradeId, { startsOn: '2030-01-07', endsOn: '2030-01-13', weekdays: [2, 4] });
    await place(host.id, tradeId, { startsOn: '2030-01-10', endsOn: '2030-01-20', weekdays: [4, 5] });
    await place(host.id, tradeId, {
      startsOn: '2030-01-01',
      endsOn: '2030-01-31',
      weekdays: [1],
      status: 'DECLINED',
    });
    const result = await t.gql(LOAD, { id: host.id, from: '2030-01-06', to: '2030-01-12' }, asA());
    expect(result.errors).toBeUndefined();
    expect(result.data.host.load).toEqual([
      { day: '2030-01-06', confirmed: 0, capacity: 2 },
      { day: '2030-01-07', confirmed: 0, capacity: 2 },
      { day: '2030-01-08', confirmed: 1, capacity: 2 },
      { day: '2030-01-09', confirmed: 0, capacity: 2 },
      { day: '2030-01-10', confirmed: 2, capacity: 2 },
      { day: '2030-01-11', confirmed: 1, capacity: 2 },
      { day: '2030-01-12', confirmed: 0, capacity: 2 },
    ]);

    // Its own artisan reads it too.
    const artisan = await phoneMember('+212662000020', 'HOST_ARTISAN', host.id);
    const own = await t.gql(
      LOAD,
      { id: host.id, from: '2030-01-10', to: '2030-01-10' },
      {
        token: artisan.token,
        tenantId: f.tenantA,
      },
    );
    expect(own.data.host.load).toEqual([{ day: '2030-01-10', confirmed: 2, capacity: 2 }]);
  });

  it('reads every host of a page in one batch, and refuses a reversed or too long range', async () => {
    const tradeId = await makeTrade();
    const host = await makeHost(tradeId, { capacity: 5 });
    const other = await makeHost(tradeId, { capacity: 1 });
    await place(other.id, tradeId, { startsOn: '2030-02-04', endsOn: '2030-02-04', weekdays: [1] });
    const batch = await t.gql(
      `query ($tradeId: ID) { hosts(filter: { tradeId: $tradeId }) {
        edges { node { id load(from: "2030-02-04", to: "2030-02-05") { day confirmed capacity } } } } }`,
      { tradeId },
      asA(),
    );
    expect(batch.errors).toBeUndefined();
    const loads = new Map(
      batch.data.hosts.edges.map((e: { node: { id: string; load: unknown } }) => [e.node.id, e.node.load]),
    );
    expect(loads.get(host.id)).toEqual([
      { day: '2030-02-04', confirmed: 0, capacity: 5 },
      { day: '2030-02-05', confirmed: 0, capacity: 5 },
    ]);
    expect(loads.get(other.id)).toEqual([
      { day: '2030-02-04', confirmed: 1, capacity: 1 },
      { day: '2030-02-05', confirmed: 0, capacity: 1 },
    ]);

    const reversed = await t.gql(LOAD, { id: host.id, from: '2030-02-05', to: '2030-02-04' }, asA());
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'to' });
    const leapYear = await t.gql(LOAD, { id: host.id, from: '2028-01-01', to: '2028-12-31' }, asA());
    expect(leapYear.errors).toBeUndefined();
    expect(leapYear.data.host.load).toHaveLength(366);
    const tooLong = await t.gql(LOAD, { id: host.id, from: '2028-01-01', to: '2029-01-01' }, asA());
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'to' });
    expect(tooLong.data?.host ?? null).toBeNull();
  });
});

describe('hostSuggestions', () => {
  it('suggests active hosts of the trade with room on the wanted days, nearest first', async () => {
    const weaving = await makeTrade();
    const wood = await makeTrade();
    const { enrollmentId } = await makeEnrollment(weaving, { province: 'sefrou' });
    const near = await makeHost(weaving, { name: 'Near', province: 'Sefrou', capacity: 2 });
    const nearBusyElsewhere = await makeHost(weaving, {
      name: 'Near busy on Mondays',
      province: 'Sefrou',
      capacity: 1,
    });
    const region = await makeHost(weaving, { name: 'Region', province: 'Meknès', capacity: 5 });
    const regionSmall = await makeHost(weaving, { name: 'Region small', province: 'Fès', capacity: 1 });
    const far = await makeHost(weaving, { name: 'Far', province: 'Marrakech', capacity: 4 });
    const full = await makeHost(weaving, { name: 'Full', province: 'Sefrou', capacity: 1 });
    const paused = await makeHost(weaving, { name: 'Paused', province: 'Sefrou', capacity: 9 });
    const otherTrade = await makeHost(wood, { name: 'Other trade', province: 'Sefrou', capacity: 9 });
    await t.gql(SET_STATUS, { input: { id: paused.id, status: 'PAUSED', reason: 'Congé' } }, asA());
    // Full on one Wednesday of the wanted weeks; busy only on Mondays, which the trainee is not there.
    await place(full.id, weaving, { startsOn: '2030-03-13', endsOn: '2030-03-13', weekdays: [3] });
    await place(nearBusyElsewhere.id, weaving, {
      startsOn: '2030-03-01',
      endsOn: '2030-04-30',
      weekdays: [1],
    });
    // One of two places taken at the nearest host.
    await place(near.id, weaving, { startsOn: '2030-03-01', endsOn: '2030-03-31', weekdays: [2, 3, 4, 5] });

    const result = await t.gql(
      SUGGEST,
      { enrollmentId, startsOn: '2030-03-04', endsOn: '2030-03-29' },
      asA(),
    );
    expect(result.errors).toBeUndefined();
    expect(
      result.data.hostSuggestions.map((s: { host: Host; freePlaces: number; distance: number }) => [
        s.host.name,
        s.freePlaces,
        s.distance,
      ]),
    ).toEqual([
      ['Near', 1, 0],
      ['Near busy on Mondays', 1, 0],
      ['Region', 5, 1],
      ['Region small', 1, 1],
      ['Far', 4, 2],
    ]);
    const suggested = result.data.hostSuggestions.map((s: { host: Host }) => s.host.id);
    expect(suggested).toEqual([near.id, nearBusyElsewhere.id, region.id, regionSmall.id, far.id]);
    for (const excluded of [full, paused, otherTrade]) expect(suggested).not.toContain(excluded.id);

    // Asked for Mondays only, the host busy on Mondays is full and the full one is free.
    const mondays = await t.gql(
      SUGGEST,
      { enrollmentId, startsOn: '2030-03-04', endsOn: '2030-03-29', weekdays: [1] },
      asA(),
    );
    const onMondays = mondays.data.hostSuggestions.map((s: { host: Host }) => s.host.name);
    expect(onMondays).toContain('Full');
    expect(onMondays).not.toContain('Near busy on Mondays');
    expect(onMondays).toContain('Near');
  });

  it('refuses what cannot be placed, and tenant B cannot see A’s trainee', async () => {
    const tradeId = await makeTrade();
    const { enrollmentId } = await makeEnrollment(tradeId);
    const applied = await makeEnrollment(tradeId, { status: 'APPLIED' });
    const admitted = await makeEnrollment(tradeId, { status: 'ADMITTED', province: null });
    await makeHost(tradeId, { province: 'Fès' });
    const ask = (vars: Record<string, unknown>, as = asA()) =>
      t.gql(SUGGEST, { enrollmentId, startsOn: '2030-03-04', endsOn: '2030-03-29', ...vars }, as);
    const codeOf = (r: { errors?: { extensions?: unknown }[] }) => r.errors?.[0]?.extensions;

    expect(codeOf(await ask({ enrollmentId: applied.enrollmentId }))).toMatchObject({
      code: 'NOT_ENROLLED',
      field: 'enrollmentId',
    });
    expect(codeOf(await ask({ enrollmentId: newId() }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'enrollmentId',
    });
    expect(codeOf(await ask({}, asB()))).toMatchObject({ code: 'NOT_FOUND', field: 'enrollmentId' });
    expect(codeOf(await ask({ startsOn: '2030-04-01' }))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'endsOn',
    });
    expect(codeOf(await ask({ startsOn: '2029-08-01' }))).toMatchObject({
      code: 'OUTSIDE_COHORT_DATES',
      field: 'startsOn',
    });
    expect(codeOf(await ask({ endsOn: '2031-07-01' }))).toMatchObject({
      code: 'OUTSIDE_COHORT_DATES',
      field: 'endsOn',
    });
    expect(codeOf(await ask({ weekdays: [0] }))).toMatchObject({ code: 'INVALID_INPUT', field: 'weekdays' });
    expect(codeOf(await ask({ weekdays: [2, 2] }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'weekdays',
    });
    // 2030-03-04 to 03-05 is a Monday and a Tuesday: no Saturday in it.
    expect(codeOf(await ask({ endsOn: '2030-03-05', weekdays: [6] }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'weekdays',
    });

    // An admitted trainee without a province gets every host as "elsewhere".
    const noProvince = await ask({ enrollmentId: admitted.enrollmentId });
    expect(noProvince.data.hostSuggestions).toEqual([
      { host: expect.objectContaining({ province: 'Fès' }), freePlaces: 3, distance: 2 },
    ]);
    // Tenant B has its own (empty) catalogue.
    expect((await t.gql(HOSTS, {}, asB())).data.hosts.totalCount).toBe(0);
  });
});
