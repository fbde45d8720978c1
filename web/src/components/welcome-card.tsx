import { Card, Text, Title } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { tenantName } from '../i18n/tenant-name';
import { useFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

export const WelcomeCardTenantFragment = graphql(`
  fragment WelcomeCard_TenantFragment on Tenant {
    id
    name
    nameAr
    timezone
  }
`);

/** Greets the person by name, with today's date on the centre's clock and the centre's name. */
export function WelcomeCard(props: { name: string; tenant: FragmentType<typeof WelcomeCardTenantFragment> }) {
  const tenant = readFragment(WelcomeCardTenantFragment, props.tenant);
  const { locale } = useLocale();
  const t = useT();
  const format = useFormatters(tenant.timezone);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={1} size="h2">
        {t('home.greeting', { name: isolate(props.name) })}
      </Title>
      <Text mt={4} size="lg">
        {t('host.today', { date: format.date(new Date(), 'full') })}
      </Text>
      <Text mt={4} c="dimmed" data-testid="tenant-name">
        {tenantName(tenant, locale)}
      </Text>
    </Card>
  );
}
