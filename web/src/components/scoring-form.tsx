import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { errorMessageId, type MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { callErrorKey } from '../lib/call-form';
import { formatScore, formatShare, nameIn } from '../lib/incubation-format';
import {
  checkDraft,
  draftFrom,
  type ScoreDraft,
  toScoreInputs,
  weightedTotal,
  weightShare,
} from '../lib/scoring';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { requestErrorId } from './user-errors';

export const ScoringFormCallFragment = graphql(`
  fragment ScoringForm_CallFragment on Call {
    id
    scoreMin
    scoreMax
    criteria {
      id
      nameFr
      nameAr
      weight
    }
  }
`);

export const ScoringFormEvaluationFragment = graphql(`
  fragment ScoringForm_EvaluationFragment on Evaluation {
    id
    comment
    submittedAt
    scores {
      criterion {
        id
      }
      value
    }
  }
`);

const SaveEvaluationMutation = graphql(`
  mutation SaveEvaluation($input: SaveEvaluationInput!) {
    saveEvaluation(input: $input) {
      evaluation {
        id
        comment
        submittedAt
        weightedScore
        scores {
          criterion {
            id
          }
          value
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

const COMMENT_MAX = 2000;

interface Problems {
  byCriterion: Partial<Record<string, MessageId>>;
  comment?: MessageId;
  general: MessageId[];
}

const NONE: Problems = { byCriterion: {}, general: [] };

/**
 * A juror's scores for one application: one box per criterion within the call's scale, the weighted
 * score once all are given, a comment. Saved as a draft as often as wanted; submitted once, after
 * a confirmation, when it becomes final.
 */
export function ScoringForm(props: {
  applicationId: string;
  call: FragmentType<typeof ScoringFormCallFragment>;
  evaluation: FragmentType<typeof ScoringFormEvaluationFragment> | null | undefined;
  onSaved: (submitted: boolean) => void;
}) {
  const call = readFragment(ScoringFormCallFragment, props.call);
  const saved = readFragment(ScoringFormEvaluationFragment, props.evaluation);
  const t = useT();
  const { locale } = useLocale();
  const range = { min: call.scoreMin, max: call.scoreMax };
  const [draft, setDraft] = useState<ScoreDraft>(() => draftFrom(saved?.scores ?? []));
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [problems, setProblems] = useState<Problems>(NONE);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<'saved' | null>(null);
  const [state, save] = useMutation(SaveEvaluationMutation);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, problems);

  const check = checkDraft(call.criteria, draft, range);
  const total = weightedTotal(call.criteria, draft, range);

  const send = async (submit: boolean) => {
    const scores = toScoreInputs(call.criteria, draft, range);
    setNotice(null);
    const result = await save({
      input: { applicationId: props.applicationId, scores, comment: comment.trim() || null, submit },
    });
    const payload = result.data?.saveEvaluation;
    if (!payload) {
      const failed = { ...NONE, general: [requestErrorId(result.error ?? {})] };
      setProblems(failed);
      return failed;
    }
    if (payload.errors.length > 0) {
      // The API names a score by its place in the list sent: map it back to its criterion.
      const next: Problems = { byCriterion: {}, general: [] };
      for (const error of payload.errors) {
        const id = errorMessageId(error.code);
        const path = callErrorKey(error.field)?.split('.') ?? [];
        const sent = path[0] === 'scores' && path[1] !== undefined ? scores[Number(path[1])] : undefined;
        if (sent) next.byCriterion[sent.criterionId] = id;
        else if (path[0] === 'comment') next.comment = id;
        else if (!next.general.includes(id)) next.general.push(id);
      }
      setProblems(next);
      return next;
    }
    setProblems(NONE);
    if (!submit) setNotice('saved');
    props.onSaved(submit);
    return null;
  };

  const blocked = (forSubmit: boolean): boolean => {
    const byCriterion: Partial<Record<string, MessageId>> = { ...check.problems };
    if (forSubmit) {
      for (const criterion of call.criteria) {
        if (!byCriterion[criterion.id] && !(draft[criterion.id] ?? '').trim())
          byCriterion[criterion.id] = 'errors.REQUIRED';
      }
    }
    const commentProblem = comment.trim().length > COMMENT_MAX ? 'scoring.commentTooLong' : undefined;
    if (Object.keys(byCriterion).length === 0 && !commentProblem) return false;
    setProblems({
      byCriterion,
      comment: commentProblem,
      general: forSubmit && !check.complete ? ['errors.SCORES_INCOMPLETE'] : [],
    });
    return true;
  };

  const onSaveDraft = (event: FormEvent) => {
    event.preventDefault();
    if (!blocked(false)) void send(false);
  };

  return (
    <form onSubmit={onSaveDraft} noValidate ref={formRef} data-testid="scoring-form">
      <Stack gap="md">
        <FormErrors ids={problems.general} />
        {call.criteria.map((criterion, index) => {
          const problem = problems.byCriterion[criterion.id] ?? check.problems[criterion.id];
          return (
            <TextInput
              key={criterion.id}
              name={`score-${index + 1}`}
              label={nameIn(criterion, locale)}
              description={t('scoring.criterionHelp', {
                min: formatScore(range.min, locale),
                max: formatScore(range.max, locale),
                share: formatShare(weightShare(call.criteria, criterion), locale),
              })}
              inputMode="decimal"
              autoComplete="off"
              size="md"
              value={draft[criterion.id] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, [criterion.id]: value }));
                setNotice(null);
                setProblems((p) => ({ ...p, byCriterion: { ...p.byCriterion, [criterion.id]: undefined } }));
              }}
              error={problem ? t(problem) : undefined}
              data-testid="criterion-score"
              data-criterion={criterion.id}
            />
          );
        })}
        <Card withBorder radius="md" padding="sm" data-testid="scoring-total" aria-live="polite">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{t('scoring.weighted')}</Text>
            <Text fw={700} size="lg" data-testid="weighted-total" data-value={total ?? ''}>
              {total === null
                ? t('scoring.scoredCount', { scored: check.scored, count: call.criteria.length })
                : t('scoring.outOf', {
                    score: formatScore(total, locale),
                    max: formatScore(range.max, locale),
                  })}
            </Text>
          </Group>
        </Card>
        <Textarea
          name="comment"
          label={t('scoring.comment')}
          description={t('scoring.commentHelp')}
          rows={3}
          maxLength={COMMENT_MAX}
          size="md"
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            setNotice(null);
          }}
          error={problems.comment ? t(problems.comment) : undefined}
        />
        {notice === 'saved' && (
          <Alert color="teal" variant="light" role="status" data-testid="draft-saved">
            {t('scoring.draftSaved')}
          </Alert>
        )}
        <Stack gap="sm">
          <Button
            size="md"
            fullWidth
            onClick={() => {
              if (!blocked(true)) setConfirming(true);
            }}
            data-testid="submit-evaluation"
          >
            {t('scoring.submit')}
          </Button>
          <Button
            type="submit"
            size="md"
            variant="default"
            fullWidth
            loading={state.fetching && !confirming}
            data-testid="save-draft"
          >
            {t('scoring.saveDraft')}
          </Button>
        </Stack>
      </Stack>
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('scoring.confirmTitle')}>
        <Stack data-testid="confirm-submit">
          <Text>{t('scoring.confirmText')}</Text>
          {total !== null && (
            <Text fw={700}>
              {t('scoring.outOf', { score: formatScore(total, locale), max: formatScore(range.max, locale) })}
            </Text>
          )}
          <FormErrors ids={problems.general} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="md"
              loading={state.fetching}
              onClick={async () => {
                const failed = await send(true);
                // A refused score is shown under its box, behind this dialog: close it to show it.
                if (!failed || failed.general.length === 0) setConfirming(false);
              }}
              data-testid="confirm-submit-evaluation"
            >
              {t('scoring.submitFinal')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </form>
  );
}
