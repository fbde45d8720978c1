import { Anchor, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/use-t';

/**
 * An address that leads nowhere; with `title` and `back`, a record that does not exist (or that
 * the reader may not see), with the way back to where it would be listed.
 */
export function NotFoundPage({ title, back }: { title?: string; back?: { to: string; label: string } }) {
  const t = useT();
  return (
    <Stack align="flex-start">
      <Title order={1}>{title ?? t('notFound.title')}</Title>
      <Anchor component={Link} to={back?.to ?? '/'}>
        {back?.label ?? t('notFound.back')}
      </Anchor>
    </Stack>
  );
}
