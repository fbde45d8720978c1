import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { CohortCells } from '../components/cohort-row';
import { ListTable } from '../components/list-table';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

const GraduationCohortsPageQuery = graphql(`
  query GraduationCohortsPage($first: Int!, $after: String) {
    cohorts(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          endsOn
          ...CohortCells_CohortFragment
          overview {
            byStatus {
              status
              total
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

const PAGE_SIZE = 50;

/**
 * The cohorts to graduate: those with trainees still enrolled first (the soonest to end first),
 * then those already graduated.
 */
export function GraduationCohortsPage() {
  const t = useT();
  const format = useCentreFormatters();
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery({
    query: GraduationCohortsPageQuery,
    variables: { first: PAGE_SIZE, after },
  });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('nav.graduation')}</Title>
        <Text c="dimmed">{t('graduation.cohortsIntro')}</Text>
      </div>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ cohorts }) => {
          const rows = cohorts.edges.map(({ node }) => {
            const count = (status: string) =>
              node.overview.byStatus.find((s) => s.status === status)?.total ?? 0;
            return { cohort: node, enrolled: count('ENROLLED'), graduated: count('GRADUATED') };
          });
          const toGraduate = rows
            .filter((r) => r.enrolled > 0)
            .sort((a, b) => a.cohort.endsOn.localeCompare(b.cohort.endsOn));
          const graduated = rows.filter((r) => r.enrolled === 0 && r.graduated > 0);
          const table = (list: typeof rows, testId: string) => (
            <ListTable
              minWidth={680}
              testId={testId}
              headers={[
                t('cohort.label'),
                t('cohort.tradeAndProgramme'),
                t('cohort.period'),
                t('graduation.countEnrolled'),
                t('graduation.countGraduated'),
              ]}
            >
              {list.map(({ cohort, enrolled, graduated: done }) => (
                <Table.Tr key={cohort.id} data-testid="graduation-cohort" data-cohort={cohort.id}>
                  <CohortCells cohort={cohort} to={`/graduation/${cohort.id}`} />
                  <Table.Td>{format.number(enrolled)}</Table.Td>
                  <Table.Td>{format.number(done)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          );
          return (
            <Stack gap="xl">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('graduation.toGraduate')}
                </Title>
                {toGraduate.length === 0 ? (
                  <Text c="dimmed">{t('graduation.noCohortToGraduate')}</Text>
                ) : (
                  table(toGraduate, 'cohorts-to-graduate')
                )}
              </Stack>
              {graduated.length > 0 && (
                <Stack gap="sm">
                  <Title order={2} size="h3">
                    {t('graduation.graduatedCohorts')}
                  </Title>
                  {table(graduated, 'graduated-cohorts')}
                </Stack>
              )}
              {cohorts.pageInfo.hasNextPage && (
                <Button
                  variant="default"
                  loading={result.fetching}
                  onClick={() => setAfter(cohorts.pageInfo.endCursor ?? null)}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('common.loadMore')}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}
