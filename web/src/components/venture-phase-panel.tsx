import { Button, Menu, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { useState } from 'react';
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
import { FormDialog } from './form-dialog';
import { ReasonDialog } from './reason-dialog';
import { type MutationDialog, useMutationDialog } from './use-mutation-dialog';

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
  const [onDate, setOnDate] = useState(today);
  // A move forward asks for its day (the dialog is about the phase moved to); abandoning asks why.
  const moveDialog = useMutationDialog<VenturePhase>();
  const abandonDialog = useMutationDialog();
  const [state, move] = useMutation(MoveVentureMutation);
  const moves = nextPhases(phase);
  const target = moveDialog.subject;

  // The dialog that asked for the move shows the API's refusal, or closes.
  const send = async (dialog: Pick<MutationDialog, 'accepted'>, to: VenturePhase, reason: string | null) => {
    const result = await move({ input: { id: ventureId, to, onDate, reason } });
    dialog.accepted(result.data?.moveVenture, result.error, ['onDate', 'reason']);
  };

  const choose = (to: VenturePhase) => {
    setOnDate(today);
    if (phaseNeedsReason(to)) abandonDialog.open(true);
    else moveDialog.open(to);
  };

  const onConfirm = () => {
    if (!target) return;
    const dayProblem = pastDayProblem(onDate, today);
    if (moveDialog.refused(dayProblem ? { onDate: dayProblem } : {})) return;
    void send(moveDialog, target, null);
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
      <FormDialog
        dialog={moveDialog}
        title={target ? t(`venture.moveTo.${target}`) : ''}
        submitLabel={target ? t(`venture.moveTo.${target}`) : ''}
        fetching={state.fetching}
        onSubmit={onConfirm}
      >
        <TextInput
          type="date"
          name="onDate"
          label={t('venture.moveOn')}
          required
          max={today}
          value={onDate}
          onChange={(e) => setOnDate(e.currentTarget.value)}
          error={moveDialog.err('onDate')}
        />
      </FormDialog>
      <ReasonDialog
        opened={abandonDialog.opened}
        onClose={abandonDialog.close}
        title={t('venture.moveTo.ABANDONED')}
        suggestions={ABANDON_REASONS}
        submitLabel={t('venture.moveTo.ABANDONED')}
        fetching={state.fetching}
        errors={{ reason: abandonDialog.errors.byField.reason, general: abandonDialog.errors.general }}
        onSubmit={(reason) => void send(abandonDialog, 'ABANDONED', reason)}
      />
    </Stack>
  );
}
