import { cacheExchange, type Resolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { Client, fetchExchange, mapExchange } from 'urql';
import { acceptLanguage, type Locale } from '../i18n/locale';
import { type SessionProblem, sessionProblemOf } from './session-errors';

export interface ApiClientOptions {
  /** Sent as x-tenant-id. A client belongs to one tenant: its cache never mixes two centres. */
  tenantId: string | null;
  /** Read on every request, so switching language needs no new client. */
  getLocale: () => Locale;
  onSessionProblem: (problem: SessionProblem) => void;
  onNetworkError: (error: Error) => void;
  onNetworkSuccess: () => void;
  url?: string;
}

// Types without an id are parts of their parent (payloads, connections), never entities of their own.
const EMBEDDED = () => null;

/**
 * relayPagination merges pages but returns only edges and pageInfo; a connection's other fields
 * (totalCount) are the same on every page, so they are read from the page asked for.
 */
function relayPaginationWithTotal(): Resolver {
  const paginate = relayPagination();
  return (parent, args, cache, info) => {
    const merged = paginate(parent, args, cache, info) as Record<string, unknown> | undefined;
    if (!merged) return merged;
    const page = cache.resolve(info.parentKey, info.fieldName, args);
    const totalCount = typeof page === 'string' ? cache.resolve(page, 'totalCount') : undefined;
    return { ...merged, totalCount };
  };
}

export function createApiClient(options: ApiClientOptions): Client {
  return new Client({
    url: options.url ?? '/graphql',
    // mercurius' CSRF prevention wants JSON POSTs; GET queries would be refused.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: {
        'accept-language': acceptLanguage(options.getLocale()),
        ...(options.tenantId ? { 'x-tenant-id': options.tenantId } : {}),
      },
    }),
    exchanges: [
      cacheExchange({
        keys: {
          MembershipConnection: EMBEDDED,
          MembershipEdge: EMBEDDED,
          PageInfo: EMBEDDED,
          UserError: EMBEDDED,
          SignInPayload: EMBEDDED,
          RequestSignInCodePayload: EMBEDDED,
          SignOutPayload: EMBEDDED,
          AddMemberPayload: EMBEDDED,
        },
        resolvers: {
          Query: { members: relayPaginationWithTotal() },
        },
      }),
      // Between cache and fetch: sees only what the network answered.
      mapExchange({
        onResult(result) {
          if (result.error?.networkError) options.onNetworkError(result.error.networkError);
          else options.onNetworkSuccess();
          const problem = sessionProblemOf(result.error);
          if (problem) options.onSessionProblem(problem);
        },
      }),
      fetchExchange,
    ],
  });
}
