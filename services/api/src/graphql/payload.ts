import type { Context } from './context.js';
import { isUserError } from './errors.js';

/**
 * How every mutation answers: the result fields with `errors: []`, or, for an expected failure,
 * `errors: [{ code, field, message }]` in the caller's language. Unexpected errors propagate and
 * are masked by the error formatter.
 */
export async function toPayload<T extends object>(ctx: Context, fn: () => Promise<T>) {
  try {
    return { ...(await fn()), errors: [] };
  } catch (error) {
    if (isUserError(error)) return { errors: [error.toPayloadError(ctx.locale)] };
    throw error;
  }
}
