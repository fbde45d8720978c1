import { Badge } from '@mantine/core';
import type { HostStatus, PlacementStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';

// Text colours dark enough for 4.5:1 on the light badge's tinted background.
const PLACEMENT: Record<PlacementStatus, [color: string, text: string]> = {
  PROPOSED: ['orange', '#8a3b00'],
  CONFIRMED: ['teal', '#05614a'],
  ACTIVE: ['green', '#1f6b2e'],
  COMPLETED: ['gray', 'gray.9'],
  DECLINED: ['red', 'red.9'],
  ENDED_EARLY: ['grape', 'grape.9'],
};

// Next to a long name in a row that does not wrap, the badge keeps its full width.
const NO_SHRINK = { flexShrink: 0 };

const HOST: Record<HostStatus, [color: string, text: string]> = {
  ACTIVE: ['teal', '#05614a'],
  PAUSED: ['orange', '#8a3b00'],
  CLOSED: ['gray', 'gray.9'],
};

export function PlacementStatusBadge({ status }: { status: PlacementStatus }) {
  const t = useT();
  const [color, text] = PLACEMENT[status];
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      radius="sm"
      tt="none"
      data-status={status}
      style={NO_SHRINK}
    >
      {t(`placementStatus.${status}`)}
    </Badge>
  );
}

export function HostStatusBadge({ status }: { status: HostStatus }) {
  const t = useT();
  const [color, text] = HOST[status];
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      radius="sm"
      tt="none"
      data-status={status}
      style={NO_SHRINK}
    >
      {t(`hostStatus.${status}`)}
    </Badge>
  );
}
