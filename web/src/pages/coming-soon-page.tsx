import { Paper, Text, Title } from '@mantine/core';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';

export function ComingSoonPage({ section }: { section: MessageId }) {
  const t = useT();
  return (
    <Paper withBorder p="xl" radius="md" maw={640}>
      <Title order={1} size="h2">
        {t('comingSoon.title', { section: t(section) })}
      </Title>
      <Text mt="sm" c="dimmed">
        {t('comingSoon.body')}
      </Text>
    </Paper>
  );
}
