import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../../lib/ids.js';

/**
 * A feed's token: `<tenantId>.<32 random bytes, base64url>`. The tenant id lets the public route
 * open the right tenant's transaction (row-level security needs one) without a login; the random
 * part is the secret. Only the SHA-256 of the whole token is stored, so the database never holds a
 * working URL, and the prefix is bound to the secret: a token moved under another tenant's id
 * matches nothing, even before row-level security hides the other tenant's rows.
 */
const SECRET_BYTES = 32;
// 32 bytes in base64url without padding: 43 characters.
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface FeedToken {
  token: string;
  hash: Buffer;
}

export function newFeedToken(tenantId: string): FeedToken {
  const token = `${tenantId}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** The tenant and the hash to look up, or null for anything that is not a well-formed token. */
export function parseFeedToken(token: string): { tenantId: string; hash: Buffer } | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const tenantId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (!isUuid(tenantId) || !SECRET.test(secret)) return null;
  return { tenantId, hash: hashToken(token) };
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Where the feed is served, relative to the service's origin (the client makes it absolute). */
export function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}
