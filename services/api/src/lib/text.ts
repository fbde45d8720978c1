/** A one-line text as stored: trimmed, inner runs of spaces made one; blank is null. */
export const clean = (value: string | null | undefined): string | null =>
  value?.trim().replace(/\s+/g, ' ') || null;
