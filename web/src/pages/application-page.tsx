import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ApplicationDocuments } from '../components/application-documents';
import { CallBreadcrumbs } from '../components/call-breadcrumbs';
import { EvaluationCard } from '../components/evaluation-card';
import { ApplicationStatusBadge } from '../components/incubation-badges';
import { LabelledValue } from '../components/labelled-value';
import { QueryBoundary } from '../components/query-boundary';
import { ReasonActionButton } from '../components/reason-action-button';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { nameIn } from '../lib/incubation-format';
import { jurorState } from '../lib/juror-queue';
import { useIncubationRights } from '../session/incubation-permissions';

import { NotFoundPage } from './not-found-page';

const ApplicationPageQuery = graphql(`
  query ApplicationPage($callId: ID!, $applicationId: ID!) {
    call(id: $callId) {
      id
      titleFr
      titleAr
      status
      scoreMax
      myJuror {
        id
      }
    }
    application(id: $applicationId) {
      id
      applicantName
      title
      summary
      status
      submittedOn
      category {
        id
        nameFr
        nameAr
      }
      person {
        id
      }
      venture {
        id
      }
      documents {
        id
        ...ApplicationDocuments_ApplicationDocumentFragment
      }
      myEvaluation {
        id
        submittedAt
        ...EvaluationCard_EvaluationFragment
      }
      myConflict {
        id
        reason
      }
      evaluations {
        id
        juror {
          id
        }
        ...EvaluationCard_EvaluationFragment
      }
      conflicts {
        id
        reason
        declaredAt
        juror {
          id
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

const WithdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
      application {
        id
        status
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
 * One application: who applies, with what, its documents, and the evaluations the reader may see
 * (staff: every submitted one; a juror: the others' only once their own is submitted).
 */
export function ApplicationPage() {
  const { id: callId = '', applicationId = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const rights = useIncubationRights();
  const [result, reexecute] = useQuery({ query: ApplicationPageQuery, variables: { callId, applicationId } });
  const [withdrawState, withdraw] = useMutation(WithdrawApplicationMutation);

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ call, application }) => {
        if (!call || !application) {
          return (
            <NotFoundPage
              title={t('application.notFound')}
              back={{ to: call ? `/calls/${call.id}` : '/calls', label: t('call.backToCall') }}
            />
          );
        }
        const juror = !!call.myJuror && !rights.callStaff;
        const state = jurorState(application);
        const others = application.evaluations.filter((e) => e.juror.id !== call.myJuror?.id);
        const applicantLink = application.person
          ? rights.openPeople && `/people/${application.person.id}`
          : application.venture && rights.openVentures && `/ventures/${application.venture.id}`;
        return (
          <Stack gap="lg" data-testid="application-page">
            <CallBreadcrumbs call={call} current={application.applicantName} />
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Title order={1} data-testid="applicant-name">
                    {applicantLink ? (
                      <Anchor component={Link} to={applicantLink} inherit>
                        {application.applicantName}
                      </Anchor>
                    ) : (
                      application.applicantName
                    )}
                  </Title>
                  <ApplicationStatusBadge status={application.status} />
                </Group>
                <Text fw={600}>
                  <bdi>{application.title}</bdi>
                </Text>
              </div>
              <Group gap="xs">
                {juror && (state === 'TO_SCORE' || state === 'DRAFT') && (
                  <Button
                    component={Link}
                    to={`/calls/${call.id}/score/${application.id}`}
                    data-testid="score-this"
                  >
                    {t('juror.score')}
                  </Button>
                )}
                {rights.writeCalls &&
                  application.status === 'SUBMITTED' &&
                  (call.status === 'OPEN' || call.status === 'CLOSED') && (
                    <ReasonActionButton
                      variant="default"
                      c="red.9"
                      label={t('application.withdraw')}
                      subject={application.applicantName}
                      suggestions={WITHDRAW_REASONS}
                      fetching={withdrawState.fetching}
                      send={async (reason) => {
                        const outcome = await withdraw({ input: { id: application.id, reason } });
                        return { payload: outcome.data?.withdrawApplication, error: outcome.error };
                      }}
                    />
                  )}
              </Group>
            </Group>
            <Card withBorder radius="md" padding="lg">
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
                <LabelledValue label={t('call.category')} value={nameIn(application.category, locale)} />
                <LabelledValue
                  label={t('application.submittedOn')}
                  value={format.day(application.submittedOn)}
                />
                <LabelledValue
                  label={t('application.applicantKind')}
                  value={t(application.venture ? 'applicantKind.VENTURE' : 'applicantKind.PERSON')}
                />
              </SimpleGrid>
              {application.summary && (
                <Text mt="md" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                  {application.summary}
                </Text>
              )}
            </Card>
            <Stack gap="sm" component="section" aria-labelledby="documents-title">
              <Title order={2} size="h3" id="documents-title">
                {t('application.documents')}
              </Title>
              <ApplicationDocuments documents={application.documents} />
            </Stack>

            <Stack gap="sm" component="section" aria-labelledby="evaluations-title" data-testid="evaluations">
              <Title order={2} size="h3" id="evaluations-title">
                {t('application.evaluations')}
              </Title>
              {juror && state !== 'SUBMITTED' ? (
                <Alert color="blue" variant="light" data-testid="evaluations-hidden">
                  {state === 'CONFLICT' ? t('juror.conflictNoEvaluations') : t('juror.othersAfterSubmit')}
                </Alert>
              ) : (
                <>
                  {juror && application.myEvaluation && (
                    <EvaluationCard evaluation={application.myEvaluation} scoreMax={call.scoreMax} mine />
                  )}
                  {others.length === 0 ? (
                    <Text c="dimmed" data-testid="no-evaluation">
                      {juror ? t('juror.noOthersYet') : t('application.noEvaluation')}
                    </Text>
                  ) : (
                    <Stack gap="sm" data-testid="other-evaluations">
                      {others.map((evaluation) => (
                        <EvaluationCard
                          key={evaluation.id}
                          evaluation={evaluation}
                          scoreMax={call.scoreMax}
                        />
                      ))}
                    </Stack>
                  )}
                </>
              )}
            </Stack>

            {rights.callStaff && application.conflicts.length > 0 && (
              <Stack gap="sm" component="section" aria-labelledby="conflicts-title">
                <Title order={2} size="h3" id="conflicts-title">
                  {t('application.conflicts')}
                </Title>
                <Table verticalSpacing="xs" data-testid="conflicts-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('jury.juror')}</Table.Th>
                      <Table.Th>{t('reason.label')}</Table.Th>
                      <Table.Th>{t('application.declaredAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {application.conflicts.map((conflict) => (
                      <Table.Tr key={conflict.id}>
                        <Table.Td>{conflict.juror.user.displayName}</Table.Td>
                        <Table.Td>{isolate(conflict.reason)}</Table.Td>
                        <Table.Td>{format.dateTime(conflict.declaredAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            )}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

const WITHDRAW_REASONS = [
  'withdraw.reason.applicant',
  'withdraw.reason.ineligible',
  'withdraw.reason.duplicate',
] as const;
