import { Alert } from '@mantine/core';
import { useT } from '../i18n/use-t';

/** A write page opened by a role that may only read (a link shared by a colleague). */
export function NotAllowed() {
  const t = useT();
  return (
    <Alert color="yellow" variant="light" role="alert" maw={640}>
      {t('errors.FORBIDDEN')}
    </Alert>
  );
}
