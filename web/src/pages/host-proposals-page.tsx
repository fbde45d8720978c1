import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { useAnswerNotice } from '../components/answer-notice';
import { HostTraineeCard } from '../components/host-trainee-card';
import { ProposalCard } from '../components/proposal-card';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';

const HostProposalsPageQuery = graphql(`
  query HostProposalsPage {
    proposals: placements(first: 100, filter: { status: [PROPOSED] }) {
      totalCount
      edges {
        node {
          id
          ...ProposalCard_PlacementFragment
        }
      }
    }
    answered: placements(first: 20, filter: { status: [CONFIRMED, ACTIVE, DECLINED] }) {
      edges {
        node {
          id
          ...HostTraineeCard_PlacementFragment
        }
      }
    }
  }
`);

/** Every proposal waiting for the artisan's answer, then their latest answers. */
export function HostProposalsPage() {
  const [result, reexecute] = useQuery({ query: HostProposalsPageQuery });
  const t = useT();
  const { notice, onAnswered } = useAnswerNotice();
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ proposals, answered }) => (
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t('hostHome.proposals', { count: proposals.totalCount })}
          </Title>
          {notice}
          <Stack gap="sm" data-testid="host-proposals">
            {proposals.edges.length === 0 ? (
              <Text size="lg" c="dimmed">
                {t('hostHome.noProposal')}
              </Text>
            ) : (
              proposals.edges.map(({ node }) => (
                <ProposalCard key={node.id} placement={node} onAnswered={onAnswered} />
              ))
            )}
          </Stack>
          {answered.edges.length > 0 && (
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('hostHome.answered')}
              </Title>
              {answered.edges.map(({ node }) => (
                <HostTraineeCard key={node.id} placement={node} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </QueryBoundary>
  );
}
