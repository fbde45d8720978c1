import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { callTitle } from '../lib/incubation-format';

/** Calls › the call › where the reader is: each step but the last a link back. */
export function CallBreadcrumbs({
  call,
  current,
}: {
  /** Left out on the call's own page (and for a call not yet created). */
  call?: { id: string; titleFr: string; titleAr?: string | null } | null;
  current: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/calls">
        {t('calls.title')}
      </Anchor>
      {call && (
        <Anchor component={Link} to={`/calls/${call.id}`}>
          {callTitle(call, locale)}
        </Anchor>
      )}
      <Text>{current}</Text>
    </Breadcrumbs>
  );
}
