import type { InjectOptions } from 'fastify';
import { type App, buildApp } from '../src/app.js';
import { loadConfig, type NodeEnv } from '../src/config.js';
import { memoryDelivery } from '../src/modules/outbox/delivery.js';
import { deliverPending } from '../src/modules/outbox/service.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { createFixture, type Fixture, PASSWORD } from './fixtures.js';

export interface TestApp {
  app: App;
  sent: ReturnType<typeof memoryDelivery>['sent'];
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked by assertions, not by types.
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GqlResult<T>>;
  signIn(identifier: string, password?: string): Promise<string>;
  /** Signs a phone-only person in with the code the SMS adapter received; returns the token. */
  signInByCode(phone: string): Promise<string>;
}

export interface Caller {
  token?: string;
  tenantId?: string;
  locale?: 'ar' | 'fr';
  ip?: string;
  headers?: Record<string, string>;
}

export interface GqlResult<T> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  headers: Record<string, unknown>;
}

/** The real service over a test database, answering through fastify's inject (real HTTP stack). */
export async function createTestApp(
  db: TestDatabase,
  options: {
    nodeEnv?: NodeEnv;
    poolMax?: number;
    logger?: Parameters<typeof buildApp>[0]['logger'];
    /** Told of every SQL statement the service sends, to count them. */
    onQuery?: (sql: string) => void;
  } = {},
): Promise<TestApp> {
  const delivery = memoryDelivery();
  const config = {
    ...loadConfig({ NODE_ENV: options.nodeEnv ?? 'test', LOG_LEVEL: 'silent' }),
    dbPoolMax: options.poolMax ?? 4,
  };
  const app = await buildApp({
    config,
    appDatabaseUrl: db.appUrl,
    delivery,
    logger: options.logger ?? false,
    onQuery: options.onQuery,
  });

  const gql: TestApp['gql'] = async (query, variables, as = {}) => {
    const request: InjectOptions = {
      method: 'POST',
      url: '/graphql',
      remoteAddress: as.ip ?? '127.0.0.1',
      headers: {
        'content-type': 'application/json',
        'accept-language': as.locale ?? 'fr',
        ...(as.token ? { authorization: `Bearer ${as.token}` } : {}),
        ...(as.tenantId ? { 'x-tenant-id': as.tenantId } : {}),
        ...as.headers,
      },
      payload: JSON.stringify({ query, variables }),
    };
    const response = await app.inject(request);
    const body = response.json();
    return { status: response.statusCode, data: body.data, errors: body.errors, headers: response.headers };
  };

  const signIn = async (identifier: string, password = PASSWORD) => {
    const result = await gql(
      `mutation ($input: SignInWithPasswordInput!) { signInWithPassword(input: $input) { token errors { code } } }`,
      { input: { identifier, password, returnToken: true } },
    );
    const token = result.data?.signInWithPassword?.token;
    if (!token) throw new Error(`sign-in failed for ${identifier}: ${JSON.stringify(result)}`);
    return token;
  };

  const signInByCode = async (phone: string) => {
    await gql(
      `mutation ($phone: String!) { requestSignInCode(input: { phone: $phone }) { errors { code } } }`,
      { phone },
    );
    await deliverPending(app.deps.db, delivery);
    const code = delivery.sent.at(-1)?.body.match(/\d{6}/)?.[0];
    const result = await gql(
      `mutation ($phone: String!, $code: String!) { signInWithCode(input: { phone: $phone, code: $code, returnToken: true }) { token } }`,
      { phone, code },
    );
    const token = result.data?.signInWithCode?.token;
    if (!token) throw new Error(`code sign-in failed for ${phone}: ${JSON.stringify(result)}`);
    return token;
  };

  return { app, sent: delivery.sent, gql, signIn, signInByCode };
}

export interface TestEnv {
  db: TestDatabase;
  t: TestApp;
  f: Fixture;
  close(): Promise<void>;
}

/** The usual start of a test file: its own database, the two-tenant fixture and the service. */
export async function openTestEnv(): Promise<TestEnv> {
  const db = await createTestDatabase();
  const f = await createFixture(db.owner);
  const t = await createTestApp(db);
  return {
    db,
    t,
    f,
    close: async () => {
      await t.app.close();
      await db.drop();
    },
  };
}
