import { Card, Group, Stack, Text } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { PlacementStatusBadge } from './placement-status-badge';

export const HostTraineeCardPlacementFragment = graphql(`
  fragment HostTraineeCard_PlacementFragment on Placement {
    id
    status
    statusReason
    startsOn
    endsOn
    weekdays
    enrollment {
      id
      person {
        id
        fullName
      }
    }
  }
`);

/** A trainee at the artisan's workshop: when they come, and whether it has started. */
export function HostTraineeCard(props: { placement: FragmentType<typeof HostTraineeCardPlacementFragment> }) {
  const placement = readFragment(HostTraineeCardPlacementFragment, props.placement);
  const t = useT();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  return (
    <Card withBorder radius="md" padding="md" data-testid="host-trainee" data-status={placement.status}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700} size="lg">
            {placement.enrollment.person.fullName}
          </Text>
          <PlacementStatusBadge status={placement.status} />
        </Group>
        <Text>
          {t('placement.dates', {
            start: format.day(placement.startsOn, 'long'),
            end: format.day(placement.endsOn, 'long'),
          })}
        </Text>
        <Text fw={600}>{weekdays.list(placement.weekdays)}</Text>
        {placement.statusReason && (
          <Text size="sm" c="dimmed">
            {placement.statusReason}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
