import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import type { BlockerLike } from '../lib/graduation';
import { checkReason } from '../lib/reasons';
import { useCentreToday } from '../lib/use-centre-today';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { GraduationBlockers } from './graduation-blockers';
import { ReasonField } from './reason-field';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const GraduateMutation = graphql(`
  mutation Graduate($input: GraduateInput!) {
    graduate(input: $input) {
      graduation {
        id
        graduatedOn
        overriddenBlockers
        overrideReason
        enrollment {
          id
          status
        }
        certificate {
          id
          serial
          status
        }
      }
      blockers {
        code
        required
        actual
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

export interface GraduateTarget {
  enrollmentId: string;
  name: string;
  blockers: readonly BlockerLike[];
}

export interface Graduated {
  name: string;
  serial: string | null;
  overridden: boolean;
}

/**
 * Confirms a graduation. When rules are not met it shows each of them; a director may then graduate
 * anyway with a reason (kept with the graduation and in the audit trail), anyone else may not.
 */
export function GraduateDialog({
  target,
  onClose,
  canOverride,
  onGraduated,
}: {
  target: GraduateTarget | null;
  onClose: () => void;
  canOverride: boolean;
  onGraduated: (graduated: Graduated) => void;
}) {
  const t = useT();
  const today = useCentreToday();
  const [graduatedOn, setGraduatedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<MessageId | null>(null);
  const [serverBlockers, setServerBlockers] = useState<readonly BlockerLike[] | null>(null);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, graduate] = useMutation(GraduateMutation);
  const [shown, setShown] = useState<GraduateTarget | null>(null);
  // Each trainee starts with a clean form.
  if (target && target !== shown) {
    setShown(target);
    setGraduatedOn(today);
    setReason('');
    setReasonProblem(null);
    setServerBlockers(null);
    setErrors(NO_ERRORS);
  }
  const current = target ?? shown;
  const blockers = serverBlockers ?? current?.blockers ?? [];
  const blocked = blockers.length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    if (blocked) {
      if (!canOverride) return;
      const problem = checkReason(reason);
      setReasonProblem(problem);
      if (problem) return;
    }
    setErrors(NO_ERRORS);
    const result = await graduate({
      input: {
        enrollmentId: current.enrollmentId,
        ...(graduatedOn ? { graduatedOn } : {}),
        ...(blocked ? { override: true, overrideReason: reason.trim() } : {}),
      },
    });
    const payload = result.data?.graduate;
    if (payload && payload.blockers.length > 0) setServerBlockers(payload.blockers);
    const failed = mutationErrors(payload, result.error, ['graduatedOn', 'overrideReason']);
    if (failed) return setErrors(failed);
    onGraduated({
      name: current.name,
      serial: payload?.graduation?.certificate?.serial ?? null,
      overridden: (payload?.graduation?.overriddenBlockers.length ?? 0) > 0,
    });
  };

  const dateError = errors.byField.graduatedOn;
  const overrideError = reasonProblem ?? errors.byField.overrideReason;

  return (
    <AppModal
      opened={target !== null}
      onClose={onClose}
      title={current ? t('graduation.graduateTitle', { name: current.name }) : ''}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="graduate-dialog" data-blocked={blocked || undefined}>
        <Stack>
          <FormErrors ids={errors.general} />
          {blocked ? (
            // A white box with a red edge: red text on a tinted background falls below 4.5:1.
            <Paper
              withBorder
              p="sm"
              style={{ borderColor: 'var(--mantine-color-red-8)' }}
              data-testid="dialog-blockers"
            >
              <Text fw={700} c="red.9" mb={4}>
                {t('graduation.blockedTitle')}
              </Text>
              <GraduationBlockers blockers={blockers} />
            </Paper>
          ) : (
            <Text>{t('graduation.confirmEligible', { name: current?.name ?? '' })}</Text>
          )}
          <TextInput
            name="graduatedOn"
            type="date"
            label={t('graduation.graduatedOn')}
            max={today}
            value={graduatedOn}
            onChange={(event) => setGraduatedOn(event.currentTarget.value)}
            error={dateError ? t(dateError) : undefined}
          />
          {blocked &&
            (canOverride ? (
              <ReasonField
                name="overrideReason"
                label={t('graduation.overrideReason')}
                description={t('graduation.overrideHelp')}
                value={reason}
                onChange={(value) => {
                  setReason(value);
                  setReasonProblem(null);
                }}
                error={overrideError}
              />
            ) : (
              <Text c="dimmed">{t('graduation.overrideDirectorsOnly')}</Text>
            ))}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            {(!blocked || canOverride) && (
              <Button
                type="submit"
                color={blocked ? 'red.9' : undefined}
                loading={state.fetching}
                data-testid="confirm-graduate"
              >
                {blocked ? t('graduation.override') : t('graduation.graduate')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
