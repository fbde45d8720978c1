import type { PersonHistoryKind } from '../gql/graphql';
import { CATALOGUES, type MessageId } from '../i18n/messages';

const PREFIX: Record<PersonHistoryKind, string> = {
  ENROLLMENT: 'status',
  PLACEMENT: 'placementStatus',
  COURSE: 'registrationStatus',
};

/**
 * The message for a history entry's status: each kind of step has its own statuses (an enrollment
 * GRADUATED, a placement ENDED_EARLY, a course COMPLETED). Null for a status this client does not know.
 */
export function historyStatusId(kind: PersonHistoryKind, status: string): MessageId | null {
  const id = `${PREFIX[kind]}.${status}`;
  return id in CATALOGUES['fr-MA'] ? (id as MessageId) : null;
}
