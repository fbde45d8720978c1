import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { SignOutButton } from '../components/sign-out-button';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';

/** Signed in, but no centre has given this person a role yet. */
export function NoMembershipPage() {
  const t = useT();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={480} component="main">
        <Stack>
          <LanguageSwitch />
          <Title order={1} size="h2">
            {t('noMembership.title')}
          </Title>
          <Text>{t('noMembership.body')}</Text>
          <SignOutButton />
        </Stack>
      </Paper>
    </Center>
  );
}
