import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component and logic tests: a simulated DOM, no server, no browser.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
