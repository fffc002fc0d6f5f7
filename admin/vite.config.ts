import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The newsroom app. Built into dist/admin (served under /admin by admin-app-routes.ts) with hashed
 * asset names, so the server can cache them as immutable and index.html alone stays no-store.
 * Nothing inline in index.html: the site's CSP allows only same-origin scripts and styles.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Everything under /admin/assets/* is hashed; tiny files are not inlined as data: URLs either.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite --config admin/vite.config.ts` during development; the API comes from a running server.
    proxy: { '/admin/api': 'http://127.0.0.1:3000' },
  },
});
