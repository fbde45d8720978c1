import type { Database } from '../../db/connect.js';
import { type Tx, withUser } from '../../db/with-tenant.js';
import { UserError } from '../../graphql/errors.js';
import { newId } from '../../lib/ids.js';
import { enqueueMessage } from '../outbox/service.js';
import { verifyPassword } from './password.js';
import { normalizePhone } from './phone.js';
import { isRateLimited, recordAttempt } from './rate-limit.js';
import { createSession, revokeSession } from './sessions.js';
import { hashSignInCode, newSignInCode } from './tokens.js';

export const CODE_TTL_MINUTES = 10;
/** Wrong guesses one code survives before it is burnt. */
const CODE_MAX_FAILURES = 5;

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** Multiplies the sign-in attempt limits (config AUTH_RATE_LIMIT_FACTOR). */
  rateLimitFactor: number;
}

export interface SignedIn {
  userId: string;
  sessionId: string;
  token: string;
  expiresAt: Date;
}

async function recordAuthEvent(tx: Tx, userId: string | null, action: string, client: ClientInfo) {
  await tx
    .insertInto('auth_event')
    .values({ id: newId(), user_id: userId, action, ip: client.ip, request_id: client.requestId })
    .execute();
}

/**
 * Each sign-in step decides inside one transaction and records the attempt there, then throws
 * only after commit: a failed attempt must still count towards the rate limit.
 */
async function attempt<T>(db: Database, fn: (tx: Tx) => Promise<T | UserError>): Promise<T> {
  const outcome = await withUser(db, null, fn);
  if (outcome instanceof UserError) throw outcome;
  return outcome;
}

/** E-mail or phone: how the person typed it, reduced to how it is stored. */
function parseIdentifier(identifier: string): { email: string } | { phone: string } | null {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return { email: trimmed.toLowerCase() };
  const phone = normalizePhone(trimmed);
  return phone ? { phone } : null;
}

export async function signInWithPassword(
  db: Database,
  input: { identifier: string; password: string },
  client: ClientInfo,
): Promise<SignedIn> {
  const id = parseIdentifier(input.identifier);
  if (!id) throw new UserError('INVALID_CREDENTIALS', 'identifier');
  const identity = 'email' in id ? id.email : id.phone;
  return attempt(db, async (tx) => {
    if (await isRateLimited(tx, 'PASSWORD', identity, client)) {
      await recordAttempt(tx, 'PASSWORD', identity, client.ip, false);
      return new UserError('TOO_MANY_ATTEMPTS');
    }
    const user = await tx
      .selectFrom('app_user')
      .select(['id', 'password_hash', 'disabled_at'])
      .$if('email' in id, (qb) => qb.where((eb) => eb(eb.fn('lower', ['email']), '=', identity)))
      .$if('phone' in id, (qb) => qb.where('phone', '=', identity))
      .executeTakeFirst();
    const ok = (await verifyPassword(user?.password_hash ?? null, input.password)) && !user?.disabled_at;
    await recordAttempt(tx, 'PASSWORD', identity, client.ip, ok);
    if (!ok || !user) {
      await recordAuthEvent(tx, user?.id ?? null, 'sign_in.password.failed', client);
      return new UserError('INVALID_CREDENTIALS');
    }
    const session = await createSession(tx, user.id, client);
    await recordAuthEvent(tx, user.id, 'sign_in.password', client);
    return { userId: user.id, ...session };
  });
}

/**
 * Sends a sign-in code by SMS through the outbox. Answers the same whether or not the number
 * belongs to someone, so the form cannot be used to find out who uses Maalem.
 */
export async function requestSignInCode(
  db: Database,
  input: { phone: string },
  client: ClientInfo,
): Promise<{ expiresAt: Date }> {
  const phone = normalizePhone(input.phone);
  if (!phone) throw new UserError('INVALID_PHONE', 'phone');
  const expiresAt = new Date(Date.now() + CODE_TTL_MINUTES * 60_000);
  return attempt(db, async (tx) => {
    if (await isRateLimited(tx, 'CODE_REQUEST', phone, client)) {
      return new UserError('TOO_MANY_ATTEMPTS');
    }
    await recordAttempt(tx, 'CODE_REQUEST', phone, client.ip, true);
    const user = await tx
      .selectFrom('app_user')
      .select(['id', 'locale'])
      .where('phone', '=', phone)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!user) return { expiresAt };
    const code = newSignInCode();
    const codeId = newId();
    await tx
      .insertInto('one_time_code')
      .values({
        id: codeId,
        user_id: user.id,
        code_hash: hashSignInCode(codeId, code),
        expires_at: expiresAt,
      })
      .execute();
    const body =
      user.locale === 'fr-MA'
        ? `Maalem : votre code de connexion est ${code}. Il expire dans ${CODE_TTL_MINUTES} minutes.`
        : `معلم: رمز الدخول الخاص بك هو ${code}. صالح لمدة ${CODE_TTL_MINUTES} دقائق.`;
    await enqueueMessage(tx, { channel: 'SMS', recipient: phone, template: 'sign_in_code', body });
    await recordAuthEvent(tx, user.id, 'sign_in.code_requested', client);
    return { expiresAt };
  });
}

export async function signInWithCode(
  db: Database,
  input: { phone: string; code: string },
  client: ClientInfo,
): Promise<SignedIn> {
  const phone = normalizePhone(input.phone);
  if (!phone) throw new UserError('INVALID_PHONE', 'phone');
  const code = input.code.replace(/\s/g, '');
  return attempt(db, async (tx) => {
    if (await isRateLimited(tx, 'CODE_VERIFY', phone, client)) {
      await recordAttempt(tx, 'CODE_VERIFY', phone, client.ip, false);
      return new UserError('TOO_MANY_ATTEMPTS');
    }
    const candidates = await tx
      .selectFrom('one_time_code')
      .innerJoin('app_user', 'app_user.id', 'one_time_code.user_id')
      .select([
        'one_time_code.id',
        'one_time_code.user_id',
        'one_time_code.code_hash',
        'one_time_code.expires_at',
        'one_time_code.used_at',
        'one_time_code.failed_attempts',
      ])
      .where('app_user.phone', '=', phone)
      .where('app_user.disabled_at', 'is', null)
      .where('one_time_code.created_at', '>', new Date(Date.now() - 24 * 3600 * 1000))
      .orderBy('one_time_code.created_at', 'desc')
      .forUpdate()
      .execute();
    const match = candidates.find((c) => c.code_hash.equals(hashSignInCode(c.id, code)));
    const now = Date.now();
    const usable = match && !match.used_at && match.expires_at.getTime() > now;
    const burnt = match && match.failed_attempts >= CODE_MAX_FAILURES;
    await recordAttempt(tx, 'CODE_VERIFY', phone, client.ip, Boolean(usable && !burnt));
    if (!match) {
      const latest = candidates.find((c) => !c.used_at && c.expires_at.getTime() > now);
      if (latest) {
        await tx
          .updateTable('one_time_code')
          .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
          .where('id', '=', latest.id)
          .execute();
      }
      return new UserError('CODE_INVALID', 'code');
    }
    if (match.used_at) return new UserError('CODE_USED', 'code');
    if (burnt) return new UserError('TOO_MANY_ATTEMPTS', 'code');
    if (match.expires_at.getTime() <= now) return new UserError('CODE_EXPIRED', 'code');
    await tx.updateTable('one_time_code').set({ used_at: new Date() }).where('id', '=', match.id).execute();
    const session = await createSession(tx, match.user_id, client);
    await recordAuthEvent(tx, match.user_id, 'sign_in.code', client);
    return { userId: match.user_id, ...session };
  });
}

export async function signOut(
  db: Database,
  sessionId: string,
  userId: string,
  client: ClientInfo,
): Promise<void> {
  await withUser(db, userId, async (tx) => {
    await revokeSession(tx, sessionId);
    await recordAuthEvent(tx, userId, 'sign_out', client);
  });
}

export interface UserRow {
  id: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
}

export async function usersByIds(db: Database, ids: readonly string[]): Promise<Map<string, UserRow>> {
  if (ids.length === 0) return new Map();
  const rows = await withUser(db, null, (tx) =>
    tx
      .selectFrom('app_user')
      .select(['id', 'display_name', 'email', 'phone', 'locale'])
      .where('id', 'in', [...new Set(ids)])
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r]));
}
