import { Button, type ButtonProps } from '@mantine/core';
import type { MessageId } from '../i18n/messages';
import { ReasonDialog } from './reason-dialog';
import { useMutationDialog } from './use-mutation-dialog';
import type { mutationErrors } from './user-errors';

/** What a mutation answered: its payload (with `errors`) and the request's own failure, if any. */
export interface MutationAnswer {
  payload: Parameters<typeof mutationErrors>[0];
  error: Parameters<typeof mutationErrors>[1];
}

/**
 * A button for an answer that needs a reason (withdrawing an application, declaring a conflict):
 * it asks why, sends it, and keeps the dialog open with the API's refusal until it goes through.
 */
export function ReasonActionButton({
  label,
  submitLabel = label,
  subject,
  suggestions,
  fetching,
  send,
  testId,
  ...buttonProps
}: ButtonProps & {
  /** The button's and the dialog's title. */
  label: string;
  submitLabel?: string;
  subject: string;
  suggestions: readonly MessageId[];
  fetching: boolean;
  send: (reason: string) => Promise<MutationAnswer>;
  testId?: string;
}) {
  const dialog = useMutationDialog();
  return (
    <>
      <Button {...buttonProps} onClick={() => dialog.open(true)} data-testid={testId}>
        {label}
      </Button>
      <ReasonDialog
        opened={dialog.opened}
        onClose={dialog.close}
        title={label}
        subject={subject}
        suggestions={suggestions}
        submitLabel={submitLabel}
        fetching={fetching}
        errors={{ reason: dialog.errors.byField.reason, general: dialog.errors.general }}
        onSubmit={async (reason) => {
          const answer = await send(reason);
          dialog.accepted(answer.payload, answer.error, ['reason']);
        }}
      />
    </>
  );
}
