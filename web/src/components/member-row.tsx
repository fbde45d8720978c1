import { Table } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

export const MemberRowMembershipFragment = graphql(`
  fragment MemberRow_MembershipFragment on Membership {
    id
    role
    createdAt
    user {
      id
      displayName
    }
  }
`);

export function MemberRow(props: {
  membership: FragmentType<typeof MemberRowMembershipFragment>;
  timeZone: string;
}) {
  const membership = readFragment(MemberRowMembershipFragment, props.membership);
  const t = useT();
  const format = useFormatters(props.timeZone);
  return (
    <Table.Tr>
      <Table.Td>{membership.user.displayName}</Table.Td>
      <Table.Td>{t(`role.${membership.role}`)}</Table.Td>
      <Table.Td>{format.date(membership.createdAt, 'medium')}</Table.Td>
    </Table.Tr>
  );
}
