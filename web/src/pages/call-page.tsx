import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CallBreadcrumbs } from '../components/call-breadcrumbs';
import { CallJury } from '../components/call-jury';
import { CallSettingsFragment } from '../components/call-settings';
import { useDocumentKindLabel } from '../components/document-kind';
import { ConfirmDialog } from '../components/form-dialog';
import { ApplicationStatusBadge, CallStatusBadge, JurorStateBadge } from '../components/incubation-badges';
import { LabelledValue } from '../components/labelled-value';
import { ListTable } from '../components/list-table';
import { PagerButtons } from '../components/pager-buttons';
import { QueryBoundary } from '../components/query-boundary';
import { RecordApplicationDialog } from '../components/record-application-dialog';
import { useMutationDialog } from '../components/use-mutation-dialog';
import { graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { callTitle, formatScore, formatShare, nameIn } from '../lib/incubation-format';
import { jurorState } from '../lib/juror-queue';
import { usePager } from '../lib/use-pager';
import { useIncubationRights } from '../session/incubation-permissions';

import { NotFoundPage } from './not-found-page';

const PAGE_SIZE = 50;

const CallPageQuery = graphql(`
  query CallPage($id: ID!, $categoryId: ID, $first: Int!, $after: String, $staff: Boolean!) {
    call(id: $id) {
      id
      ...CallSettings_CallFragment
      jurors @include(if: $staff) {
        id
        ...CallJury_CallJurorFragment
      }
      applicationCount
      myJuror {
        id
        submittedCount
        conflictCount
        pendingCount
      }
      publishedAt
    }
    applications(callId: $id, categoryId: $categoryId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          applicantName
          title
          status
          submittedOn
          category {
            id
            nameFr
            nameAr
          }
          myEvaluation {
            id
            submittedAt
          }
          myConflict {
            id
          }
          evaluations @include(if: $staff) {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const OpenCallMutation = graphql(`
  mutation OpenCall($input: CallStatusInput!) {
    openCall(input: $input) {
      call {
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

const CloseCallMutation = graphql(`
  mutation CloseCall($input: CallStatusInput!) {
    closeCall(input: $input) {
      call {
        id
        status
        closedAt
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const PublishCallMutation = graphql(`
  mutation PublishCall($input: CallStatusInput!) {
    publishCall(input: $input) {
      call {
        id
        status
        publishedAt
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

type Move = 'open' | 'close' | 'publish';

/**
 * One call: its set-up, categories and weighted criteria, the jury's progress and the applications.
 * Staff move it DRAFT → OPEN → CLOSED → PUBLISHED; a juror goes from here to their scoring.
 */
export function CallPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const navigate = useNavigate();
  const documentKind = useDocumentKindLabel();
  const rights = useIncubationRights();
  const [params, setParams] = useSearchParams();
  const categoryId = params.get('category') || null;
  const pager = usePager(categoryId ?? '');
  const [result, reexecute] = useQuery({
    query: CallPageQuery,
    variables: { id, categoryId, first: PAGE_SIZE, after: pager.after, staff: rights.callStaff },
  });
  // The dialog is about the move asked for: it confirms before the call changes status.
  const moveDialog = useMutationDialog<Move>();
  const move = moveDialog.subject;
  const [recording, setRecording] = useState(false);
  const [openState, openCall] = useMutation(OpenCallMutation);
  const [closeState, closeCall] = useMutation(CloseCallMutation);
  const [publishState, publishCall] = useMutation(PublishCallMutation);

  const confirmMove = async (which: Move) => {
    const input = { id };
    const answer =
      which === 'open'
        ? await openCall({ input }).then((r) => [r.data?.openCall, r.error] as const)
        : which === 'close'
          ? await closeCall({ input }).then((r) => [r.data?.closeCall, r.error] as const)
          : await publishCall({ input }).then((r) => [r.data?.publishCall, r.error] as const);
    moveDialog.accepted(...answer, []);
  };

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ call: found, applications }) => {
        if (!found) {
          return (
            <NotFoundPage title={t('call.notFound')} back={{ to: '/calls', label: t('call.backToList') }} />
          );
        }
        const call = { ...found, ...readFragment(CallSettingsFragment, found) };
        const title = callTitle(call, locale);
        const other = locale === 'ar-MA' ? call.titleFr : call.titleAr;
        const totalWeight = call.criteria.reduce((sum, c) => sum + c.weight, 0);
        const mine = call.myJuror;
        const { minAge, maxAge } = call;
        const ages =
          minAge != null && maxAge != null
            ? t('filters.ageBetween', { min: minAge, max: maxAge })
            : minAge != null
              ? t('filters.ageFrom', { min: minAge })
              : maxAge != null
                ? t('filters.ageUpTo', { max: maxAge })
                : t('call.anyAge');
        return (
          <Stack gap="lg">
            <CallBreadcrumbs current={title} />
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm" align="center">
                  <Title order={1} data-testid="call-title">
                    {title}
                  </Title>
                  <CallStatusBadge status={call.status} />
                </Group>
                {other && other !== title && (
                  <Text c="dimmed" lang={locale === 'ar-MA' ? 'fr' : 'ar'}>
                    {other}
                  </Text>
                )}
                <Text>{t(`callKind.${call.kind}`)}</Text>
              </div>
              <Group gap="xs">
                {call.status !== 'DRAFT' && (
                  <Button
                    component={Link}
                    to={`/calls/${call.id}/results`}
                    variant="default"
                    data-testid="open-results"
                  >
                    {t('results.link')}
                  </Button>
                )}
                {rights.writeCalls && call.status === 'DRAFT' && (
                  <Button component={Link} to={`/calls/${call.id}/edit`} variant="default">
                    {t('callForm.editTitle')}
                  </Button>
                )}
                {rights.writeCalls && call.status === 'DRAFT' && (
                  <Button onClick={() => moveDialog.open('open')} data-testid="open-call">
                    {t('call.open')}
                  </Button>
                )}
                {rights.writeCalls && call.status === 'OPEN' && (
                  <Button variant="default" onClick={() => moveDialog.open('close')} data-testid="close-call">
                    {t('call.close')}
                  </Button>
                )}
                {rights.writeCalls && call.status === 'CLOSED' && (
                  <Button onClick={() => moveDialog.open('publish')} data-testid="publish-call">
                    {t('call.publish')}
                  </Button>
                )}
              </Group>
            </Group>

            {mine && (
              <Card withBorder radius="md" padding="lg" data-testid="my-jury-seat">
                <Group justify="space-between" align="center">
                  <div>
                    <Title order={2} size="h4">
                      {t('call.mySeat')}
                    </Title>
                    <Text>
                      {t('call.myProgress', {
                        submitted: mine.submittedCount,
                        pending: mine.pendingCount,
                        conflicts: mine.conflictCount,
                      })}
                    </Text>
                  </div>
                  {mine.pendingCount > 0 && call.status !== 'PUBLISHED' && (
                    <Button
                      component={Link}
                      to={`/calls/${call.id}/score`}
                      size="md"
                      data-testid="continue-scoring"
                    >
                      {mine.submittedCount > 0 ? t('juror.continue') : t('juror.start')}
                    </Button>
                  )}
                </Group>
              </Card>
            )}

            {call.description && (
              <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {call.description}
              </Text>
            )}

            <Card withBorder radius="md" padding="lg" data-testid="call-details">
              <Title order={2} size="h4" mb="sm">
                {t('call.details')}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" verticalSpacing="sm">
                <LabelledValue
                  label={t('call.window')}
                  value={t('call.dates', { start: format.day(call.opensOn), end: format.day(call.closesOn) })}
                />
                <LabelledValue label={t('call.ages')} value={ages} />
                <LabelledValue
                  label={t('callForm.applicantKinds')}
                  value={call.applicantKinds.map((k) => t(`applicantKind.${k}`)).join(' · ')}
                />
                <LabelledValue
                  label={t('call.scale')}
                  value={t('call.scaleValue', {
                    min: formatScore(call.scoreMin, locale),
                    max: formatScore(call.scoreMax, locale),
                  })}
                />
                <LabelledValue
                  label={t('callForm.requiredDocuments')}
                  value={
                    call.requiredDocuments.length > 0
                      ? call.requiredDocuments.map((d) => isolate(documentKind(d))).join(' · ')
                      : t('call.noDocument')
                  }
                />
                <LabelledValue
                  label={t('callForm.provinces')}
                  value={
                    call.provinces.length > 0
                      ? call.provinces.map((p) => isolate(p)).join(' · ')
                      : t('call.anyProvince')
                  }
                />
                {call.cohort && (
                  <LabelledValue label={t('callForm.cohort')} value={<bdi>{call.cohort.label}</bdi>} />
                )}
              </SimpleGrid>
            </Card>

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('callForm.categories')}
                </Title>
                <Table verticalSpacing="xs" data-testid="categories-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('call.category')}</Table.Th>
                      <Table.Th>{t('call.places')}</Table.Th>
                      <Table.Th>{t('call.applications')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {call.categories.map((category) => (
                      <Table.Tr key={category.id}>
                        <Table.Td>{nameIn(category, locale)}</Table.Td>
                        <Table.Td>{format.number(category.places)}</Table.Td>
                        <Table.Td>{format.number(category.applicationCount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('call.criteria')}
                </Title>
                <Table verticalSpacing="xs" data-testid="criteria-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('call.criterion')}</Table.Th>
                      <Table.Th>{t('call.weight')}</Table.Th>
                      <Table.Th>{t('call.share')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {call.criteria.map((criterion) => (
                      <Table.Tr key={criterion.id}>
                        <Table.Td>{nameIn(criterion, locale)}</Table.Td>
                        <Table.Td>{formatScore(criterion.weight, locale)}</Table.Td>
                        <Table.Td>
                          {totalWeight > 0 ? formatShare(criterion.weight / totalWeight, locale) : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </SimpleGrid>

            {rights.callStaff && call.jurors && (
              <Stack gap="sm" component="section" aria-labelledby="jury-title">
                <Title order={2} size="h3" id="jury-title">
                  {t('jury.title')}
                </Title>
                <CallJury
                  callId={call.id}
                  jurors={call.jurors}
                  canWrite={rights.writeCalls && call.status !== 'PUBLISHED'}
                />
              </Stack>
            )}

            <Stack gap="sm" component="section" aria-labelledby="applications-title">
              <Group justify="space-between" align="flex-end">
                <Title order={2} size="h3" id="applications-title">
                  {t('call.applicationsTitle', { count: call.applicationCount })}
                </Title>
                {rights.writeCalls && call.status === 'OPEN' && (
                  <Button onClick={() => setRecording(true)} data-testid="open-record-application">
                    {t('application.record')}
                  </Button>
                )}
              </Group>
              {call.categories.length > 1 && (
                <Select
                  name="category"
                  label={t('call.category')}
                  data={[
                    { value: '', label: t('call.allCategories') },
                    ...call.categories.map((c) => ({ value: c.id, label: nameIn(c, locale) })),
                  ]}
                  value={categoryId ?? ''}
                  onChange={(value) => setParams(value ? { category: value } : {}, { replace: true })}
                  allowDeselect={false}
                  maw={320}
                />
              )}
              {rights.jurorOnly && (
                <Text size="sm" c="dimmed">
                  {t('call.jurorListNote')}
                </Text>
              )}
              {applications.edges.length === 0 ? (
                <Text c="dimmed">{t('call.noApplication')}</Text>
              ) : (
                <ListTable
                  minWidth={720}
                  testId="applications-table"
                  headers={[
                    t('application.applicant'),
                    t('call.category'),
                    t('application.submittedOn'),
                    t('filters.status'),
                    mine ? t('application.myEvaluation') : t('application.evaluations'),
                  ]}
                >
                  {applications.edges.map(({ node }) => {
                    const state = jurorState(node);
                    return (
                      <Table.Tr key={node.id} data-testid="application-row" data-application={node.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/calls/${call.id}/applications/${node.id}`} fw={600}>
                            {node.applicantName}
                          </Anchor>
                          <Text size="sm" c="dimmed">
                            <bdi>{node.title}</bdi>
                          </Text>
                        </Table.Td>
                        <Table.Td>{nameIn(node.category, locale)}</Table.Td>
                        <Table.Td>{format.day(node.submittedOn)}</Table.Td>
                        <Table.Td>
                          <ApplicationStatusBadge status={node.status} />
                        </Table.Td>
                        <Table.Td>
                          {mine ? (
                            <Group gap="xs" wrap="nowrap">
                              <JurorStateBadge state={state} />
                              {(state === 'TO_SCORE' || state === 'DRAFT') && call.status !== 'PUBLISHED' && (
                                <Button
                                  size="xs"
                                  variant="default"
                                  onClick={() => navigate(`/calls/${call.id}/score/${node.id}`)}
                                >
                                  {t('juror.score')}
                                </Button>
                              )}
                            </Group>
                          ) : (
                            format.number(node.evaluations?.length ?? 0)
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </ListTable>
              )}
              <PagerButtons
                pager={pager}
                pageSize={PAGE_SIZE}
                connection={applications}
                fetching={result.fetching}
              />
            </Stack>

            <RecordApplicationDialog
              opened={recording}
              onClose={() => setRecording(false)}
              call={call}
              onRecorded={(applicationId) => {
                setRecording(false);
                navigate(`/calls/${call.id}/applications/${applicationId}`);
              }}
            />
            <ConfirmDialog
              dialog={moveDialog}
              title={move ? t(`call.${move}`) : ''}
              confirmLabel={move ? t(`call.${move}`) : ''}
              fetching={openState.fetching || closeState.fetching || publishState.fetching}
              onConfirm={() => move && confirmMove(move)}
              confirmTestId="confirm-move"
            >
              <Text>{move ? t(`call.${move}Confirm`) : ''}</Text>
              {move === 'publish' && (
                <Alert color="yellow" variant="light">
                  {t('call.publishWarning')}
                </Alert>
              )}
            </ConfirmDialog>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
