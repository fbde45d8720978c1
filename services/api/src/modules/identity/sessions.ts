import type { Database } from '../../db/connect.js';
import { type Tx, withUser } from '../../db/with-tenant.js';
import type { AuthState } from '../../graphql/context.js';
import { newId } from '../../lib/ids.js';
import { hashToken, newSessionToken } from './tokens.js';

export const SESSION_TTL_DAYS = 30;
export const SESSION_COOKIE = 'maalem_session';

export async function createSession(
  tx: Tx,
  userId: string,
  client: { ip: string; userAgent: string | null },
): Promise<{ sessionId: string; token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const sessionId = newId();
  const expiresAt = new Date(Date.now() + SESSION_TTL_DAYS * 24 * 3600 * 1000);
  await tx
    .insertInto('session')
    .values({
      id: sessionId,
      user_id: userId,
      token_hash: hashToken(token),
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return { sessionId, token, expiresAt };
}

const ANONYMOUS: AuthState = { userId: null, sessionId: null, problem: null };

/** Who a token belongs to, or why it no longer works. An unknown token counts as revoked. */
export async function resolveSession(db: Database, token: string | undefined): Promise<AuthState> {
  if (!token) return ANONYMOUS;
  const row = await withUser(db, null, (tx) =>
    tx
      .selectFrom('session')
      .innerJoin('app_user', 'app_user.id', 'session.user_id')
      .select([
        'session.id',
        'session.user_id',
        'session.expires_at',
        'session.revoked_at',
        'app_user.disabled_at',
      ])
      .where('session.token_hash', '=', hashToken(token))
      .executeTakeFirst(),
  );
  if (!row || row.revoked_at || row.disabled_at) return { ...ANONYMOUS, problem: 'SESSION_REVOKED' };
  if (row.expires_at.getTime() <= Date.now()) return { ...ANONYMOUS, problem: 'SESSION_EXPIRED' };
  return { userId: row.user_id, sessionId: row.id, problem: null };
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.updateTable('session').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}
