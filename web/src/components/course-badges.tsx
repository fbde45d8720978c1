import type { CourseStatus, RegistrationStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { type Tint, TintedBadge } from './tinted-badge';

const COURSE: Record<CourseStatus, Tint> = {
  OPEN: ['teal', '#05614a'],
  CLOSED: ['gray', 'gray.9'],
  CANCELLED: ['red', 'red.9'],
};

const REGISTRATION: Record<RegistrationStatus, Tint> = {
  REGISTERED: ['blue', 'blue.9'],
  WAITLISTED: ['orange', '#8a3b00'],
  CANCELLED: ['gray', 'gray.9'],
  COMPLETED: ['green', '#1f6b2e'],
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const t = useT();
  return <TintedBadge colors={COURSE[status]} label={t(`courseStatus.${status}`)} data-status={status} />;
}

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const t = useT();
  return (
    <TintedBadge
      colors={REGISTRATION[status]}
      label={t(`registrationStatus.${status}`)}
      data-status={status}
      data-testid="registration-status"
    />
  );
}
