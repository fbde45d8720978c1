import { Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { MyPlacementCard } from '../components/my-placement-card';
import { QueryBoundary } from '../components/query-boundary';
import { SectionButtons } from '../components/section-buttons';
import { WelcomeCard } from '../components/welcome-card';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import type { NavItem } from '../shells/nav-items';

const TraineeHomePageQuery = graphql(`
  query TraineeHomePage {
    me {
      id
      displayName
    }
    currentTenant {
      id
      ...WelcomeCard_TenantFragment
    }
  }
`);

// Apart from the page's own query: a placement that cannot be read must not hide the rest of the home.
const TraineePlacementQuery = graphql(`
  query TraineePlacement {
    placements(first: 3, filter: { status: [CONFIRMED, ACTIVE] }) {
      edges {
        node {
          id
          ...MyPlacementCard_PlacementFragment
        }
      }
    }
  }
`);

export function TraineeHomePage({ items }: { items: readonly NavItem[] }) {
  const [result, reexecute] = useQuery({ query: TraineeHomePageQuery });
  const [placement] = useQuery({ query: TraineePlacementQuery });
  const t = useT();
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => (
        <Stack gap="lg">
          <WelcomeCard name={data.me?.displayName ?? ''} tenant={data.currentTenant} />
          {placement.data?.placements.edges.map(({ node }) => (
            <MyPlacementCard key={node.id} placement={node} />
          ))}
          <Text size="lg">{t('trainee.intro')}</Text>
          <SectionButtons items={items} />
        </Stack>
      )}
    </QueryBoundary>
  );
}
