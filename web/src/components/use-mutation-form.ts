import { useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

type Payload = Parameters<typeof mutationErrors>[0];
type RequestError = Parameters<typeof mutationErrors>[1];

/**
 * The errors of a form that sends one mutation: its own checks first, then what the API refused,
 * each under its field or above the form. Attach `formRef` to the form: after a refused submit the
 * focus goes to the first field to fix.
 */
export function useMutationForm() {
  const t = useT();
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  return {
    errors,
    setErrors,
    formRef,
    /** The translated error under a field, if any. */
    err: (field: string) => {
      const id = errors.byField[field];
      return id ? t(id) : undefined;
    },
    /** Shows the form's own findings; true when there are any, and the form must not be sent. */
    refused: (byField: SplitErrors['byField']) => {
      if (Object.keys(byField).length === 0) return false;
      setErrors({ byField, general: [] });
      return true;
    },
    /** Shows what the API refused (or clears the errors); true when the mutation went through. */
    accepted: (payload: Payload, requestError: RequestError, fields: readonly string[]) => {
      const problems = mutationErrors(payload, requestError, fields);
      setErrors(problems ?? NO_ERRORS);
      return !problems;
    },
  };
}

export type MutationForm = ReturnType<typeof useMutationForm>;
