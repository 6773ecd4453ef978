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

/**
 * string-width (how yargs' help lays out columns, through cliui and wrap-ansi; three copies)
 * builds an `Intl.Segmenter` as its module loads. The first one costs 10-20 ms (ICU's break
 * rules), paid by every run, while only help and usage text measure widths. In the bundle it is
 * built on first use instead. The module must use the segmenter for `segment` only, or the
 * build fails here rather than a help text later.
 */
const lazySegmenter = {
  name: 'lazy-segmenter',
  transform: {
    filter: { id: /[\\/]string-width[\\/]index\.js$/ },
    handler(code, id) {
      const declaration = 'const segmenter = new Intl.Segmenter();';
      // Comments left out (roughly: only for counting).
      const bare = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      const uses = bare.match(/\bsegmenter\b/g)?.length ?? 0;
      const segments = bare.match(/\bsegmenter\.segment\(/g)?.length ?? 0;
      if (!code.includes(declaration) || uses !== segments + 1)
        throw new Error(`${id}: its Intl.Segmenter is no longer made as lazy-segmenter expects; update scripts/bundle.mjs`);
      return code.replace(declaration, 'let segmenterMade;\nconst segmenter = { segment: (text) => (segmenterMade ??= new Intl.Segmenter()).segment(text) };');
    },
  },
};

/**
 * quicktype-core registers all of its 27 target languages in one list (language/All.js), which
 * its run imports, so every language's renderer (1.3 of its 1.9 MB, lodash with PHP's) is
 * compiled and run as the quicktype thread starts, on the way to its first schema. har2api
 * asks it for two: JSON Schema (body schemas) and TypeScript (types.ts). In the bundle the list
 * holds only those; the build fails if the list is no longer written as expected.
 */
const QUICKTYPE_LANGUAGES = { JSONSchemaTargetLanguage: './JSONSchema/index.js', TypeScriptTargetLanguage: './TypeScriptFlow/index.js' };
const quicktypeLanguages = {
  name: 'quicktype-languages',
  transform: {
    filter: { id: /[\\/]quicktype-core[\\/]dist[\\/]esm[\\/]language[\\/]All\.js$/ },
    handler(code, id) {
      const list = /^export const all = \[\n(?: {4}new \w+\(\),\n)+\];$/m;
      const imports = /^import \{[^}]*\} from "\.\/[\w-]+\/index\.js";\n/gm;
      const kept = Object.entries(QUICKTYPE_LANGUAGES);
      if (
        !list.test(code) ||
        kept.some(([name, from]) => !new RegExp(`^import \\{[^}]*\\b${name}\\b[^}]*\\} from "${from.replace('.', '\\.')}";$`, 'm').test(code))
      )
        throw new Error(`${id}: quicktype's language list is no longer written as quicktype-languages expects; update scripts/bundle.mjs`);
      const head = kept.map(([name, from]) => `import { ${name} } from "${from}";\n`).join('');
      return head + code.replace(imports, '').replace(list, `export const all = [${kept.map(([name]) => `new ${name}()`).join(', ')}];`);
    },
  },
};

rmSync('dist/bin', { recursive: true, force: true });
await build({
  // The quicktype worker thread's entry is its own file: quicktype-thread.js starts it by URL.
  input: { har2api: 'dist/cli/main.js', 'quicktype-worker': 'dist/cli/quicktype-worker.js' },
  platform: 'node',
  // The compiler only: `handlebars/runtime.js` is bundled.
  external: [/^handlebars$/],
  plugins: [lazySegmenter, quicktypeLanguages],
  logLevel: 'warn',
  // ASCII only (other characters escaped): Node decodes a module's UTF-8 source several times
  // faster when every byte is ASCII, and keeps it in one byte a character.
  output: {
    dir: 'dist/bin',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: false,
    charset: 'ascii',
    comments: { jsdoc: false },
  },
});
