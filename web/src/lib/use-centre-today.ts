import { FALLBACK_TIME_ZONE } from '../i18n/use-formatters';
import { useSession } from '../session/session-context';
import { centreToday } from './days';

/** Today (YYYY-MM-DD) on the clock of the centre the person works in. */
export function useCentreToday(): string {
  const session = useSession();
  const zone = (session.status === 'signed-in' ? session.tenant?.timezone : null) ?? FALLBACK_TIME_ZONE;
  return centreToday(zone);
}
