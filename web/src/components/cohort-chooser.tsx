import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useCentreToday } from '../lib/use-centre-today';
import { QueryBoundary } from './query-boundary';

const PAGE_SIZE = 20;

const CohortChooserQuery = graphql(`
  query CohortChooser($first: Int!, $after: String) {
    cohorts(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          label
          startsOn
          endsOn
          programme {
            id
            trade {
              id
              nameFr
              nameAr
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export interface ChooserCohort {
  id: string;
  label: string;
}

/**
 * The cohorts, newest first, each leading to one of its pages (a placements board, a timetable):
 * sections that are planned cohort by cohort start here.
 */
export function CohortChooser({
  to,
  testId,
  extraColumn,
}: {
  /** Where a cohort's label leads. */
  to: (cohort: ChooserCohort) => string;
  testId: string;
  extraColumn?: { header: string; cell: (cohort: ChooserCohort) => ReactNode };
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery({ query: CohortChooserQuery, variables: { first: PAGE_SIZE, after } });

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ cohorts }) =>
        cohorts.edges.length === 0 ? (
          <Text c="dimmed">{t('cohorts.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={extraColumn ? 640 : 560}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid={testId}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cohort.label')}</Table.Th>
                    <Table.Th>{t('filters.trade')}</Table.Th>
                    <Table.Th>{t('cohort.period')}</Table.Th>
                    {extraColumn && <Table.Th>{extraColumn.header}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cohorts.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor component={Link} to={to(node)} fw={600}>
                          {node.label}
                        </Anchor>
                        {node.startsOn <= today && today <= node.endsOn && (
                          <Text size="xs" c="dimmed">
                            {t('placements.running')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{localName(node.programme.trade, locale)}</Table.Td>
                      <Table.Td>
                        {t('cohort.dates', {
                          start: format.day(node.startsOn),
                          end: format.day(node.endsOn),
                        })}
                      </Table.Td>
                      {extraColumn && <Table.Td>{extraColumn.cell(node)}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {cohorts.pageInfo.hasNextPage && (
              <Group>
                <Button
                  variant="default"
                  loading={result.fetching}
                  onClick={() => setAfter(cohorts.pageInfo.endCursor ?? null)}
                >
                  {t('common.loadMore')}
                </Button>
              </Group>
            )}
          </>
        )
      }
    </QueryBoundary>
  );
}
