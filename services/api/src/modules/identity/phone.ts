import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * E.164 for a phone number as people type it. Moroccan numbers are the default, so `06 12 34 56 78`,
 * `0612345678`, `+212 6 12 34 56 78` and `00212612345678` are all `+212612345678`. Returns null
 * for anything that is not a valid number.
 */
export function normalizePhone(input: string): string | null {
  const cleaned = input.trim().replace(/^00/, '+');
  if (!/^[+\d][\d\s.\-()]*$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, 'MA');
  return parsed?.isValid() ? parsed.number : null;
}
