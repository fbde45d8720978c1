import type { QueryResolvers } from '../../graphql/generated/resolvers.js';
import * as indicators from './service.js';

// Every field below the root is plain data computed in one pass, so no loaders are needed.
export const Query: QueryResolvers = {
  trainingIndicators: (_root, { year }, ctx) => indicators.trainingIndicators(ctx, year),
  exportTrainingIndicators: (_root, { year, format }, ctx) =>
    indicators.exportTrainingIndicators(ctx, year, format),
};
