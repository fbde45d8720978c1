import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CreateVentureDialog } from '../components/create-venture-dialog';
import { VenturePhaseBadge } from '../components/incubation-badges';
import { ListTable } from '../components/list-table';
import { PagerButtons } from '../components/pager-buttons';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import type { VenturePhase } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatMad } from '../lib/incubation-format';
import { useDebouncedText } from '../lib/use-debounced-text';
import { useKeptResult } from '../lib/use-kept-result';
import { usePager } from '../lib/use-pager';
import { VENTURE_PHASES } from '../lib/venture-phase';
import { useIncubationRights } from '../session/incubation-permissions';
import { useRoles } from '../session/timetable-permissions';

const PAGE_SIZE = 25;

const VenturesPageQuery = graphql(`
  query VenturesPage($phase: VenturePhase, $search: String, $first: Int!, $after: String) {
    ventures(phase: $phase, search: $search, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          sector
          phase
          cohort {
            id
            label
          }
          coach {
            id
            displayName
          }
          jobs {
            id
            total
          }
          totalFundingMad
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The incubator's ventures by name, filtered by phase and searched; a coach sees only theirs. */
export function VenturesPage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const coach = useRoles().every((role) => role === 'COACH');
  const rights = useIncubationRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('phase');
  const phase = VENTURE_PHASES.find((p) => p === wanted) ?? null;
  const search = params.get('q')?.trim() ?? '';
  const update = (next: { phase?: VenturePhase | null; search?: string }) => {
    const merged = { phase: next.phase === undefined ? phase : next.phase, search: next.search ?? search };
    const out = new URLSearchParams();
    if (merged.phase) out.set('phase', merged.phase);
    if (merged.search.trim()) out.set('q', merged.search.trim());
    setParams(out, { replace: true });
  };
  const [text, setText, flush] = useDebouncedText(search, (value) => update({ search: value }));
  const listKey = `${phase ?? ''}|${search}`;
  const pager = usePager(listKey);
  const [result, reexecute] = useQuery({
    query: VenturesPageQuery,
    variables: { phase, search: search || null, first: PAGE_SIZE, after: pager.after },
  });
  const { shown, stale } = useKeptResult(result);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{coach ? t('ventures.mine') : t('ventures.title')}</Title>
        {rights.writeVentures && (
          <Button onClick={() => setCreating(true)} data-testid="new-venture">
            {t('ventures.new')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="md">
        <TextInput
          type="search"
          name="q"
          label={t('filters.search')}
          placeholder={t('ventures.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') flush();
          }}
          w={280}
          maw="100%"
        />
        <Select
          name="phase"
          label={t('ventures.phase')}
          data={[
            { value: '', label: t('ventures.allPhases') },
            ...VENTURE_PHASES.map((p) => ({ value: p, label: t(`venturePhase.${p}`) })),
          ]}
          value={phase ?? ''}
          onChange={(value) => update({ phase: VENTURE_PHASES.find((p) => p === value) ?? null })}
          allowDeselect={false}
          w={240}
          maw="100%"
        />
      </Group>
      <QueryBoundary result={shown} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ ventures }) => (
          <Stack gap="md" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}>
            <Text aria-live="polite" data-testid="venture-count">
              {t('ventures.count', { count: ventures.totalCount })}
            </Text>
            {ventures.edges.length === 0 ? (
              <Text c="dimmed">{coach ? t('ventures.emptyCoach') : t('ventures.empty')}</Text>
            ) : (
              <ListTable
                minWidth={760}
                testId="ventures-table"
                headers={[
                  t('venture.name'),
                  t('filters.cohort'),
                  t('ventures.phase'),
                  t('venture.coach'),
                  t('venture.jobs'),
                  t('venture.funding'),
                ]}
              >
                {ventures.edges.map(({ node }) => (
                  <Table.Tr key={node.id} data-testid="venture-row" data-venture={node.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/ventures/${node.id}`} fw={600}>
                        {node.name}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        <bdi>{node.sector}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>{node.cohort ? <bdi>{node.cohort.label}</bdi> : '—'}</Table.Td>
                    <Table.Td>
                      <VenturePhaseBadge phase={node.phase} />
                    </Table.Td>
                    <Table.Td>{node.coach?.displayName ?? '—'}</Table.Td>
                    <Table.Td>{node.jobs ? format.number(node.jobs.total) : '—'}</Table.Td>
                    <Table.Td>
                      {node.totalFundingMad > 0 ? formatMad(node.totalFundingMad, locale) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            )}
            <PagerButtons
              pager={pager}
              pageSize={PAGE_SIZE}
              connection={ventures}
              fetching={result.fetching}
            />
          </Stack>
        )}
      </QueryBoundary>
      <CreateVentureDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(ventureId) => {
          setCreating(false);
          navigate(`/ventures/${ventureId}`);
        }}
      />
    </Stack>
  );
}
