/**
 * Wraps text of unknown direction (a name in Arabic inside a French sentence, a phone number in an
 * Arabic one) in Unicode first-strong isolates, so it never reorders the sentence around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
