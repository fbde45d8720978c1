import { Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { CertificateDownloadButton } from '../components/certificate-download';
import { CertificateStatusBadge } from '../components/graduation-badges';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

const MyCertificatesPageQuery = graphql(`
  query MyCertificatesPage {
    myCertificates {
      id
      serial
      status
      issuedOn
      graduatedOn
      programmeFr
      programmeAr
      tradeFr
      tradeAr
      centreName
      centreNameAr
      cohortLabel
      revokedAt
    }
  }
`);

/** The trainee's own certificates, newest first, each to download on the phone. */
export function MyCertificatesPage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const [result, reexecute] = useQuery({ query: MyCertificatesPageQuery });
  const ar = locale === 'ar-MA';
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('nav.myCertificates')}
      </Title>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ myCertificates }) =>
          myCertificates.length === 0 ? (
            <Text size="lg" c="dimmed" data-testid="no-certificate">
              {t('myCertificates.none')}
            </Text>
          ) : (
            <Stack gap="md" data-testid="my-certificates">
              {myCertificates.map((certificate) => (
                <Card
                  key={certificate.id}
                  withBorder
                  radius="md"
                  padding="md"
                  data-testid="my-certificate"
                  data-serial={certificate.serial}
                >
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Text fw={700} size="lg">
                        {ar ? certificate.programmeAr : certificate.programmeFr}
                      </Text>
                      <CertificateStatusBadge status={certificate.status} />
                    </Group>
                    <Text>
                      {ar && certificate.centreNameAr ? certificate.centreNameAr : certificate.centreName}
                      {' · '}
                      {certificate.cohortLabel}
                    </Text>
                    <Text>
                      {t('certificate.graduatedOnDate', {
                        date: format.day(certificate.graduatedOn, 'long'),
                      })}
                    </Text>
                    {certificate.revokedAt && (
                      <Text c="red.9">
                        {t('certificate.revokedOn', { date: format.date(certificate.revokedAt, 'medium') })}
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {t('certificate.serial')} <Code dir="ltr">{certificate.serial}</Code>
                    </Text>
                    {certificate.status === 'VALID' && (
                      <CertificateDownloadButton id={certificate.id} size="md" fullWidth variant="filled" />
                    )}
                  </Stack>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryBoundary>
    </Stack>
  );
}
