import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { tenantName } from '../i18n/tenant-name';
import { useT } from '../i18n/use-t';

export const TenantSummaryTenantFragment = graphql(`
  fragment TenantSummary_TenantFragment on Tenant {
    id
    name
    nameAr
    city
    kind
    timezone
    network {
      id
      name
      nameAr
    }
  }
`);

export function TenantSummary(props: { tenant: FragmentType<typeof TenantSummaryTenantFragment> }) {
  const tenant = readFragment(TenantSummaryTenantFragment, props.tenant);
  const { locale } = useLocale();
  const t = useT();
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="md">
        <div>
          <Text size="sm" c="dimmed">
            {t('dashboard.centre')}
          </Text>
          <Title order={2} size="h3" data-testid="tenant-name">
            {tenantName(tenant, locale)}
          </Title>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Fact label={t('dashboard.city')} value={tenant.city} />
          <Fact label={t('dashboard.kind')} value={t(`tenantKind.${tenant.kind}`)} />
          <Fact label={t('dashboard.network')} value={tenantName(tenant.network, locale)} />
          <Fact label={t('dashboard.timezone')} value={<span dir="ltr">{tenant.timezone}</span>} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
