import { errorMessageId, type MessageId } from '../i18n/messages';

export interface UserErrorLike {
  code: string;
  field?: string | null;
}

export interface SplitErrors {
  /** Shown under the input the API named. */
  byField: Partial<Record<string, MessageId>>;
  /** Shown above the form: errors about no field, or about a field this form does not show. */
  general: MessageId[];
}

/**
 * The form field an error is about. Errors name the input's fields (`birthDate`); a path through
 * the mutation's input (`person.birthDate`, `input.person.birthDate`) names the same field.
 */
export function inputFieldOf(field: string | null | undefined): string | null {
  if (!field) return null;
  return field.split('.').pop() || null;
}

/** Sorts a payload's `errors` into the places a form shows them, translated by code. */
export function splitUserErrors(errors: readonly UserErrorLike[], fields: readonly string[]): SplitErrors {
  const result: SplitErrors = { byField: {}, general: [] };
  for (const error of errors) {
    const id = errorMessageId(error.code);
    const field = inputFieldOf(error.field);
    if (field && fields.includes(field) && !result.byField[field]) {
      result.byField[field] = id;
    } else if (!result.general.includes(id)) {
      result.general.push(id);
    }
  }
  return result;
}

/** The message for a failed request as a whole (network down, masked server error). */
export function requestErrorId(error: {
  networkError?: Error;
  graphQLErrors?: readonly { extensions?: Record<string, unknown> }[];
}): MessageId {
  if (error.networkError) return 'errors.NETWORK';
  const code = error.graphQLErrors?.[0]?.extensions?.code;
  return errorMessageId(typeof code === 'string' ? code : null);
}

export const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

/**
 * What a mutation's answer means for its form: null when it succeeded, else its typed errors put in
 * place, or the request's own failure (network, masked server error) above the form.
 */
export function mutationErrors(
  payload: { errors: readonly UserErrorLike[] } | null | undefined,
  requestError: Parameters<typeof requestErrorId>[0] | undefined,
  fields: readonly string[],
): SplitErrors | null {
  if (!payload) return { byField: {}, general: [requestErrorId(requestError ?? {})] };
  if (payload.errors.length > 0) return splitUserErrors(payload.errors, fields);
  return null;
}
