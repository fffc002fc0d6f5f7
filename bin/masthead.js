#!/usr/bin/env node
// The `masthead` command. The server is bundled into dist/ by `npm run build` (run on install).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('masthead: dist/main.js is missing; run `npm run build` first.\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
