import { Card, List, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { useT } from '../i18n/use-t';
import { StatusBadge } from './status-badge';

export const CohortOverviewCohortFragment = graphql(`
  fragment CohortOverview_CohortFragment on Cohort {
    id
    capacity
    overview {
      byStatus {
        status
        f
        m
        total
      }
      active {
        f
        m
        total
      }
      capacityUsed
      capacityLeft
      dropoutReasons {
        reason
        count
      }
    }
  }
`);

/** A cohort's figures: places taken and left, people by status and sex, why people left. */
export function CohortOverview(props: { cohort: FragmentType<typeof CohortOverviewCohortFragment> }) {
  const { capacity, overview } = readFragment(CohortOverviewCohortFragment, props.cohort);
  const t = useT();
  const share = capacity > 0 ? Math.min(100, (overview.capacityUsed / capacity) * 100) : 100;
  const totals = overview.byStatus.reduce(
    (sum, row) => ({ f: sum.f + row.f, m: sum.m + row.m, total: sum.total + row.total }),
    { f: 0, m: 0, total: 0 },
  );
  return (
    <Stack gap="lg" data-testid="cohort-overview">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label={t('overview.capacity')} value={capacity} />
        <Figure label={t('overview.capacityUsed')} value={overview.capacityUsed} testId="capacity-used">
          <Progress
            value={share}
            size="sm"
            mt="xs"
            color={overview.capacityLeft === 0 ? 'red.9' : 'teal.9'}
            aria-label={t('cohort.capacityUsed', { used: overview.capacityUsed, capacity })}
          />
        </Figure>
        <Figure label={t('overview.capacityLeft')} value={overview.capacityLeft} testId="capacity-left" />
        <Figure
          label={t('overview.active')}
          value={overview.active.total}
          note={t('overview.bySex', { f: overview.active.f, m: overview.active.m })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('overview.byStatus')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table data-testid="status-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('enrollment.status')}</Table.Th>
                  <Table.Th ta="end">{t('overview.women')}</Table.Th>
                  <Table.Th ta="end">{t('overview.men')}</Table.Th>
                  <Table.Th ta="end">{t('overview.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.byStatus.map((row) => (
                  <Table.Tr key={row.status} data-status={row.status}>
                    <Table.Td>
                      <StatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td ta="end">{row.f}</Table.Td>
                    <Table.Td ta="end">{row.m}</Table.Td>
                    <Table.Td ta="end" fw={600}>
                      {row.total}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('overview.total')}</Table.Th>
                  <Table.Th ta="end">{totals.f}</Table.Th>
                  <Table.Th ta="end">{totals.m}</Table.Th>
                  <Table.Th ta="end">{totals.total}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('overview.dropoutReasons')}
          </Title>
          {overview.dropoutReasons.length === 0 ? (
            <Text c="dimmed">{t('overview.noDropouts')}</Text>
          ) : (
            <List spacing="xs" data-testid="dropout-reasons">
              {overview.dropoutReasons.map((row) => (
                <List.Item key={row.reason}>
                  {t('overview.reasonCount', { reason: isolate(row.reason), count: row.count })}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function Figure({
  label,
  value,
  note,
  testId,
  children,
}: {
  label: string;
  value: number;
  note?: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={30} fw={700} lh={1.2}>
        {value}
      </Text>
      {note && <Text size="sm">{note}</Text>}
      {children}
    </Card>
  );
}
