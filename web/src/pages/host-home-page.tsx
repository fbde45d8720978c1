import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAnswerNotice } from '../components/answer-notice';
import { HostTraineeCard } from '../components/host-trainee-card';
import { ProposalCard } from '../components/proposal-card';
import { QueryBoundary } from '../components/query-boundary';
import { WelcomeCard } from '../components/welcome-card';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import type { NavItem } from '../shells/nav-items';

const HostHomePageQuery = graphql(`
  query HostHomePage {
    me {
      id
      displayName
    }
    currentTenant {
      id
      ...WelcomeCard_TenantFragment
    }
    proposals: placements(first: 50, filter: { status: [PROPOSED] }) {
      totalCount
      edges {
        node {
          id
          ...ProposalCard_PlacementFragment
        }
      }
    }
    trainees: placements(first: 50, filter: { status: [CONFIRMED, ACTIVE] }) {
      totalCount
      edges {
        node {
          id
          ...HostTraineeCard_PlacementFragment
        }
      }
    }
  }
`);

/**
 * The artisan's phone: first what waits for their answer, each with yes and no in one tap, then the
 * trainees at their workshop. The server shows them only their own host's placements.
 */
export function HostHomePage({ items }: { items: readonly NavItem[] }) {
  const [result, reexecute] = useQuery({ query: HostHomePageQuery });
  const t = useT();
  const { notice, onAnswered } = useAnswerNotice();
  const traineesPath = items.find((item) => item.page === 'hostTrainees')?.path;
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => (
        <Stack gap="lg">
          <WelcomeCard name={data.me?.displayName ?? ''} tenant={data.currentTenant} />
          {notice}
          <Stack gap="sm" component="section" aria-labelledby="proposals-title" data-testid="host-proposals">
            <Title order={2} size="h3" id="proposals-title">
              {t('hostHome.proposals', { count: data.proposals.totalCount })}
            </Title>
            {data.proposals.edges.length === 0 ? (
              <Text size="lg" c="dimmed">
                {t('hostHome.noProposal')}
              </Text>
            ) : (
              data.proposals.edges.map(({ node }) => (
                <ProposalCard key={node.id} placement={node} onAnswered={onAnswered} />
              ))
            )}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="trainees-title" data-testid="host-trainees">
            <Title order={2} size="h3" id="trainees-title">
              {t('hostHome.trainees', { count: data.trainees.totalCount })}
            </Title>
            {data.trainees.edges.length === 0 ? (
              <Text size="lg" c="dimmed">
                {t('hostHome.noTrainee')}
              </Text>
            ) : (
              data.trainees.edges.map(({ node }) => <HostTraineeCard key={node.id} placement={node} />)
            )}
            {traineesPath && data.trainees.totalCount > 0 && (
              <Button component={Link} to={traineesPath} variant="light" size="lg" fullWidth>
                {t('hostHome.allTrainees')}
              </Button>
            )}
          </Stack>
        </Stack>
      )}
    </QueryBoundary>
  );
}
