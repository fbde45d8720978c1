import type { ClassSessionRow, HostRow } from '../../db/rows.js';
import type { TenantRow } from '../tenancy/service.js';

// Where a class session happens, in the reader's language. A generated session takes place at the
// centre (theory) or at the host's workshop (practice): the place is read from them, so a host's
// new address shows at once and an Arabic reader gets the Arabic names. Only a session added by
// hand keeps a place of its own.

type Language = 'ar' | 'fr';

const inLanguage = (named: { name: string; name_ar: string | null }, language: Language) =>
  language === 'ar' && named.name_ar ? named.name_ar : named.name;

/**
 * The session's place: the centre's name for theory, the host's name and address for practice
 * (null when the reader may not see the host).
 */
export function sessionPlace(
  session: ClassSessionRow,
  host: HostRow | undefined,
  centre: Pick<TenantRow, 'name' | 'name_ar'>,
  language: Language,
): string | null {
  if (!session.generated && session.place) return session.place;
  if (!session.host_id) return inLanguage(centre, language);
  if (!host) return null;
  return [inLanguage(host, language), host.address].filter(Boolean).join(language === 'ar' ? '، ' : ', ');
}
