import { Badge } from '@mantine/core';
import type { AttendanceStatus, LedgerStatus, SessionKind } from '../gql/graphql';
import { useT } from '../i18n/use-t';

// Text colours dark enough for 4.5:1 on the light badge's tinted background.
const KIND: Record<SessionKind, [color: string, text: string]> = {
  THEORY: ['indigo', 'indigo.9'],
  PRACTICE: ['teal', '#05614a'],
  CONTINUING_EDUCATION: ['grape', 'grape.9'],
  COACHING: ['cyan', 'cyan.9'],
};

const ATTENDANCE: Record<AttendanceStatus, [color: string, text: string]> = {
  PRESENT: ['green', '#1f6b2e'],
  LATE: ['orange', '#8a3b00'],
  ABSENT_EXCUSED: ['gray', 'gray.9'],
  ABSENT_UNEXCUSED: ['red', 'red.9'],
};

const LEDGER: Record<LedgerStatus, [color: string, text: string]> = {
  ON_TRACK: ['teal', '#05614a'],
  AT_RISK: ['orange', '#8a3b00'],
  OFF_TRACK: ['red', 'red.9'],
};

// Next to a long name in a row that does not wrap, or in a narrow table column, a badge keeps its
// whole label (Mantine's label clips with an ellipsis, which lets a table squeeze it).
const NO_SHRINK = { flexShrink: 0 };
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

function TintedBadge({
  colors: [color, text],
  label,
  size,
  ...data
}: {
  colors: [string, string];
  label: string;
  size?: 'sm' | 'md' | 'lg';
  'data-status'?: string;
  'data-kind'?: string;
}) {
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      style={NO_SHRINK}
      styles={WHOLE_LABEL}
      {...data}
    >
      {label}
    </Badge>
  );
}

export function SessionKindBadge({ kind, size }: { kind: SessionKind; size?: 'sm' | 'md' | 'lg' }) {
  const t = useT();
  return <TintedBadge colors={KIND[kind]} label={t(`sessionKind.${kind}`)} size={size} data-kind={kind} />;
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
      data-status={status}
    />
  );
}
