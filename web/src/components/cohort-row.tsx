import { Anchor, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

export const CohortRowCohortFragment = graphql(`
  fragment CohortRow_CohortFragment on Cohort {
    id
    label
    startsOn
    endsOn
    capacity
    programme {
      id
      nameFr
      nameAr
      trade {
        id
        code
        nameFr
        nameAr
      }
    }
    overview {
      capacityUsed
      capacityLeft
      active {
        total
      }
    }
  }
`);

export function CohortRow(props: { cohort: FragmentType<typeof CohortRowCohortFragment> }) {
  const cohort = readFragment(CohortRowCohortFragment, props.cohort);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const { capacityUsed, capacityLeft } = cohort.overview;
  const share = cohort.capacity > 0 ? Math.min(100, (capacityUsed / cohort.capacity) * 100) : 100;
  return (
    <Table.Tr data-testid="cohort-row">
      <Table.Td>
        <Anchor component={Link} to={`/cohorts/${cohort.id}`} fw={600}>
          {cohort.label}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{localName(cohort.programme.trade, locale)}</Text>
        <Text size="xs" c="dimmed">
          {localName(cohort.programme, locale)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('cohort.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} miw={140}>
          <Text size="sm" fw={600}>
            {t('cohort.usedOfCapacity', { used: capacityUsed, capacity: cohort.capacity })}
          </Text>
          <Progress
            value={share}
            size="sm"
            color={capacityLeft === 0 ? 'red.9' : 'teal.9'}
            aria-label={t('cohort.capacityUsed', { used: capacityUsed, capacity: cohort.capacity })}
          />
          <Text size="xs" c={capacityLeft === 0 ? 'red.9' : 'dimmed'}>
            {t('cohort.capacityLeft', { count: capacityLeft })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>{cohort.overview.active.total}</Table.Td>
    </Table.Tr>
  );
}
