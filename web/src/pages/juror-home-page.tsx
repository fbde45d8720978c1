import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { JurorCallCard } from '../components/juror-call-card';
import { QueryBoundary } from '../components/query-boundary';
import { WelcomeCard } from '../components/welcome-card';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';

const JurorHomePageQuery = graphql(`
  query JurorHomePage {
    me {
      id
      displayName
    }
    currentTenant {
      id
      ...WelcomeCard_TenantFragment
    }
    calls(first: 20) {
      totalCount
      edges {
        node {
          id
          ...JurorCallCard_CallFragment
        }
      }
    }
  }
`);

/** A juror's phone: the calls they sit on, what each still needs from them, one tap to go on scoring. */
export function JurorHomePage() {
  const t = useT();
  const [result, reexecute] = useQuery({ query: JurorHomePageQuery });
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => (
        <Stack gap="lg">
          <WelcomeCard name={data.me?.displayName ?? ''} tenant={data.currentTenant} />
          <Stack gap="sm" component="section" aria-labelledby="my-calls-title" data-testid="juror-calls">
            <Title order={2} size="h3" id="my-calls-title">
              {t('jurorHome.calls')}
            </Title>
            {data.calls.edges.length === 0 ? (
              <Text size="lg" c="dimmed">
                {t('calls.emptyJuror')}
              </Text>
            ) : (
              data.calls.edges.map(({ node }) => <JurorCallCard key={node.id} call={node} />)
            )}
          </Stack>
        </Stack>
      )}
    </QueryBoundary>
  );
}
