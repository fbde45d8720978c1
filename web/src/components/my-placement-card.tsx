import { Card, Stack, Text, Title } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';

export const MyPlacementCardPlacementFragment = graphql(`
  fragment MyPlacementCard_PlacementFragment on Placement {
    id
    status
    startsOn
    endsOn
    weekdays
    host {
      id
      name
      nameAr
      address
      province
    }
  }
`);

/** The trainee's own placement: where to go, on which days, from when to when. */
export function MyPlacementCard(props: { placement: FragmentType<typeof MyPlacementCardPlacementFragment> }) {
  const placement = readFragment(MyPlacementCardPlacementFragment, props.placement);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const { host } = placement;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="my-placement">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('trainee.myPlacement')}
        </Text>
        <Title order={2} size="h3">
          {hostName(host, locale)}
        </Title>
        {/* An address is often in Latin letters: isolated, its numbers stay where they were typed. */}
        <Text size="lg">
          {host.address && (
            <>
              <bdi>{host.address}</bdi>
              {' — '}
            </>
          )}
          <bdi>{host.province}</bdi>
        </Text>
        <Text size="lg" fw={600}>
          {weekdays.list(placement.weekdays)}
        </Text>
        <Text>
          {t('placement.dates', {
            start: format.day(placement.startsOn, 'long'),
            end: format.day(placement.endsOn, 'long'),
          })}
        </Text>
      </Stack>
    </Card>
  );
}
