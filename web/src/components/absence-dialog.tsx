import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { draftProblem } from '../lib/register';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { ReasonField } from './reason-field';

/** What artisans most often say about an absence: one tap fills the reason in, it can then be completed. */
export const ABSENCE_REASONS: readonly MessageId[] = [
  'absence.reason.sick',
  'absence.reason.family',
  'absence.reason.papers',
];

/**
 * An absence on the artisan's phone: excused or not (two big choices), and why — required when
 * excused, optional otherwise. The caller sends it and reports the API's refusal through `errors`.
 */
export function AbsenceDialog({
  opened,
  subject,
  fetching,
  errors,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  subject: string;
  fetching: boolean;
  errors: { reason?: MessageId; general: readonly MessageId[] };
  onClose: () => void;
  onSubmit: (absence: { excused: boolean; reason: string }) => void;
}) {
  const t = useT();
  const [excused, setExcused] = useState<'yes' | 'no'>('no');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<MessageId | null>(null);
  const [lastOpened, setLastOpened] = useState(opened);
  // Each time it opens, it starts from "not excused" and no reason.
  if (opened !== lastOpened) {
    setLastOpened(opened);
    if (opened) {
      setExcused('no');
      setReason('');
      setProblem(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const status = excused === 'yes' ? 'ABSENT_EXCUSED' : 'ABSENT_UNEXCUSED';
    const found = draftProblem({ status, hours: null, reason }, 0);
    setProblem(found?.message ?? null);
    if (!found) onSubmit({ excused: excused === 'yes', reason: reason.trim() });
  };
  const reasonError = problem ?? errors.reason;

  return (
    <AppModal opened={opened} onClose={onClose} title={t('absence.title')}>
      <form onSubmit={submit} noValidate data-testid="absence-dialog">
        <Stack>
          <Text fw={700} size="lg">
            {subject}
          </Text>
          <FormErrors ids={errors.general} />
          <Radio.Group
            label={t('absence.excusedQuestion')}
            value={excused}
            onChange={(value) => {
              setExcused(value as 'yes' | 'no');
              setProblem(null);
            }}
            size="md"
          >
            <Group grow gap="sm" mt="xs" wrap="nowrap">
              {(['no', 'yes'] as const).map((value) => (
                <Radio.Card
                  key={value}
                  value={value}
                  radius="md"
                  p="md"
                  withBorder
                  data-testid={`excused-${value}`}
                >
                  <Group gap="sm" wrap="nowrap">
                    <Radio.Indicator />
                    <Text fw={600}>{t(value === 'yes' ? 'absence.excused' : 'absence.unexcused')}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Group>
          </Radio.Group>
          <Stack gap="xs" role="group" aria-label={t('reason.suggestions')}>
            <Text size="sm" c="dimmed">
              {t('reason.suggestions')}
            </Text>
            {ABSENCE_REASONS.map((id) => (
              <Button
                key={id}
                variant={reason === t(id) ? 'filled' : 'default'}
                size="md"
                justify="start"
                fullWidth
                aria-pressed={reason === t(id)}
                onClick={() => {
                  setReason(t(id));
                  setProblem(null);
                }}
              >
                {t(id)}
              </Button>
            ))}
          </Stack>
          <ReasonField
            name="reason"
            label={t(excused === 'yes' ? 'absence.reasonRequired' : 'absence.reasonOptional')}
            required={excused === 'yes'}
            rows={2}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setProblem(null);
            }}
            error={reasonError}
            size="md"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" color="red.9" loading={fetching} data-testid="absence-submit">
              {t('absence.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
