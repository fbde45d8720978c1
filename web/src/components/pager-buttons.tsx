import { Button, Group, Text } from '@mantine/core';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import type { Pager } from '../lib/use-pager';

/** The page of a connection on screen: its rows, how many in all, and where the next page starts. */
export interface ConnectionPage {
  edges: readonly unknown[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Previous and next page under a list, with which rows are shown out of how many. */
export function PagerButtons({
  pager,
  pageSize,
  connection,
  fetching,
}: {
  pager: Pager;
  pageSize: number;
  connection: ConnectionPage;
  fetching: boolean;
}) {
  const { hasNextPage, endCursor } = connection.pageInfo;
  const t = useT();
  const format = useCentreFormatters();
  if (pager.page === 1 && !hasNextPage) return null;
  const first = (pager.page - 1) * pageSize + 1;
  return (
    <Group gap="sm" data-testid="pager">
      <Button variant="default" disabled={pager.page === 1 || fetching} onClick={pager.previous}>
        {t('pager.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('pager.range', {
          first: format.number(first),
          last: format.number(first + connection.edges.length - 1),
          total: format.number(connection.totalCount),
        })}
      </Text>
      <Button variant="default" disabled={!hasNextPage || fetching} onClick={() => pager.next(endCursor)}>
        {t('pager.next')}
      </Button>
    </Group>
  );
}
