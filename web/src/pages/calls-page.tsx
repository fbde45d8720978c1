import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CallStatusBadge } from '../components/incubation-badges';
import { JurorCallCard } from '../components/juror-call-card';
import { ListTable } from '../components/list-table';
import { PagerButtons } from '../components/pager-buttons';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import type { CallStatus } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { callTitle } from '../lib/incubation-format';
import { usePager } from '../lib/use-pager';
import { useIncubationRights } from '../session/incubation-permissions';

const PAGE_SIZE = 25;
const STATUSES: readonly CallStatus[] = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'];

const CallsPageQuery = graphql(`
  query CallsPage($status: CallStatus, $first: Int!, $after: String) {
    calls(status: $status, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          kind
          titleFr
          titleAr
          opensOn
          closesOn
          status
          applicationCount
          ...JurorCallCard_CallFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Staff: every call of the centre; a juror: the calls they sit on, with what is left to score. */
export function CallsPage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const rights = useIncubationRights();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('status');
  const status = STATUSES.find((s) => s === wanted) ?? null;
  const pager = usePager(status ?? '');
  const [result, reexecute] = useQuery({
    query: CallsPageQuery,
    variables: { status, first: PAGE_SIZE, after: pager.after },
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('calls.title')}</Title>
        {rights.writeCalls && (
          <Button component={Link} to="/calls/new" data-testid="new-call">
            {t('calls.new')}
          </Button>
        )}
      </Group>
      {rights.jurorOnly && <Text c="dimmed">{t('calls.jurorIntro')}</Text>}
      <Select
        name="status"
        label={t('filters.status')}
        data={[
          { value: '', label: t('filters.allStatuses') },
          ...STATUSES.map((s) => ({ value: s, label: t(`callStatus.${s}`) })),
        ]}
        value={status ?? ''}
        onChange={(value) => setParams(value ? { status: value } : {})}
        allowDeselect={false}
        maw={260}
      />
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ calls }) => (
          <Stack gap="md">
            <Text aria-live="polite" data-testid="call-count">
              {t('calls.count', { count: calls.totalCount })}
            </Text>
            {calls.edges.length === 0 ? (
              <Text c="dimmed">{rights.jurorOnly ? t('calls.emptyJuror') : t('calls.empty')}</Text>
            ) : rights.jurorOnly ? (
              // Jurors score on the move: cards rather than a table wider than a phone.
              <Stack gap="sm" data-testid="juror-calls">
                {calls.edges.map(({ node }) => (
                  <JurorCallCard key={node.id} call={node} />
                ))}
              </Stack>
            ) : (
              <ListTable
                minWidth={720}
                testId="calls-table"
                headers={[t('call.title'), t('call.window'), t('filters.status'), t('call.applications')]}
              >
                {calls.edges.map(({ node }) => (
                  <Table.Tr key={node.id} data-testid="call-row" data-call={node.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/calls/${node.id}`} fw={600}>
                        {callTitle(node, locale)}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {t(`callKind.${node.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t('call.dates', {
                        start: format.day(node.opensOn),
                        end: format.day(node.closesOn),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <CallStatusBadge status={node.status} />
                    </Table.Td>
                    <Table.Td>{format.number(node.applicationCount)}</Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            )}
            <PagerButtons pager={pager} pageSize={PAGE_SIZE} connection={calls} fetching={result.fetching} />
          </Stack>
        )}
      </QueryBoundary>
    </Stack>
  );
}
