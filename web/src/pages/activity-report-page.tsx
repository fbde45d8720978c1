import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { FormErrors } from '../components/form-errors';
import { QueryBoundary } from '../components/query-boundary';
import { ReportScopeControl, reportScopeFrom } from '../components/report-scope-control';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { OutcomeStatus, ReportFormat } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { indicatorYearFrom, indicatorYears } from '../lib/course-format';
import { formatPercent } from '../lib/graduation';
import { OUTCOME_STATUSES } from '../lib/outcomes';
import { useCentreToday } from '../lib/use-centre-today';
import { useFileDownload } from '../lib/use-file-download';
import { useUrlFilters } from '../lib/use-url-filters';
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
  const { params, setFilter } = useUrlFilters<'year' | 'scope'>();
  const year = indicatorYearFrom(params.get('year'), thisYear);
  const scope = reportScopeFrom(params.get('scope'), network);
  const [result, reexecute] = useQuery({ query: ActivityReportPageQuery, variables: { year, scope } });
  const files = useFileDownload<ReportFormat>();

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
            <ReportScopeControl
              labelId="report-scope"
              value={scope}
              onChange={(value) => setFilter('scope', value)}
              testId="report-scope"
            />
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
          const keyOf = (centre: Centre) => (isTotal(centre) ? 'total' : (centre.tenant?.id ?? centre.name));
          const summary: Column<Centre>[] = [
            { title: t('report.trainees'), value: (c) => n(c.trainees), testId: 'trainees' },
            { title: t('report.women'), value: (c) => n(c.women), testId: 'women' },
            { title: t('report.trainedInside'), value: (c) => n(c.trainedInside), testId: 'inside' },
            { title: t('report.trainedOutside'), value: (c) => n(c.trainedOutside), testId: 'outside' },
            { title: t('report.graduates'), value: (c) => n(c.graduates), testId: 'graduates' },
            { title: t('report.graduatesWomen'), value: (c) => n(c.graduatesWomen) },
            {
              title: t('integration.rate'),
              value: (c) => rate(c.integration.rate),
              testId: 'integration-rate',
            },
            { title: t('integration.unreachable'), value: (c) => n(c.integration.unreachable) },
          ];
          const trades: Column<Centre['byTrade'][number]>[] = [
            { title: t('report.trainees'), value: (trade) => n(trade.trainees) },
            { title: t('report.women'), value: (trade) => n(trade.women) },
            { title: t('report.graduates'), value: (trade) => n(trade.graduates) },
            { title: t('report.share'), value: (trade) => rate(trade.share) },
          ];
          // The outcomes table has a column per centre.
          const outcomes: Column<OutcomeStatus>[] = lines.map((centre) => ({
            title: label(centre),
            value: (status) => n(centre.outcomes.find((o) => o.status === status)?.count ?? 0),
          }));
          return (
            <Stack gap="xl">
              <Section title={t('report.summary')}>
                <Table.ScrollContainer minWidth={900}>
                  <Table striped withTableBorder data-testid="report-summary">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('report.centre')}</Table.Th>
                        <Heads columns={summary} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {lines.map((centre) => (
                        <Table.Tr
                          key={keyOf(centre)}
                          data-testid={isTotal(centre) ? 'report-total' : 'report-centre'}
                          data-centre={centre.name}
                          fw={isTotal(centre) ? 700 : undefined}
                        >
                          <Table.Th scope="row">{label(centre)}</Table.Th>
                          <Cells columns={summary} row={centre} />
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Section>
              <Section title={t('report.byTrade')} gap="md">
                {lines.map((centre) => (
                  <Table.ScrollContainer minWidth={640} key={keyOf(centre)}>
                    <Table striped withTableBorder data-testid="report-trades" data-centre={centre.name}>
                      <Table.Caption style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600 }}>
                        {label(centre)}
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('report.trade')}</Table.Th>
                          <Heads columns={trades} />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {centre.byTrade.length === 0 ? (
                          <Table.Tr>
                            <Table.Td colSpan={trades.length + 1}>
                              <Text c="dimmed">{t('report.noTrainee')}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ) : (
                          centre.byTrade.map((trade) => (
                            <Table.Tr key={trade.tradeCode} data-trade={trade.tradeCode}>
                              <Table.Th scope="row">{ar ? trade.tradeAr : trade.tradeFr}</Table.Th>
                              <Cells columns={trades} row={trade} />
                            </Table.Tr>
                          ))
                        )}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ))}
              </Section>
              <Section title={t('report.outcomes')}>
                <Text size="sm" c="dimmed">
                  {t('report.outcomesHelp')}
                </Text>
                <Table.ScrollContainer minWidth={640}>
                  <Table striped withTableBorder data-testid="report-outcomes">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('report.category')}</Table.Th>
                        <Heads columns={outcomes} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {OUTCOME_STATUSES.map((status) => (
                        <Table.Tr key={status} data-status={status}>
                          <Table.Th scope="row">{t(`outcome.status.${status}`)}</Table.Th>
                          <Cells columns={outcomes} row={status} />
                        </Table.Tr>
                      ))}
                      <Table.Tr fw={700}>
                        <Table.Th scope="row">{t('integration.rate')}</Table.Th>
                        {lines.map((centre) => (
                          <Table.Td ta="end" key={keyOf(centre)}>
                            {rate(centre.integration.rate)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Section>
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}

function Section(props: { title: string; gap?: 'xs' | 'md'; children: ReactNode }) {
  return (
    <Stack gap={props.gap ?? 'xs'}>
      <Title order={2} size="h3">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

/** A column of figures: one list gives a table's headings and each of its rows' cells, in the same order. */
type Column<Row> = { title: string; value: (row: Row) => string; testId?: string };

function Heads<Row>({ columns }: { columns: readonly Column<Row>[] }) {
  return columns.map((column) => (
    <Table.Th ta="end" key={column.title}>
      {column.title}
    </Table.Th>
  ));
}

function Cells<Row>({ columns, row }: { columns: readonly Column<Row>[]; row: Row }) {
  return columns.map((column) => (
    <Table.Td ta="end" key={column.title} data-testid={column.testId}>
      {column.value(row)}
    </Table.Td>
  ));
}
