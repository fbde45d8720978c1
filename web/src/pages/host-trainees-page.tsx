import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { HostAssessment } from '../components/host-assessment';
import { HostTraineeCard } from '../components/host-trainee-card';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import type { PlacementStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';

const HostTraineesPageQuery = graphql(`
  query HostTraineesPage {
    current: placements(first: 100, filter: { status: [CONFIRMED, ACTIVE] }) {
      totalCount
      edges {
        node {
          id
          status
          enrollment {
            id
            ...HostAssessment_EnrollmentFragment
          }
          ...HostTraineeCard_PlacementFragment
        }
      }
    }
    past: placements(first: 20, filter: { status: [COMPLETED, ENDED_EARLY] }) {
      edges {
        node {
          id
          status
          enrollment {
            id
            ...HostAssessment_EnrollmentFragment
          }
          ...HostTraineeCard_PlacementFragment
        }
      }
    }
  }
`);

// A trainee is marked once they have worked in the workshop: not before their placement starts.
const MARKABLE: readonly PlacementStatus[] = ['ACTIVE', 'COMPLETED', 'ENDED_EARLY'];

/** The trainees at the artisan's workshop now and to come, then those who have left; each with the artisan's final mark. */
export function HostTraineesPage() {
  const [result, reexecute] = useQuery({ query: HostTraineesPageQuery });
  const t = useT();
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ current, past }) => {
        // A trainee who came back for a second placement is marked once, on the latest.
        const marked = new Set<string>();
        const markHere = (node: { status: PlacementStatus; enrollment: { id: string } }) => {
          if (!MARKABLE.includes(node.status) || marked.has(node.enrollment.id)) return false;
          marked.add(node.enrollment.id);
          return true;
        };
        const withMark = current.edges.map(({ node }) => ({ node, mark: markHere(node) }));
        const pastWithMark = past.edges.map(({ node }) => ({ node, mark: markHere(node) }));
        return (
          <Stack gap="lg">
            <Title order={1} size="h2">
              {t('hostHome.trainees', { count: current.totalCount })}
            </Title>
            <Stack gap="sm" data-testid="host-trainees">
              {withMark.length === 0 ? (
                <Text size="lg" c="dimmed">
                  {t('hostHome.noTrainee')}
                </Text>
              ) : (
                withMark.map(({ node, mark }) => (
                  <Stack key={node.id} gap={4}>
                    <HostTraineeCard placement={node} />
                    {mark && <HostAssessment enrollment={node.enrollment} />}
                  </Stack>
                ))
              )}
            </Stack>
            {pastWithMark.length > 0 && (
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('hostHome.pastTrainees')}
                </Title>
                {pastWithMark.map(({ node, mark }) => (
                  <Stack key={node.id} gap={4}>
                    <HostTraineeCard placement={node} />
                    {mark && <HostAssessment enrollment={node.enrollment} />}
                  </Stack>
                ))}
              </Stack>
            )}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
