import { Alert } from '@mantine/core';
import { useOnline } from '../api/network-status';
import { useT } from '../i18n/use-t';

export function OfflineBanner() {
  const online = useOnline();
  const t = useT();
  if (online) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      radius={0}
      title={t('offline.title')}
      role="status"
      data-testid="offline"
    >
      {t('offline.body')}
    </Alert>
  );
}
