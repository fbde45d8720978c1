import { Anchor, Button, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatFigure } from '../lib/graduation';
import { AppModal } from './app-modal';
import { useCertificateDownload } from './certificate-download';
import { FormErrors } from './form-errors';
import { CertificateStatusBadge } from './graduation-badges';
import { ReasonDialog } from './reason-dialog';
import { useMutationDialog } from './use-mutation-dialog';
import { NO_ERRORS } from './user-errors';

export const CohortCertificatesCertificateFragment = graphql(`
  fragment CohortCertificates_CertificateFragment on Certificate {
    id
    serial
    status
    issuedOn
    holderNameLatin
    holderNameAr
    centreName
    centreNameAr
    tradeFr
    tradeAr
    programmeFr
    programmeAr
    cohortLabel
    startsOn
    endsOn
    graduatedOn
    theoryHours
    practiceHours
    verificationUrl
    revokedAt
    revokedReason
  }
`);

const RevokeCertificateMutation = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) {
      certificate {
        id
        status
        revokedAt
        revokedReason
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

type Certificate = ReturnType<typeof readCertificate>;
const readCertificate = (c: FragmentType<typeof CohortCertificatesCertificateFragment>) =>
  readFragment(CohortCertificatesCertificateFragment, c);

/** Where a certificate's QR code leads, on this site (the API writes it for the public address). */
export function verificationPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

const REVOKE_REASONS = ['certificate.revokeReason.error', 'certificate.revokeReason.fraud'] as const;

/** The certificates issued in a cohort: each one to read, download and, for directors, revoke. */
export function CohortCertificates({
  certificates: raw,
  canRevoke,
}: {
  certificates: readonly FragmentType<typeof CohortCertificatesCertificateFragment>[];
  canRevoke: boolean;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const certificates = raw.map(readCertificate);
  const { download, loading, error } = useCertificateDownload();
  const [viewing, setViewing] = useState<Certificate | null>(null);
  const revoking = useMutationDialog<Certificate>();
  const [revokeState, revoke] = useMutation(RevokeCertificateMutation);

  const submitRevoke = async (reason: string) => {
    if (!revoking.subject) return;
    revoking.setErrors(NO_ERRORS);
    const result = await revoke({ input: { id: revoking.subject.id, reason } });
    revoking.accepted(result.data?.revokeCertificate, result.error, ['reason']);
  };

  if (certificates.length === 0) return <Text c="dimmed">{t('certificates.none')}</Text>;
  return (
    <Stack gap="sm">
      {error && <FormErrors ids={[error]} />}
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="sm" data-testid="cohort-certificates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificate.holder')}</Table.Th>
              <Table.Th>{t('certificate.serial')}</Table.Th>
              <Table.Th>{t('certificate.issuedOn')}</Table.Th>
              <Table.Th>{t('certificate.statusLabel')}</Table.Th>
              <Table.Th>{t('graduation.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {certificates.map((certificate) => (
              <Table.Tr
                key={certificate.id}
                data-testid="certificate-row"
                data-serial={certificate.serial}
                data-status={certificate.status}
              >
                <Table.Td>
                  <Text fw={600}>{certificate.holderNameLatin}</Text>
                  {certificate.holderNameAr && (
                    <Text size="sm" lang="ar">
                      {certificate.holderNameAr}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code dir="ltr">{certificate.serial}</Code>
                </Table.Td>
                <Table.Td>{format.day(certificate.issuedOn)}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <CertificateStatusBadge status={certificate.status} />
                    {certificate.revokedAt && (
                      <Text size="xs" c="dimmed">
                        {t('certificate.revokedOn', { date: format.date(certificate.revokedAt, 'medium') })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setViewing(certificate)}
                      aria-label={t('certificate.viewOf', { name: certificate.holderNameLatin })}
                    >
                      {t('certificate.view')}
                    </Button>
                    <Button
                      variant="default"
                      size="compact-sm"
                      loading={loading === certificate.id}
                      onClick={() => void download(certificate.id)}
                      aria-label={t('certificate.downloadOf', { name: certificate.holderNameLatin })}
                      data-testid="download-certificate"
                    >
                      {t('certificate.download')}
                    </Button>
                    {canRevoke && certificate.status === 'VALID' && (
                      <Button
                        variant="subtle"
                        color="red.9"
                        size="compact-sm"
                        onClick={() => revoking.open(certificate)}
                        aria-label={t('certificate.revokeOf', { name: certificate.holderNameLatin })}
                        data-testid="revoke-certificate"
                      >
                        {t('certificate.revoke')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AppModal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={t('certificate.title')}
        size="lg"
      >
        {viewing && <CertificateDetails certificate={viewing} />}
      </AppModal>
      <ReasonDialog
        opened={revoking.opened}
        onClose={revoking.close}
        title={t('certificate.revokeTitle')}
        subject={
          revoking.subject ? `${revoking.subject.holderNameLatin} · ${revoking.subject.serial}` : undefined
        }
        suggestions={REVOKE_REASONS}
        submitLabel={t('certificate.revoke')}
        fetching={revokeState.fetching}
        errors={{ reason: revoking.errors.byField.reason, general: revoking.errors.general }}
        onSubmit={(reason) => void submitRevoke(reason)}
      />
    </Stack>
  );
}

/** Everything the certificate says, as it was fixed when it was issued. */
function CertificateDetails({ certificate }: { certificate: Certificate }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const ar = locale === 'ar-MA';
  return (
    <Stack gap="md" data-testid="certificate-details">
      <Group gap="sm">
        <CertificateStatusBadge status={certificate.status} size="lg" />
        <Code dir="ltr">{certificate.serial}</Code>
      </Group>
      {certificate.revokedReason && (
        <Text c="red.9">{t('certificate.revokedBecause', { reason: certificate.revokedReason })}</Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t('certificate.holder')}>
          <Text fw={600}>{certificate.holderNameLatin}</Text>
          {certificate.holderNameAr && <Text lang="ar">{certificate.holderNameAr}</Text>}
        </Field>
        <Field label={t('certificate.centre')}>
          {ar && certificate.centreNameAr ? certificate.centreNameAr : certificate.centreName}
        </Field>
        <Field label={t('certificate.trade')}>{ar ? certificate.tradeAr : certificate.tradeFr}</Field>
        <Field label={t('certificate.programme')}>
          {ar ? certificate.programmeAr : certificate.programmeFr}
        </Field>
        <Field label={t('certificate.cohort')}>{certificate.cohortLabel}</Field>
        <Field label={t('certificate.period')}>
          {t('cohort.dates', {
            start: format.day(certificate.startsOn),
            end: format.day(certificate.endsOn),
          })}
        </Field>
        <Field label={t('certificate.graduatedOn')}>{format.day(certificate.graduatedOn, 'long')}</Field>
        <Field label={t('certificate.hours')}>
          {t('certificate.hoursValue', {
            theory: formatFigure(certificate.theoryHours, locale),
            practice: formatFigure(certificate.practiceHours, locale),
          })}
        </Field>
      </SimpleGrid>
      <Anchor href={verificationPath(certificate.verificationUrl)} target="_blank" rel="noopener">
        {t('certificate.openVerification')}
      </Anchor>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}
