import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { END_REASONS } from '../lib/reasons';
import { ReasonDialog } from './reason-dialog';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const EndPlacementEarlyMutation = graphql(`
  mutation EndPlacementEarly($input: EndPlacementEarlyInput!) {
    endPlacementEarly(input: $input) {
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

/** Stops a confirmed or running placement before its end; the reason stays in its history. */
export function EndPlacementAction({ placementId, subject }: { placementId: string; subject: string }) {
  const t = useT();
  const [state, end] = useMutation(EndPlacementEarlyMutation);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [open, setOpen] = useState(false);

  const onSubmit = async (reason: string) => {
    setErrors(NO_ERRORS);
    const result = await end({ input: { id: placementId, reason } });
    const problems = mutationErrors(result.data?.endPlacementEarly, result.error, ['reason']);
    if (problems) return setErrors(problems);
    setOpen(false);
  };

  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        // The subtle variant's own red is below 4.5:1 on white.
        c="red.9"
        onClick={() => {
          setErrors(NO_ERRORS);
          setOpen(true);
        }}
        aria-label={`${t('endEarly.action')} — ${subject}`}
      >
        {t('endEarly.action')}
      </Button>
      {!open && errors.general.length > 0 && (
        <Text size="sm" c="red.9" role="alert">
          {errors.general.map((id) => t(id)).join(' ')}
        </Text>
      )}
      <ReasonDialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t('endEarly.title')}
        subject={subject}
        suggestions={END_REASONS}
        submitLabel={t('endEarly.submit')}
        fetching={state.fetching}
        errors={{ reason: errors.byField.reason, general: errors.general }}
        onSubmit={onSubmit}
      />
    </Stack>
  );
}
