import type { CalendarFeedRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as calendar from './service.js';

export const Query: QueryResolvers = {
  myCalendarFeeds: (_root, _args, ctx) => calendar.myCalendarFeeds(ctx),
};

export const Mutation: MutationResolvers = {
  createCalendarFeed: (_root, { input }, ctx) =>
    toPayload(ctx, () => calendar.createCalendarFeed(ctx, input)),
  revokeCalendarFeed: (_root, { input }, ctx) =>
    toPayload(ctx, () => calendar.revokeCalendarFeed(ctx, input)),
};

export const CalendarFeed = {
  createdAt: (feed: CalendarFeedRow) => feed.created_at,
  revokedAt: (feed: CalendarFeedRow) => feed.revoked_at,
};
