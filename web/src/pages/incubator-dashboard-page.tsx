import { Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PhaseBars } from '../components/phase-bars';
import { QueryBoundary } from '../components/query-boundary';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { ReportScope } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import { tenantName } from '../i18n/tenant-name';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { indicatorYearFrom, indicatorYears } from '../lib/course-format';
import { formatHours, formatMad, formatShare } from '../lib/incubation-format';
import { useCentreToday } from '../lib/use-centre-today';
import { useIncubationRights } from '../session/incubation-permissions';

export const IncubatorFiguresFragment = graphql(`
  fragment IncubatorFigures_IncubatorFiguresFragment on IncubatorFigures {
    name
    tenant {
      id
      name
      nameAr
    }
    venturesCreated
    venturesCreatedToDate
    jobsFullTime
    jobsTemporary
    jobs
    peopleFinanced
    fundingMad
    coachingSessions
    coachingHours
    survivalRate
    survival {
      yearsAfterExit
      due
      checked
      active
      rate
    }
    cohorts {
      label
      cohort {
        id
      }
      selection
      incubation
      postIncubation
      exited
      abandoned
    }
  }
`);

const IncubatorDashboardQuery = graphql(`
  query IncubatorDashboard($year: Int!, $scope: ReportScope!) {
    incubatorIndicators(year: $year, scope: $scope) {
      year
      scope
      centres {
        ...IncubatorFigures_IncubatorFiguresFragment
      }
      total {
        ...IncubatorFigures_IncubatorFiguresFragment
      }
    }
  }
`);

/**
 * The incubator's year: ventures created, jobs, people financed, funding, coaching, survival after
 * exit and where each cohort's ventures stand. Network admins also see every incubator side by side.
 */
export function IncubatorDashboardPage() {
  const t = useT();
  const rights = useIncubationRights();
  const thisYear = Number(useCentreToday().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = indicatorYearFrom(params.get('year'), thisYear);
  const scope: ReportScope = rights.networkScope && params.get('scope') === 'NETWORK' ? 'NETWORK' : 'TENANT';
  const [result, reexecute] = useQuery({ query: IncubatorDashboardQuery, variables: { year, scope } });
  const set = (next: { year?: number; scope?: ReportScope }) => {
    const out = new URLSearchParams();
    out.set('year', String(next.year ?? year));
    if ((next.scope ?? scope) === 'NETWORK') out.set('scope', 'NETWORK');
    setParams(out, { replace: true });
  };

  return (
    <Stack gap="lg" data-testid="incubator-dashboard">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('incubator.title', { year })}</Title>
        <Group gap="sm" align="flex-end">
          {rights.networkScope && (
            <SegmentedControl
              aria-label={t('incubator.scope')}
              value={scope}
              onChange={(value) => set({ scope: value === 'NETWORK' ? 'NETWORK' : 'TENANT' })}
              data={[
                { value: 'TENANT', label: t('incubator.scopeTenant') },
                { value: 'NETWORK', label: t('incubator.scopeNetwork') },
              ]}
              data-testid="scope-switch"
            />
          )}
          <Select
            name="year"
            label={t('indicators.year')}
            data={indicatorYears(thisYear, 8).map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(value) => value && set({ year: Number(value) })}
            allowDeselect={false}
            w={120}
          />
        </Group>
      </Group>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ incubatorIndicators: figures }) => (
          <Stack gap="xl">
            {figures.scope === 'NETWORK' && <CentresTable centres={figures.centres} total={figures.total} />}
            <Figures
              figures={figures.total}
              year={year}
              centres={figures.scope === 'NETWORK' ? figures.centres : undefined}
            />
          </Stack>
        )}
      </QueryBoundary>
    </Stack>
  );
}

/** A rate with nothing to count from yet (no venture checked) reads as a dash, not as 0 %. */
const shareOrDash = (share: number | null | undefined, locale: string) =>
  share == null ? '—' : formatShare(share, locale);

function Figures(props: {
  figures: FragmentType<typeof IncubatorFiguresFragment>;
  year: number;
  /** The network's incubators: cohorts belong to one incubator, so their bars come per incubator. */
  centres?: readonly FragmentType<typeof IncubatorFiguresFragment>[];
}) {
  const figures = readFragment(IncubatorFiguresFragment, props.figures);
  const centres = props.centres?.map((c) => readFragment(IncubatorFiguresFragment, c));
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" data-testid="incubator-figures">
        <Stat
          label={t('incubator.venturesCreated', { year: props.year })}
          value={format.number(figures.venturesCreated)}
          detail={t('incubator.toDate', { count: format.number(figures.venturesCreatedToDate) })}
          testId="ventures-created"
        />
        <Stat
          label={t('incubator.jobs')}
          value={format.number(figures.jobs)}
          detail={t('incubator.jobsSplit', {
            fullTime: format.number(figures.jobsFullTime),
            temporary: format.number(figures.jobsTemporary),
          })}
          testId="jobs"
        />
        <Stat
          label={t('incubator.peopleFinanced')}
          value={format.number(figures.peopleFinanced)}
          detail={t('incubator.funding', { amount: formatMad(figures.fundingMad, locale) })}
          testId="people-financed"
        />
        <Stat
          label={t('incubator.coachingSessions')}
          value={format.number(figures.coachingSessions)}
          detail={t('incubator.coachingHours', { hours: formatHours(figures.coachingHours, locale) })}
          testId="coaching"
        />
        <Stat
          label={t('incubator.survivalRate')}
          value={shareOrDash(figures.survivalRate, locale)}
          detail={t('incubator.survivalHelp')}
          testId="survival-rate"
        />
      </SimpleGrid>

      <Stack gap="sm" component="section" aria-labelledby="survival-title">
        <Title order={2} size="h3" id="survival-title">
          {t('incubator.survivalTitle')}
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" data-testid="survival-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('venture.yearAfterExit')}</Table.Th>
                <Table.Th>{t('incubator.rate')}</Table.Th>
                <Table.Th>{t('incubator.activeOfChecked')}</Table.Th>
                <Table.Th>{t('incubator.checkedOfDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.survival.map((row) => (
                <Table.Tr
                  key={row.yearsAfterExit}
                  data-testid="survival-year"
                  data-years={row.yearsAfterExit}
                >
                  <Table.Td>{t('venture.yearN', { years: row.yearsAfterExit })}</Table.Td>
                  <Table.Td fw={700} data-testid="rate">
                    {shareOrDash(row.rate, locale)}
                  </Table.Td>
                  <Table.Td>
                    {t('incubator.outOf', {
                      part: format.number(row.active),
                      whole: format.number(row.checked),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {t('incubator.outOf', {
                      part: format.number(row.checked),
                      whole: format.number(row.due),
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="cohorts-title">
        <Title order={2} size="h3" id="cohorts-title">
          {t('incubator.cohortsTitle')}
        </Title>
        {centres ? (
          centres.map((centre) => (
            <Stack key={centre.tenant?.id ?? centre.name} gap="xs">
              <Title order={3} size="h4">
                {centre.tenant ? tenantName(centre.tenant, locale) : centre.name}
              </Title>
              <PhaseBars cohorts={centre.cohorts} />
            </Stack>
          ))
        ) : (
          <PhaseBars cohorts={figures.cohorts} />
        )}
      </Stack>
    </Stack>
  );
}

function CentresTable(props: {
  centres: readonly FragmentType<typeof IncubatorFiguresFragment>[];
  total: FragmentType<typeof IncubatorFiguresFragment>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const centres = props.centres.map((c) => readFragment(IncubatorFiguresFragment, c));
  const total = readFragment(IncubatorFiguresFragment, props.total);
  const row = (figures: typeof total, name: string, isTotal: boolean) => (
    <Table.Tr
      key={figures.tenant?.id ?? 'total'}
      data-testid={isTotal ? 'network-total' : 'network-centre'}
      fw={isTotal ? 700 : undefined}
    >
      <Table.Td>{name}</Table.Td>
      <Table.Td>{format.number(figures.venturesCreated)}</Table.Td>
      <Table.Td>{format.number(figures.venturesCreatedToDate)}</Table.Td>
      <Table.Td>{format.number(figures.jobs)}</Table.Td>
      <Table.Td>{format.number(figures.peopleFinanced)}</Table.Td>
      <Table.Td>{formatMad(figures.fundingMad, locale)}</Table.Td>
      <Table.Td>{format.number(figures.coachingSessions)}</Table.Td>
      <Table.Td>{shareOrDash(figures.survivalRate, locale)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="centres-title">
      <Title order={2} size="h3" id="centres-title">
        {t('incubator.byCentre')}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" data-testid="network-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incubator.centre')}</Table.Th>
              <Table.Th>{t('incubator.createdShort')}</Table.Th>
              <Table.Th>{t('incubator.toDateShort')}</Table.Th>
              <Table.Th>{t('incubator.jobs')}</Table.Th>
              <Table.Th>{t('incubator.peopleFinanced')}</Table.Th>
              <Table.Th>{t('venture.funding')}</Table.Th>
              <Table.Th>{t('incubator.coachingSessions')}</Table.Th>
              <Table.Th>{t('incubator.survivalRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {centres.map((c) => row(c, c.tenant ? tenantName(c.tenant, locale) : c.name, false))}
          </Table.Tbody>
          <Table.Tfoot>{row(total, t('incubator.networkTotal'), true)}</Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Stat({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: string;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={32} lh={1.2} data-testid="stat-value">
        {value}
      </Text>
      {detail && <Text size="sm">{detail}</Text>}
    </Card>
  );
}
