import { Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { FormErrors } from '../components/form-errors';
import { QueryBoundary } from '../components/query-boundary';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { ReportFormat, ReportScope } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { indicatorYearFrom, indicatorYears } from '../lib/course-format';
import { formatPercent } from '../lib/graduation';
import { OUTCOME_STATUSES } from '../lib/outcomes';
import { useCentreToday } from '../lib/use-centre-today';
import { useFileDownload } from '../lib/use-file-download';
import { seesNetwork } from '../session/graduation-permissions';
import { useRoles } from '../session/timetable-permissions';

const CentreActivityFields = graphql(`
  fragment ActivityReportPage_CentreActivityFragment on CentreActivity {
    tenant {
      id
    }
    name
    nameAr
    trainees
    women
    trainedInside
    trainedOutside
    graduates
    graduatesWomen
    byTrade {
      tradeCode
      tradeFr
      tradeAr
      trainees
      women
      graduates
      share
    }
    outcomes {
      status
      count
    }
    integration {
      key
      graduates
      surveyed
      reached
      integrated
      unreachable
      rate
    }
  }
`);

const ActivityReportPageQuery = graphql(`
  query ActivityReportPage($year: Int!, $scope: ReportScope) {
    activityReport(year: $year, scope: $scope) {
      year
      scope
      centres {
        ...ActivityReportPage_CentreActivityFragment
      }
      total {
        ...ActivityReportPage_CentreActivityFragment
      }
    }
  }
`);

const ExportActivityReportQuery = graphql(`
  query ExportActivityReport($year: Int!, $scope: ReportScope, $format: ReportFormat!) {
    exportActivityReport(year: $year, scope: $scope, format: $format) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

type Centre = ReturnType<typeof readCentre>;
const readCentre = (centre: FragmentType<typeof CentreActivityFields>) =>
  readFragment(CentreActivityFields, centre);

const FORMATS: readonly ReportFormat[] = ['CSV', 'XLSX', 'PDF'];

/**
 * A training year's activity in the tables of the foundation's report: trainees per trade and per
 * centre, trained inside or outside, women, graduates, what became of them; and the same as a file.
 */
export function ActivityReportPage() {
  const t = useT();
  const client = useClient();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const roles = useRoles();
  const network = seesNetwork(roles);
  const thisYear = Number(useCentreToday().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = indicatorYearFrom(params.get('year'), thisYear);
  const scope: ReportScope = network && params.get('scope') !== 'TENANT' ? 'NETWORK' : 'TENANT';
  const [result, reexecute] = useQuery({ query: ActivityReportPageQuery, variables: { year, scope } });
  const files = useFileDownload<ReportFormat>();

  const setFilter = (key: 'year' | 'scope', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };

  const download = (fileFormat: ReportFormat) =>
    files.download(fileFormat, async () => {
      const answer = await client
        .query(
          ExportActivityReportQuery,
          { year, scope, format: fileFormat },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { file: answer.data?.exportActivityReport, error: answer.error };
    });

  const ar = locale === 'ar-MA';
  const centreName = (centre: Centre) => (ar && centre.nameAr ? centre.nameAr : centre.name);
  const n = (value: number) => format.number(value);
  const rate = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatPercent(value, locale);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('report.title', { year, next: year + 1 })}</Title>
          <Text c="dimmed">{t('report.intro', { year })}</Text>
        </div>
        <Group gap="sm" align="flex-end">
          <Select
            name="year"
            label={t('report.year')}
            data={indicatorYears(thisYear, 8).map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(value) => value && setFilter('year', value)}
            allowDeselect={false}
            w={120}
            data-testid="report-year"
          />
          {network && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="report-scope">
                {t('report.scope')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-scope"
                value={scope}
                onChange={(value) => setFilter('scope', value)}
                data={[
                  { value: 'NETWORK', label: t('report.scope.NETWORK') },
                  { value: 'TENANT', label: t('report.scope.TENANT') },
                ]}
                data-testid="report-scope"
              />
            </Stack>
          )}
          {FORMATS.map((fileFormat) => (
            <Button
              key={fileFormat}
              variant="default"
              onClick={() => void download(fileFormat)}
              loading={files.loading === fileFormat}
              data-testid={`export-${fileFormat.toLowerCase()}`}
            >
              {t(`report.export.${fileFormat}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {files.error && <FormErrors ids={[files.error]} />}
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ activityReport }) => {
          const centres = activityReport.centres.map(readCentre);
          const total = readCentre(activityReport.total);
          // One centre: its own line is the total.
          const lines = centres.length > 1 ? [...centres, total] : centres.length === 1 ? centres : [total];
          const isTotal = (centre: Centre) => centres.length > 1 && centre === total;
          const label = (centre: Centre) => (isTotal(centre) ? t('report.total') : centreName(centre));
          return (
            <Stack gap="xl">
              <Stack gap="xs">
                <Title order={2} size="h3">
                  {t('report.summary')}
                </Title>
                <Table.ScrollContainer minWidth={900}>
                  <Table striped withTableBorder data-testid="report-summary">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('report.centre')}</Table.Th>
                        <Table.Th ta="end">{t('report.trainees')}</Table.Th>
                        <Table.Th ta="end">{t('report.women')}</Table.Th>
                        <Table.Th ta="end">{t('report.trainedInside')}</Table.Th>
                        <Table.Th ta="end">{t('report.trainedOutside')}</Table.Th>
                        <Table.Th ta="end">{t('report.graduates')}</Table.Th>
                        <Table.Th ta="end">{t('report.graduatesWomen')}</Table.Th>
                        <Table.Th ta="end">{t('integration.rate')}</Table.Th>
                        <Table.Th ta="end">{t('integration.unreachable')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {lines.map((centre) => (
                        <Table.Tr
                          key={isTotal(centre) ? 'total' : (centre.tenant?.id ?? centre.name)}
                          data-testid={isTotal(centre) ? 'report-total' : 'report-centre'}
                          data-centre={centre.name}
                          fw={isTotal(centre) ? 700 : undefined}
                        >
                          <Table.Th scope="row">{label(centre)}</Table.Th>
                          <Table.Td ta="end" data-testid="trainees">
                            {n(centre.trainees)}
                          </Table.Td>
                          <Table.Td ta="end" data-testid="women">
                            {n(centre.women)}
                          </Table.Td>
                          <Table.Td ta="end" data-testid="inside">
                            {n(centre.trainedInside)}
                          </Table.Td>
                          <Table.Td ta="end" data-testid="outside">
                            {n(centre.trainedOutside)}
                          </Table.Td>
                          <Table.Td ta="end" data-testid="graduates">
                            {n(centre.graduates)}
                          </Table.Td>
                          <Table.Td ta="end">{n(centre.graduatesWomen)}</Table.Td>
                          <Table.Td ta="end" data-testid="integration-rate">
                            {rate(centre.integration.rate)}
                          </Table.Td>
                          <Table.Td ta="end">{n(centre.integration.unreachable)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t('report.byTrade')}
                </Title>
                {lines.map((centre) => (
                  <Table.ScrollContainer minWidth={640} key={isTotal(centre) ? 'total' : centre.name}>
                    <Table striped withTableBorder data-testid="report-trades" data-centre={centre.name}>
                      <Table.Caption style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600 }}>
                        {label(centre)}
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('report.trade')}</Table.Th>
                          <Table.Th ta="end">{t('report.trainees')}</Table.Th>
                          <Table.Th ta="end">{t('report.women')}</Table.Th>
                          <Table.Th ta="end">{t('report.graduates')}</Table.Th>
                          <Table.Th ta="end">{t('report.share')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {centre.byTrade.length === 0 ? (
                          <Table.Tr>
                            <Table.Td colSpan={5}>
                              <Text c="dimmed">{t('report.noTrainee')}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ) : (
                          centre.byTrade.map((trade) => (
                            <Table.Tr key={trade.tradeCode} data-trade={trade.tradeCode}>
                              <Table.Th scope="row">{ar ? trade.tradeAr : trade.tradeFr}</Table.Th>
                              <Table.Td ta="end">{n(trade.trainees)}</Table.Td>
                              <Table.Td ta="end">{n(trade.women)}</Table.Td>
                              <Table.Td ta="end">{n(trade.graduates)}</Table.Td>
                              <Table.Td ta="end">{rate(trade.share)}</Table.Td>
                            </Table.Tr>
                          ))
                        )}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ))}
              </Stack>
              <Stack gap="xs">
                <Title order={2} size="h3">
                  {t('report.outcomes')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('report.outcomesHelp')}
                </Text>
                <Table.ScrollContainer minWidth={640}>
                  <Table striped withTableBorder data-testid="report-outcomes">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('report.category')}</Table.Th>
                        {lines.map((centre) => (
                          <Table.Th ta="end" key={isTotal(centre) ? 'total' : centre.name}>
                            {label(centre)}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {OUTCOME_STATUSES.map((status) => (
                        <Table.Tr key={status} data-status={status}>
                          <Table.Th scope="row">{t(`outcome.status.${status}`)}</Table.Th>
                          {lines.map((centre) => (
                            <Table.Td ta="end" key={isTotal(centre) ? 'total' : centre.name}>
                              {n(centre.outcomes.find((o) => o.status === status)?.count ?? 0)}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                      <Table.Tr fw={700}>
                        <Table.Th scope="row">{t('integration.rate')}</Table.Th>
                        {lines.map((centre) => (
                          <Table.Td ta="end" key={isTotal(centre) ? 'total' : centre.name}>
                            {rate(centre.integration.rate)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}
