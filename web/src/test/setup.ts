import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Some test files run in plain Node (no DOM): only clean up what exists.
afterEach(() => {
  if (typeof window === 'undefined') return;
  cleanup();
  localStorage.clear();
});
