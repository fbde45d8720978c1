import type { MessageId } from '../i18n/messages';

/** The API keeps reasons of 2 to 300 characters (trimmed). */
export const REASON_MAX = 300;

/** Why a reason cannot be sent as typed, or null when it can. */
export function checkReason(text: string): MessageId | null {
  const reason = text.trim();
  if (!reason) return 'errors.REASON_REQUIRED';
  if (reason.length < 2) return 'reason.tooShort';
  if (reason.length > REASON_MAX) return 'reason.tooLong';
  return null;
}

/**
 * What artisans most often answer when they say no: one tap fills the reason in the artisan's own
 * language, which they may then complete.
 */
export const DECLINE_REASONS: readonly MessageId[] = [
  'decline.reason.noRoom',
  'decline.reason.days',
  'decline.reason.closed',
  'decline.reason.cannotSupervise',
];

/** Reasons offered when a placement stops before its end. */
export const END_REASONS: readonly MessageId[] = [
  'endEarly.reason.droppedOut',
  'endEarly.reason.hostStopped',
  'endEarly.reason.conflict',
  'endEarly.reason.moved',
];
