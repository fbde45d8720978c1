import { Button, Group, Menu, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { EnrollmentStatus } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { needsReason, nextStatuses } from '../lib/transitions';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { requestErrorId, type SplitErrors, splitUserErrors } from './user-errors';

const TransitionEnrollmentMutation = graphql(`
  mutation TransitionEnrollment($input: TransitionEnrollmentInput!) {
    transitionEnrollment(input: $input) {
      enrollment {
        id
        status
        statusReason
        statusChangedAt
        cohort {
          id
        }
        ...EnrollmentHistory_EnrollmentFragment
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

/**
 * Moves one enrollment to its next status. Leaving (dropped out, withdrawn) asks why first; a
 * refusal (cohort full, not possible from this status) is shown right under the button.
 */
export function EnrollmentStatusAction({
  enrollmentId,
  status,
  label,
}: {
  enrollmentId: string;
  status: EnrollmentStatus;
  /** Whose enrollment, for screen readers: the same button repeats on every row. */
  label: string;
}) {
  const t = useT();
  const [state, transition] = useMutation(TransitionEnrollmentMutation);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [leaving, setLeaving] = useState<EnrollmentStatus | null>(null);
  const [reason, setReason] = useState('');
  const targets = nextStatuses(status);
  if (targets.length === 0) return null;

  const run = async (to: EnrollmentStatus, why: string | null) => {
    setErrors(NO_ERRORS);
    const result = await transition({ input: { id: enrollmentId, to, reason: why } });
    const payload = result.data?.transitionEnrollment;
    if (!payload) {
      setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
      return false;
    }
    if (payload.errors.length > 0) {
      setErrors(splitUserErrors(payload.errors, leaving ? ['reason'] : []));
      return false;
    }
    return true;
  };

  const choose = (to: EnrollmentStatus) => {
    if (needsReason(to)) {
      setErrors(NO_ERRORS);
      setReason('');
      setLeaving(to);
    } else {
      void run(to, null);
    }
  };

  const submitReason = async (event: FormEvent) => {
    event.preventDefault();
    if (!leaving) return;
    if (!reason.trim()) return setErrors({ byField: { reason: 'errors.REASON_REQUIRED' }, general: [] });
    if (await run(leaving, reason.trim())) setLeaving(null);
  };
  const reasonError = errors.byField.reason;

  return (
    <Stack gap={4} align="flex-start" data-testid="status-action">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="default"
            loading={state.fetching && !leaving}
            aria-label={`${t('transition.change')} — ${label}`}
          >
            {t('transition.change')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {targets.map((to) => (
            <Menu.Item key={to} onClick={() => choose(to)} c={needsReason(to) ? 'red.9' : undefined}>
              {t(`transition.to.${to}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {!leaving && errors.general.length > 0 && (
        <Text size="sm" c="red.9" role="alert" data-testid="status-error" maw={260}>
          {errors.general.map((id) => t(id)).join(' ')}
        </Text>
      )}
      <AppModal
        opened={leaving !== null}
        onClose={() => setLeaving(null)}
        title={leaving ? t(`transition.to.${leaving}`) : ''}
      >
        <form onSubmit={submitReason} noValidate>
          <Stack>
            <Text size="sm">{label}</Text>
            <FormErrors ids={errors.general} />
            <Textarea
              name="reason"
              label={t('transition.reason')}
              description={t('transition.reasonHelp')}
              required
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError ? t(reasonError) : undefined}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLeaving(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={state.fetching}>
                {t('transition.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}
