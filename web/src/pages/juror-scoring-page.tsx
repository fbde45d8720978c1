import type { ResultOf } from '@graphql-typed-document-node/core';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { type CombinedError, type OperationResult, useClient, useMutation, useQuery } from 'urql';
import { ApplicationDocuments } from '../components/application-documents';
import { ErrorState } from '../components/error-state';
import { EvaluationCard } from '../components/evaluation-card';
import { JurorStateBadge } from '../components/incubation-badges';
import { PageLoader } from '../components/page-loader';
import { QueryBoundary } from '../components/query-boundary';
import { ReasonActionButton } from '../components/reason-action-button';
import { ScoringForm } from '../components/scoring-form';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { callTitle, nameIn } from '../lib/incubation-format';
import { jurorState, nextToScore } from '../lib/juror-queue';

import { NotFoundPage } from './not-found-page';

const JurorScoringPageQuery = graphql(`
  query JurorScoringPage($callId: ID!, $applicationId: ID!) {
    call(id: $callId) {
      id
      titleFr
      titleAr
      status
      scoreMax
      myJuror {
        id
        pendingCount
      }
      ...ScoringForm_CallFragment
    }
    application(id: $applicationId) {
      id
      applicantName
      title
      summary
      status
      category {
        id
        nameFr
        nameAr
      }
      documents {
        id
        ...ApplicationDocuments_ApplicationDocumentFragment
      }
      myEvaluation {
        id
        submittedAt
        ...ScoringForm_EvaluationFragment
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
    }
    applications(callId: $callId, first: 100) {
      totalCount
      edges {
        node {
          id
          status
          myEvaluation {
            id
            submittedAt
          }
          myConflict {
            id
          }
        }
      }
    }
  }
`);

const NextToScoreQuery = graphql(`
  query NextToScore($callId: ID!, $after: String) {
    call(id: $callId) {
      id
      titleFr
      titleAr
    }
    applications(callId: $callId, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          myEvaluation {
            id
            submittedAt
          }
          myConflict {
            id
          }
        }
      }
    }
  }
`);

const DeclareConflictMutation = graphql(`
  mutation DeclareConflict($input: DeclareConflictInput!) {
    declareConflict(input: $input) {
      conflict {
        id
        reason
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
 * A juror scores one application, on a phone as well as at a desk. Until their evaluation is
 * submitted they see only their own scores (the API sends no one else's); once it is final, the
 * other jurors' submitted evaluations appear below it.
 */
export function JurorScoringPage() {
  const { id: callId = '', applicationId = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [result, reexecute] = useQuery({
    query: JurorScoringPageQuery,
    variables: { callId, applicationId },
  });
  const [conflictState, declare] = useMutation(DeclareConflictMutation);
  const [justSubmitted, setJustSubmitted] = useState<string | null>(null);

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ call, application, applications }) => {
        if (!call || !application) {
          return (
            <NotFoundPage
              title={t('application.notFound')}
              back={{ to: call ? `/calls/${call.id}` : '/calls', label: t('call.backToCall') }}
            />
          );
        }
        const list = applications.edges.map((e) => e.node);
        const position = list.findIndex((a) => a.id === application.id);
        // The whole list is here (up to 100): the next one is found at once; beyond, the queue page finds it.
        const complete = applications.totalCount <= list.length;
        const nextId = complete ? nextToScore(list, application.id) : null;
        const next = !complete
          ? `/calls/${call.id}/score?after=${application.id}`
          : nextId && `/calls/${call.id}/score/${nextId}`;
        const state = jurorState(application);
        const myJurorId = call.myJuror?.id;
        const others = application.evaluations.filter((e) => e.juror.id !== myJurorId);
        const scoring = state === 'TO_SCORE' || state === 'DRAFT';
        const canScore = scoring && (call.status === 'OPEN' || call.status === 'CLOSED') && !!call.myJuror;
        return (
          <Stack gap="md" maw={760} data-testid="juror-scoring" data-state={state}>
            <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap' }}>
              <Anchor component={Link} to={`/calls/${call.id}`}>
                {callTitle(call, locale)}
              </Anchor>
              <Text>{t('juror.scoreTitle')}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="center" gap="xs">
              <Text size="sm" c="dimmed" data-testid="queue-position">
                {position >= 0
                  ? t('juror.position', { position: position + 1, count: applications.totalCount })
                  : null}
              </Text>
              <JurorStateBadge state={state} />
            </Group>
            <div>
              <Title order={1} size="h2" data-testid="applicant-name">
                {application.applicantName}
              </Title>
              <Text fw={600}>
                <bdi>{application.title}</bdi>
              </Text>
              <Text size="sm" c="dimmed">
                {nameIn(application.category, locale)}
              </Text>
            </div>
            {application.summary && (
              <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {application.summary}
              </Text>
            )}
            <Card withBorder radius="md" padding="md">
              <Title order={2} size="h4" mb="xs">
                {t('application.documents')}
              </Title>
              <ApplicationDocuments documents={application.documents} />
            </Card>

            {justSubmitted === application.id && (
              <Alert color="teal" variant="light" role="status" data-testid="evaluation-submitted">
                {t('juror.submitted')}
              </Alert>
            )}

            {state === 'CONFLICT' && application.myConflict && (
              <Alert color="gray" variant="light" data-testid="my-conflict">
                {t('juror.conflictDeclared', { reason: isolate(application.myConflict.reason) })}
              </Alert>
            )}

            {scoring && (
              <Stack gap="md" component="section" aria-labelledby="my-scores-title">
                <Title order={2} size="h3" id="my-scores-title">
                  {t('juror.myScores')}
                </Title>
                <Alert color="blue" variant="light" data-testid="own-scores-only">
                  {t('juror.ownScoresOnly')}
                </Alert>
                {canScore ? (
                  <ScoringForm
                    key={application.id}
                    applicationId={application.id}
                    call={call}
                    evaluation={application.myEvaluation}
                    onSaved={(submitted) => {
                      if (submitted) setJustSubmitted(application.id);
                    }}
                  />
                ) : (
                  <Text c="dimmed">{t('juror.scoringClosed')}</Text>
                )}
                {canScore && (
                  <ReasonActionButton
                    variant="subtle"
                    color="red"
                    c="red.9"
                    style={{ alignSelf: 'flex-start' }}
                    testId="declare-conflict"
                    label={t('juror.declareConflict')}
                    submitLabel={t('juror.declareConflictSubmit')}
                    subject={application.applicantName}
                    suggestions={CONFLICT_REASONS}
                    fetching={conflictState.fetching}
                    send={async (reason) => {
                      const outcome = await declare({ input: { applicationId: application.id, reason } });
                      return { payload: outcome.data?.declareConflict, error: outcome.error };
                    }}
                  />
                )}
              </Stack>
            )}

            {state === 'SUBMITTED' && application.myEvaluation && (
              <Stack gap="sm" component="section" aria-labelledby="all-evaluations-title">
                <Title order={2} size="h3" id="all-evaluations-title">
                  {t('juror.myEvaluation')}
                </Title>
                <EvaluationCard evaluation={application.myEvaluation} scoreMax={call.scoreMax} mine />
                <Title order={2} size="h3">
                  {t('juror.othersTitle')}
                </Title>
                {others.length === 0 ? (
                  <Text c="dimmed" data-testid="no-other-evaluation">
                    {t('juror.noOthersYet')}
                  </Text>
                ) : (
                  <Stack gap="sm" data-testid="other-evaluations">
                    {others.map((evaluation) => (
                      <EvaluationCard key={evaluation.id} evaluation={evaluation} scoreMax={call.scoreMax} />
                    ))}
                  </Stack>
                )}
              </Stack>
            )}

            <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
              {next ? (
                <Button
                  size="md"
                  variant={scoring ? 'default' : 'filled'}
                  onClick={() => navigate(next)}
                  data-testid="next-application"
                >
                  {t('juror.next')}
                </Button>
              ) : (
                <Text c="dimmed" data-testid="all-scored">
                  {t('juror.allDone')}
                </Text>
              )}
              <Button
                size="md"
                variant="default"
                component={Link}
                to={`/calls/${call.id}/results`}
                data-testid="to-results"
              >
                {t('results.link')}
              </Button>
            </Group>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

const CONFLICT_REASONS = [
  'conflict.reason.family',
  'conflict.reason.business',
  'conflict.reason.mentor',
] as const;

/** A prize may have hundreds of applications: read them all (a few pages) to find the next one. */
const MAX_APPLICATIONS = 5_000;

type NextState =
  | { status: 'loading' }
  | { status: 'failed'; error: CombinedError }
  | {
      status: 'ready';
      call: { id: string; titleFr: string; titleAr?: string | null } | null;
      next: string | null;
    };

/**
 * /calls/:id/score: straight to the first application the juror has left to score;
 * /calls/:id/score?after=<application>: to the next one after it (back to the start of the list).
 */
export function NextToScorePage() {
  const { id: callId = '' } = useParams();
  const [params] = useSearchParams();
  const current = params.get('after');
  const t = useT();
  const { locale } = useLocale();
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<NextState>({ status: 'loading' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void (async () => {
      const all: Parameters<typeof nextToScore>[0][number][] = [];
      let after: string | null = null;
      let call = null;
      do {
        const answer: OperationResult<ResultOf<typeof NextToScoreQuery>> = await client
          .query(NextToScoreQuery, { callId, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        if (!answer.data) {
          if (answer.error) setState({ status: 'failed', error: answer.error });
          return;
        }
        call = answer.data.call ?? null;
        all.push(...answer.data.applications.edges.map((e) => e.node));
        const page = answer.data.applications.pageInfo;
        after = page.hasNextPage ? (page.endCursor ?? null) : null;
      } while (after && all.length < MAX_APPLICATIONS);
      setState({ status: 'ready', call, next: nextToScore(all, current) });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, callId, current, attempt]);

  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'failed')
    return <ErrorState error={state.error} onRetry={() => setAttempt((a) => a + 1)} />;
  const { call, next } = state;
  if (call && next) return <Navigate to={`/calls/${call.id}/score/${next}`} replace />;
  return (
    <Stack align="flex-start" data-testid="nothing-to-score">
      <Title order={1}>{call ? callTitle(call, locale) : t('call.notFound')}</Title>
      <Text>{t('juror.allDone')}</Text>
      <Group>
        <Button component={Link} to={call ? `/calls/${call.id}/results` : '/calls'}>
          {t('results.link')}
        </Button>
        <Button component={Link} to={call ? `/calls/${call.id}` : '/calls'} variant="default">
          {t('call.backToCall')}
        </Button>
      </Group>
    </Stack>
  );
}
