import { List, Text } from '@mantine/core';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { type BlockerLike, describeBlocker, sortBlockers } from '../lib/graduation';

/** What stops a trainee from graduating, rule by rule with the figures; « ready » when nothing does. */
export function GraduationBlockers({
  blockers,
  size = 'sm',
  showReady = true,
}: {
  blockers: readonly BlockerLike[];
  size?: 'xs' | 'sm' | 'md';
  showReady?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (blockers.length === 0) {
    return showReady ? (
      <Text size={size} c="teal.9" fw={600} data-testid="graduation-ready">
        {t('graduation.ready')}
      </Text>
    ) : null;
  }
  return (
    <List size={size} spacing={2} c="red.9" data-testid="graduation-blockers">
      {sortBlockers(blockers).map((blocker) => (
        <List.Item key={blocker.code} data-testid="graduation-blocker" data-code={blocker.code}>
          {describeBlocker(blocker, t, locale)}
        </List.Item>
      ))}
    </List>
  );
}
