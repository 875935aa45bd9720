// Build step after tsc (`npm run build`): the CLI as one bundled CommonJS file,
// dist/bundle/os2level.cjs, plus its content hash in dist/bundle/os2level.id. bin/os2level.js
// starts it through src/cli/launch.ts, which compiles it with V8's code cache: one file read and,
// after the first run, almost nothing compiled, instead of ~150 modules and their packages parsed
// and compiled on every start. Dynamic imports inside become lazily initialised parts of the one
// file, so a command still runs only the top-level code of what it uses. dist/ keeps tsc's output
// for the library export and its types; the scan worker (dist/scan/collectWorker.js) runs unbundled.
//
// A bundled module's `import.meta.url` is rewritten to the URL of the file it came from, so
// everything located relative to a module (levels/, schemas/, templates/, package.json, the
// precompiled validators, the scan worker) is found where tsc's output would find it.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
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
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __os2levelBundleUrl).href`), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

await rm(OUT_DIR, { recursive: true, force: true });
const result = await build({
  entryPoints: { os2level: join(ROOT, 'dist/cli/bundleEntry.js') },
  outdir: OUT_DIR,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The URL the rewritten `import.meta.url`s are relative to (launch.ts passes the bundle's path).
  banner: { js: "const __os2levelBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [ownUrl],
});
const bundle = join(OUT_DIR, 'os2level.cjs');
await writeFile(join(OUT_DIR, 'os2level.id'), `${createHash('sha256').update(await readFile(bundle)).digest('hex').slice(0, 32)}\n`);
const outputs = Object.entries(result.metafile.outputs);
const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);
console.log(`bundle: dist/bundle/ (${outputs.length} files, ${(bytes / 1024).toFixed(0)} kB) in ${Date.now() - started} ms`);
