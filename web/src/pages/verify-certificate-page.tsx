import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CertificateStatusBadge } from '../components/graduation-badges';
import { PublicLayout } from '../components/public-layout';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

const VerifyCertificatePageQuery = graphql(`
  query VerifyCertificatePage($serial: String!) {
    verifyCertificate(serial: $serial) {
      serial
      status
      holderNameLatin
      holderNameAr
      programmeFr
      programmeAr
      centreName
      centreNameAr
      graduatedOn
      revokedOn
    }
  }
`);

/** A serial as people type it from paper: no spaces around, upper case. */
export function normaliseSerial(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * What a certificate's QR code opens, for anyone (an employer, a cooperative): whether the serial
 * names a certificate, whose, for which programme, and whether it still stands. No sign-in.
 */
export function VerifyCertificatePage() {
  const { serial = '' } = useParams();
  const t = useT();
  return (
    <PublicLayout>
      <Title order={1} size="h2">
        {t('verify.title')}
      </Title>
      {serial ? <Verification serial={serial} /> : <Text>{t('verify.intro')}</Text>}
      <SerialForm initial={serial} />
    </PublicLayout>
  );
}

function Verification({ serial }: { serial: string }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  // Always asked again: a certificate may have been revoked since.
  const [result, reexecute] = useQuery({
    query: VerifyCertificatePageQuery,
    variables: { serial },
    requestPolicy: 'network-only',
  });
  const ar = locale === 'ar-MA';
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ verifyCertificate: found }) =>
        !found ? (
          <Alert color="orange" variant="light" data-testid="verify-unknown">
            <Text fw={700}>{t('verify.unknownTitle')}</Text>
            <Text>{t('verify.unknown', { serial })}</Text>
          </Alert>
        ) : (
          <Card
            withBorder
            radius="md"
            padding="lg"
            data-testid="verification"
            data-status={found.status}
            style={{
              borderInlineStart: `6px solid var(--mantine-color-${found.status === 'VALID' ? 'teal-7' : 'red-8'})`,
            }}
          >
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text
                  fw={700}
                  size="lg"
                  c={found.status === 'VALID' ? 'teal.9' : 'red.9'}
                  data-testid="verify-verdict"
                >
                  {found.status === 'VALID' ? t('verify.valid') : t('verify.revoked')}
                </Text>
                <CertificateStatusBadge status={found.status} size="lg" />
              </Group>
              {found.revokedOn && (
                <Text c="red.9" data-testid="verify-revoked-on">
                  {t('verify.revokedOn', { date: format.day(found.revokedOn, 'long') })}
                </Text>
              )}
              <Field label={t('verify.holder')}>
                <Text fw={700} size="xl" lang="fr" data-testid="verify-holder-latin">
                  {found.holderNameLatin}
                </Text>
                {found.holderNameAr && (
                  <Text fw={700} size="xl" lang="ar" data-testid="verify-holder-ar">
                    {found.holderNameAr}
                  </Text>
                )}
              </Field>
              <Field label={t('verify.programme')}>
                <Text data-testid="verify-programme">{ar ? found.programmeAr : found.programmeFr}</Text>
                <Text size="sm" c="dimmed" lang={ar ? 'fr' : 'ar'}>
                  {ar ? found.programmeFr : found.programmeAr}
                </Text>
              </Field>
              <Field label={t('verify.centre')}>
                <Text>{ar && found.centreNameAr ? found.centreNameAr : found.centreName}</Text>
              </Field>
              <Field label={t('verify.graduatedOn')}>
                <Text data-testid="verify-date">{format.day(found.graduatedOn, 'long')}</Text>
              </Field>
              <Field label={t('verify.serial')}>
                <Code dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                  {found.serial}
                </Code>
              </Field>
            </Stack>
          </Card>
        )
      }
    </QueryBoundary>
  );
}

function SerialForm({ initial }: { initial: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const serial = normaliseSerial(text);
    setProblem(!serial);
    if (serial) navigate(`/verify/${encodeURIComponent(serial)}`);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="serial-form">
      <Stack gap="xs">
        <TextInput
          name="serial"
          label={t('verify.serialField')}
          description={t('verify.serialHelp', { example: isolate('MLM-7K3Q-9XWD-…') })}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={problem ? t('errors.REQUIRED') : undefined}
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          size="md"
        />
        <Button type="submit" size="md" style={{ alignSelf: 'flex-start' }}>
          {t('verify.check')}
        </Button>
      </Stack>
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </div>
  );
}
