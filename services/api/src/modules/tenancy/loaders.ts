import type { Context } from '../../graphql/context.js';
import { type UserRow, usersByIds } from '../identity/service.js';
import * as tenancy from './service.js';

type Batch<T> = { obj: T }[];

// One query per level: every Membership.tenant (or .user) in a response is fetched together.
export const loaders = {
  Membership: {
    tenant: async (queries: Batch<tenancy.MembershipRow>, ctx: Context) => {
      const tenants = await tenancy.tenantsByIds(
        ctx.deps.db,
        queries.map((q) => q.obj.tenant_id),
      );
      return queries.map((q) => tenants.get(q.obj.tenant_id));
    },
    user: async (queries: Batch<tenancy.MembershipRow>, ctx: Context) => {
      const users = await usersByIds(
        ctx.deps.db,
        queries.map((q) => q.obj.user_id),
      );
      return queries.map((q) => users.get(q.obj.user_id));
    },
  },
  Tenant: {
    network: async (queries: Batch<tenancy.TenantRow>, ctx: Context) => {
      const networks = await tenancy.networksByIds(
        ctx.deps.db,
        queries.map((q) => q.obj.network_id),
      );
      return queries.map((q) => networks.get(q.obj.network_id));
    },
  },
  User: {
    memberships: async (queries: Batch<UserRow>, ctx: Context) => {
      const byUser = await tenancy.membershipsOf(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => byUser.get(q.obj.id) ?? []);
    },
  },
};
