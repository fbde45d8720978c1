export type Locale = 'ar-MA' | 'fr-MA';
export const LOCALES: readonly Locale[] = ['ar-MA', 'fr-MA'];
export const DEFAULT_LOCALE: Locale = 'ar-MA';

const STORAGE_KEY = 'maalem.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ar-MA' || value === 'fr-MA';
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar-MA' ? 'rtl' : 'ltr';
}

/**
 * The tag handed to Intl: Moroccan Arabic conventions (month names such as "شتنبر") with Western
 * digits, which is what Moroccan administrations print and what people type.
 */
export function intlTag(locale: Locale): string {
  return locale === 'ar-MA' ? 'ar-MA-u-nu-latn' : 'fr-MA';
}

/** The language codes the API understands in accept-language. */
export function acceptLanguage(locale: Locale): string {
  return locale === 'ar-MA' ? 'ar' : 'fr';
}

export function readStoredLocale(
  storage: Pick<Storage, 'getItem'> | undefined = safeStorage(),
): Locale | null {
  const value = storage?.getItem(STORAGE_KEY);
  return isLocale(value) ? value : null;
}

export function storeLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()) {
  storage?.setItem(STORAGE_KEY, locale);
}

/** Sets `lang` and `dir` on <html>, so the browser, screen readers and CSS logical properties follow. */
export function applyDocumentLocale(locale: Locale, doc: Document = document) {
  doc.documentElement.lang = locale;
  doc.documentElement.dir = directionOf(locale);
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be disabled (private modes, strict settings): the choice then lasts for the visit.
    return undefined;
  }
}
