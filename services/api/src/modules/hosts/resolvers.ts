import type { HostRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as hosts from './service.js';
import { hostSuggestions } from './suggestions.js';

export const Query: QueryResolvers = {
  hosts: (_root, args, ctx) => hosts.listHosts(ctx, args),
  host: (_root, { id }, ctx) => hosts.getHost(ctx, id),
  hostSuggestions: (_root, args, ctx) => hostSuggestions(ctx, args),
};

export const Mutation: MutationResolvers = {
  createHost: (_root, { input }, ctx) => toPayload(ctx, () => hosts.createHost(ctx, input)),
  updateHost: (_root, { input }, ctx) => toPayload(ctx, () => hosts.updateHost(ctx, input)),
  setHostStatus: (_root, { input }, ctx) => toPayload(ctx, () => hosts.setHostStatus(ctx, input)),
  addHostArtisan: (_root, { input }, ctx) => toPayload(ctx, () => hosts.addHostArtisan(ctx, input)),
};

// Column renames; fields that need the database are loaders (loaders.ts).
export const Host = {
  nameAr: (host: HostRow) => host.name_ar,
  contactName: (host: HostRow) => host.contact_name,
  contactPhone: (host: HostRow) => host.contact_phone,
  statusReason: (host: HostRow) => host.status_reason,
  createdAt: (host: HostRow) => host.created_at,
};
