import type { Context } from '../../graphql/context.js';
import { isUserError, UserError } from '../../graphql/errors.js';
import type { GraduationBlocker } from '../../graphql/generated/resolvers.js';

/** A graduation refused by the rules: the payload lists each unmet rule with its figures. */
export class GraduationBlocked extends UserError {
  constructor(readonly blockers: GraduationBlocker[]) {
    super('GRADUATION_BLOCKED', 'enrollmentId');
  }
}

/**
 * The graduate mutation's payload: like toPayload (graphql/payload.ts), and when the rules refuse
 * the graduation, the blockers next to the error.
 */
export async function graduatePayload<T extends object>(ctx: Context, fn: () => Promise<T>) {
  try {
    return { ...(await fn()), blockers: [], errors: [] };
  } catch (error) {
    if (!isUserError(error)) throw error;
    return {
      graduation: null,
      blockers: error instanceof GraduationBlocked ? error.blockers : [],
      errors: error.toPayloadErrors(ctx.locale),
    };
  }
}
