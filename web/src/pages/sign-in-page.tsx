import {
  Alert,
  Center,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useDirection,
} from '@mantine/core';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../api/return-to';
import { CodeSignInForm } from '../components/code-sign-in-form';
import { OfflineBanner } from '../components/offline-banner';
import { PasswordSignInForm } from '../components/password-sign-in-form';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';

type Method = 'password' | 'code';
const METHOD_KEY = 'maalem.signInMethod';

function rememberedMethod(): Method {
  try {
    return globalThis.localStorage?.getItem(METHOD_KEY) === 'code' ? 'code' : 'password';
  } catch {
    return 'password';
  }
}

export function SignInPage() {
  const t = useT();
  const { dir } = useDirection();
  const session = useSession();
  const [params] = useSearchParams();
  const [method, setMethod] = useState<Method>(rememberedMethod);
  const next = safeNextPath(params.get('next'));

  if (session.status === 'signed-in') return <Navigate replace to={next} />;

  const expired =
    params.get('reason') === 'expired' || (session.status === 'signed-out' && session.problem !== null);
  const chooseMethod = (value: string) => {
    const chosen: Method = value === 'code' ? 'code' : 'password';
    setMethod(chosen);
    try {
      globalThis.localStorage?.setItem(METHOD_KEY, chosen);
    } catch {
      // Not remembered: fine.
    }
  };

  return (
    <>
      <OfflineBanner />
      <Center mih="100vh" p={{ base: 'sm', sm: 'xl' }} component="main">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={440}>
          <Stack gap="lg">
            <Group justify="space-between" wrap="nowrap">
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
            <div>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed">{t('signIn.subtitle')}</Text>
            </div>
            {expired && (
              <Alert color="yellow" variant="light" role="status">
                {t('signIn.reason.expired')}
              </Alert>
            )}
            {params.get('reason') === 'signedOut' && (
              <Alert color="teal" variant="light" role="status">
                {t('signIn.reason.signedOut')}
              </Alert>
            )}
            <SegmentedControl
              // Mantine measures the indicator once; a new direction must remount it or it stays put.
              key={dir}
              fullWidth
              size="md"
              aria-label={t('signIn.method.label')}
              value={method}
              onChange={chooseMethod}
              data={[
                { value: 'password', label: t('signIn.method.password') },
                { value: 'code', label: t('signIn.method.code') },
              ]}
            />
            {method === 'password' ? <PasswordSignInForm /> : <CodeSignInForm />}
          </Stack>
        </Paper>
      </Center>
    </>
  );
}
