import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { HostTraineeCard } from '../components/host-trainee-card';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';

const HostTraineesPageQuery = graphql(`
  query HostTraineesPage {
    current: placements(first: 100, filter: { status: [CONFIRMED, ACTIVE] }) {
      totalCount
      edges {
        node {
          id
          ...HostTraineeCard_PlacementFragment
        }
      }
    }
    past: placements(first: 20, filter: { status: [COMPLETED, ENDED_EARLY] }) {
      edges {
        node {
          id
          ...HostTraineeCard_PlacementFragment
        }
      }
    }
  }
`);

/** The trainees at the artisan's workshop now and to come, then those who have left. */
export function HostTraineesPage() {
  const [result, reexecute] = useQuery({ query: HostTraineesPageQuery });
  const t = useT();
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ current, past }) => (
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t('hostHome.trainees', { count: current.totalCount })}
          </Title>
          <Stack gap="sm" data-testid="host-trainees">
            {current.edges.length === 0 ? (
              <Text size="lg" c="dimmed">
                {t('hostHome.noTrainee')}
              </Text>
            ) : (
              current.edges.map(({ node }) => <HostTraineeCard key={node.id} placement={node} />)
            )}
          </Stack>
          {past.edges.length > 0 && (
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('hostHome.pastTrainees')}
              </Title>
              {past.edges.map(({ node }) => (
                <HostTraineeCard key={node.id} placement={node} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </QueryBoundary>
  );
}
