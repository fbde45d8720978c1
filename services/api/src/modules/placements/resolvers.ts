import type { PlacementEventRow, PlacementRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as placements from './service.js';

export const Query: QueryResolvers = {
  placements: (_root, args, ctx) => placements.listPlacements(ctx, args),
  placement: (_root, { id }, ctx) => placements.getPlacement(ctx, id),
  unplacedTrainees: (_root, args, ctx) => placements.unplacedTrainees(ctx, args),
};

export const Mutation: MutationResolvers = {
  proposePlacement: (_root, { input }, ctx) => toPayload(ctx, () => placements.proposePlacement(ctx, input)),
  confirmPlacement: (_root, { input }, ctx) => toPayload(ctx, () => placements.confirmPlacement(ctx, input)),
  declinePlacement: (_root, { input }, ctx) => toPayload(ctx, () => placements.declinePlacement(ctx, input)),
  endPlacementEarly: (_root, { input }, ctx) =>
    toPayload(ctx, () => placements.endPlacementEarly(ctx, input)),
};

export const Placement = {
  startsOn: (row: PlacementRow) => row.starts_on,
  endsOn: (row: PlacementRow) => row.ends_on,
  statusReason: (row: PlacementRow) => row.status_reason,
  statusChangedAt: (row: PlacementRow) => row.status_changed_at,
  createdAt: (row: PlacementRow) => row.created_at,
};

export const PlacementEvent = {
  fromStatus: (row: PlacementEventRow) => row.from_status,
  toStatus: (row: PlacementEventRow) => row.to_status,
};
