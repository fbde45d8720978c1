import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestEnv } from '../../../test/app.js';
import { connect, type Database } from '../../db/connect.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let tokenA: string;
let tokenB: string;
/** Connected as the service's own role, exactly as the API connects. */
let service: Database;

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  service = connect(db.appUrl, { max: 2 });
  tokenA = await t.signIn(f.directorA.email);
  tokenB = await t.signIn(f.directorB.email);
});
afterAll(async () => {
  await service.destroy();
  await close();
});

const MEMBERS = `{ currentTenant { id name } members(first: 50) { totalCount edges { node { role user { id } tenant { id } } } } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) {
  addMember(input: $input) { membership { id role user { displayName phone } tenant { id } } errors { code field message } }
}`;

const count = async (table: 'app_user' | 'membership' | 'audit_event', tenantId?: string) => {
  const run = (q: Database | Parameters<Parameters<typeof withTenant>[2]>[0]) =>
    q
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  return (tenantId ? await withTenant(db.owner, tenantId, run) : await run(db.owner)).n;
};

describe('tenant isolation through GraphQL', () => {
  it('shows a member their own tenant’s members only', async () => {
    const result = await t.gql(MEMBERS, {}, { token: tokenA, tenantId: f.tenantA });
    expect(result.data.currentTenant).toEqual({ id: f.tenantA, name: 'Centre A' });
    const tenants = result.data.members.edges.map(
      (e: { node: { tenant: { id: string } } }) => e.node.tenant.id,
    );
    expect(tenants).toEqual([f.tenantA, f.tenantA]);
    expect(result.data.members.totalCount).toBe(2);
  });

  it('refuses a member of A who asks for tenant B, with a clear error and no data', async () => {
    const result = await t.gql(MEMBERS, {}, { token: tokenA, tenantId: f.tenantB });
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('NOT_A_MEMBER');
    expect(JSON.stringify(result)).not.toContain('Centre B');
    expect(JSON.stringify(result)).not.toContain(f.directorB.id);
  });

  it('refuses to write into tenant B for a member of A', async () => {
    const before = await count('membership', f.tenantB);
    const result = await t.gql(
      ADD_MEMBER,
      { input: { displayName: 'Intrus', phone: '0611111111', role: 'DIRECTOR' } },
      { token: tokenA, tenantId: f.tenantB },
    );
    expect(result.data.addMember.errors[0].code).toBe('NOT_A_MEMBER');
    expect(await count('membership', f.tenantB)).toBe(before);
  });

  it('asks for a tenant when none is named, and treats a malformed one as not a member', async () => {
    expect((await t.gql(MEMBERS, {}, { token: tokenA })).errors?.[0]?.extensions?.code).toBe(
      'TENANT_REQUIRED',
    );
    expect((await t.gql(MEMBERS, {}, { token: tokenA, tenantId: 'x' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_A_MEMBER',
    );
    expect((await t.gql(MEMBERS, {}, { tenantId: f.tenantA })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('tenant isolation in PostgreSQL, through the service role', () => {
  it('returns nothing from tenant tables when no tenant is set', async () => {
    const rows = await service.transaction().execute(async (tx) => ({
      memberships: await tx.selectFrom('membership').selectAll().execute(),
      audit: await tx.selectFrom('audit_event').selectAll().execute(),
    }));
    expect(rows).toEqual({ memberships: [], audit: [] });
    // Also after a transaction on the same pooled connection set a tenant: the setting does not leak.
    const single = connect(db.appUrl, { max: 1 });
    try {
      await withTenant(single, f.tenantA, (tx) => tx.selectFrom('membership').selectAll().execute());
      expect(await single.selectFrom('membership').selectAll().execute()).toEqual([]);
    } finally {
      await single.destroy();
    }
  });

  it('cannot read, insert, update or delete tenant B’s rows while scoped to A', async () => {
    await withTenant(service, f.tenantA, async (tx) => {
      const seen = await tx.selectFrom('membership').select('tenant_id').execute();
      expect(new Set(seen.map((r) => r.tenant_id))).toEqual(new Set([f.tenantA]));
      expect(
        await tx.selectFrom('membership').selectAll().where('tenant_id', '=', f.tenantB).execute(),
      ).toEqual([]);
      const updated = await tx
        .updateTable('membership')
        .set({ role: 'TRAINEE' })
        .where('tenant_id', '=', f.tenantB)
        .executeTakeFirst();
      expect(updated.numUpdatedRows).toBe(0n);
      const deleted = await tx.deleteFrom('membership').where('tenant_id', '=', f.tenantB).executeTakeFirst();
      expect(deleted.numDeletedRows).toBe(0n);
    });
    await expect(
      withTenant(service, f.tenantA, (tx) =>
        tx
          .insertInto('membership')
          .values({ tenant_id: f.tenantB, id: newId(), user_id: f.directorA.id, role: 'DIRECTOR' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // A row of A cannot be moved into B either.
    await expect(
      withTenant(service, f.tenantA, (tx) =>
        tx.updateTable('membership').set({ tenant_id: f.tenantB }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await count('membership', f.tenantB)).toBe(1);
  });

  it('cannot switch row-level security off, nor write the shared tables or the audit trail', async () => {
    await expect(sql`alter table membership disable row level security`.execute(service)).rejects.toThrow(
      /owner/,
    );
    await expect(sql`update tenant set name = 'x'`.execute(service)).rejects.toThrow(/permission denied/);
    await expect(
      withTenant(service, f.tenantA, (tx) => sql`delete from audit_event`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('addMember', () => {
  it('adds a phone-only artisan, reusing no one, and audits it in the same transaction', async () => {
    const result = await t.gql(
      ADD_MEMBER,
      { input: { displayName: 'Maâlem Hassan', phone: '06 55 44 33 22', role: 'HOST_ARTISAN' } },
      { token: tokenA, tenantId: f.tenantA },
    );
    expect(result.data.addMember.errors).toEqual([]);
    expect(result.data.addMember.membership).toMatchObject({
      role: 'HOST_ARTISAN',
      user: { displayName: 'Maâlem Hassan', phone: '+212655443322' },
      tenant: { id: f.tenantA },
    });
    const audit = await withTenant(db.owner, f.tenantA, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('action', '=', 'membership.added').execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_user_id: f.directorA.id,
      entity_ids: [result.data.addMember.membership.id, expect.any(String)],
    });
  });

  it('reuses the person when the phone is already known, and refuses the same role twice', async () => {
    const users = await count('app_user');
    const input = { displayName: 'المعلم', phone: f.artisanA.phone, role: 'TRAINEE' };
    const first = await t.gql(ADD_MEMBER, { input }, { token: tokenA, tenantId: f.tenantA });
    expect(first.data.addMember.errors).toEqual([]);
    expect(await count('app_user')).toBe(users);
    const second = await t.gql(ADD_MEMBER, { input }, { token: tokenA, tenantId: f.tenantA, locale: 'ar' });
    expect(second.data.addMember.errors).toEqual([
      { code: 'ALREADY_MEMBER', field: 'role', message: 'لهذا الشخص هذا الدور في هذا المركز مسبقا.' },
    ]);
  });

  it.each([
    [{ displayName: 'X', phone: '0611111111', role: 'TRAINEE' }, 'INVALID_INPUT', 'displayName'],
    [{ displayName: 'Nadia', phone: '123', role: 'TRAINEE' }, 'INVALID_PHONE', 'phone'],
    [{ displayName: 'Nadia', email: 'nadia@', role: 'TRAINEE' }, 'INVALID_EMAIL', 'email'],
    [{ displayName: 'Nadia', role: 'TRAINEE' }, 'INVALID_INPUT', 'phone'],
    [
      { displayName: 'Nadia', email: 'n@test.ma', password: 'short', role: 'COORDINATOR' },
      'PASSWORD_TOO_SHORT',
      'password',
    ],
    [{ displayName: 'Nadia', email: 'n@test.ma', role: 'NETWORK_ADMIN' }, 'FORBIDDEN', 'role'],
    [
      { displayName: 'Nadia', email: 'directeur.b@test.ma', phone: '+212661234567', role: 'TRAINEE' },
      'IDENTITY_CONFLICT',
      'phone',
    ],
  ])('rejects %j with %s on %s and writes nothing', async (input, code, field) => {
    const before = [
      await count('app_user'),
      await count('membership', f.tenantA),
      await count('audit_event', f.tenantA),
    ];
    const result = await t.gql(ADD_MEMBER, { input }, { token: tokenA, tenantId: f.tenantA });
    expect(result.data.addMember).toMatchObject({ membership: null, errors: [{ code, field }] });
    expect([
      await count('app_user'),
      await count('membership', f.tenantA),
      await count('audit_event', f.tenantA),
    ]).toEqual(before);
  });

  it('is for directors only', async () => {
    const artisanToken = await t.signInByCode(f.artisanA.phone);
    const result = await t.gql(
      ADD_MEMBER,
      { input: { displayName: 'Nadia', phone: '0622222222', role: 'TRAINEE' } },
      { token: artisanToken, tenantId: f.tenantA },
    );
    expect(result.data.addMember.errors[0].code).toBe('FORBIDDEN');
    expect(
      (await t.gql(MEMBERS, {}, { token: artisanToken, tenantId: f.tenantA })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('leaves no person, membership nor audit event behind when it fails halfway', async () => {
    // Make the last write of the transaction (the audit event) fail, after the user and membership rows.
    await sql`create function fail_audit() returns trigger language plpgsql as $$
              begin raise exception 'audit store unavailable'; end $$`.execute(db.owner);
    await sql`create trigger fail_audit before insert on audit_event for each row execute function fail_audit()`.execute(
      db.owner,
    );
    try {
      const before = [
        await count('app_user'),
        await count('membership', f.tenantA),
        await count('audit_event', f.tenantA),
      ];
      const result = await t.gql(
        ADD_MEMBER,
        { input: { displayName: 'Yassine', phone: '0633333333', role: 'TRAINEE' } },
        { token: tokenA, tenantId: f.tenantA },
      );
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'Une erreur est survenue. Réessayez plus tard.',
          extensions: { code: 'INTERNAL' },
        }),
      ]);
      expect(JSON.stringify(result)).not.toContain('audit store unavailable');
      expect([
        await count('app_user'),
        await count('membership', f.tenantA),
        await count('audit_event', f.tenantA),
      ]).toEqual(before);
      expect(
        await db.owner.selectFrom('app_user').select('id').where('phone', '=', '+212633333333').execute(),
      ).toEqual([]);
    } finally {
      await sql`drop trigger fail_audit on audit_event`.execute(db.owner);
    }
  });
});

describe('under concurrency', () => {
  it('answers 500 requests alternating between two tenants, 20 at a time on a pool of 2, each with its own tenant only', async () => {
    const small = await createTestApp(db, { poolMax: 2 });
    try {
      const callers = [
        { token: tokenA, tenantId: f.tenantA, name: 'Centre A', members: [f.directorA.id, f.artisanA.id] },
        { token: tokenB, tenantId: f.tenantB, name: 'Centre B', members: [f.directorB.id] },
      ];
      const query = `{ currentTenant { id name } members(first: 100) { edges { node { tenant { id } user { id } } } } }`;
      let wrong = 0;
      for (let batch = 0; batch < 25; batch++) {
        const results = await Promise.all(
          Array.from({ length: 20 }, async (_, i) => {
            const caller = callers[(batch * 20 + i) % 2]!;
            const r = await small.gql(query, {}, { token: caller.token, tenantId: caller.tenantId });
            return { caller, r };
          }),
        );
        for (const { caller, r } of results) {
          const edges: { node: { tenant: { id: string }; user: { id: string } } }[] =
            r.data?.members?.edges ?? [];
          const ok =
            !r.errors &&
            r.data.currentTenant.id === caller.tenantId &&
            r.data.currentTenant.name === caller.name &&
            edges.every((e) => e.node.tenant.id === caller.tenantId) &&
            edges.some((e) => caller.members.includes(e.node.user.id));
          if (!ok) wrong++;
        }
      }
      expect(wrong).toBe(0);
    } finally {
      await small.app.close();
    }
  });
});
