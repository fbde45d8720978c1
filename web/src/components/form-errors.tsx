import { Alert, Stack } from '@mantine/core';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';

/** Errors about the form as a whole, announced to screen readers. */
export function FormErrors({ ids }: { ids: readonly MessageId[] }) {
  const t = useT();
  if (ids.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="form-error">
      <Stack gap={4}>
        {ids.map((id) => (
          <span key={id}>{t(id)}</span>
        ))}
      </Stack>
    </Alert>
  );
}
