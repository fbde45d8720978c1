import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useCentreToday } from '../lib/use-centre-today';

const PAGE_SIZE = 20;

const SessionsPageQuery = graphql(`
  query SessionsPage($first: Int!, $after: String) {
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

/** Timetables are cohort by cohort: the cohorts, newest first, each leading to its week view and its ledger. */
export function SessionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery({ query: SessionsPageQuery, variables: { first: PAGE_SIZE, after } });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('sessions.title')}</Title>
        <Text c="dimmed">{t('sessions.intro')}</Text>
      </div>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ cohorts }) =>
          cohorts.edges.length === 0 ? (
            <Text c="dimmed">{t('cohorts.empty')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="session-cohorts">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cohort.label')}</Table.Th>
                      <Table.Th>{t('filters.trade')}</Table.Th>
                      <Table.Th>{t('cohort.period')}</Table.Th>
                      <Table.Th>{t('ledger.link')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cohorts.edges.map(({ node }) => (
                      <Table.Tr key={node.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cohorts/${node.id}/timetable`} fw={600}>
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
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/cohorts/${node.id}/ledger`}
                            aria-label={`${t('ledger.link')} — ${node.label}`}
                          >
                            {t('ledger.link')}
                          </Anchor>
                        </Table.Td>
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
    </Stack>
  );
}
