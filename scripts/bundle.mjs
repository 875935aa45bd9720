// Build step after tsc (`npm run build`): the CLI as a few bundled files in dist/bundle/ (the
// entry, plus one chunk per lazily imported part), so starting `os2level` reads and compiles
// a handful of files instead of ~150 modules and their packages. dist/ keeps tsc's output for the
// library export and its types; the scan worker (dist/scan/collectWorker.js) still runs unbundled.
//
// A bundled module's `import.meta.url` is rewritten to the URL of the file it came from, so
// everything located relative to a module (levels/, schemas/, templates/, package.json, the
// precompiled validators, the scan worker) is found where tsc's output would find it.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist/bundle');
const started = Date.now();

/** `import.meta.url` of each bundled file → that file's own URL, relative to the bundle's chunk. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.(m?js|cjs)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(OUT_DIR, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

await rm(OUT_DIR, { recursive: true, force: true });
const result = await build({
  entryPoints: { os2level: join(ROOT, 'dist/cli/main.js') },
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS packages inside an ES module bundle require Node's built-ins through this.
  banner: { js: "import { createRequire as __os2levelCreateRequire } from 'node:module'; const require = __os2levelCreateRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [ownUrl],
});
const outputs = Object.entries(result.metafile.outputs);
const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);
console.log(`bundle: dist/bundle/ (${outputs.length} files, ${(bytes / 1024).toFixed(0)} kB) in ${Date.now() - started} ms`);
