import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { deliverPending } from '../outbox/service.js';
import { purgeOldAttempts } from './rate-limit.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
});
// Every test starts with a clean rate-limit record, so they do not lock each other out.
beforeEach(async () => {
  await db.owner.deleteFrom('auth_attempt').execute();
});
afterAll(() => close());

const SIGN_IN = `mutation ($input: SignInWithPasswordInput!) {
  signInWithPassword(input: $input) { token expiresAt user { displayName } errors { code field message } }
}`;
const ME = `{ me { id displayName memberships { role tenant { id name } } } }`;
const REQUEST_CODE = `mutation ($phone: String!) { requestSignInCode(input: { phone: $phone }) { expiresAt errors { code field message } } }`;
const SIGN_IN_WITH_CODE = `mutation ($phone: String!, $code: String!) {
  signInWithCode(input: { phone: $phone, code: $code, returnToken: true }) { token user { id } errors { code field message } }
}`;

/** Sends a code to the phone and reads it back from the SMS the delivery adapter received. */
async function receiveCode(phone: string, ip = '10.0.0.1'): Promise<string> {
  const requested = await t.gql(REQUEST_CODE, { phone }, { ip });
  expect(requested.data.requestSignInCode.errors).toEqual([]);
  await deliverPending(t.app.deps.db, t.app.deps.delivery);
  const sms = t.sent.at(-1)!;
  expect(sms.recipient).toBe(f.artisanA.phone);
  return sms.body.match(/\d{6}/)![0];
}

describe('password sign-in', () => {
  it('signs in a director and `me` answers with their memberships over HTTP', async () => {
    const result = await t.gql(SIGN_IN, {
      input: { identifier: f.directorA.email, password: PASSWORD, returnToken: true },
    });
    expect(result.data.signInWithPassword.errors).toEqual([]);
    expect(result.data.signInWithPassword.user.displayName).toBe('Directeur A');
    const cookie = String(result.headers['set-cookie']);
    expect(cookie).toMatch(/maalem_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await t.gql(ME, {}, { token: result.data.signInWithPassword.token });
    expect(me.data.me).toMatchObject({
      id: f.directorA.id,
      memberships: [{ role: 'DIRECTOR', tenant: { id: f.tenantA } }],
    });

    // The web client's way: the cookie alone.
    const token = cookie.match(/maalem_session=([^;]+)/)![1]!;
    const viaCookie = await t.gql(ME, {}, { headers: { cookie: `maalem_session=${token}` } });
    expect(viaCookie.data.me.id).toBe(f.directorA.id);
  });

  it('does not return the token unless asked (web clients keep it in the httpOnly cookie)', async () => {
    const result = await t.gql(SIGN_IN, { input: { identifier: 'DIRECTEUR.A@test.ma', password: PASSWORD } });
    expect(result.data.signInWithPassword.errors).toEqual([]);
    expect(result.data.signInWithPassword.token).toBeNull();
  });

  it('answers a wrong password with a typed, translated error and no session', async () => {
    const before = await db.owner
      .selectFrom('session')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [locale, message] of [
      ['fr', 'Identifiant ou mot de passe incorrect.'],
      ['ar', 'المعرف أو كلمة المرور غير صحيحة.'],
    ] as const) {
      const result = await t.gql(
        SIGN_IN,
        { input: { identifier: f.directorB.email, password: 'wrong password' } },
        { locale, ip: `10.1.0.${locale.length}` },
      );
      expect(result.data.signInWithPassword).toMatchObject({
        user: null,
        token: null,
        errors: [{ code: 'INVALID_CREDENTIALS', message }],
      });
    }
    const after = await db.owner
      .selectFrom('session')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('gives an unknown account the same answer as a wrong password', async () => {
    const result = await t.gql(
      SIGN_IN,
      { input: { identifier: 'nobody@test.ma', password: PASSWORD } },
      { ip: '10.2.0.1' },
    );
    expect(result.data.signInWithPassword.errors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an identity after five failures, even for the right password, and counts per IP too', async () => {
    const tooMany = async (identifier: string, password: string, ip: string) =>
      (await t.gql(SIGN_IN, { input: { identifier, password } }, { ip })).data.signInWithPassword.errors[0]
        ?.code;
    for (let i = 0; i < 5; i++)
      expect(await tooMany(f.directorB.email, 'nope', `10.3.0.${i}`)).toBe('INVALID_CREDENTIALS');
    expect(await tooMany(f.directorB.email, PASSWORD, '10.3.1.1')).toBe('TOO_MANY_ATTEMPTS');

    // One IP trying many identities is stopped as well.
    for (let i = 0; i < 20; i++)
      expect(await tooMany(`someone${i}@test.ma`, 'nope', '10.4.0.1')).toBe('INVALID_CREDENTIALS');
    expect(await tooMany(f.directorA.email, PASSWORD, '10.4.0.1')).toBe('TOO_MANY_ATTEMPTS');
    expect(await tooMany(f.directorA.email, PASSWORD, '10.4.0.2')).toBeUndefined();
  });
});

describe('sessions', () => {
  it('reports an expired session as SESSION_EXPIRED', async () => {
    const token = await t.signIn(f.directorA.email);
    await db.owner
      .updateTable('session')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('user_id', '=', f.directorA.id)
      .where('revoked_at', 'is', null)
      .execute();
    const me = await t.gql(ME, {}, { token });
    expect(me.data).toEqual({ me: null });
    expect(me.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
    expect(me.errors?.[0]?.message).toBe('Votre session a expiré. Veuillez vous reconnecter.');
  });

  it('revokes the session on sign-out: the token then gets SESSION_REVOKED', async () => {
    const token = await t.signIn(f.directorA.email);
    const out = await t.gql(`mutation { signOut { signedOut errors { code } } }`, {}, { token });
    expect(out.data.signOut).toEqual({ signedOut: true, errors: [] });
    expect(String(out.headers['set-cookie'])).toMatch(/maalem_session=;/);
    const me = await t.gql(ME, {}, { token });
    expect(me.errors?.[0]?.extensions?.code).toBe('SESSION_REVOKED');
  });

  it('treats a made-up token as revoked and no token as signed out', async () => {
    expect((await t.gql(ME, {}, { token: 'made-up' })).errors?.[0]?.extensions?.code).toBe('SESSION_REVOKED');
    expect((await t.gql(ME)).data).toEqual({ me: null });
  });

  it('stores only a hash of the token', async () => {
    const token = await t.signIn(f.directorA.email);
    const stored = await db.owner.selectFrom('session').select('token_hash').execute();
    expect(stored.every((s) => !s.token_hash.toString('base64url').includes(token))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});

describe('one-time code sign-in', () => {
  it('sends a code by SMS through the outbox, in the person’s language, and signs in with it', async () => {
    const code = await receiveCode('06 61 23 45 67');
    expect(t.sent.at(-1)!.body).toContain('رمز الدخول');
    const result = await t.gql(SIGN_IN_WITH_CODE, { phone: '+212 661 234 567', code }, { ip: '10.5.0.1' });
    expect(result.data.signInWithCode.errors).toEqual([]);
    expect(result.data.signInWithCode.user.id).toBe(f.artisanA.id);
    const me = await t.gql(ME, {}, { token: result.data.signInWithCode.token });
    expect(me.data.me.memberships).toEqual([
      { role: 'HOST_ARTISAN', tenant: { id: f.tenantA, name: 'Centre A' } },
    ]);
  });

  it('refuses a code used twice with CODE_USED', async () => {
    const code = await receiveCode(f.artisanA.phone, '10.6.0.1');
    expect(
      (await t.gql(SIGN_IN_WITH_CODE, { phone: f.artisanA.phone, code }, { ip: '10.6.0.2' })).data
        .signInWithCode.errors,
    ).toEqual([]);
    const again = await t.gql(SIGN_IN_WITH_CODE, { phone: f.artisanA.phone, code }, { ip: '10.6.0.3' });
    expect(again.data.signInWithCode).toMatchObject({
      token: null,
      errors: [{ code: 'CODE_USED', field: 'code' }],
    });
  });

  it('refuses an expired code with CODE_EXPIRED', async () => {
    const code = await receiveCode(f.artisanA.phone, '10.7.0.1');
    await db.owner
      .updateTable('one_time_code')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('used_at', 'is', null)
      .execute();
    const result = await t.gql(
      SIGN_IN_WITH_CODE,
      { phone: f.artisanA.phone, code },
      { ip: '10.7.0.2', locale: 'ar' },
    );
    expect(result.data.signInWithCode.errors).toEqual([
      { code: 'CODE_EXPIRED', field: 'code', message: 'انتهت صلاحية هذا الرمز. اطلب رمزا جديدا.' },
    ]);
  });

  it('refuses a wrong code, then stops guessing after five failures', async () => {
    const code = await receiveCode(f.artisanA.phone, '10.8.0.1');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const result = await t.gql(
        SIGN_IN_WITH_CODE,
        { phone: f.artisanA.phone, code: wrong },
        { ip: `10.8.1.${i}` },
      );
      expect(result.data.signInWithCode.errors[0].code).toBe('CODE_INVALID');
    }
    const right = await t.gql(SIGN_IN_WITH_CODE, { phone: f.artisanA.phone, code }, { ip: '10.8.2.1' });
    expect(right.data.signInWithCode.errors[0].code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('limits how many codes one phone can ask for', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await t.gql(REQUEST_CODE, { phone: f.artisanA.phone }, { ip: `10.9.0.${i}` });
      expect(ok.data.requestSignInCode.errors).toEqual([]);
    }
    const fourth = await t.gql(REQUEST_CODE, { phone: f.artisanA.phone }, { ip: '10.9.0.9' });
    expect(fourth.data.requestSignInCode.errors[0].code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('answers an unknown number like a known one, but sends nothing', async () => {
    const queued = await db.owner.selectFrom('outbox_message').select('id').execute();
    const result = await t.gql(REQUEST_CODE, { phone: '0699999999' }, { ip: '10.10.0.1' });
    expect(result.data.requestSignInCode.errors).toEqual([]);
    expect(result.data.requestSignInCode.expiresAt).toEqual(expect.any(String));
    expect(await db.owner.selectFrom('outbox_message').select('id').execute()).toHaveLength(queued.length);
  });

  it('rejects a malformed phone number with INVALID_PHONE on the phone field', async () => {
    const result = await t.gql(REQUEST_CODE, { phone: '12ab' }, { ip: '10.11.0.1' });
    expect(result.data.requestSignInCode.errors).toEqual([
      {
        code: 'INVALID_PHONE',
        field: 'phone',
        message: 'Ce numéro de téléphone n’est pas valide (ex. 06 12 34 56 78).',
      },
    ]);
  });
});

describe('clean-up', () => {
  it('drops sign-in attempts older than a day, and only those', async () => {
    await t.gql(SIGN_IN, { input: { identifier: f.directorA.email, password: 'nope' } }, { ip: '10.12.0.1' });
    await db.owner.updateTable('auth_attempt').set({ at: sql<Date>`now() - interval '2 days'` }).execute();
    await t.gql(SIGN_IN, { input: { identifier: f.directorA.email, password: 'nope' } }, { ip: '10.12.0.2' });
    expect(await purgeOldAttempts(t.app.deps.db)).toBe(2);
    expect(await db.owner.selectFrom('auth_attempt').select('key').execute()).toHaveLength(2);
  });
});
