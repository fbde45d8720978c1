import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as tenancy from './service.js';

export const Query: QueryResolvers = {
  currentTenant: (_root, _args, ctx) => tenancy.currentTenant(ctx),
  members: (_root, args, ctx) => tenancy.listMembers(ctx, args),
};

export const Mutation: MutationResolvers = {
  addMember: (_root, { input }, ctx) => toPayload(ctx, () => tenancy.addMember(ctx, input)),
};

export const Tenant = {
  nameAr: (tenant: tenancy.TenantRow) => tenant.name_ar,
};

export const Network = {
  nameAr: (network: tenancy.NetworkRow) => network.name_ar,
};

export const Membership = {
  hostId: (membership: tenancy.MembershipRow) => membership.host_id,
  createdAt: (membership: tenancy.MembershipRow) => membership.created_at,
};
