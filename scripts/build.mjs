// Bundles the server (src/app/main.ts) into dist/ with esbuild. Dependencies stay external
// (resolved from node_modules at run time); our own code becomes one ESM file that starts fast.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/app/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The newsroom app (admin/) into dist/admin with Vite, served under /admin.
const { build: buildAdminApp } = await import('vite');
await buildAdminApp({ configFile: 'admin/vite.config.ts', logLevel: 'warn' });
