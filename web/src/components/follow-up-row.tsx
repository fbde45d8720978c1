import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { FormErrors } from './form-errors';
import { FollowUpStateBadge } from './graduation-badges';
import { QuickOutcomeForm } from './quick-outcome-form';
import { useWaveLabel } from './use-wave-label';
import { mutationErrors } from './user-errors';

export const FollowUpRowOutcomeFragment = graphql(`
  fragment FollowUpRow_OutcomeFragment on Outcome {
    id
    monthsAfterGraduation
    dueOn
    state
    status
    organisation
    outcomeOn
    surveyedOn
    linkSentAt
    person {
      id
      fullName
      phone
    }
    graduation {
      id
      graduatedOn
      enrollment {
        id
        cohort {
          id
          label
        }
      }
    }
  }
`);

const SendFollowUpLinkMutation = graphql(`
  mutation SendFollowUpLink($input: SendFollowUpLinkInput!) {
    sendFollowUpLink(input: $input) {
      outcome {
        id
        linkSentAt
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

export const readFollowUp = (outcome: FragmentType<typeof FollowUpRowOutcomeFragment>) =>
  readFragment(FollowUpRowOutcomeFragment, outcome);

/** One graduate to reach: who, which wave, since when it is due, and their answer to type in. */
export function FollowUpRow({
  outcome: raw,
  canWrite,
  autoFocus,
  onRecorded,
}: {
  outcome: FragmentType<typeof FollowUpRowOutcomeFragment>;
  canWrite: boolean;
  autoFocus: boolean;
  onRecorded: (outcomeId: string) => void;
}) {
  const outcome = readFollowUp(raw);
  const t = useT();
  const format = useCentreFormatters();
  const wave = useWaveLabel();
  const [sendState, send] = useMutation(SendFollowUpLinkMutation);
  const [sendError, setSendError] = useState<readonly MessageId[]>([]);
  const name = outcome.person.fullName;

  const sendLink = async () => {
    setSendError([]);
    const result = await send({ input: { outcomeId: outcome.id } });
    const failed = mutationErrors(result.data?.sendFollowUpLink, result.error, []);
    if (failed) setSendError(failed.general);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="li"
      data-testid="follow-up-row"
      data-outcome={outcome.id}
      data-state={outcome.state}
      data-person={name}
    >
      {/* Who and which wave on the start side, their answer beside: one line per graduate on a desk. */}
      <Group align="flex-start" gap="md" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 220px' }}>
          <Text fw={700}>{name}</Text>
          <Text size="sm" c="dimmed">
            {outcome.graduation.enrollment.cohort.label}
            {' · '}
            {outcome.person.phone ? <bdi dir="ltr">{outcome.person.phone}</bdi> : t('followUp.noPhone')}
          </Text>
          <Group gap="xs" align="center">
            <Text size="sm" fw={600}>
              {wave(outcome.monthsAfterGraduation)}
            </Text>
            <Text size="sm">{t('followUp.dueOn', { date: format.day(outcome.dueOn) })}</Text>
            <FollowUpStateBadge state={outcome.state} />
          </Group>
          {/* An answered wave is corrected here, not asked again. */}
          {canWrite && outcome.state !== 'RECORDED' && (
            <Group gap="sm" align="center">
              <Button
                variant="subtle"
                size="compact-sm"
                px={0}
                onClick={() => void sendLink()}
                loading={sendState.fetching}
                disabled={!outcome.person.phone}
                aria-label={t('followUp.sendLinkTo', { name })}
                data-testid="send-link"
              >
                {t('followUp.sendLink')}
              </Button>
              {outcome.linkSentAt && (
                <Text size="sm" c="dimmed" data-testid="link-sent">
                  {t('followUp.linkSentAt', { date: format.dateTime(outcome.linkSentAt) })}
                </Text>
              )}
            </Group>
          )}
          <FormErrors ids={sendError} />
        </Stack>
        <div style={{ flex: '4 1 600px' }}>
          {canWrite ? (
            <QuickOutcomeForm outcome={outcome} name={name} autoFocus={autoFocus} onRecorded={onRecorded} />
          ) : (
            outcome.status && <Text>{t(`outcome.status.${outcome.status}`)}</Text>
          )}
        </div>
      </Group>
    </Paper>
  );
}
