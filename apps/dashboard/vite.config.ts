import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { requestSchemas } from './request-schemas-plugin';

const CLIENT = new URL('../../packages/client/src/', import.meta.url);

/**
 * Built to static files the api serves under /ui (same origin as the API). The typed
 * client is compiled from its package's index.ts, so only what the dashboard calls ships;
 * the request schemas of the OpenAPI document come in through `virtual:request-schemas`.
 */
export default defineConfig({
  base: '/ui/',
  plugins: [react(), requestSchemas(fileURLToPath(new URL('generated/openapi.json', CLIENT)))],
  resolve: {
    alias: { '@interflow/client': fileURLToPath(new URL('index.ts', CLIENT)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
