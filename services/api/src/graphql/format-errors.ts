import type { FastifyBaseLogger } from 'fastify';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { isUserError } from './errors.js';
import type { Locale } from './messages.js';
import { ERROR_MESSAGES } from './messages.js';

/**
 * What a client may learn from a failure. Typed user errors keep their code and get a translated
 * message; request errors (syntax, validation, limits) keep their message, without "Did you mean"
 * hints in production; everything else is a bug: logged in full, sent as a bare INTERNAL.
 */
export function formatErrors(
  errors: readonly GraphQLError[],
  options: { locale: Locale; production: boolean; log: FastifyBaseLogger },
): ExecutionResult['errors'] {
  // mercurius wraps request errors (validation, depth) in one error whose `errors` lists them.
  const flat = errors.flatMap((error): GraphQLError[] => {
    const wrapped = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(wrapped) ? wrapped : [error];
  });
  return flat.map((error) => {
    const where = { path: error.path, locations: error.locations };
    const original = error.originalError;
    if (isUserError(original)) {
      return {
        message: ERROR_MESSAGES[options.locale][original.code],
        ...where,
        extensions: { code: original.code, field: original.field ?? null },
      } as unknown as GraphQLError;
    }
    if (!original || isRequestError(original)) {
      const message = options.production ? error.message.replace(/\s*Did you mean .*$/s, '') : error.message;
      return { message, ...where, extensions: { code: 'BAD_REQUEST' } } as unknown as GraphQLError;
    }
    options.log.error({ err: original, path: error.path }, 'unexpected error in GraphQL execution');
    return {
      message: ERROR_MESSAGES[options.locale].INTERNAL,
      ...where,
      extensions: { code: 'INTERNAL' },
    } as unknown as GraphQLError;
  });
}

// GraphQL's own input coercion errors (bad variables, invalid scalar literals) are the client's fault.
function isRequestError(error: Error): boolean {
  return error.name === 'GraphQLError' || (error instanceof TypeError && /^(DateTime)/.test(error.message));
}
