import { Textarea, type TextareaProps } from '@mantine/core';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { REASON_MAX } from '../lib/reasons';

/**
 * The box for a reason that stays with a decision (and in the audit trail): required, no longer than
 * the API accepts, its problem said under it.
 */
export function ReasonField({
  value,
  onChange,
  error,
  ...props
}: Omit<TextareaProps, 'value' | 'onChange' | 'error'> & {
  value: string;
  onChange: (value: string) => void;
  error: MessageId | null | undefined;
}) {
  const t = useT();
  return (
    <Textarea
      required
      rows={3}
      maxLength={REASON_MAX}
      {...props}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error ? t(error) : undefined}
    />
  );
}
