import type { CertificateStatus, FollowUpState } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { type Tint, TintedBadge } from './tinted-badge';

const CERTIFICATE: Record<CertificateStatus, Tint> = {
  VALID: ['teal', '#05614a'],
  REVOKED: ['red', 'red.9'],
};

const FOLLOW_UP: Record<FollowUpState, Tint> = {
  UPCOMING: ['gray', 'gray.9'],
  DUE: ['orange', '#8a3b00'],
  OVERDUE: ['red', 'red.9'],
  RECORDED: ['teal', '#05614a'],
};

export function CertificateStatusBadge({
  status,
  size,
}: {
  status: CertificateStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useT();
  return (
    <TintedBadge
      colors={CERTIFICATE[status]}
      label={t(`certificate.status.${status}`)}
      size={size}
      data-status={status}
      data-testid="certificate-status"
    />
  );
}

export function FollowUpStateBadge({ state }: { state: FollowUpState }) {
  const t = useT();
  return (
    <TintedBadge
      colors={FOLLOW_UP[state]}
      label={t(`followUp.state.${state}`)}
      data-status={state}
      data-testid="follow-up-state"
    />
  );
}
