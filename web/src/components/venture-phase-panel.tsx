import { Button, Group, Menu, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { VenturePhase } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import type { MessageId } from '../i18n/messages';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { pastDayProblem } from '../lib/past-day';
import { useCentreToday } from '../lib/use-centre-today';
import { nextPhases, phaseNeedsReason } from '../lib/venture-phase';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { ReasonDialog } from './reason-dialog';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const MoveVentureMutation = graphql(`
  mutation MoveVenture($input: MoveVentureInput!) {
    moveVenture(input: $input) {
      venture {
        id
        phase
        exitedOn
        events {
          id
          fromPhase
          toPhase
          onDate
          reason
          at
          actor {
            id
            displayName
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

export interface PhaseEvent {
  id: string;
  fromPhase?: VenturePhase | null;
  toPhase: VenturePhase;
  onDate: string;
  reason?: string | null;
  actor?: { displayName: string } | null;
}

const ABANDON_REASONS: readonly MessageId[] = [
  'abandon.reason.personal',
  'abandon.reason.funding',
  'abandon.reason.job',
  'abandon.reason.market',
];

/** The venture's phase history, oldest first, and the moves it may make from where it stands. */
export function VenturePhasePanel({
  ventureId,
  phase,
  events,
  canWrite,
}: {
  ventureId: string;
  phase: VenturePhase;
  events: readonly PhaseEvent[];
  canWrite: boolean;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [target, setTarget] = useState<VenturePhase | null>(null);
  const [onDate, setOnDate] = useState(today);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, move] = useMutation(MoveVentureMutation);
  const moves = nextPhases(phase);

  const send = async (to: VenturePhase, reason?: string) => {
    const result = await move({ input: { id: ventureId, to, onDate, reason: reason ?? null } });
    const problems = mutationErrors(result.data?.moveVenture, result.error, ['onDate', 'reason']);
    if (problems) return setErrors(problems);
    setTarget(null);
  };

  const choose = (to: VenturePhase) => {
    setErrors(NO_ERRORS);
    setOnDate(today);
    setTarget(to);
  };

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const dayProblem = pastDayProblem(onDate, today);
    if (dayProblem) return setErrors({ byField: { onDate: dayProblem }, general: [] });
    void send(target);
  };

  return (
    <Stack gap="sm">
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="phase-history">
        {events.map((event) => (
          <Timeline.Item
            key={event.id}
            title={t(`venturePhase.${event.toPhase}`)}
            data-testid="phase-event"
            data-phase={event.toPhase}
          >
            <Text size="sm" c="dimmed">
              {format.day(event.onDate, 'long')}
              {event.actor ? ` · ${isolate(event.actor.displayName)}` : ''}
            </Text>
            {event.reason && <Text size="sm">{isolate(event.reason)}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {canWrite && moves.length > 0 && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="default" style={{ alignSelf: 'flex-start' }} data-testid="move-venture">
              {t('venture.move')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {moves.map((to) => (
              <Menu.Item
                key={to}
                onClick={() => choose(to)}
                c={to === 'ABANDONED' ? 'red.9' : undefined}
                data-testid="move-to"
                data-phase={to}
              >
                {t(`venture.moveTo.${to}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <AppModal
        opened={!!target && !phaseNeedsReason(target)}
        onClose={() => setTarget(null)}
        title={target ? t(`venture.moveTo.${target}`) : ''}
      >
        <form onSubmit={onConfirm} noValidate>
          <Stack>
            <FormErrors ids={errors.general} />
            <TextInput
              type="date"
              name="onDate"
              label={t('venture.moveOn')}
              required
              max={today}
              value={onDate}
              onChange={(e) => setOnDate(e.currentTarget.value)}
              error={errors.byField.onDate ? t(errors.byField.onDate) : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={state.fetching} data-testid="confirm-move-venture">
                {target ? t(`venture.moveTo.${target}`) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
      <ReasonDialog
        opened={target === 'ABANDONED'}
        onClose={() => setTarget(null)}
        title={t('venture.moveTo.ABANDONED')}
        suggestions={ABANDON_REASONS}
        submitLabel={t('venture.moveTo.ABANDONED')}
        fetching={state.fetching}
        errors={{ reason: errors.byField.reason, general: errors.general }}
        onSubmit={(reason) => void send('ABANDONED', reason)}
      />
    </Stack>
  );
}
