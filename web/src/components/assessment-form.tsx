import { Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { AssessorRole } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { assessmentProblems, COMMENT_MAX, formatFigure, parseScore, SCORE_MAX } from '../lib/graduation';
import { useCentreToday } from '../lib/use-centre-today';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const RecordAssessmentMutation = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      assessment {
        id
        assessorRole
        score
        passed
        comment
        assessedOn
        enrollment {
          id
          assessments {
            id
            assessorRole
            score
            passed
            comment
            assessedOn
          }
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

type Field = 'score' | 'comment' | 'assessedOn';
const FIELDS = ['score', 'comment', 'assessedOn', 'assessorRole'];

export interface KnownAssessment {
  assessorRole: AssessorRole;
  score: number;
  comment?: string | null;
}

/**
 * A final assessment out of 20, with a comment. Recording it again replaces the mark (the API keeps
 * the old one in the audit trail), so an existing mark fills the form.
 */
export function AssessmentForm({
  enrollmentId,
  roles,
  initialRole,
  known = [],
  subject,
  big = false,
  withDate = true,
  onDone,
  onCancel,
}: {
  enrollmentId: string;
  /** The assessments this person may record (one: no choice shown). */
  roles: readonly AssessorRole[];
  initialRole?: AssessorRole;
  /** Marks already recorded for this trainee. */
  known?: readonly KnownAssessment[];
  subject?: string;
  /** On a phone: larger controls. */
  big?: boolean;
  withDate?: boolean;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const today = useCentreToday();
  const { locale } = useLocale();
  const [role, setRole] = useState<AssessorRole>(initialRole ?? roles[0] ?? 'INSTRUCTOR');
  const existing = known.find((a) => a.assessorRole === role);
  const [scoreText, setScoreText] = useState(existing ? formatFigure(existing.score, locale) : '');
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [assessedOn, setAssessedOn] = useState(today);
  const [problems, setProblems] = useState<Partial<Record<Field, MessageId>>>({});
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, record] = useMutation(RecordAssessmentMutation);
  const size = big ? 'md' : 'sm';

  const chooseRole = (value: AssessorRole) => {
    setRole(value);
    const mark = known.find((a) => a.assessorRole === value);
    setScoreText(mark ? formatFigure(mark.score, locale) : '');
    setComment(mark?.comment ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const score = parseScore(scoreText);
    const found = assessmentProblems({ score, comment, assessedOn }, today);
    setProblems(found);
    if (Object.keys(found).length > 0 || score === null) return;
    setErrors(NO_ERRORS);
    const trimmed = comment.trim();
    const result = await record({
      input: {
        enrollmentId,
        assessorRole: role,
        score,
        ...(trimmed ? { comment: trimmed } : {}),
        ...(withDate && assessedOn ? { assessedOn } : {}),
      },
    });
    const failed = mutationErrors(result.data?.recordAssessment, result.error, FIELDS);
    if (failed) return setErrors(failed);
    onDone();
  };

  const error = (field: Field) => {
    const id = problems[field] ?? errors.byField[field];
    return id ? t(id, { max: SCORE_MAX }) : undefined;
  };
  const roleError = errors.byField.assessorRole;

  return (
    <form onSubmit={submit} noValidate data-testid="assessment-form">
      <Stack gap="sm">
        {subject && <Text fw={600}>{subject}</Text>}
        <FormErrors ids={[...errors.general, ...(roleError ? [roleError] : [])]} />
        {roles.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`assessor-${enrollmentId}`}>
              {t('assessment.role')}
            </Text>
            <SegmentedControl
              aria-labelledby={`assessor-${enrollmentId}`}
              value={role}
              onChange={(value) => chooseRole(value as AssessorRole)}
              data={roles.map((r) => ({ value: r, label: t(`assessment.role.${r}`) }))}
              size={size}
              fullWidth
            />
          </Stack>
        )}
        {/* Plain text, not a number field: « 14,5 » and « 14.5 » are both a mark, typed or pasted, and a
            mark out of range is said, never silently clamped. */}
        <TextInput
          name="score"
          label={t('assessment.score')}
          description={t('assessment.scoreHelp', { max: SCORE_MAX })}
          required
          inputMode="decimal"
          autoComplete="off"
          value={scoreText}
          onChange={(event) => setScoreText(event.currentTarget.value)}
          error={error('score')}
          size={big ? 'lg' : size}
          rightSection={<Text size="sm">/ {SCORE_MAX}</Text>}
          rightSectionWidth={48}
        />
        <Textarea
          name="comment"
          label={t('assessment.comment')}
          rows={2}
          maxLength={COMMENT_MAX}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={error('comment')}
          size={size}
        />
        {withDate && (
          <TextInput
            name="assessedOn"
            type="date"
            label={t('assessment.assessedOn')}
            max={today}
            value={assessedOn}
            onChange={(event) => setAssessedOn(event.currentTarget.value)}
            error={error('assessedOn')}
            size={size}
          />
        )}
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel} size={size}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={state.fetching} size={size} data-testid="save-assessment">
            {t('assessment.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
