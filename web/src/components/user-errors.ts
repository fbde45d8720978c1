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

/** Sorts a payload's `errors` into the places a form shows them, translated by code. */
export function splitUserErrors(errors: readonly UserErrorLike[], fields: readonly string[]): SplitErrors {
  const result: SplitErrors = { byField: {}, general: [] };
  for (const error of errors) {
    const id = errorMessageId(error.code);
    if (error.field && fields.includes(error.field) && !result.byField[error.field]) {
      result.byField[error.field] = id;
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
