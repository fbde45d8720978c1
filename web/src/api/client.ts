import { type Cache, cacheExchange, type Resolver, type UpdateResolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { Client, fetchExchange, mapExchange } from 'urql';
import { acceptLanguage, type Locale } from '../i18n/locale';
import { EMBEDDED, invalidateFields, invalidateRoot, succeeded } from './cache-helpers';
import { COURSE_KEYS, COURSE_UPDATES } from './course-cache';
import { GRADUATION_KEYS, GRADUATION_UPDATES } from './graduation-cache';
import { INCUBATION_KEYS, INCUBATION_UPDATES } from './incubation-cache';
import { type SessionProblem, sessionProblemOf } from './session-errors';
import { TIMETABLE_KEYS, TIMETABLE_UPDATES } from './timetable-cache';

export interface ApiClientOptions {
  /** Sent as x-tenant-id. A client belongs to one tenant: its cache never mixes two centres. */
  tenantId: string | null;
  /** Read on every request, so switching language needs no new client. */
  getLocale: () => Locale;
  onSessionProblem: (problem: SessionProblem) => void;
  onNetworkError: (error: Error) => void;
  onNetworkSuccess: () => void;
  url?: string;
  /** Tests answer requests themselves; the app uses the browser's fetch. */
  fetch?: typeof fetch;
}

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

/** A cohort's counts change with every application and transition: read them again next time. */
function invalidateOverview(cache: Cache, payload: unknown) {
  const cohortId = (payload as { enrollment?: { cohort?: { id?: string } } } | null)?.enrollment?.cohort?.id;
  if (cohortId) cache.invalidate({ __typename: 'Cohort', id: cohortId }, 'overview');
}

/**
 * A placement changed (proposed, answered, ended): the board's lists, the trainees still to place,
 * the suggestions and the host's load over time are read again.
 */
function invalidatePlacements(cache: Cache, payload: unknown) {
  invalidateRoot(cache, 'placements', 'unplacedTrainees', 'hostSuggestions');
  const hostId = (payload as { placement?: { host?: { id?: string } } } | null)?.placement?.host?.id;
  invalidateFields(cache, 'Host', hostId, ['load']);
}

/**
 * New rows change lists the cache cannot patch by itself (which page, which filter, which order):
 * those lists are dropped and read again. Changed entities (an enrollment's status, a person's
 * fields) update themselves by id.
 */
const MUTATION_UPDATES: Record<string, UpdateResolver> = {
  createTrade: (result, _args, cache) => {
    if (succeeded(result, 'createTrade')) invalidateRoot(cache, 'trades');
  },
  createProgramme: (result, _args, cache) => {
    if (succeeded(result, 'createProgramme')) invalidateRoot(cache, 'programmes', 'trades');
  },
  createCohort: (result, _args, cache) => {
    if (succeeded(result, 'createCohort')) invalidateRoot(cache, 'cohorts');
  },
  createPerson: (result, _args, cache) => {
    if (succeeded(result, 'createPerson')) invalidateRoot(cache, 'people');
  },
  mergePeople: (result, _args, cache) => {
    if (succeeded(result, 'mergePeople')) invalidateRoot(cache, 'people', 'enrollments');
  },
  apply: (result, _args, cache) => {
    if (!succeeded(result, 'apply')) return;
    invalidateRoot(cache, 'enrollments');
    invalidateOverview(cache, result.apply);
  },
  transitionEnrollment: (result, _args, cache) => {
    // The list keeps its pages (the row updates by id); the cohort's figures are read again.
    if (!succeeded(result, 'transitionEnrollment')) return;
    invalidateOverview(cache, result.transitionEnrollment);
    // Who is left to place depends on who is enrolled.
    invalidateRoot(cache, 'unplacedTrainees');
  },
  createHost: (result, _args, cache) => {
    if (succeeded(result, 'createHost')) invalidateRoot(cache, 'hosts', 'hostSuggestions');
  },
  // An edited, paused or reopened host updates by id; lists filtered by status or trade may change.
  updateHost: (result, _args, cache) => {
    if (succeeded(result, 'updateHost')) invalidateRoot(cache, 'hosts', 'hostSuggestions');
  },
  setHostStatus: (result, _args, cache) => {
    if (succeeded(result, 'setHostStatus')) invalidateRoot(cache, 'hosts', 'hostSuggestions');
  },
  proposePlacement: (result, _args, cache) => {
    if (succeeded(result, 'proposePlacement')) invalidatePlacements(cache, result.proposePlacement);
  },
  confirmPlacement: (result, _args, cache) => {
    if (succeeded(result, 'confirmPlacement')) invalidatePlacements(cache, result.confirmPlacement);
  },
  declinePlacement: (result, _args, cache) => {
    if (succeeded(result, 'declinePlacement')) invalidatePlacements(cache, result.declinePlacement);
  },
  endPlacementEarly: (result, _args, cache) => {
    if (succeeded(result, 'endPlacementEarly')) invalidatePlacements(cache, result.endPlacementEarly);
  },
};

export function createApiClient(options: ApiClientOptions): Client {
  return new Client({
    url: options.url ?? '/graphql',
    // mercurius' CSRF prevention wants JSON POSTs; GET queries would be refused.
    preferGetMethod: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
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
          CohortConnection: EMBEDDED,
          CohortEdge: EMBEDDED,
          PersonConnection: EMBEDDED,
          PersonEdge: EMBEDDED,
          EnrollmentConnection: EMBEDDED,
          EnrollmentEdge: EMBEDDED,
          CohortOverview: EMBEDDED,
          CountBySex: EMBEDDED,
          StatusCount: EMBEDDED,
          DropoutReasonCount: EMBEDDED,
          PossibleDuplicate: EMBEDDED,
          ImportRowError: EMBEDDED,
          TradePayload: EMBEDDED,
          ProgrammePayload: EMBEDDED,
          CohortPayload: EMBEDDED,
          PersonPayload: EMBEDDED,
          MergePeoplePayload: EMBEDDED,
          EnrollmentPayload: EMBEDDED,
          ImportApplicantsPayload: EMBEDDED,
          HostConnection: EMBEDDED,
          HostEdge: EMBEDDED,
          HostDayLoad: EMBEDDED,
          HostSuggestion: EMBEDDED,
          HostPayload: EMBEDDED,
          PlacementConnection: EMBEDDED,
          PlacementEdge: EMBEDDED,
          PlacementPayload: EMBEDDED,
          ...TIMETABLE_KEYS,
          ...COURSE_KEYS,
          ...INCUBATION_KEYS,
          ...GRADUATION_KEYS,
        },
        resolvers: {
          Query: {
            members: relayPaginationWithTotal(),
            cohorts: relayPaginationWithTotal(),
            people: relayPaginationWithTotal(),
            enrollments: relayPaginationWithTotal(),
            hosts: relayPaginationWithTotal(),
            courses: relayPaginationWithTotal(),
            followUps: relayPaginationWithTotal(),
          },
        },
        updates: {
          Mutation: {
            ...MUTATION_UPDATES,
            ...TIMETABLE_UPDATES,
            ...COURSE_UPDATES,
            ...GRADUATION_UPDATES,
            ...INCUBATION_UPDATES,
          },
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
