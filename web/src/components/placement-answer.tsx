import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { PlacementStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { DECLINE_REASONS } from '../lib/reasons';
import { ReasonDialog } from './reason-dialog';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const ConfirmPlacementMutation = graphql(`
  mutation ConfirmPlacement($input: AnswerPlacementInput!) {
    confirmPlacement(input: $input) {
      placement {
        id
        status
        statusReason
        statusChangedAt
        host {
          id
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

const DeclinePlacementMutation = graphql(`
  mutation DeclinePlacement($input: DeclinePlacementInput!) {
    declinePlacement(input: $input) {
      placement {
        id
        status
        statusReason
        statusChangedAt
        host {
          id
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
 * Yes or no to a proposal, by the host artisan or by a coordinator on their behalf. Nothing is shown
 * as done before the server says so: a yes can be refused when the workshop is full on one of the
 * days (HOST_FULL), and saying it worked first would be a lie on a phone in the workshop.
 */
export function PlacementAnswer({
  placementId,
  subject,
  size = 'md',
  onAnswered,
}: {
  placementId: string;
  /** Whose proposal, for screen readers and the decline dialog: the same buttons repeat on every card. */
  subject: string;
  size?: 'sm' | 'md' | 'xl';
  onAnswered?: (status: PlacementStatus) => void;
}) {
  const t = useT();
  const [confirmState, confirm] = useMutation(ConfirmPlacementMutation);
  const [declineState, decline] = useMutation(DeclinePlacementMutation);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [declining, setDeclining] = useState(false);
  const busy = confirmState.fetching || declineState.fetching;

  const onConfirm = async () => {
    setErrors(NO_ERRORS);
    const result = await confirm({ input: { id: placementId } });
    const payload = result.data?.confirmPlacement;
    const problems = mutationErrors(payload, result.error, []);
    if (problems) return setErrors(problems);
    if (payload?.placement) onAnswered?.(payload.placement.status);
  };

  const onDecline = async (reason: string) => {
    setErrors(NO_ERRORS);
    const result = await decline({ input: { id: placementId, reason } });
    const payload = result.data?.declinePlacement;
    const problems = mutationErrors(payload, result.error, ['reason']);
    if (problems) return setErrors(problems);
    setDeclining(false);
    if (payload?.placement) onAnswered?.(payload.placement.status);
  };

  const full = errors.general.includes('errors.HOST_FULL');
  const others = errors.general.filter((id) => id !== 'errors.HOST_FULL');
  const big = size === 'xl';

  return (
    <Stack gap="sm" data-testid="placement-answer">
      {/* On the phone: two halves of the width, each a big target; the words must fit, not the padding. */}
      <Group gap="sm" grow={big} wrap={big ? 'nowrap' : 'wrap'}>
        <Button
          size={size}
          px={big ? 'xs' : undefined}
          loading={confirmState.fetching}
          disabled={busy && !confirmState.fetching}
          onClick={onConfirm}
          aria-label={`${t('answer.confirm')} — ${subject}`}
          data-testid="confirm-placement"
        >
          {t('answer.confirm')}
        </Button>
        <Button
          size={size}
          px={big ? 'xs' : undefined}
          variant="outline"
          color="red.9"
          disabled={busy}
          onClick={() => {
            setErrors(NO_ERRORS);
            setDeclining(true);
          }}
          aria-label={`${t('answer.decline')} — ${subject}`}
          data-testid="decline-placement"
        >
          {t('answer.decline')}
        </Button>
      </Group>
      {!declining && full && (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title={t('answer.hostFullTitle')}
          data-testid="answer-error"
        >
          {t('errors.HOST_FULL')} {t('answer.hostFullHint')}
        </Alert>
      )}
      {!declining && others.length > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="answer-error">
          {others.map((id: MessageId) => t(id)).join(' ')}
        </Alert>
      )}
      <ReasonDialog
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t('answer.declineTitle')}
        subject={subject}
        suggestions={DECLINE_REASONS}
        submitLabel={t('answer.declineSubmit')}
        fetching={declineState.fetching}
        errors={{ reason: errors.byField.reason, general: errors.general }}
        onSubmit={onDecline}
      />
    </Stack>
  );
}
