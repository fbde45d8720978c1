import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EnrollmentFilters } from '../components/enrollment-filters';
import { EnrollmentRow } from '../components/enrollment-row';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { toEnrollmentFilter, toListParams } from '../lib/enrollment-filter';
import { useKeptResult } from '../lib/use-kept-result';
import { useEnrollmentListState } from '../lib/use-list-state';
import { useLoadMore } from '../lib/use-pager';
import { useCanWriteEnrollment } from '../session/permissions';

const PAGE_SIZE = 25;

const EnrollmentPageQuery = graphql(`
  query EnrollmentPage($first: Int!, $after: String, $filter: EnrollmentFilter, $sort: EnrollmentSort) {
    enrollments(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      edges {
        node {
          id
          ...EnrollmentRow_EnrollmentFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// The filters' choices, read once: they do not change with the list.
const EnrollmentFilterChoicesQuery = graphql(`
  query EnrollmentFilterChoices {
    trades {
      id
      nameFr
      nameAr
    }
    cohorts(first: 100) {
      edges {
        node {
          id
          label
        }
      }
    }
  }
`);

/** Applicants and trainees of the centre, filtered and sorted as the address says. */
export function EnrollmentPage() {
  const t = useT();
  const canWrite = useCanWriteEnrollment();
  const [state, update] = useEnrollmentListState();
  const filter = toEnrollmentFilter(state);
  const listKey = toListParams(state).toString();
  // Pages already shown belong to one filter: a new filter starts again from the first page.
  const pages = useLoadMore(listKey);
  const [result, reexecute] = useQuery({
    query: EnrollmentPageQuery,
    variables: { first: PAGE_SIZE, after: pages.after, filter, sort: state.sort },
  });
  const [choices] = useQuery({ query: EnrollmentFilterChoicesQuery });
  const { shown, stale } = useKeptResult(result);
  const cohortId = state.cohortId;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('enrollment.title')}</Title>
        {canWrite && (
          <Button component={Link} to={cohortId ? `/enrollment/new?cohort=${cohortId}` : '/enrollment/new'}>
            {t('applicant.new')}
          </Button>
        )}
      </Group>
      <EnrollmentFilters
        state={state}
        onChange={update}
        trades={choices.data?.trades ?? []}
        cohorts={choices.data?.cohorts.edges.map((edge) => edge.node) ?? []}
      />
      <QueryBoundary result={shown} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ enrollments }) => (
          <Stack
            gap="lg"
            aria-busy={stale}
            style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
            data-stale={stale || undefined}
          >
            <Text data-testid="enrollment-count" aria-live="polite">
              {t('enrollment.count', { count: enrollments.totalCount })}
            </Text>
            {enrollments.edges.length === 0 ? (
              <Text c="dimmed">{t('enrollment.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={canWrite ? 860 : 720}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="enrollment-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('person.name')}</Table.Th>
                      <Table.Th>{t('person.sex')}</Table.Th>
                      <Table.Th>{t('person.age')}</Table.Th>
                      <Table.Th>{t('enrollment.cohort')}</Table.Th>
                      <Table.Th>{t('person.province')}</Table.Th>
                      <Table.Th>{t('enrollment.status')}</Table.Th>
                      {canWrite && <Table.Th>{t('enrollment.action')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {enrollments.edges.map(({ node }) => (
                      <EnrollmentRow key={node.id} enrollment={node} canWrite={canWrite} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {enrollments.pageInfo.hasNextPage && (
              <Button
                variant="default"
                loading={result.fetching}
                disabled={stale}
                onClick={() => pages.more(enrollments.pageInfo.endCursor)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </QueryBoundary>
    </Stack>
  );
}
