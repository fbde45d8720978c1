import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CourseFilters } from '../components/course-filters';
import { CourseForm } from '../components/course-form';
import { CourseRow } from '../components/course-row';
import { ListTable } from '../components/list-table';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { toCourseFilter, toCourseParams, useCourseListState } from '../lib/course-filter';
import { useCentreToday } from '../lib/use-centre-today';
import { useKeptResult } from '../lib/use-kept-result';
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
  const { shown, stale } = useKeptResult(result);

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
              <ListTable
                minWidth={900}
                testId="course-table"
                headers={[
                  t('course.title'),
                  t('course.audience'),
                  t('course.modeAndCity'),
                  t('course.datesHeading'),
                  t('course.placesHeading'),
                  t('course.waitlistHeading'),
                  t('course.price'),
                ]}
              >
                {courses.edges.map(({ node }) => (
                  <CourseRow key={node.id} course={node} />
                ))}
              </ListTable>
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
