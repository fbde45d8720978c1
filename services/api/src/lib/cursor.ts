import { UserError } from '../graphql/errors.js';
import { isUuid } from './ids.js';

// Cursors are opaque to clients; inside they are the last row's id (UUIDv7 sorts by creation).
export const encodeCursor = (id: string): string => Buffer.from(id).toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id)) throw new UserError('INVALID_INPUT', 'after');
  return id;
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first == null) return 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw new UserError('INVALID_INPUT', 'first');
  return first;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * A page of a Relay connection from rows fetched in order with `limit + 1`: the extra row only
 * says that there is a next page.
 */
export function toConnection<R, T = R>(
  rows: readonly R[],
  limit: number,
  totalCount: number,
  edgeOf: (row: R) => { cursor: string; node: T },
): Connection<T> {
  const edges = rows.slice(0, limit).map(edgeOf);
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * A keyset cursor for lists sorted by more than the id: the last row's sort keys, its id last,
 * as JSON in base64url (opaque to clients).
 */
export const encodeKeys = (keys: readonly string[]): string =>
  Buffer.from(JSON.stringify(keys)).toString('base64url');

/** The `count` keys of a cursor made by encodeKeys, the last an id; anything else is INVALID_INPUT. */
export function decodeKeys(cursor: string, count: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === count &&
      value.every((key): key is string => typeof key === 'string') &&
      isUuid(value[count - 1] as string)
    ) {
      return value as string[];
    }
  } catch {
    // Not JSON: the same answer as any other foreign cursor.
  }
  throw new UserError('INVALID_INPUT', 'after');
}
