import type { AttendanceStatus, LedgerStatus, SessionKind } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { type Tint, TintedBadge } from './tinted-badge';

const KIND: Record<SessionKind, Tint> = {
  THEORY: ['indigo', 'indigo.9'],
  PRACTICE: ['teal', '#05614a'],
  CONTINUING_EDUCATION: ['grape', 'grape.9'],
  COACHING: ['cyan', 'cyan.9'],
};

const ATTENDANCE: Record<AttendanceStatus, Tint> = {
  PRESENT: ['green', '#1f6b2e'],
  LATE: ['orange', '#8a3b00'],
  ABSENT_EXCUSED: ['gray', 'gray.9'],
  ABSENT_UNEXCUSED: ['red', 'red.9'],
};

const LEDGER: Record<LedgerStatus, Tint> = {
  ON_TRACK: ['teal', '#05614a'],
  AT_RISK: ['orange', '#8a3b00'],
  OFF_TRACK: ['red', 'red.9'],
};

export function SessionKindBadge({ kind, size }: { kind: SessionKind; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return (
    <TintedBadge
      colors={KIND[kind]}
      label={t(`sessionKind.${kind}`)}
      size={size}
      wholeLabel
      data-kind={kind}
    />
  );
}

export function AttendanceStatusBadge({
  status,
  size,
}: {
  status: AttendanceStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useT();
  return (
    <TintedBadge
      colors={ATTENDANCE[status]}
      label={t(`attendanceStatus.${status}`)}
      size={size}
      wholeLabel
      data-status={status}
    />
  );
}

export function LedgerStatusBadge({ status, size }: { status: LedgerStatus; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return (
    <TintedBadge
      colors={LEDGER[status]}
      label={t(`ledgerStatus.${status}`)}
      size={size}
      wholeLabel
      data-status={status}
    />
  );
}
