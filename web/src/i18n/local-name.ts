import type { Locale } from './locale';

/** A trade's or programme's name in the reader's language (both are always given). */
export function localName(named: { nameFr: string; nameAr: string }, locale: Locale): string {
  return locale === 'ar-MA' ? named.nameAr : named.nameFr;
}

/** A host's name for the reader: its Arabic name in Arabic when it has one (it is optional). */
export function hostName(host: { name: string; nameAr?: string | null }, locale: Locale): string {
  return locale === 'ar-MA' && host.nameAr ? host.nameAr : host.name;
}
