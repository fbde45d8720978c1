import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { hostName, localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { HostStatusBadge } from './placement-status-badge';

export const HostRowHostFragment = graphql(`
  fragment HostRow_HostFragment on Host {
    id
    kind
    name
    nameAr
    province
    capacity
    status
    trade {
      id
      nameFr
      nameAr
    }
  }
`);

/** One host in the list; its name leads to its page. */
export function HostRow(props: { host: FragmentType<typeof HostRowHostFragment> }) {
  const host = readFragment(HostRowHostFragment, props.host);
  const t = useT();
  const { locale } = useLocale();
  const other = locale === 'ar-MA' ? host.name : host.nameAr;
  return (
    <Table.Tr data-testid="host-row">
      <Table.Td>
        <Anchor component={Link} to={`/hosts/${host.id}`} fw={600}>
          {hostName(host, locale)}
        </Anchor>
        {other && other !== hostName(host, locale) && (
          <Text size="xs" c="dimmed">
            {other}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`hostKind.${host.kind}`)}</Table.Td>
      <Table.Td>{localName(host.trade, locale)}</Table.Td>
      <Table.Td>{host.province}</Table.Td>
      <Table.Td>{host.capacity}</Table.Td>
      <Table.Td>
        <HostStatusBadge status={host.status} />
      </Table.Td>
    </Table.Tr>
  );
}
