import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { MemberRow } from '../components/member-row';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';

const PAGE_SIZE = 20;

const MembersPageQuery = graphql(`
  query MembersPage($first: Int!, $after: String) {
    currentTenant {
      id
      timezone
    }
    members(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          ...MemberRow_MembershipFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Everyone with a role in the centre. Pages are merged by the cache (relay pagination). */
export function MembersPage() {
  const t = useT();
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery({ query: MembersPageQuery, variables: { first: PAGE_SIZE, after } });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('members.title')}</Title>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ members, currentTenant }) => (
          <>
            <Text>{t('members.count', { count: members.totalCount })}</Text>
            {members.edges.length === 0 ? (
              <Text c="dimmed">{t('members.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('members.name')}</Table.Th>
                      <Table.Th>{t('members.role')}</Table.Th>
                      <Table.Th>{t('members.since')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.edges.map(({ node }) => (
                      <MemberRow key={node.id} membership={node} timeZone={currentTenant.timezone} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {members.pageInfo.hasNextPage && (
              <Button
                variant="light"
                loading={result.fetching}
                onClick={() => setAfter(members.pageInfo.endCursor ?? null)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('members.loadMore')}
              </Button>
            )}
          </>
        )}
      </QueryBoundary>
    </Stack>
  );
}
