import type { HostStatus, PlacementStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { type Tint, TintedBadge } from './tinted-badge';

const PLACEMENT: Record<PlacementStatus, Tint> = {
  PROPOSED: ['orange', '#8a3b00'],
  CONFIRMED: ['teal', '#05614a'],
  ACTIVE: ['green', '#1f6b2e'],
  COMPLETED: ['gray', 'gray.9'],
  DECLINED: ['red', 'red.9'],
  ENDED_EARLY: ['grape', 'grape.9'],
};

const HOST: Record<HostStatus, Tint> = {
  ACTIVE: ['teal', '#05614a'],
  PAUSED: ['orange', '#8a3b00'],
  CLOSED: ['gray', 'gray.9'],
};

export function PlacementStatusBadge({ status }: { status: PlacementStatus }) {
  const t = useT();
  return (
    <TintedBadge colors={PLACEMENT[status]} label={t(`placementStatus.${status}`)} data-status={status} />
  );
}

export function HostStatusBadge({ status }: { status: HostStatus }) {
  const t = useT();
  return <TintedBadge colors={HOST[status]} label={t(`hostStatus.${status}`)} data-status={status} />;
}
