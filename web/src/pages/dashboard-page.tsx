import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CentreLedger } from '../components/centre-ledger';
import { QueryBoundary } from '../components/query-boundary';
import { RoleCountCard } from '../components/role-count-card';
import { TenantSummary } from '../components/tenant-summary';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { useFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { schoolYearOf } from '../lib/ledger';
import { useCentreToday } from '../lib/use-centre-today';

const DashboardPageQuery = graphql(`
  query DashboardPage {
    currentTenant {
      id
      timezone
      ...TenantSummary_TenantFragment
    }
    all: members(first: 0) {
      totalCount
    }
    networkAdmins: members(first: 0, role: NETWORK_ADMIN) {
      ...RoleCountCard_MembershipConnectionFragment
    }
    directors: members(first: 0, role: DIRECTOR) {
      ...RoleCountCard_MembershipConnectionFragment
    }
    coordinators: members(first: 0, role: COORDINATOR) {
      ...RoleCountCard_MembershipConnectionFragment
    }
    instructors: members(first: 0, role: INSTRUCTOR) {
      ...RoleCountCard_MembershipConnectionFragment
    }
    hostArtisans: members(first: 0, role: HOST_ARTISAN) {
      ...RoleCountCard_MembershipConnectionFragment
    }
    trainees: members(first: 0, role: TRAINEE) {
      ...RoleCountCard_MembershipConnectionFragment
    }
  }
`);

// Apart from the page's own query: a ledger that cannot be read must not hide the rest of the dashboard.
const DashboardLedgerQuery = graphql(`
  query DashboardLedger($from: Date!, $to: Date!) {
    tenantLedger(from: $from, to: $to) {
      ...CentreLedger_TenantLedgerFragment
    }
  }
`);

/** The figures available so far: which centre, its theory/practice split, how many people in each role. */
export function DashboardPage() {
  const [result, reexecute] = useQuery({ query: DashboardPageQuery });
  const year = schoolYearOf(useCentreToday());
  const [ledger] = useQuery({ query: DashboardLedgerQuery, variables: year });
  const t = useT();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('dashboard.title')}</Title>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {(data) => {
          const counts: [Role, typeof data.directors][] = [
            ['NETWORK_ADMIN', data.networkAdmins],
            ['DIRECTOR', data.directors],
            ['COORDINATOR', data.coordinators],
            ['INSTRUCTOR', data.instructors],
            ['HOST_ARTISAN', data.hostArtisans],
            ['TRAINEE', data.trainees],
          ];
          return (
            <>
              <Today timeZone={data.currentTenant.timezone} />
              <TenantSummary tenant={data.currentTenant} />
              {ledger.data && <CentreLedger ledger={ledger.data.tenantLedger} from={year.from} />}
              <Anchor component={Link} to="/courses/indicators" data-testid="dashboard-course-indicators">
                {t('indicators.linkLong')}
              </Anchor>
              <Title order={2} size="h3">
                {t('dashboard.membersByRole')}
              </Title>
              <Text data-testid="total-members">
                {t('dashboard.totalMembers', { count: data.all.totalCount })}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }}>
                {counts.map(([role, members]) => (
                  <RoleCountCard key={role} role={role} members={members} />
                ))}
              </SimpleGrid>
            </>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}

function Today({ timeZone }: { timeZone: string }) {
  const t = useT();
  const format = useFormatters(timeZone);
  return <Text c="dimmed">{t('dashboard.today', { date: format.date(new Date(), 'full') })}</Text>;
}
