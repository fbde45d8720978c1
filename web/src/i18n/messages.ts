import type { Locale } from './locale';
import ar from './messages/ar.json';
import fr from './messages/fr.json';

export type MessageId = keyof typeof fr;
export type Catalogue = Record<MessageId, string>;

export const CATALOGUES: Record<Locale, Catalogue> = { 'ar-MA': ar, 'fr-MA': fr };

/** The message for an API error code; codes this client does not know yet get a generic message. */
export function errorMessageId(code: string | null | undefined): MessageId {
  const id = `errors.${code}`;
  return code && id in fr ? (id as MessageId) : 'errors.UNKNOWN';
}
