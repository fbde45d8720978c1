import { Badge } from '@mantine/core';
import type { CourseStatus, RegistrationStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';

// Text colours dark enough for 4.5:1 on the light badge's tinted background.
const COURSE: Record<CourseStatus, [color: string, text: string]> = {
  OPEN: ['teal', '#05614a'],
  CLOSED: ['gray', 'gray.9'],
  CANCELLED: ['red', 'red.9'],
};

const REGISTRATION: Record<RegistrationStatus, [color: string, text: string]> = {
  REGISTERED: ['blue', 'blue.9'],
  WAITLISTED: ['orange', '#8a3b00'],
  CANCELLED: ['gray', 'gray.9'],
  COMPLETED: ['green', '#1f6b2e'],
};

const NO_SHRINK = { flexShrink: 0 };

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const t = useT();
  const [color, text] = COURSE[status];
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      radius="sm"
      tt="none"
      data-status={status}
      style={NO_SHRINK}
    >
      {t(`courseStatus.${status}`)}
    </Badge>
  );
}

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const t = useT();
  const [color, text] = REGISTRATION[status];
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      radius="sm"
      tt="none"
      data-status={status}
      data-testid="registration-status"
      style={NO_SHRINK}
    >
      {t(`registrationStatus.${status}`)}
    </Badge>
  );
}
