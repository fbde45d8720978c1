import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { readLedgerFigures, useLedgerFormat } from './ledger-figures';
import { LedgerStatusBadge } from './timetable-badges';

export const CentreLedgerFragment = graphql(`
  fragment CentreLedger_TenantLedgerFragment on TenantLedger {
    figures {
      ...LedgerFigures_LedgerFiguresFragment
    }
    cohorts {
      cohort {
        id
        label
      }
      figures {
        ...LedgerFigures_LedgerFiguresFragment
      }
    }
  }
`);

/** The centre's theory/practice split, cohort by cohort, each leading to its full ledger. */
export function CentreLedger(props: { ledger: FragmentType<typeof CentreLedgerFragment>; from: string }) {
  const ledger = readFragment(CentreLedgerFragment, props.ledger);
  const figures = readLedgerFigures(ledger.figures);
  const t = useT();
  const format = useCentreFormatters();
  const ledgerFormat = useLedgerFormat();
  return (
    <Card withBorder radius="md" padding="md" data-testid="centre-ledger">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('centreLedger.title', { start: format.day(props.from, 'long') })}
          </Title>
          {ledger.cohorts.length > 0 && <LedgerStatusBadge status={figures.status} />}
        </Group>
        {ledger.cohorts.length === 0 ? (
          <Text c="dimmed">{t('centreLedger.empty')}</Text>
        ) : (
          <>
            <Text>
              {t('centreLedger.summary', {
                actual: ledgerFormat.percent(figures.actualTheoryShare),
                target: ledgerFormat.percent(figures.targetTheoryShare),
                rate: ledgerFormat.percent(figures.attendanceRate),
              })}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cohort.label')}</Table.Th>
                    <Table.Th ta="end">{t('ledger.share')}</Table.Th>
                    <Table.Th ta="end">{t('ledger.rate')}</Table.Th>
                    <Table.Th ta="end">{t('ledger.unrecorded')}</Table.Th>
                    <Table.Th>{t('ledger.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ledger.cohorts.map((row) => {
                    const cohortFigures = readLedgerFigures(row.figures);
                    return (
                      <Table.Tr key={row.cohort.id} data-testid="centre-ledger-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/cohorts/${row.cohort.id}/ledger`} fw={600}>
                            {row.cohort.label}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="end">{ledgerFormat.percent(cohortFigures.actualTheoryShare)}</Table.Td>
                        <Table.Td ta="end">{ledgerFormat.percent(cohortFigures.attendanceRate)}</Table.Td>
                        <Table.Td ta="end">{ledgerFormat.hours(cohortFigures.unrecordedHours)}</Table.Td>
                        <Table.Td>
                          <LedgerStatusBadge status={cohortFigures.status} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}
