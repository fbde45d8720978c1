import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A text box whose value is committed (to the address, to a query) only once typing pauses, so one
 * search does not become a request and a history entry per key. When the committed value changes
 * from outside (back and forward buttons, a "clear" button), the box follows it.
 */
export function useDebouncedText(
  committed: string,
  commit: (value: string) => void,
  delay = 350,
): [string, (value: string) => void, () => void] {
  const [text, setText] = useState(committed);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    clearTimeout(timer.current);
    // Our own commit comes back trimmed: keep what is typed (a trailing space before the next word).
    setText((current) => (current.trim() === committed.trim() ? current : committed));
  }, [committed]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = useCallback(
    (value: string) => {
      setText(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (value.trim() !== committed.trim()) commitRef.current(value);
      }, delay);
    },
    [committed, delay],
  );
  /** Commits now (Enter key): no need to wait for the pause. */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (text.trim() !== committed.trim()) commitRef.current(text);
  }, [text, committed]);
  return [text, change, flush];
}
