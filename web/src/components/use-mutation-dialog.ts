import { useState } from 'react';
import { useMutationForm } from './use-mutation-form';
import { NO_ERRORS } from './user-errors';

/**
 * A dialog that sends one mutation. It opens about a subject (`true`, a row, a year…) with no
 * error left from last time, and closes once the mutation went through; refused, it stays open
 * with the errors shown.
 */
export function useMutationDialog<Subject = true>() {
  const form = useMutationForm();
  const [subject, setSubject] = useState<Subject | null>(null);
  return {
    ...form,
    subject,
    opened: subject !== null,
    open: (next: Subject) => {
      form.setErrors(NO_ERRORS);
      setSubject(next);
    },
    close: () => setSubject(null),
    accepted: (...args: Parameters<typeof form.accepted>) => {
      const ok = form.accepted(...args);
      if (ok) setSubject(null);
      return ok;
    },
  };
}

export type MutationDialog<Subject = true> = ReturnType<typeof useMutationDialog<Subject>>;
