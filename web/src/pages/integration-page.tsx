import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryBoundary } from '../components/query-boundary';
import { type RateBar, RateBars } from '../components/rate-bars';
import { ReportScopeControl, reportScopeFrom } from '../components/report-scope-control';
import { useWaveLabel } from '../components/use-wave-label';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { indicatorYears } from '../lib/course-format';
import { formatPercent } from '../lib/graduation';
import { bySexOrder, byWaveOrder, type RateFigures, waveFrom, yearFrom } from '../lib/integration';
import { FOLLOW_UP_WAVES, OUTCOME_STATUSES } from '../lib/outcomes';
import { useCentreToday } from '../lib/use-centre-today';
import { useUrlFilters } from '../lib/use-url-filters';
import { seesNetwork } from '../session/graduation-permissions';
import { useRoles } from '../session/timetable-permissions';

const IntegrationFiguresFields = graphql(`
  fragment IntegrationPage_IntegrationFiguresFragment on IntegrationFigures {
    key
    labelAr
    graduates
    surveyed
    notSurveyed
    unreachable
    reached
    integrated
    rate
    byStatus {
      status
      count
    }
  }
`);

const IntegrationPageQuery = graphql(`
  query IntegrationPage($year: Int, $wave: Int, $scope: ReportScope) {
    trades {
      id
      code
      nameFr
      nameAr
    }
    integration(year: $year, wave: $wave, scope: $scope) {
      year
      wave
      scope
      total {
        ...IntegrationPage_IntegrationFiguresFragment
      }
      byCentre {
        ...IntegrationPage_IntegrationFiguresFragment
      }
      byTrade {
        ...IntegrationPage_IntegrationFiguresFragment
      }
      byCohort {
        ...IntegrationPage_IntegrationFiguresFragment
      }
      bySex {
        ...IntegrationPage_IntegrationFiguresFragment
      }
      byWave {
        ...IntegrationPage_IntegrationFiguresFragment
      }
    }
  }
`);

const ALL = 'all';

type Figures = RateFigures & { notSurveyed: number; byStatus: readonly { status: string; count: number }[] };
const read = (rows: readonly FragmentType<typeof IntegrationFiguresFields>[]): Figures[] =>
  rows.map((row) => readFragment(IntegrationFiguresFields, row));

/**
 * The integration of graduates: the rate (integrated ÷ reached) with the unreachable always beside it,
 * then by centre, trade, cohort, sex and wave, for a training year or all of them.
 */
export function IntegrationPage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const roles = useRoles();
  const network = seesNetwork(roles);
  const thisYear = Number(useCentreToday().slice(0, 4));
  const { params, setFilter: setParam } = useUrlFilters<'year' | 'wave' | 'scope'>();
  const year = yearFrom(params.get('year'), thisYear);
  const wave = waveFrom(params.get('wave'));
  const scope = reportScopeFrom(params.get('scope'), network);
  const [result, reexecute] = useQuery({ query: IntegrationPageQuery, variables: { year, wave, scope } });

  // « all » years and each graduate's « latest » wave are the address without the parameter.
  const setFilter = (key: 'year' | 'wave' | 'scope', value: string | null) =>
    setParam(key, value === ALL ? null : value);

  const ar = locale === 'ar-MA';
  const sexLabel = (key: string) => (key === 'F' || key === 'M' ? t(`sex.${key}`) : key);
  const monthsLabel = useWaveLabel();
  const waveLabel = (key: string) => monthsLabel(Number(key));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('integration.title')}</Title>
          <Text c="dimmed">{t('integration.intro')}</Text>
        </div>
        <Anchor component={Link} to="/outcomes" fw={600}>
          {t('followUp.title')}
        </Anchor>
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('integration.year')}
          data={[
            { value: ALL, label: t('integration.allYears') },
            ...indicatorYears(thisYear, 8).map((y) => ({
              value: String(y),
              label: t('report.trainingYear', { year: y, next: y + 1 }),
            })),
          ]}
          value={year === null ? ALL : String(year)}
          onChange={(value) => setFilter('year', value)}
          allowDeselect={false}
          w={200}
          data-testid="year-filter"
        />
        <Select
          label={t('integration.wave')}
          data={[
            { value: ALL, label: t('integration.latestWave') },
            ...FOLLOW_UP_WAVES.map((w) => ({ value: String(w), label: waveLabel(String(w)) })),
          ]}
          value={wave === null ? ALL : String(wave)}
          onChange={(value) => setFilter('wave', value)}
          allowDeselect={false}
          w={220}
          data-testid="wave-filter"
        />
        {network && (
          <ReportScopeControl
            labelId="integration-scope"
            value={scope}
            onChange={(value) => setFilter('scope', value)}
            testId="scope-filter"
          />
        )}
      </Group>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ integration, trades }) => {
          const [total] = read([integration.total]) as [Figures];
          const bars = (rows: readonly Figures[], label: (row: Figures) => string): RateBar[] =>
            rows.map((row) => ({ key: row.key, label: label(row), figures: row }));
          const tradeLabel = (row: Figures) => {
            const trade = trades.find((tr) => tr.code === row.key);
            if (ar) return row.labelAr ?? trade?.nameAr ?? row.key;
            return trade?.nameFr ?? row.key;
          };
          const centreLabel = (row: Figures) => (ar && row.labelAr ? row.labelAr : row.key);
          const byCentre = read(integration.byCentre);
          return (
            <Stack gap="xl">
              <Card withBorder radius="md" padding="lg" data-testid="integration-total">
                <Group align="flex-end" gap="xl" wrap="wrap">
                  <div>
                    <Text size="sm" c="dimmed">
                      {t('integration.rate')}
                    </Text>
                    <Text fz={44} fw={800} lh={1.1} c="teal.9" data-testid="integration-rate">
                      {total.rate === null || total.rate === undefined
                        ? '—'
                        : formatPercent(total.rate, locale)}
                    </Text>
                  </div>
                  <div>
                    <Text size="sm" c="dimmed">
                      {t('integration.unreachable')}
                    </Text>
                    <Text fz={28} fw={700} lh={1.1} data-testid="integration-unreachable">
                      {format.number(total.unreachable)}
                    </Text>
                  </div>
                  <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" style={{ flex: 1 }}>
                    <Figure label={t('integration.graduates')} value={format.number(total.graduates)} />
                    <Figure label={t('integration.surveyed')} value={format.number(total.surveyed)} />
                    <Figure label={t('integration.reached')} value={format.number(total.reached)} />
                    <Figure label={t('integration.integrated')} value={format.number(total.integrated)} />
                  </SimpleGrid>
                </Group>
                <Text size="sm" c="dimmed" mt="sm">
                  {t('integration.definition', { notSurveyed: format.number(total.notSurveyed) })}
                </Text>
              </Card>
              {(integration.scope === 'NETWORK' || byCentre.length > 1) && (
                <RateBars
                  title={t('integration.byCentre')}
                  bars={bars(byCentre, centreLabel)}
                  testId="by-centre"
                />
              )}
              <RateBars
                title={t('integration.byTrade')}
                bars={bars(read(integration.byTrade), tradeLabel)}
                testId="by-trade"
              />
              <RateBars
                title={t('integration.byCohort')}
                bars={bars(read(integration.byCohort), (row) => row.key)}
                testId="by-cohort"
              />
              <RateBars
                title={t('integration.bySex')}
                bars={bars(bySexOrder(read(integration.bySex)), (row) => sexLabel(row.key))}
                testId="by-sex"
              />
              <RateBars
                title={t('integration.byWave')}
                bars={bars(byWaveOrder(read(integration.byWave)), (row) => waveLabel(row.key))}
                testId="by-wave"
              />
              <Stack gap="xs">
                <Title order={3} size="h4">
                  {t('integration.byStatus')}
                </Title>
                <Table maw={560} data-testid="by-status">
                  <Table.Tbody>
                    {OUTCOME_STATUSES.map((status) => (
                      <Table.Tr key={status} data-status={status}>
                        <Table.Td>{t(`outcome.status.${status}`)}</Table.Td>
                        <Table.Td ta="end" fw={600}>
                          {format.number(total.byStatus.find((s) => s.status === status)?.count ?? 0)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}
