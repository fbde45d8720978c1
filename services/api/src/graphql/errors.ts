import type { ErrorCode } from './generated/resolvers.js';
import { ERROR_MESSAGES, type Locale } from './messages.js';

/**
 * An expected failure the person can act on (wrong code, not allowed, capacity full). Thrown by
 * services; mutations turn it into a typed `errors` entry, queries into a GraphQL error that keeps
 * its code. Anything else that is thrown is a bug and reaches the client masked.
 */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
  ) {
    super(code);
    this.name = 'UserError';
  }

  toPayloadError(locale: Locale) {
    return { code: this.code, field: this.field ?? null, message: ERROR_MESSAGES[locale][this.code] };
  }

  /** What a mutation payload's `errors` holds for this failure. */
  toPayloadErrors(locale: Locale) {
    return [this.toPayloadError(locale)];
  }
}

/**
 * Several expected failures found at once (every invalid field of a form, every missing column of
 * a file), so the person fixes them all in one go instead of one per attempt.
 */
export class UserErrors extends UserError {
  constructor(readonly all: readonly UserError[]) {
    super(all[0]!.code, all[0]!.field);
  }

  override toPayloadErrors(locale: Locale) {
    return this.all.map((error) => error.toPayloadError(locale));
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
