import type { Context } from './context.js';
import { isUserError } from './errors.js';

/**
 * How every mutation answers: the result fields with `errors: []`, or, for an expected failure,
 * `errors: [{ code, field, message }, …]` in the caller's language (several for `UserErrors`),
 * plus `onFailure` for payload fields that are never null (empty lists). Unexpected errors
 * propagate and are masked by the error formatter.
 */
export async function toPayload<T extends object, F extends Partial<T> = Record<never, never>>(
  ctx: Context,
  fn: () => Promise<T>,
  onFailure?: F,
) {
  try {
    return { ...(await fn()), errors: [] };
  } catch (error) {
    if (isUserError(error)) return { ...(onFailure as F), errors: error.toPayloadErrors(ctx.locale) };
    throw error;
  }
}
