import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { AttendanceStatus } from '../gql/graphql';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { type RegisterRow, registerProgress, registerRows, tapState } from '../lib/register';
import { isPastOrToday } from '../lib/week-grid';
import { AbsenceDialog } from './absence-dialog';
import { AppModal } from './app-modal';
import { CorrectAttendanceForm } from './correct-attendance-form';
import { RecordAttendanceMutation } from './session-register';
import { AttendanceStatusBadge } from './timetable-badges';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

export const HostSessionCardSessionFragment = graphql(`
  fragment HostSessionCard_ClassSessionFragment on ClassSession {
    id
    day
    startsAt
    endsAt
    hours
    cancelled
    cohort {
      id
      label
    }
    host {
      id
      name
      nameAr
    }
    expected {
      id
      person {
        id
        fullName
      }
    }
    attendance {
      id
      status
      hours
      reason
      correctedAt
      enrollment {
        id
        person {
          id
          fullName
        }
      }
    }
  }
`);

type Entry = {
  id: string;
  status: AttendanceStatus;
  hours: number;
  reason?: string | null;
  correctedAt?: string | null;
  enrollment: { id: string };
};

/**
 * A practice day at the artisan's workshop: each trainee expected there with one big tap for
 * "present" and one for "absent". What the server recorded replaces the buttons, with a way to
 * correct it. Before the day, the trainees are listed without buttons.
 */
export function HostSessionCard(props: {
  session: FragmentType<typeof HostSessionCardSessionFragment>;
  today: string;
  /** The artisan answers for several workshops: say which one this is. */
  showHost: boolean;
  onRecorded: (name: string, status: AttendanceStatus) => void;
  /** Reads the register again (after a refusal that says it changed). */
  onRefresh: () => void;
}) {
  const session = readFragment(HostSessionCardSessionFragment, props.session);
  const t = useT();
  const { locale } = useLocale();
  const names = new Map(session.attendance.map((a) => [a.enrollment.id, a.enrollment.person.fullName]));
  const rows = registerRows<Entry>(session.expected, session.attendance, (id) => names.get(id) ?? '');
  const progress = registerProgress(rows);
  const open = isPastOrToday(session.day, props.today) && !session.cancelled;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="host-session"
      data-session={session.id}
      data-day={session.day}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {props.showHost && session.host ? hostName(session.host, locale) : session.cohort.label}
          </Title>
          <Text size="lg" fw={600}>
            {t('timetable.times', { start: session.startsAt, end: session.endsAt })}
          </Text>
          {props.showHost && (
            <Text size="sm" c="dimmed">
              {session.cohort.label}
            </Text>
          )}
          <Text size="sm" data-testid="register-progress">
            {t('hostAttendance.progress', progress)}
          </Text>
        </div>
        {!open && (
          <Text c="dimmed" data-testid="not-yet">
            {t('hostAttendance.future')}
          </Text>
        )}
        {rows.length === 0 && <Text c="dimmed">{t('register.nobody')}</Text>}
        {rows.map((row) => (
          <TraineeTap
            key={row.enrollmentId}
            sessionId={session.id}
            sessionHours={session.hours}
            row={row}
            open={open}
            onRecorded={props.onRecorded}
            onRefresh={props.onRefresh}
          />
        ))}
      </Stack>
    </Card>
  );
}

function TraineeTap({
  sessionId,
  sessionHours,
  row,
  open,
  onRecorded,
  onRefresh,
}: {
  sessionId: string;
  sessionHours: number;
  row: RegisterRow<Entry>;
  open: boolean;
  onRecorded: (name: string, status: AttendanceStatus) => void;
  onRefresh: () => void;
}) {
  const t = useT();
  const [state, record] = useMutation(RecordAttendanceMutation);
  const [sending, setSending] = useState<AttendanceStatus | null>(null);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [absent, setAbsent] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const tap = tapState(row.entry, sending);

  const send = async (status: AttendanceStatus, reason?: string) => {
    setErrors(NO_ERRORS);
    setSending(status);
    const result = await record({
      input: {
        sessionId,
        entries: [{ enrollmentId: row.enrollmentId, status, ...(reason ? { reason } : {}) }],
      },
    });
    const payload = result.data?.recordAttendance;
    const problems = mutationErrors(payload, result.error, ['reason']);
    if (problems) {
      setSending(null);
      setErrors(problems);
      // Taken meanwhile (another phone, the centre): show what the register holds now.
      if (problems.general.includes('errors.ALREADY_RECORDED')) onRefresh();
      return false;
    }
    // The tap stays "sending" until the register read again shows the entry the server recorded.
    onRecorded(row.name, status);
    return true;
  };

  return (
    <Stack
      gap="xs"
      py="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="trainee-tap"
      data-enrollment={row.enrollmentId}
      data-state={tap.state}
      data-status={tap.state === 'open' ? undefined : tap.status}
    >
      <Group justify="space-between" wrap="nowrap" align="center" gap="xs">
        <Text fw={700} size="lg" data-testid="trainee-name">
          {row.name}
        </Text>
        {tap.state === 'recorded' && <AttendanceStatusBadge status={tap.status} size="lg" />}
      </Group>
      {tap.state === 'recorded' && row.entry && (
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" c="dimmed">
            {[tap.corrected ? t('register.corrected') : null, row.entry.reason].filter(Boolean).join(' · ')}
          </Text>
          <Button
            variant="subtle"
            size="md"
            onClick={() => setCorrecting(true)}
            aria-label={`${t('register.correct')} — ${row.name}`}
            data-testid="correct-entry"
          >
            {t('register.correct')}
          </Button>
        </Group>
      )}
      {tap.state !== 'recorded' && open && (
        <Group gap="sm" grow wrap="nowrap">
          <Button
            size="xl"
            px="xs"
            color="#1f6b2e"
            loading={tap.state === 'sending' && tap.status === 'PRESENT'}
            disabled={state.fetching}
            onClick={() => send('PRESENT')}
            aria-label={`${t('hostAttendance.present')} — ${row.name}`}
            data-testid="tap-present"
          >
            {t('hostAttendance.present')}
          </Button>
          <Button
            size="xl"
            px="xs"
            variant="outline"
            color="red.9"
            disabled={state.fetching}
            onClick={() => {
              setErrors(NO_ERRORS);
              setAbsent(true);
            }}
            aria-label={`${t('hostAttendance.absent')} — ${row.name}`}
            data-testid="tap-absent"
          >
            {t('hostAttendance.absent')}
          </Button>
        </Group>
      )}
      {!absent && errors.general.length > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="tap-error">
          {errors.general.map((id: MessageId) => t(id)).join(' ')}
        </Alert>
      )}
      <AbsenceDialog
        opened={absent}
        subject={row.name}
        fetching={state.fetching}
        errors={{ reason: errors.byField.reason, general: errors.general }}
        onClose={() => setAbsent(false)}
        onSubmit={async ({ excused, reason }) => {
          if (await send(excused ? 'ABSENT_EXCUSED' : 'ABSENT_UNEXCUSED', reason)) setAbsent(false);
        }}
      />
      {row.entry && (
        <AppModal opened={correcting} onClose={() => setCorrecting(false)} title={t('correction.title')}>
          <CorrectAttendanceForm
            entry={row.entry}
            sessionHours={sessionHours}
            subject={row.name}
            big
            onCancel={() => setCorrecting(false)}
            onDone={(status) => {
              setCorrecting(false);
              onRecorded(row.name, status);
            }}
          />
        </AppModal>
      )}
    </Stack>
  );
}
