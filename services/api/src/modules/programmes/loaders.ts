import type { CohortRow, ProgrammeRow, TradeRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import * as programmes from './service.js';

type Batch<T> = { obj: T }[];

// One query per level: every Trade.programmes (Programme.trade, Cohort.programme) of a response
// is read together, under the same access rule as the root queries.
export const loaders = {
  Trade: {
    programmes: async (queries: Batch<TradeRow>, ctx: Context) => {
      const byTrade = await programmes.programmesOfTrades(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byTrade.get(q.obj.id) ?? []);
    },
  },
  Programme: {
    trade: async (queries: Batch<ProgrammeRow>, ctx: Context) => {
      const trades = await programmes.readTrades(
        ctx,
        queries.map((q) => q.obj.trade_id),
      );
      return queries.map((q) => trades.get(q.obj.trade_id));
    },
  },
  Cohort: {
    programme: async (queries: Batch<CohortRow>, ctx: Context) => {
      const found = await programmes.readProgrammes(
        ctx,
        queries.map((q) => q.obj.programme_id),
      );
      return queries.map((q) => found.get(q.obj.programme_id));
    },
  },
};
