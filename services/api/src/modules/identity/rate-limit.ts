import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { type Tx, withUser } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';

export type AttemptKind = 'PASSWORD' | 'CODE_REQUEST' | 'CODE_VERIFY';

/** How many attempts a key may make in the window. Failures only, except code requests (each sends an SMS). */
const RULES: Record<AttemptKind, { perIdentity: number; perIp: number; countsSuccesses: boolean }> = {
  PASSWORD: { perIdentity: 5, perIp: 20, countsSuccesses: false },
  CODE_REQUEST: { perIdentity: 3, perIp: 10, countsSuccesses: true },
  CODE_VERIFY: { perIdentity: 5, perIp: 20, countsSuccesses: false },
};
export const RATE_WINDOW_MINUTES = 15;

const keysFor = (kind: AttemptKind, identity: string, ip: string) => ({
  identity: `${kind}:id:${identity}`,
  ip: `${kind}:ip:${ip}`,
});

/**
 * True when the identity or the IP has used up its attempts for this kind. `factor` scales every
 * limit: a training centre whose trainees all sign in from its one public address may need more.
 */
export async function isRateLimited(
  tx: Tx,
  kind: AttemptKind,
  identity: string,
  client: { ip: string; rateLimitFactor: number },
): Promise<boolean> {
  const rule = RULES[kind];
  const keys = keysFor(kind, identity, client.ip);
  const rows = await tx
    .selectFrom('auth_attempt')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', [keys.identity, keys.ip])
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${RATE_WINDOW_MINUTES})`)
    .$if(!rule.countsSuccesses, (qb) => qb.where('succeeded', '=', false))
    .groupBy('key')
    .execute();
  const count = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  const factor = client.rateLimitFactor;
  return count(keys.identity) >= rule.perIdentity * factor || count(keys.ip) >= rule.perIp * factor;
}

export async function recordAttempt(
  tx: Tx,
  kind: AttemptKind,
  identity: string,
  ip: string,
  succeeded: boolean,
): Promise<void> {
  const keys = keysFor(kind, identity, ip);
  await tx
    .insertInto('auth_attempt')
    .values([
      { id: newId(), kind, key: keys.identity, succeeded },
      { id: newId(), kind, key: keys.ip, succeeded },
    ])
    .execute();
}

/** Attempts older than a day no longer count for anything: drop them (run in the background). */
export async function purgeOldAttempts(db: Database): Promise<number> {
  const result = await withUser(db, null, (tx) =>
    tx.deleteFrom('auth_attempt').where('at', '<', sql<Date>`now() - interval '1 day'`).executeTakeFirst(),
  );
  return Number(result.numDeletedRows);
}
