import { Select } from '@mantine/core';
import { useApi } from '../api/api-provider';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { tenantName } from '../i18n/tenant-name';
import { useT } from '../i18n/use-t';

export const TenantSwitcherMembershipFragment = graphql(`
  fragment TenantSwitcher_MembershipFragment on Membership {
    id
    tenant {
      id
      name
      nameAr
      city
    }
  }
`);

/** Only for people who belong to several centres; the choice is remembered on this device. */
export function TenantSwitcher(props: {
  memberships: FragmentType<typeof TenantSwitcherMembershipFragment>[];
}) {
  const memberships = readFragment(TenantSwitcherMembershipFragment, props.memberships);
  const { tenantId, switchTenant } = useApi();
  const { locale } = useLocale();
  const t = useT();
  const tenants = [...new Map(memberships.map((m) => [m.tenant.id, m.tenant])).values()];
  if (tenants.length < 2) return null;
  return (
    <Select
      aria-label={t('tenant.switch')}
      placeholder={t('tenant.label')}
      data={tenants.map((tenant) => ({ value: tenant.id, label: tenantName(tenant, locale) }))}
      value={tenantId}
      onChange={(value) => value && value !== tenantId && switchTenant(value)}
      allowDeselect={false}
      searchable={tenants.length > 5}
      comboboxProps={{ width: 'target', withinPortal: true }}
      w={{ base: 220, lg: 360 }}
    />
  );
}
