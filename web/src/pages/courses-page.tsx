import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CourseFilters } from '../components/course-filters';
import { CourseForm } from '../components/course-form';
import { CourseRow } from '../components/course-row';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { toCourseFilter, toCourseParams, useCourseListState } from '../lib/course-filter';
import { useCentreToday } from '../lib/use-centre-today';
import { useLoadMore } from '../lib/use-pager';
import { useCanWriteCourses } from '../session/permissions';

const PAGE_SIZE = 25;

const CoursesPageQuery = graphql(`
  query CoursesPage($first: Int!, $after: String, $filter: CourseFilter) {
    courses(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          ...CourseRow_CourseFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The short trainings of the centre, filtered as the address says. */
export function CoursesPage() {
  const t = useT();
  const canWrite = useCanWriteCourses();
  const navigate = useNavigate();
  const thisYear = Number(useCentreToday().slice(0, 4));
  const [state, update] = useCourseListState();
  const listKey = toCourseParams(state).toString();
  const pages = useLoadMore(listKey);
  const [result, reexecute] = useQuery({
    query: CoursesPageQuery,
    variables: { first: PAGE_SIZE, after: pages.after, filter: toCourseFilter(state) },
  });
  const [creating, setCreating] = useState(false);
  // The previous list stays, dimmed, while another filter's first page loads.
  const last = useRef(result.data);
  if (result.data) last.current = result.data;
  const stale = !result.data && !result.error && !!last.current;
  const shown = stale ? { ...result, data: last.current } : result;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('courses.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/courses/indicators" variant="default">
            {t('indicators.link')}
          </Button>
          {canWrite && <Button onClick={() => setCreating(true)}>{t('course.new')}</Button>}
        </Group>
      </Group>
      <CourseFilters state={state} onChange={update} thisYear={thisYear} />
      <QueryBoundary result={shown} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ courses }) => (
          <Stack gap="lg" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}>
            <Text data-testid="course-count" aria-live="polite">
              {t('courses.count', { count: courses.totalCount })}
            </Text>
            {courses.edges.length === 0 ? (
              <Text c="dimmed">{t('courses.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="course-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('course.title')}</Table.Th>
                      <Table.Th>{t('course.audience')}</Table.Th>
                      <Table.Th>{t('course.modeAndCity')}</Table.Th>
                      <Table.Th>{t('course.datesHeading')}</Table.Th>
                      <Table.Th>{t('course.placesHeading')}</Table.Th>
                      <Table.Th>{t('course.waitlistHeading')}</Table.Th>
                      <Table.Th>{t('course.price')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {courses.edges.map(({ node }) => (
                      <CourseRow key={node.id} course={node} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {courses.pageInfo.hasNextPage && (
              <Button
                variant="default"
                loading={result.fetching}
                disabled={stale}
                onClick={() => pages.more(courses.pageInfo.endCursor)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </QueryBoundary>
      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('course.new')} size="lg">
        <CourseForm
          onDone={(id) => {
            setCreating(false);
            navigate(`/courses/${id}`);
          }}
        />
      </AppModal>
    </Stack>
  );
}
