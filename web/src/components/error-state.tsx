import { Alert, Button, Stack } from '@mantine/core';
import type { CombinedError } from 'urql';
import { useT } from '../i18n/use-t';
import { requestErrorId } from './user-errors';

/** What a page shows instead of its content when its query failed: the reason and a way out. */
export function ErrorState({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert color="red" variant="light" title={t('errorState.title')} role="alert" maw={640}>
      <Stack gap="sm" align="flex-start">
        <span>{t(requestErrorId(error))}</span>
        <Button variant="white" color="red" onClick={onRetry}>
          {t('errorState.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
