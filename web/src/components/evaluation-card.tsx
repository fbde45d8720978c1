import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatScore, nameIn } from '../lib/incubation-format';
import { TintedBadge } from './tinted-badge';

export const EvaluationCardEvaluationFragment = graphql(`
  fragment EvaluationCard_EvaluationFragment on Evaluation {
    id
    weightedScore
    comment
    submittedAt
    juror {
      id
      user {
        id
        displayName
      }
    }
    scores {
      criterion {
        id
        nameFr
        nameAr
      }
      value
    }
  }
`);

/** One juror's submitted evaluation: their weighted score, each criterion's score, their comment. */
export function EvaluationCard(props: {
  evaluation: FragmentType<typeof EvaluationCardEvaluationFragment>;
  scoreMax: number;
  /** The reader's own evaluation (a juror): marked as theirs. */
  mine?: boolean;
}) {
  const evaluation = readFragment(EvaluationCardEvaluationFragment, props.evaluation);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="evaluation-card"
      data-juror={evaluation.juror.user.displayName}
      data-mine={props.mine ? 'true' : 'false'}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={600}>{evaluation.juror.user.displayName}</Text>
            {props.mine && (
              <TintedBadge colors={['teal', '#05614a']} label={t('evaluation.mine')} size="sm" />
            )}
          </Group>
          {evaluation.weightedScore !== null && evaluation.weightedScore !== undefined && (
            <Text fw={700} data-testid="evaluation-score">
              {t('scoring.outOf', {
                score: formatScore(evaluation.weightedScore, locale),
                max: formatScore(props.scoreMax, locale),
              })}
            </Text>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4}>
          {evaluation.scores.map((score) => (
            <Group key={score.criterion.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" c="dimmed">
                {nameIn(score.criterion, locale)}
              </Text>
              <Text size="sm" fw={600}>
                {formatScore(score.value, locale)}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        {evaluation.comment && (
          <Text size="sm" dir="auto">
            {evaluation.comment}
          </Text>
        )}
        {evaluation.submittedAt && (
          <Text size="xs" c="dimmed">
            {t('evaluation.submittedAt', { date: format.dateTime(evaluation.submittedAt) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
