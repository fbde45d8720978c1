import { Alert, Anchor, Button, Chip, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { FollowUpRow, readFollowUp } from '../components/follow-up-row';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import type { FollowUpState } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { FOLLOW_UP_STATES, nextRowId, OPEN_STATES } from '../lib/outcomes';
import { useLoadMore } from '../lib/use-pager';
import { useUrlFilters } from '../lib/use-url-filters';
import { canRecordOutcomes } from '../session/graduation-permissions';
import { useRoles } from '../session/timetable-permissions';

const FollowUpPageQuery = graphql(`
  query FollowUpPage($states: [FollowUpState!], $cohortId: ID, $first: Int!, $after: String) {
    cohorts(first: 100) {
      edges {
        node {
          id
          label
        }
      }
    }
    followUps(states: $states, cohortId: $cohortId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          state
          person {
            id
            fullName
          }
          ...FollowUpRow_OutcomeFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 25;

/** The states asked for in the address (« states=DUE,OVERDUE »), else what waits for a call. */
export function statesFrom(value: string | null): FollowUpState[] {
  const wanted = (value ?? '')
    .split(',')
    .filter((s): s is FollowUpState => FOLLOW_UP_STATES.includes(s as FollowUpState));
  return wanted.length > 0 ? wanted : [...OPEN_STATES];
}

/**
 * The follow-up work list: graduates whose wave is due or overdue, the oldest first. Each answer is
 * typed in its row and saved in one step; the cursor then moves to the next graduate.
 */
export function FollowUpPage() {
  const t = useT();
  const roles = useRoles();
  const canWrite = canRecordOutcomes(roles);
  const { params, setFilter } = useUrlFilters<'cohort' | 'states'>();
  const cohortId = params.get('cohort') || null;
  const states = statesFrom(params.get('states'));
  const filterKey = `${cohortId}|${states.join(',')}`;
  const pages = useLoadMore(filterKey);
  const [result, reexecute] = useQuery({
    query: FollowUpPageQuery,
    variables: { states, cohortId, first: PAGE_SIZE, after: pages.after },
  });
  const [focusId, setFocusId] = useState<string | null>(null);
  const [recordedName, setRecordedName] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('followUp.title')}</Title>
          <Text c="dimmed">{t('followUp.intro')}</Text>
        </div>
        <Anchor component={Link} to="/outcomes/integration" fw={600} data-testid="to-integration">
          {t('integration.title')}
        </Anchor>
      </Group>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ cohorts, followUps }) => {
          // A wave just recorded leaves a list that does not ask for recorded waves, before the list is read again.
          const visible = followUps.edges.filter(({ node }) => states.includes(node.state));
          const ids = visible.map(({ node }) => node.id);
          const recorded = (id: string) => {
            const row = visible.find(({ node }) => node.id === id);
            setRecordedName(row ? readFollowUp(row.node).person.fullName : null);
            setFocusId(nextRowId(ids, id));
          };
          return (
            <Stack gap="md">
              <Group align="flex-end" gap="md" wrap="wrap">
                <Select
                  label={t('filters.cohort')}
                  placeholder={t('filters.allCohorts')}
                  data={cohorts.edges.map(({ node }) => ({ value: node.id, label: node.label }))}
                  value={cohortId}
                  onChange={(value) => setFilter('cohort', value)}
                  clearable
                  searchable
                  w={{ base: '100%', xs: 280 }}
                  data-testid="cohort-filter"
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="state-filter-label">
                    {t('followUp.stateFilter')}
                  </Text>
                  <Chip.Group
                    multiple
                    value={states}
                    onChange={(value) => setFilter('states', value.length > 0 ? value.join(',') : null)}
                  >
                    <Group
                      gap="xs"
                      role="group"
                      aria-labelledby="state-filter-label"
                      data-testid="state-filter"
                    >
                      {FOLLOW_UP_STATES.map((state) => (
                        <Chip key={state} value={state} size="sm">
                          {t(`followUp.state.${state}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </Stack>
                <Text data-testid="follow-up-count" ms="auto">
                  {t('followUp.count', { count: followUps.totalCount })}
                </Text>
              </Group>
              {recordedName && (
                <Alert
                  color="teal"
                  variant="light"
                  role="status"
                  data-testid="outcome-recorded"
                  withCloseButton
                  closeButtonLabel={t('common.close')}
                  onClose={() => setRecordedName(null)}
                >
                  {t('followUp.recorded', { name: recordedName })}
                </Alert>
              )}
              {visible.length === 0 ? (
                <Text c="dimmed" data-testid="follow-up-empty">
                  {t('followUp.empty')}
                </Text>
              ) : (
                <Stack
                  component="ul"
                  gap="sm"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  data-testid="follow-up-list"
                >
                  {visible.map(({ node }) => (
                    <FollowUpRow
                      key={node.id}
                      outcome={node}
                      canWrite={canWrite}
                      autoFocus={focusId === node.id}
                      onRecorded={recorded}
                    />
                  ))}
                </Stack>
              )}
              {followUps.pageInfo.hasNextPage && (
                <Button
                  variant="default"
                  loading={result.fetching}
                  onClick={() => pages.more(followUps.pageInfo.endCursor)}
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
