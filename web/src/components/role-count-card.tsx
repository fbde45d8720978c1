import { Card, Text } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { Role } from '../gql/graphql';
import { useT } from '../i18n/use-t';

export const RoleCountCardMembershipConnectionFragment = graphql(`
  fragment RoleCountCard_MembershipConnectionFragment on MembershipConnection {
    totalCount
  }
`);

export function RoleCountCard(props: {
  role: Role;
  members: FragmentType<typeof RoleCountCardMembershipConnectionFragment>;
}) {
  const { totalCount } = readFragment(RoleCountCardMembershipConnectionFragment, props.members);
  const t = useT();
  return (
    <Card withBorder padding="md" radius="md" data-testid={`count-${props.role}`}>
      <Text size="sm" c="dimmed">
        {t(`role.${props.role}`)}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {totalCount}
      </Text>
      <Text size="sm">{t('members.count', { count: totalCount })}</Text>
    </Card>
  );
}
