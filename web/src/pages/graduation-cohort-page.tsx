import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { AssessmentForm } from '../components/assessment-form';
import { BatchGraduationResult, type BatchResult } from '../components/batch-graduation-result';
import { CohortCertificates } from '../components/cohort-certificates';
import { FormErrors } from '../components/form-errors';
import { GraduateDialog, type Graduated, type GraduateTarget } from '../components/graduate-dialog';
import { type GraduationCheckRow, GraduationRow, readGraduationCheck } from '../components/graduation-row';
import { QueryBoundary } from '../components/query-boundary';
import { mutationErrors, NO_ERRORS, type SplitErrors } from '../components/user-errors';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { assessorRolesFor, formatFigure, formatPercent, SCORE_MAX } from '../lib/graduation';
import { useCentreToday } from '../lib/use-centre-today';
import {
  canGraduate as canGraduateWith,
  canOverrideGraduation,
  canRevokeCertificates,
} from '../session/graduation-permissions';
import { useRoles } from '../session/timetable-permissions';
import { NotFoundPage } from './not-found-page';

const GraduationCohortPageQuery = graphql(`
  query GraduationCohortPage($cohortId: ID!) {
    cohort(id: $cohortId) {
      id
      label
      startsOn
      endsOn
      programme {
        id
        nameFr
        nameAr
        trade {
          id
          nameFr
          nameAr
        }
        completionRules {
          minAttendanceRate
          minPracticeHours
          passMark
        }
      }
    }
    cohortGraduation(cohortId: $cohortId) {
      ...GraduationRow_GraduationCheckFragment
    }
    cohortCertificates(cohortId: $cohortId) {
      id
      ...CohortCertificates_CertificateFragment
    }
  }
`);

const GraduateCohortMutation = graphql(`
  mutation GraduateCohort($input: GraduateCohortInput!) {
    graduateCohort(input: $input) {
      graduated
      blocked
      results {
        enrollment {
          id
          status
          person {
            id
            fullName
          }
        }
        graduation {
          id
          graduatedOn
        }
        blockers {
          code
          required
          actual
        }
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/**
 * A cohort's graduation: each trainee against the programme's rules (attendance, practice hours,
 * both final marks), their marks to record, one or all of them to graduate, and the certificates.
 */
export function GraduationCohortPage() {
  const { cohortId = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const roles = useRoles();
  const assessorRoles = assessorRolesFor(roles);
  const canGraduate = canGraduateWith(roles);
  const [result, reexecute] = useQuery({ query: GraduationCohortPageQuery, variables: { cohortId } });
  const [assessing, setAssessing] = useState<GraduationCheckRow | null>(null);
  const [graduating, setGraduating] = useState<GraduateTarget | null>(null);
  const [graduated, setGraduated] = useState<Graduated | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);
  const [batchDate, setBatchDate] = useState(today);
  const [batch, setBatch] = useState<BatchResult | null>(null);
  const [batchErrors, setBatchErrors] = useState<SplitErrors>(NO_ERRORS);
  const [batchState, graduateCohort] = useMutation(GraduateCohortMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const submitBatch = async (event: FormEvent) => {
    event.preventDefault();
    setBatchErrors(NO_ERRORS);
    const answer = await graduateCohort({
      input: { cohortId, ...(batchDate ? { graduatedOn: batchDate } : {}) },
    });
    const payload = answer.data?.graduateCohort;
    const failed = mutationErrors(payload, answer.error, ['graduatedOn']);
    if (failed || !payload) return setBatchErrors(failed ?? NO_ERRORS);
    setBatch(payload);
    setGraduated(null);
    setBatchOpen(false);
    refresh();
  };

  return (
    <QueryBoundary result={result} onRetry={refresh}>
      {({ cohort, cohortGraduation, cohortCertificates }) => {
        if (!cohort) {
          return (
            <NotFoundPage
              title={t('graduation.cohortNotFound')}
              back={{ to: '/graduation', label: t('graduation.backToCohorts') }}
            />
          );
        }
        const checks = cohortGraduation.map(readGraduationCheck);
        const open = checks.filter((c) => c.enrollment.status === 'ENROLLED' && !c.graduation);
        const eligible = open.filter((c) => c.eligible);
        const done = checks.filter((c) => c.graduation);
        const rules = cohort.programme.completionRules;
        return (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/graduation">
                {t('nav.graduation')}
              </Anchor>
              <Text>{cohort.label}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} data-testid="graduation-title">
                  {t('graduation.cohortTitle', { label: cohort.label })}
                </Title>
                <Text>
                  {localName(cohort.programme.trade, locale)} · {localName(cohort.programme, locale)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('cohort.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}
                </Text>
              </div>
              {canGraduate && open.length > 0 && (
                <Button
                  onClick={() => {
                    setBatchErrors(NO_ERRORS);
                    setBatchDate(today);
                    setBatchOpen(true);
                  }}
                  data-testid="graduate-cohort"
                >
                  {t('graduation.graduateCohort')}
                </Button>
              )}
            </Group>
            <Card withBorder radius="md" padding="md" data-testid="completion-rules">
              <Text fw={600}>{t('graduation.rulesTitle')}</Text>
              <Text>
                {rules.minPracticeHours
                  ? t('graduation.rulesWithHours', {
                      attendance: formatPercent(rules.minAttendanceRate, locale),
                      hours: formatFigure(rules.minPracticeHours, locale),
                      passMark: formatFigure(rules.passMark, locale),
                      max: SCORE_MAX,
                    })
                  : t('graduation.rules', {
                      attendance: formatPercent(rules.minAttendanceRate, locale),
                      passMark: formatFigure(rules.passMark, locale),
                      max: SCORE_MAX,
                    })}
              </Text>
            </Card>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="graduation-counts">
              <Count label={t('graduation.countEnrolled')} value={open.length} testId="count-enrolled" />
              <Count label={t('graduation.countEligible')} value={eligible.length} testId="count-eligible" />
              <Count
                label={t('graduation.countBlocked')}
                value={open.length - eligible.length}
                testId="count-blocked"
              />
              <Count label={t('graduation.countGraduated')} value={done.length} testId="count-graduated" />
            </SimpleGrid>
            {graduated && (
              <Alert
                color="teal"
                variant="light"
                role="status"
                data-testid="graduated-notice"
                withCloseButton
                closeButtonLabel={t('common.close')}
                onClose={() => setGraduated(null)}
              >
                {graduated.serial
                  ? t('graduation.graduatedNotice', { name: graduated.name, serial: graduated.serial })
                  : t('graduation.graduatedNoticeNoSerial', { name: graduated.name })}
              </Alert>
            )}
            {batch && <BatchGraduationResult result={batch} onClose={() => setBatch(null)} />}
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('graduation.trainees')}
              </Title>
              {checks.length === 0 ? (
                <Text c="dimmed">{t('graduation.noTrainee')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={980}>
                  <Table verticalSpacing="sm" striped data-testid="graduation-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('graduation.trainee')}</Table.Th>
                        <Table.Th>{t('graduation.attendance')}</Table.Th>
                        <Table.Th>{t('graduation.practice')}</Table.Th>
                        <Table.Th>{t('assessment.role.INSTRUCTOR')}</Table.Th>
                        <Table.Th>{t('assessment.role.HOST_ARTISAN')}</Table.Th>
                        <Table.Th>{t('graduation.situation')}</Table.Th>
                        <Table.Th>{t('graduation.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {checks.map((check) => (
                        <GraduationRow
                          key={check.enrollment.id}
                          check={check}
                          canAssess={assessorRoles.length > 0}
                          canGraduate={canGraduate}
                          onAssess={() => setAssessing(check)}
                          onGraduate={() =>
                            setGraduating({
                              enrollmentId: check.enrollment.id,
                              name: check.enrollment.person.fullName,
                              blockers: check.blockers,
                            })
                          }
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('certificates.title')}
              </Title>
              <CohortCertificates
                certificates={cohortCertificates}
                canRevoke={canRevokeCertificates(roles)}
              />
            </Stack>
            <AppModal
              opened={assessing !== null}
              onClose={() => setAssessing(null)}
              title={t('assessment.title')}
            >
              {assessing && (
                <AssessmentForm
                  enrollmentId={assessing.enrollment.id}
                  roles={assessorRoles}
                  initialRole={
                    assessorRoles.includes('INSTRUCTOR') && !assessing.instructorAssessment
                      ? 'INSTRUCTOR'
                      : assessorRoles.includes('HOST_ARTISAN') && !assessing.artisanAssessment
                        ? 'HOST_ARTISAN'
                        : assessorRoles[0]
                  }
                  known={[assessing.instructorAssessment, assessing.artisanAssessment].filter(
                    (a): a is NonNullable<typeof a> => !!a,
                  )}
                  subject={assessing.enrollment.person.fullName}
                  onDone={() => {
                    setAssessing(null);
                    refresh();
                  }}
                  onCancel={() => setAssessing(null)}
                />
              )}
            </AppModal>
            <GraduateDialog
              target={graduating}
              onClose={() => setGraduating(null)}
              canOverride={canOverrideGraduation(roles)}
              onGraduated={(done) => {
                setGraduating(null);
                setGraduated(done);
                setBatch(null);
                refresh();
              }}
            />
            <AppModal
              opened={batchOpen}
              onClose={() => setBatchOpen(false)}
              title={t('graduation.graduateCohort')}
            >
              <form onSubmit={submitBatch} noValidate data-testid="graduate-cohort-dialog">
                <Stack>
                  <FormErrors ids={batchErrors.general} />
                  <Text>
                    {t('graduation.batchConfirm', {
                      eligible: eligible.length,
                      blocked: open.length - eligible.length,
                    })}
                  </Text>
                  <TextInput
                    name="graduatedOn"
                    type="date"
                    label={t('graduation.graduatedOn')}
                    max={today}
                    value={batchDate}
                    onChange={(event) => setBatchDate(event.currentTarget.value)}
                    error={batchErrors.byField.graduatedOn ? t(batchErrors.byField.graduatedOn) : undefined}
                  />
                  <Group justify="flex-end" gap="sm">
                    <Button variant="default" onClick={() => setBatchOpen(false)}>
                      {t('common.cancel')}
                    </Button>
                    <Button type="submit" loading={batchState.fetching} data-testid="confirm-graduate-cohort">
                      {t('graduation.graduateCohort')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </AppModal>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  const format = useCentreFormatters();
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {format.number(value)}
      </Text>
    </Card>
  );
}
