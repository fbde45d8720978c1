import { type RefObject, useEffect } from 'react';

/**
 * After a refused submit, moves the focus to the first field marked invalid, so a keyboard or
 * screen-reader user lands on what to fix (and a phone scrolls to it) instead of on the button.
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, errors: object) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `errors` is the trigger: each refused submit focuses again.
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    // A searchable select opens its list on focus, which would cover the form: bring it into view only.
    if (first.getAttribute('aria-haspopup')) first.scrollIntoView?.({ block: 'center' });
    else first.focus();
  }, [form, errors]);
}
