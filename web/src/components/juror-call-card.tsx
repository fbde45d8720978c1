import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { callTitle } from '../lib/incubation-format';
import { CallStatusBadge } from './incubation-badges';

export const JurorCallCardFragment = graphql(`
  fragment JurorCallCard_CallFragment on Call {
    id
    titleFr
    titleAr
    status
    opensOn
    closesOn
    myJuror {
      id
      pendingCount
      submittedCount
      conflictCount
    }
  }
`);

/** A call a juror sits on, as a card big enough for a thumb: where they stand, one tap to go on scoring. */
export function JurorCallCard(props: { call: FragmentType<typeof JurorCallCardFragment> }) {
  const call = readFragment(JurorCallCardFragment, props.call);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const seat = call.myJuror;
  const canScore = !!seat && seat.pendingCount > 0 && (call.status === 'OPEN' || call.status === 'CLOSED');
  return (
    <Card withBorder radius="md" padding="lg" data-testid="juror-call" data-call={call.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700} size="lg">
            {callTitle(call, locale)}
          </Text>
          <CallStatusBadge status={call.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('call.dates', { start: format.day(call.opensOn), end: format.day(call.closesOn) })}
        </Text>
        {seat && (
          <Text data-testid="juror-pending" data-pending={seat.pendingCount}>
            {t('call.myProgress', {
              submitted: seat.submittedCount,
              pending: seat.pendingCount,
              conflicts: seat.conflictCount,
            })}
          </Text>
        )}
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          {canScore && (
            <Button component={Link} to={`/calls/${call.id}/score`} size="md" data-testid="continue-scoring">
              {seat?.submittedCount ? t('juror.continue') : t('juror.start')}
            </Button>
          )}
          <Button component={Link} to={`/calls/${call.id}`} size="md" variant="default">
            {t('jurorHome.openCall')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
