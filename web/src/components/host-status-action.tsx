import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { HostStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { ReasonDialog } from './reason-dialog';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const SetHostStatusMutation = graphql(`
  mutation SetHostStatus($input: SetHostStatusInput!) {
    setHostStatus(input: $input) {
      host {
        id
        status
        statusReason
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const REASONS: Record<'PAUSED' | 'CLOSED', readonly MessageId[]> = {
  PAUSED: ['hostStatus.reason.works', 'hostStatus.reason.leave', 'hostStatus.reason.noWork'],
  CLOSED: ['hostStatus.reason.retired', 'hostStatus.reason.moved', 'hostStatus.reason.quality'],
};

// From each status, the others it can go to; reopening needs no reason.
const NEXT: Record<HostStatus, readonly HostStatus[]> = {
  ACTIVE: ['PAUSED', 'CLOSED'],
  PAUSED: ['ACTIVE', 'CLOSED'],
  CLOSED: ['ACTIVE'],
};

/** Pauses (no new proposals), closes or reopens a host; its placements and history stay. */
export function HostStatusAction({ hostId, status }: { hostId: string; status: HostStatus }) {
  const t = useT();
  const [state, setStatus] = useMutation(SetHostStatusMutation);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [asking, setAsking] = useState<'PAUSED' | 'CLOSED' | null>(null);

  const run = async (to: HostStatus, reason: string | null) => {
    setErrors(NO_ERRORS);
    const result = await setStatus({ input: { id: hostId, status: to, reason } });
    const problems = mutationErrors(result.data?.setHostStatus, result.error, ['reason']);
    if (problems) return setErrors(problems);
    setAsking(null);
  };

  const choose = (to: HostStatus) => {
    if (to === 'ACTIVE') return void run(to, null);
    setErrors(NO_ERRORS);
    setAsking(to);
  };

  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        {NEXT[status].map((to) => (
          <Button
            key={to}
            variant={to === 'ACTIVE' ? 'filled' : 'default'}
            c={to === 'CLOSED' ? 'red.9' : undefined}
            loading={state.fetching && !asking && to === 'ACTIVE'}
            onClick={() => choose(to)}
            data-testid={`host-status-${to}`}
          >
            {t(`hostStatus.to.${to}`)}
          </Button>
        ))}
      </Group>
      {!asking && errors.general.length > 0 && (
        <Text size="sm" c="red.9" role="alert">
          {errors.general.map((id) => t(id)).join(' ')}
        </Text>
      )}
      <ReasonDialog
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`hostStatus.to.${asking}`) : ''}
        subject={asking ? t(`hostStatus.explain.${asking}`) : undefined}
        suggestions={asking ? REASONS[asking] : []}
        submitLabel={t('transition.confirm')}
        fetching={state.fetching}
        errors={{ reason: errors.byField.reason, general: errors.general }}
        onSubmit={(reason) => asking && void run(asking, reason)}
        danger={asking === 'CLOSED'}
      />
    </Stack>
  );
}
