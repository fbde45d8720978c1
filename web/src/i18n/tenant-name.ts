import type { Locale } from './locale';

/** A centre's name in the reader's language, when the centre has given one. */
export function tenantName(tenant: { name: string; nameAr?: string | null }, locale: Locale): string {
  return locale === 'ar-MA' && tenant.nameAr ? tenant.nameAr : tenant.name;
}
