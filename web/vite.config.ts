import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineDocuments } from './vite-inline-documents.ts';

// The API runs on its own port in development; in production it serves this build itself.
const api = process.env.MAALEM_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [inlineDocuments(), react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // Helmet's CSP forbids inline scripts; keep every script an external file.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
