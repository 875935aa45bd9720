/**
 * Starts the bundled CLI (dist/bundle/os2level.cjs, written by scripts/bundle.mjs) through V8's
 * code cache, so a run after the first compiles almost nothing: the bytecode of every function the
 * previous run of the same command executed is read back from the compile cache instead of being
 * parsed and compiled again. Node 22's `module.enableCompileCache()` would do this for ES modules
 * but is missing on Node 20, and it stores a module's code as compiled, before it ran; this stores
 * it after the run, lazily compiled functions included.
 *
 * The cache is only ever an optimisation. It is keyed by the bundle's content hash, the Node
 * version and the command, so a rebuilt or upgraded tool never reads another build's code; V8
 * checks its own version, flags and the source length and rejects anything else (the run then
 * compiles as without a cache and writes a fresh entry). An entry is read only when it is a
 * regular file owned by the current user and writable by nobody else, and written atomically
 * (a private temporary file renamed into place), so concurrent runs never see half an entry.
 * Any failure to read or write it is ignored. `OS2LEVEL_COMPILE_CACHE=off` switches it off;
 * `OS2LEVEL_COMPILE_CACHE=DIR` puts it in DIR instead of `$XDG_CACHE_HOME/os2level/compile`.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { defaultCacheDir } from '../cacheDir.js';

/** The bundle, and the file holding its content hash (both written by scripts/bundle.mjs). */
export const BUNDLE_PATH = fileURLToPath(new URL('../bundle/os2level.cjs', import.meta.url));
const BUNDLE_ID_PATH = fileURLToPath(new URL('../bundle/os2level.id', import.meta.url));

/** CommonJS's own wrapper, on the bundle's first line so line numbers in stack traces stay true. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_END = '\n})';

/** Entries unused for this long are removed when a new entry is written; a used one is touched daily. */
const STALE_MS = 30 * 24 * 3600 * 1000;
const TOUCH_AFTER_MS = 24 * 3600 * 1000;
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const ENTRY_SUFFIX = '.v8cache';

/** The compile-cache directory, or null when it is switched off. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.OS2LEVEL_COMPILE_CACHE?.trim();
  if (setting !== undefined) {
    if (setting === '' || /^(0|off|false|no)$/i.test(setting)) return null;
    if (!/^(1|on|true|yes)$/i.test(setting)) return resolve(setting);
  }
  try {
    return join(defaultCacheDir(env), 'compile');
  } catch {
    return null;
  }
}

/**
 * The entry's file name: the bundle's content hash, Node's version and architecture, and the
 * command (each command runs different code, so each keeps the functions it runs).
 */
export function compileCacheEntryName(bundleId: string, argv: readonly string[]): string {
  const word = argv[2];
  const command = word !== undefined && /^[a-z][a-z-]{0,31}$/.test(word) ? word : 'main';
  return `${bundleId}-node${process.versions.node}-${process.arch}-${command}${ENTRY_SUFFIX}`;
}

/** Runs the bundled CLI with `argv` (process.argv's shape). */
export async function launch(argv: string[]): Promise<void> {
  const source = readFileSync(BUNDLE_PATH, 'utf8');
  const dir = compileCacheDir();
  const entry = dir === null ? null : join(dir, compileCacheEntryName(bundleId(source), argv));
  const cached = entry === null ? undefined : readEntry(entry);
  const script = new Script(WRAPPER_START + source + WRAPPER_END, { filename: BUNDLE_PATH, cachedData: cached?.data });
  if (entry !== null && (cached === undefined || script.cachedDataRejected === true)) {
    // After the run, so the entry holds every function this command compiled, not only the top level.
    process.once('exit', () => writeEntry(dir!, entry, script));
  } else if (entry !== null && cached !== undefined && Date.now() - cached.mtimeMs > TOUCH_AFTER_MS) {
    // Marks the entry as in use, so pruning (by modification time) keeps it.
    touch(entry);
  }
  const module = { exports: {} as { main?: (argv: string[]) => Promise<void> } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE_PATH), module, BUNDLE_PATH, dirname(BUNDLE_PATH));
  if (typeof module.exports.main !== 'function') throw new Error(`${BUNDLE_PATH} exports no main(); run npm run build`);
  await module.exports.main(argv);
}

/** The content hash the build wrote next to the bundle; the source's own hash when it is missing. */
function bundleId(source: string): string {
  try {
    const id = readFileSync(BUNDLE_ID_PATH, 'utf8').trim();
    if (/^[0-9a-f]{16,64}$/.test(id)) return id;
  } catch {
    /* hashed below */
  }
  return createHash('sha256').update(source).digest('hex').slice(0, 32);
}

const ownedPrivately = (st: { uid: number; mode: number }): boolean =>
  (typeof process.getuid !== 'function' || st.uid === process.getuid()) && (st.mode & 0o022) === 0;

/** The entry's bytes, or undefined (no entry, or one that is not a private regular file). */
function readEntry(file: string): { data: Buffer; mtimeMs: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size === 0 || st.size > MAX_ENTRY_BYTES || !ownedPrivately(st)) return undefined;
    return { data: readFileSync(fd), mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* pruned a little early at worst */
  }
}

function writeEntry(dir: string, file: string, script: Script): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || !ownedPrivately(st)) return;
    const data = script.createCachedData();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
    removeStaleEntries(dir);
  } catch {
    /* the cache is an optimisation only */
  }
}

function removeStaleEntries(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(ENTRY_SUFFIX) && !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    } catch {
      /* gone already */
    }
  }
}
