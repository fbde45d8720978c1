import { Button, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { AttendanceStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { numberOrNull } from '../lib/number-input';
import { checkReason } from '../lib/reasons';
import { ATTENDANCE_STATUSES, draftProblem } from '../lib/register';
import { FormErrors } from './form-errors';
import { ReasonField } from './reason-field';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const CorrectAttendanceMutation = graphql(`
  mutation CorrectAttendance($input: CorrectAttendanceInput!) {
    correctAttendance(input: $input) {
      attendance {
        id
        status
        hours
        reason
        correctedAt
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/**
 * Changes an entry after the fact: its new status (and hours for a late arrival) and, always, why.
 * The API keeps the old value in the entry's history and in the audit trail.
 */
export function CorrectAttendanceForm({
  entry,
  sessionHours,
  subject,
  big = false,
  onDone,
  onCancel,
}: {
  entry: { id: string; status: AttendanceStatus; hours: number };
  sessionHours: number;
  /** Whose entry, said at the top of the form. */
  subject: string;
  /** On the artisan's phone: larger controls. */
  big?: boolean;
  onDone: (status: AttendanceStatus) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [status, setStatus] = useState<AttendanceStatus>(
    entry.status === 'PRESENT' ? 'ABSENT_UNEXCUSED' : 'PRESENT',
  );
  const [hours, setHours] = useState<number | null>(entry.status === 'LATE' ? entry.hours : null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ hours?: MessageId; reason?: MessageId }>({});
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, correct] = useMutation(CorrectAttendanceMutation);
  const size = big ? 'md' : 'sm';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hoursProblem = draftProblem({ status, hours, reason: '' }, sessionHours);
    const reasonProblem = checkReason(reason);
    setProblems({
      hours: hoursProblem?.field === 'hours' ? hoursProblem.message : undefined,
      reason: reasonProblem ?? undefined,
    });
    if (hoursProblem || reasonProblem) return;
    setErrors(NO_ERRORS);
    const result = await correct({
      input: {
        id: entry.id,
        status,
        reason: reason.trim(),
        ...(status === 'LATE' && hours != null ? { hours } : {}),
      },
    });
    const payload = result.data?.correctAttendance;
    const failed = mutationErrors(payload, result.error, ['status', 'hours', 'reason']);
    if (failed) return setErrors(failed);
    onDone(status);
  };

  const hoursError = problems.hours ?? errors.byField.hours;
  const reasonError = problems.reason ?? errors.byField.reason;
  return (
    <form onSubmit={submit} noValidate data-testid="correct-attendance">
      <Stack gap="sm">
        <Text fw={600}>{subject}</Text>
        <Text size="sm" c="dimmed">
          {t('correction.was', { status: t(`attendanceStatus.${entry.status}`) })}
        </Text>
        <FormErrors ids={[...errors.general, ...(errors.byField.status ? [errors.byField.status] : [])]} />
        <Radio.Group
          label={t('correction.status')}
          value={status}
          onChange={(value) => setStatus(value as AttendanceStatus)}
          size={size}
        >
          <Stack gap={big ? 'sm' : 6} mt={6}>
            {ATTENDANCE_STATUSES.map((option) => (
              <Radio key={option} value={option} label={t(`attendanceStatus.${option}`)} size={size} />
            ))}
          </Stack>
        </Radio.Group>
        {status === 'LATE' && (
          <NumberInput
            label={t('register.hours')}
            description={t('register.hoursOf', { hours: sessionHours })}
            required
            min={0.25}
            max={sessionHours}
            step={0.5}
            decimalScale={2}
            value={hours ?? ''}
            onChange={(value) => setHours(numberOrNull(value))}
            error={hoursError ? t(hoursError, { hours: sessionHours }) : undefined}
            size={size}
          />
        )}
        <ReasonField
          name="reason"
          label={t('correction.reason')}
          description={t('correction.reasonHelp')}
          rows={2}
          value={reason}
          onChange={setReason}
          error={reasonError}
          size={size}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} size={size}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={state.fetching} size={size}>
            {t('correction.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
