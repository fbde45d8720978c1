import type { Locale } from './locale';

/** A trade's or programme's name in the reader's language (both are always given). */
export function localName(named: { nameFr: string; nameAr: string }, locale: Locale): string {
  return locale === 'ar-MA' ? named.nameAr : named.nameFr;
}
