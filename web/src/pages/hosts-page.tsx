import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { HostFilters } from '../components/host-filters';
import { HostForm } from '../components/host-form';
import { HostRow } from '../components/host-row';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { toHostFilter, toHostParams, useHostListState } from '../lib/host-filter';
import { useKeptResult } from '../lib/use-kept-result';
import { useLoadMore } from '../lib/use-pager';
import { useCanWritePlacements } from '../session/permissions';

const PAGE_SIZE = 25;

const HostsPageQuery = graphql(`
  query HostsPage($first: Int!, $after: String, $filter: HostFilter) {
    hosts(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          ...HostRow_HostFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const HostChoicesQuery = graphql(`
  query HostChoices {
    trades {
      id
      nameFr
      nameAr
    }
  }
`);

/** The workshops, cooperatives and companies that take trainees, filtered as the address says. */
export function HostsPage() {
  const t = useT();
  const canWrite = useCanWritePlacements();
  const navigate = useNavigate();
  const [state, update] = useHostListState();
  const listKey = toHostParams(state).toString();
  const pages = useLoadMore(listKey);
  const [result, reexecute] = useQuery({
    query: HostsPageQuery,
    variables: { first: PAGE_SIZE, after: pages.after, filter: toHostFilter(state) },
  });
  const [choices] = useQuery({ query: HostChoicesQuery });
  const [creating, setCreating] = useState(false);
  const { shown, stale } = useKeptResult(result);
  const trades = choices.data?.trades ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('hosts.title')}</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>{t('host.new')}</Button>}
      </Group>
      <HostFilters state={state} onChange={update} trades={trades} />
      <QueryBoundary result={shown} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ hosts }) => (
          <Stack gap="lg" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}>
            <Text data-testid="host-count" aria-live="polite">
              {t('hosts.count', { count: hosts.totalCount })}
            </Text>
            {hosts.edges.length === 0 ? (
              <Text c="dimmed">{t('hosts.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="host-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('host.name')}</Table.Th>
                      <Table.Th>{t('host.kind')}</Table.Th>
                      <Table.Th>{t('host.trade')}</Table.Th>
                      <Table.Th>{t('host.province')}</Table.Th>
                      <Table.Th>{t('host.capacity')}</Table.Th>
                      <Table.Th>{t('filters.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {hosts.edges.map(({ node }) => (
                      <HostRow key={node.id} host={node} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {hosts.pageInfo.hasNextPage && (
              <Button
                variant="default"
                loading={result.fetching}
                disabled={stale}
                onClick={() => pages.more(hosts.pageInfo.endCursor)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </QueryBoundary>
      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('host.new')} size="lg">
        {trades.length === 0 ? (
          <Text>{t('programme.noTrade')}</Text>
        ) : (
          <HostForm
            trades={trades}
            onDone={(id) => {
              setCreating(false);
              navigate(`/hosts/${id}`);
            }}
          />
        )}
      </AppModal>
    </Stack>
  );
}
