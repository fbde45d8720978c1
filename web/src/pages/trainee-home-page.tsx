import { Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
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

export function TraineeHomePage({ items }: { items: readonly NavItem[] }) {
  const [result, reexecute] = useQuery({ query: TraineeHomePageQuery });
  const t = useT();
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => (
        <Stack gap="lg">
          <WelcomeCard name={data.me?.displayName ?? ''} tenant={data.currentTenant} />
          <Text size="lg">{t('trainee.intro')}</Text>
          <SectionButtons items={items} />
        </Stack>
      )}
    </QueryBoundary>
  );
}
