import type { QueryResolvers } from '../../graphql/generated/resolvers.js';
import * as reports from './service.js';

// Every field below the root is plain data computed in one pass per centre, so no loaders are needed.
export const Query: QueryResolvers = {
  activityReport: (_root, args, ctx) => reports.activityReport(ctx, args),
  exportActivityReport: (_root, args, ctx) => reports.exportActivityReport(ctx, args),
};
