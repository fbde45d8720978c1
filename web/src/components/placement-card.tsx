import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { EndPlacementAction } from './end-placement-action';
import { PlacementAnswer } from './placement-answer';
import { PlacementStatusBadge } from './placement-status-badge';

export const PlacementCardPlacementFragment = graphql(`
  fragment PlacementCard_PlacementFragment on Placement {
    id
    status
    statusReason
    statusChangedAt
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
    host {
      id
      name
      nameAr
    }
  }
`);

/**
 * One placement on a cohort's board: who, where, when. Writers answer a proposal on the artisan's
 * behalf, or end a placement early; a declined or ended one shows its reason.
 */
export function PlacementCard(props: {
  placement: FragmentType<typeof PlacementCardPlacementFragment>;
  canWrite: boolean;
}) {
  const placement = readFragment(PlacementCardPlacementFragment, props.placement);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const { person } = placement.enrollment;
  const where = hostName(placement.host, locale);
  const subject = `${person.fullName} — ${where}`;
  const hasReason = placement.status === 'DECLINED' || placement.status === 'ENDED_EARLY';

  return (
    <Card withBorder radius="md" padding="sm" data-testid="placement-card" data-status={placement.status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm">
            {person.fullName}
          </Anchor>
          <PlacementStatusBadge status={placement.status} />
        </Group>
        <Anchor component={Link} to={`/hosts/${placement.host.id}`} size="sm">
          {where}
        </Anchor>
        <Text size="sm">
          {t('placement.dates', { start: format.day(placement.startsOn), end: format.day(placement.endsOn) })}
        </Text>
        <Text size="sm" c="dimmed">
          {weekdays.list(placement.weekdays)}
        </Text>
        {hasReason && (
          <Text size="sm" data-testid="placement-reason">
            {t('placement.reasonOn', {
              reason: isolate(placement.statusReason ?? ''),
              date: format.date(placement.statusChangedAt, 'medium'),
            })}
          </Text>
        )}
        {props.canWrite && placement.status === 'PROPOSED' && (
          <>
            <Text size="xs" c="dimmed">
              {t('placement.onBehalf')}
            </Text>
            <PlacementAnswer placementId={placement.id} subject={subject} size="sm" />
          </>
        )}
        {props.canWrite && (placement.status === 'CONFIRMED' || placement.status === 'ACTIVE') && (
          <EndPlacementAction placementId={placement.id} subject={subject} />
        )}
      </Stack>
    </Card>
  );
}
