import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Built to static files the api serves under /ui (same origin as the API). The typed
 * client is compiled from its package's index.ts, so only what the dashboard calls ships.
 */
export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  resolve: {
    alias: { '@interflow/client': fileURLToPath(new URL('../../packages/client/src/index.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
