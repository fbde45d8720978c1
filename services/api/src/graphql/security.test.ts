import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestApp, type TestEnv } from '../../test/app.js';
import { PASSWORD } from '../../test/fixtures.js';
import { buildApp, GRAPHQL_BODY_LIMIT } from '../app.js';
import { loadConfig } from '../config.js';
import { QUERY_LIMITS } from './limits.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
});
afterAll(() => close());

/** Everything a sign-in resolver would write: if these stay put, no resolver ran. */
async function writes(): Promise<number[]> {
  return Promise.all(
    (['auth_attempt', 'auth_event', 'session'] as const).map(
      async (table) =>
        (
          await db.owner
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
    ),
  );
}

const signIn = (alias = '') =>
  `${alias}signInWithPassword(input: { identifier: "${f.directorA.email}", password: "${PASSWORD}" }) { errors { code } }`;

function nested(depth: number): string {
  // user -> memberships -> user -> memberships ...: the schema allows any depth, the server does not.
  let selection = 'id';
  for (let level = depth - 1; level >= 0; level--) {
    selection = `${level % 2 === 0 ? 'memberships' : 'user'} { ${selection} }`;
  }
  return selection;
}

describe('refused before any resolver runs, with nothing written', () => {
  it('a query of depth 20', async () => {
    const before = await writes();
    const query = `mutation { signInWithPassword(input: { identifier: "${f.directorA.email}", password: "${PASSWORD}" }) {
      user { ${nested(20)} } errors { code } } }`;
    const result = await t.gql(query);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(JSON.stringify(result.errors)).toMatch(/depth/i);
    expect(await writes()).toEqual(before);
  });

  it('a query with 100 aliases', async () => {
    const before = await writes();
    const query = `mutation { ${Array.from({ length: 100 }, (_, i) => signIn(`a${i}: `)).join('\n')} }`;
    const result = await t.gql(query);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/Too many aliases/);
    expect(await writes()).toEqual(before);
  });

  it('a query with too many directives or tokens', async () => {
    const before = await writes();
    const fields = Array.from(
      { length: QUERY_LIMITS.directives + 1 },
      (_, i) => `c${i}: code @include(if: true)`,
    );
    const directives = await t.gql(
      `mutation { ${signIn().replace('errors { code }', `errors { ${fields.join(' ')} }`)} }`,
    );
    expect(directives.errors?.[0]?.message).toMatch(/Too many directives/);
    const tokens = `mutation { ${signIn()} } ${'#\n'.repeat(10)}`.replace(
      'code',
      Array(QUERY_LIMITS.tokens).fill('code').join(' '),
    );
    const result = await t.gql(tokens);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.errors)).toMatch(/tokens/);
    expect(await writes()).toEqual(before);
  });

  it('a mutation sent as text/plain, as a form post, or over GET, and a batch', async () => {
    const before = await writes();
    const mutation = `mutation { ${signIn()} }`;
    const textPlain = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: mutation }),
    });
    expect(textPlain.statusCode).toBeGreaterThanOrEqual(400);
    const form = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `query=${encodeURIComponent(mutation)}`,
    });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    const get = await t.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(mutation)}`,
      headers: { 'x-mercurius-operation-name': 'x', 'content-type': 'application/json' },
    });
    expect(get.statusCode).toBeGreaterThanOrEqual(400);
    const batch = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: mutation }, { query: mutation }]),
    });
    expect(batch.statusCode).toBeGreaterThanOrEqual(400);
    expect(await writes()).toEqual(before);
    // The same mutation, sent properly, does write: the checks above were not vacuous.
    expect((await t.gql(mutation)).data.signInWithPassword.errors).toEqual([]);
    expect(await writes()).not.toEqual(before);
  });

  it('a body larger than the limit (room for a 5 MB file on /graphql, little elsewhere)', async () => {
    const post = (url: string, size: number) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(size) } }),
      });
    expect((await post('/graphql', GRAPHQL_BODY_LIMIT + 1)).statusCode).toBe(413);
    // A 5 MB file in base64 fits.
    expect((await post('/graphql', Math.ceil((5 * 1024 * 1024 * 4) / 3))).statusCode).toBe(200);
    expect((await post('/health/live', 300 * 1024)).statusCode).toBe(413);
  });
});

describe('in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp(db, { nodeEnv: 'production' });
  });
  afterAll(async () => {
    await prod.app.close();
  });

  it('turns introspection, GraphiQL and "did you mean" off', async () => {
    const introspection = await prod.gql(`{ __schema { types { name } } }`);
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await prod.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
    const typo = await prod.gql(`{ mee { id } }`);
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query".');
    // ...which development keeps, as it keeps GraphiQL.
    expect((await t.gql(`{ mee { id } }`)).errors?.[0]?.message).toMatch(/Did you mean "me"/);
    const dev = await createTestApp(db, { nodeEnv: 'development' });
    try {
      expect((await dev.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(200);
    } finally {
      await dev.app.close();
    }
  });

  it('masks a database error: no SQL, no stack, no personal data', async () => {
    const token = await prod.signIn(f.directorA.email);
    await sql`alter table membership rename to membership_moved`.execute(db.owner);
    try {
      const result = await prod.gql(`{ currentTenant { id name } }`, {}, { token, tenantId: f.tenantA });
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'Une erreur est survenue. Réessayez plus tard.',
          extensions: { code: 'INTERNAL' },
        }),
      ]);
      const body = JSON.stringify(result);
      for (const leak of [
        'membership',
        'relation',
        'select',
        'at ',
        '.ts',
        f.directorA.id,
        f.directorA.email,
      ]) {
        expect(body).not.toContain(leak);
      }
    } finally {
      await sql`alter table membership_moved rename to membership`.execute(db.owner);
    }
  });

  it('sends security headers', async () => {
    const response = await prod.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age'),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });
});

describe('health', () => {
  it('is live, and ready while the database answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });

  it('is not ready while the database is unreachable', async () => {
    const url = new URL(db.appUrl);
    url.port = '1';
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      appDatabaseUrl: url.toString(),
      logger: false,
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'unavailable', reason: 'database' });
    } finally {
      await app.close();
    }
  });
});

describe('logs', () => {
  it('carry the request id and the tenant id', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logged = await createTestApp(db, { logger: { level: 'info', stream } as never });
    try {
      const token = await logged.signIn(f.directorA.email);
      await logged.gql(
        `{ currentTenant { id } }`,
        {},
        { token, tenantId: f.tenantA, headers: { 'x-request-id': 'req-test-0001' } },
      );
      const completed = lines.find((l) => l.reqId === 'req-test-0001' && l.msg === 'request completed');
      expect(completed).toMatchObject({ tenantId: f.tenantA, userId: f.directorA.id });
      expect(JSON.stringify(lines)).not.toContain(token);
    } finally {
      await logged.app.close();
    }
  });
});
