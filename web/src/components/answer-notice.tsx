import { Alert } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { PlacementStatus } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { useT } from '../i18n/use-t';

/**
 * What the artisan's last answer did, said once the server has taken it. The card they tapped goes
 * away as the lists are read again, so the result is said at the top of the page, and announced.
 */
export function useAnswerNotice() {
  const t = useT();
  const [last, setLast] = useState<{ name: string; status: PlacementStatus } | null>(null);
  const onAnswered = useCallback((name: string, status: PlacementStatus) => setLast({ name, status }), []);
  const notice = last && (
    <Alert
      color={last.status === 'DECLINED' ? 'gray' : 'teal'}
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={() => setLast(null)}
      data-testid="answer-notice"
    >
      {t(last.status === 'DECLINED' ? 'answer.declinedNotice' : 'answer.confirmedNotice', {
        name: isolate(last.name),
      })}
    </Alert>
  );
  return { notice, onAnswered };
}
