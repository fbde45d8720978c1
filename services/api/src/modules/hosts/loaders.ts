import type { HostRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import type { HostLoadArgs } from '../../graphql/generated/resolvers.js';
import * as hosts from './service.js';

type Batch<T, P = unknown> = { obj: T; params: P }[];

// One query per level, under the same visibility as host(id): a host artisan reads the artisans
// and the load of their own host only.
export const loaders = {
  Host: {
    trade: async (queries: Batch<HostRow>, ctx: Context) => {
      const trades = await hosts.tradesOfHosts(
        ctx,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => trades.get(q.obj.trade_id));
    },
    artisans: async (queries: Batch<HostRow>, ctx: Context) => {
      const byHost = await hosts.artisansOfHosts(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byHost.get(q.obj.id) ?? []);
    },
    // A refused range comes back as that field's own error (INVALID_INPUT with its code).
    load: async (queries: Batch<HostRow, HostLoadArgs>, ctx: Context) =>
      hosts.loadsOfHosts(
        ctx,
        queries.map((q) => ({ host: q.obj, from: q.params.from, to: q.params.to })),
      ),
  },
};
