import type { ApplicationStatus, CallStatus, VenturePhase } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import type { JurorState } from '../lib/juror-queue';
import { type Tint, TintedBadge } from './tinted-badge';

const CALL: Record<CallStatus, Tint> = {
  DRAFT: ['gray', 'gray.9'],
  OPEN: ['teal', '#05614a'],
  CLOSED: ['orange', '#8a3b00'],
  PUBLISHED: ['blue', 'blue.9'],
};

const APPLICATION: Record<ApplicationStatus, Tint> = {
  SUBMITTED: ['blue', 'blue.9'],
  WITHDRAWN: ['gray', 'gray.9'],
  SELECTED: ['green', '#1f6b2e'],
  NOT_SELECTED: ['orange', '#8a3b00'],
};

/** Phases in the order a venture moves through them, each its own colour. */
const PHASE: Record<VenturePhase, Tint> = {
  SELECTION: ['blue', 'blue.9'],
  INCUBATION: ['teal', '#05614a'],
  POST_INCUBATION: ['grape', 'grape.9'],
  EXITED: ['green', '#1f6b2e'],
  ABANDONED: ['gray', 'gray.9'],
};

export function CallStatusBadge({ status }: { status: CallStatus }) {
  const t = useT();
  return (
    <TintedBadge
      colors={CALL[status]}
      label={t(`callStatus.${status}`)}
      data-status={status}
      data-testid="call-status"
    />
  );
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <TintedBadge
      colors={APPLICATION[status]}
      label={t(`applicationStatus.${status}`)}
      data-status={status}
      data-testid="application-status"
      wholeLabel
    />
  );
}

export function VenturePhaseBadge({ phase }: { phase: VenturePhase }) {
  const t = useT();
  return (
    <TintedBadge
      colors={PHASE[phase]}
      label={t(`venturePhase.${phase}`)}
      data-status={phase}
      data-testid="venture-phase"
      wholeLabel
    />
  );
}

const JUROR: Record<JurorState, Tint> = {
  TO_SCORE: ['blue', 'blue.9'],
  DRAFT: ['orange', '#8a3b00'],
  SUBMITTED: ['green', '#1f6b2e'],
  CONFLICT: ['gray', 'gray.9'],
};

/** A juror's own progress on one application: to score, draft, submitted, or stepped aside. */
export function JurorStateBadge({ state }: { state: JurorState }) {
  const t = useT();
  return (
    <TintedBadge
      colors={JUROR[state]}
      label={t(`jurorState.${state}`)}
      data-status={state}
      data-testid="juror-state"
      wholeLabel
    />
  );
}
