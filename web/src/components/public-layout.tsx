import { Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';
import { OfflineBanner } from './offline-banner';

/**
 * Pages anyone may open without signing in (a certificate's QR code, a graduate's link): the name of
 * the product, the language switch, and one narrow column that fits a phone.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <OfflineBanner />
      <Box
        component="header"
        px={{ base: 'sm', sm: 'xl' }}
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" maw={640} mx="auto">
          <div>
            <Text fw={700} size="xl" c="teal.9">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" px={{ base: 'sm', sm: 'xl' }} py="lg">
        <Stack maw={640} mx="auto" gap="lg">
          {children}
        </Stack>
      </Box>
    </>
  );
}
