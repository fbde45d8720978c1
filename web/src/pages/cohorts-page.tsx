import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CohortForm } from '../components/cohort-form';
import { CohortRow } from '../components/cohort-row';
import { ProgrammeForm } from '../components/programme-form';
import { QueryBoundary } from '../components/query-boundary';
import { TradeForm } from '../components/trade-form';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { useLoadMore } from '../lib/use-pager';
import { useCanWriteEnrollment } from '../session/permissions';

const PAGE_SIZE = 20;

const CohortsPageQuery = graphql(`
  query CohortsPage($first: Int!, $after: String, $tradeId: ID) {
    trades {
      id
      code
      nameFr
      nameAr
    }
    programmes {
      id
      nameFr
      nameAr
      trade {
        id
        nameFr
        nameAr
      }
    }
    cohorts(first: $first, after: $after, tradeId: $tradeId) {
      totalCount
      edges {
        node {
          id
          ...CohortRow_CohortFragment
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Dialog = 'cohort' | 'programme' | 'trade' | null;

/** Every cohort of the centre, newest first, by trade; writers create cohorts, programmes and trades. */
export function CohortsPage() {
  const t = useT();
  const { locale } = useLocale();
  const canWrite = useCanWriteEnrollment();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tradeId = params.get('trade') || null;
  const pages = useLoadMore(tradeId ?? '');
  const [result, reexecute] = useQuery({
    query: CohortsPageQuery,
    variables: { first: PAGE_SIZE, after: pages.after, tradeId },
  });
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('cohorts.title')}</Title>
        {canWrite && (
          <Group gap="xs">
            <Button onClick={() => setDialog('cohort')}>{t('cohort.new')}</Button>
            <Button variant="default" onClick={() => setDialog('programme')}>
              {t('programme.new')}
            </Button>
            <Button variant="default" onClick={() => setDialog('trade')}>
              {t('trade.new')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ trades, programmes, cohorts }) => (
          <>
            <Group align="flex-end" justify="space-between">
              <Select
                label={t('filters.trade')}
                placeholder={t('filters.allTrades')}
                data={trades.map((trade) => ({ value: trade.id, label: localName(trade, locale) }))}
                value={tradeId}
                onChange={(value) => setParams(value ? { trade: value } : {})}
                clearable
                w={{ base: '100%', xs: 280 }}
                data-testid="trade-filter"
              />
              <Text data-testid="cohort-count">{t('cohorts.count', { count: cohorts.totalCount })}</Text>
            </Group>
            {cohorts.edges.length === 0 ? (
              <Text c="dimmed">{t('cohorts.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cohort.label')}</Table.Th>
                      <Table.Th>{t('cohort.tradeAndProgramme')}</Table.Th>
                      <Table.Th>{t('cohort.period')}</Table.Th>
                      <Table.Th>{t('cohort.capacity')}</Table.Th>
                      <Table.Th>{t('cohort.active')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cohorts.edges.map(({ node }) => (
                      <CohortRow key={node.id} cohort={node} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {cohorts.pageInfo.hasNextPage && (
              <Button
                variant="default"
                loading={result.fetching}
                onClick={() => pages.more(cohorts.pageInfo.endCursor)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('common.loadMore')}
              </Button>
            )}
            <AppModal
              opened={dialog === 'cohort'}
              onClose={() => setDialog(null)}
              title={t('cohort.new')}
              size="lg"
            >
              {programmes.length === 0 ? (
                <Text>{t('cohort.noProgramme')}</Text>
              ) : (
                <CohortForm
                  mode="create"
                  programmes={programmes}
                  onDone={(id) => {
                    setDialog(null);
                    navigate(`/cohorts/${id}`);
                  }}
                />
              )}
            </AppModal>
            <AppModal
              opened={dialog === 'programme'}
              onClose={() => setDialog(null)}
              title={t('programme.new')}
              size="lg"
            >
              {trades.length === 0 ? (
                <Text>{t('programme.noTrade')}</Text>
              ) : (
                <ProgrammeForm trades={trades} onDone={() => setDialog('cohort')} />
              )}
            </AppModal>
            <AppModal opened={dialog === 'trade'} onClose={() => setDialog(null)} title={t('trade.new')}>
              <TradeForm onDone={() => setDialog('programme')} />
            </AppModal>
          </>
        )}
      </QueryBoundary>
    </Stack>
  );
}
