import { Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { checkReason } from '../lib/reasons';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { ReasonField } from './reason-field';

/**
 * Asks why before an answer that needs one (declining, ending early, pausing a host). A few usual
 * reasons fill the text in one tap; it can then be completed. The caller sends it and reports the
 * API's refusal back through `errors`.
 */
export function ReasonDialog({
  opened,
  onClose,
  title,
  subject,
  suggestions,
  submitLabel,
  fetching,
  errors,
  onSubmit,
  danger = true,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What the answer is about, e.g. the trainee's name and dates. */
  subject?: string;
  suggestions: readonly MessageId[];
  submitLabel: string;
  fetching: boolean;
  /** The API's answer: about the reason itself, or about the request as a whole. */
  errors: { reason?: MessageId; general: readonly MessageId[] };
  onSubmit: (reason: string) => void;
  danger?: boolean;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<MessageId | null>(null);
  const [lastOpened, setLastOpened] = useState(opened);
  // Each time it opens, it starts empty.
  if (opened !== lastOpened) {
    setLastOpened(opened);
    if (opened) {
      setReason('');
      setProblem(null);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const error = checkReason(reason);
    setProblem(error);
    if (!error) onSubmit(reason.trim());
  };
  const reasonError = problem ?? errors.reason;

  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate data-testid="reason-dialog">
        <Stack>
          {subject && <Text fw={600}>{subject}</Text>}
          <FormErrors ids={errors.general} />
          {suggestions.length > 0 && (
            <Stack gap="xs" role="group" aria-label={t('reason.suggestions')}>
              <Text size="sm" c="dimmed">
                {t('reason.suggestions')}
              </Text>
              {suggestions.map((id) => (
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
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                  h="auto"
                  mih={48}
                  py={8}
                >
                  {t(id)}
                </Button>
              ))}
            </Stack>
          )}
          <ReasonField
            name="reason"
            label={t('reason.label')}
            description={t('reason.help')}
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
            <Button type="submit" size="md" color={danger ? 'red.9' : undefined} loading={fetching}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
