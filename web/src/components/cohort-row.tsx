import { Anchor, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

/** A cohort's first cells in the lists of several sections (cohorts, graduation). */
export const CohortCellsFragment = graphql(`
  fragment CohortCells_CohortFragment on Cohort {
    id
    label
    startsOn
    endsOn
    programme {
      id
      nameFr
      nameAr
      trade {
        id
        nameFr
        nameAr
      }
    }
  }
`);

export const CohortRowCohortFragment = graphql(`
  fragment CohortRow_CohortFragment on Cohort {
    id
    capacity
    ...CohortCells_CohortFragment
    programme {
      id
      trade {
        id
        code
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

/** Its label (leading to `to`), its trade and programme, its dates: three table cells. */
export function CohortCells(props: { cohort: FragmentType<typeof CohortCellsFragment>; to: string }) {
  const cohort = readFragment(CohortCellsFragment, props.cohort);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  return (
    <>
      <Table.Td>
        <Anchor component={Link} to={props.to} fw={600}>
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
    </>
  );
}

export function CohortRow(props: { cohort: FragmentType<typeof CohortRowCohortFragment> }) {
  const cohort = readFragment(CohortRowCohortFragment, props.cohort);
  const t = useT();
  const { capacityUsed, capacityLeft } = cohort.overview;
  const share = cohort.capacity > 0 ? Math.min(100, (capacityUsed / cohort.capacity) * 100) : 100;
  return (
    <Table.Tr data-testid="cohort-row">
      <CohortCells cohort={cohort} to={`/cohorts/${cohort.id}`} />
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
