import { Badge } from '@mantine/core';
import type { EnrollmentStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { STATUS_COLOR, STATUS_TEXT } from '../lib/transitions';

export function StatusBadge({ status }: { status: EnrollmentStatus }) {
  const t = useT();
  return (
    // The light variant's own text colour is below 4.5:1 on its background: darker text.
    <Badge
      color={STATUS_COLOR[status]}
      c={STATUS_TEXT[status]}
      variant="light"
      radius="sm"
      tt="none"
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
