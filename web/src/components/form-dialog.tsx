import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import type { MutationDialog } from './use-mutation-dialog';

/**
 * A form in a dialog: the errors about the whole form above the fields, cancel and send below.
 * The dialog's state (open, errors, focus on the first field to fix) comes from useMutationDialog.
 */
export function FormDialog<Subject>({
  dialog,
  title,
  submitLabel,
  fetching,
  onSubmit,
  children,
}: {
  dialog: MutationDialog<Subject>;
  title: ReactNode;
  submitLabel: ReactNode;
  fetching: boolean;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <AppModal opened={dialog.opened} onClose={dialog.close} title={title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
        noValidate
        ref={dialog.formRef}
      >
        <Stack>
          <FormErrors ids={dialog.errors.general} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * The usual way to add a record under a list: a button that opens the form's dialog (titled and
 * sent like the button), or only the dialog when the reader may not add one.
 */
export function FormDialogButton({
  dialog,
  label,
  canOpen,
  fetching,
  onSubmit,
  children,
}: {
  dialog: MutationDialog;
  label: string;
  canOpen: boolean;
  fetching: boolean;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  return (
    <>
      {canOpen && (
        <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => dialog.open(true)}>
          {label}
        </Button>
      )}
      <FormDialog dialog={dialog} title={label} submitLabel={label} fetching={fetching} onSubmit={onSubmit}>
        {children}
      </FormDialog>
    </>
  );
}

/**
 * A question before an action that needs no input (open a call, remove a juror): the API's refusal
 * shows in the dialog, which stays open.
 */
export function ConfirmDialog<Subject>({
  dialog,
  title,
  confirmLabel,
  fetching,
  onConfirm,
  color,
  confirmTestId,
  children,
}: {
  dialog: MutationDialog<Subject>;
  title: ReactNode;
  confirmLabel: ReactNode;
  fetching: boolean;
  onConfirm: () => unknown;
  color?: string;
  confirmTestId?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <AppModal opened={dialog.opened} onClose={dialog.close} title={title}>
      <Stack>
        {children}
        <FormErrors ids={dialog.errors.general} />
        <Group justify="flex-end">
          <Button variant="default" onClick={dialog.close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            loading={fetching}
            onClick={() => void onConfirm()}
            data-testid={confirmTestId}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
