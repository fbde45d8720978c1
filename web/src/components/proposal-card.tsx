import { Card, Stack, Text, Title } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { PlacementStatus } from '../gql/graphql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { PlacementAnswer } from './placement-answer';

export const ProposalCardPlacementFragment = graphql(`
  fragment ProposalCard_PlacementFragment on Placement {
    id
    status
    startsOn
    endsOn
    weekdays
    enrollment {
      id
      person {
        id
        fullName
      }
      cohort {
        id
        label
      }
    }
  }
`);

/** A proposal on the artisan's phone: who, from when to when, which days; yes or no in one tap. */
export function ProposalCard(props: {
  placement: FragmentType<typeof ProposalCardPlacementFragment>;
  onAnswered: (name: string, status: PlacementStatus) => void;
}) {
  const placement = readFragment(ProposalCardPlacementFragment, props.placement);
  const t = useT();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const name = placement.enrollment.person.fullName;
  return (
    <Card withBorder radius="md" padding="md" data-testid="proposal-card" data-placement={placement.id}>
      <Stack gap="xs">
        <Title order={3} size="h4" data-testid="proposal-name">
          {name}
        </Title>
        <Text size="lg">
          {t('placement.dates', {
            start: format.day(placement.startsOn, 'long'),
            end: format.day(placement.endsOn, 'long'),
          })}
        </Text>
        <Text size="lg" fw={600}>
          {weekdays.list(placement.weekdays)}
        </Text>
        <Text size="sm" c="dimmed">
          {placement.enrollment.cohort.label}
        </Text>
        {placement.status === 'PROPOSED' && (
          <PlacementAnswer
            placementId={placement.id}
            subject={name}
            size="xl"
            onAnswered={(status) => props.onAnswered(name, status)}
          />
        )}
      </Stack>
    </Card>
  );
}
