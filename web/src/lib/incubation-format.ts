/** A name given in French, and in Arabic when someone wrote it: the reader's language when there is one. */
export function nameIn(named: { nameFr: string; nameAr?: string | null }, locale: string): string {
  return locale === 'ar-MA' && named.nameAr ? named.nameAr : named.nameFr;
}

/** A call's title in the reader's language, the French one when it has no Arabic title. */
export function callTitle(call: { titleFr: string; titleAr?: string | null }, locale: string): string {
  return locale === 'ar-MA' && call.titleAr ? call.titleAr : call.titleFr;
}

/** A score as juries write it: two decimals at most (14,5 ; 12,25). */
export function formatScore(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A normalised score (a mean of z-scores): signed, two decimals, so above and below average read apart. */
export function formatNormalized(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** An amount in dirhams, without cents when there are none. */
export function formatMad(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'MAD',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** A share (0.95) as a percent with at most one decimal. */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Hours with at most one decimal (coaching time is logged in minutes). */
export function formatHours(hours: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
}

/** A file's size for people, in the reader's language: kilobytes up to a megabyte, megabytes above. */
export function formatSize(bytes: number, locale: string): string {
  const unit = (u: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return unit('kilobyte').format(Math.max(1, Math.round(bytes / 1024)));
  return unit('megabyte').format(bytes / (1024 * 1024));
}
