#!/usr/bin/env node
// The installed command as one bundled file (plus lazily loaded chunks): dist/bin/har2api.js.
// `tsc` leaves one module per source file, and the dependencies add hundreds more (quicktype-core
// alone about 300); resolving, reading and compiling each one cost the command about half a
// second of CPU per run. The bundle keeps the lazy loading: the pipeline, quicktype-core and
// har-validator are separate chunks, read only when a run needs them, so `--help` stays instant.
// The quicktype worker thread's entry (dist/bin/quicktype-worker.js) is a second entry: the
// command starts it by URL beside itself, and it shares the quicktype-core and renderer chunks.
//
// Bundler: rolldown (already in the dev tree as vite's bundler, so no new native toolchain; its
// engines are Node ^20.19, like ours). Handlebars' runtime is in it (render/index.ts imports it
// before rendering); its compiler, for custom templates, is required at run time from
// node_modules through createRequire, which the bundler leaves alone. The library entry (dist/index.js) and
// dist/cli/main.js stay unbundled: tests, the CPU-profile stage breakdown and library users read
// them module by module.
import { rmSync } from 'node:fs';
import { build } from 'rolldown';

rmSync('dist/bin', { recursive: true, force: true });
await build({
  // The quicktype worker thread's entry is its own file: quicktype-thread.js starts it by URL.
  input: { har2api: 'dist/cli/main.js', 'quicktype-worker': 'dist/cli/quicktype-worker.js' },
  platform: 'node',
  // The compiler only: `handlebars/runtime.js` is bundled.
  external: [/^handlebars$/],
  logLevel: 'warn',
  output: { dir: 'dist/bin', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: false },
});
