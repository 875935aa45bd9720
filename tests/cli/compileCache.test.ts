/**
 * The installed command starts the bundle through V8's code cache (src/cli/launch.ts). These runs
 * use the built CLI as a user would and look at the cache directory it writes: one private entry
 * per build, Node version and command, read back unchanged on the next run; anything damaged,
 * shared or misplaced is ignored and replaced, and the output never depends on the cache.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const BUNDLE_ID = readFileSync(join(PROJECT_ROOT, 'dist/bundle/os2level.id'), 'utf8').trim();
const entryName = (command: string): string => `${BUNDLE_ID}-node${process.versions.node}-${process.arch}-${command}.v8cache`;

let repo: string;
let reference: string;

beforeAll(() => {
  const manifest = readFileSync(join(PROJECT_ROOT, 'examples/os2.example.yaml'), 'utf8');
  repo = createRepo({ 'README.md': '# Product\n\nA product that books rooms for municipal staff and citizens alike.\n', 'os2.yaml': manifest }).commit('initial').dir;
  // The report without any cache: what every cached run must print too.
  const run = runCli(['check', repo, '--format', 'json', '--as-of', '2026-06-01'], { env: { OS2LEVEL_COMPILE_CACHE: 'off' } });
  expect(run.status, run.stderr).toBeLessThanOrEqual(1);
  reference = run.stdout;
});

const check = (env: NodeJS.ProcessEnv) => runCli(['check', repo, '--format', 'json', '--as-of', '2026-06-01'], { env });

describe('the compile cache', () => {
  it('writes one private entry per command and reads it back unchanged on the next run', () => {
    const dir = join(tempDir(), 'cache');
    const first = check({ OS2LEVEL_COMPILE_CACHE: dir });
    expect(first.stdout).toBe(reference);
    expect(readdirSync(dir)).toEqual([entryName('check')]);
    const entry = join(dir, entryName('check'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(entry).mode & 0o777).toBe(0o600);
    // The entry is bytecode of the whole command, not only the top level of the bundle.
    expect(statSync(entry).size).toBeGreaterThan(200_000);
    const bytes = readFileSync(entry);
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(entry, old, old);

    const second = check({ OS2LEVEL_COMPILE_CACHE: dir });
    expect(second.stdout).toBe(reference);
    // Accepted by V8, so not written again; only marked as in use (pruning goes by modification time).
    expect(readFileSync(entry).equals(bytes)).toBe(true);
    expect(Date.now() - statSync(entry).mtimeMs).toBeLessThan(3600_000);

    // Another command gets an entry of its own; writing it prunes only entries unused for 30 days.
    const unused = join(dir, `${'0'.repeat(32)}-node${process.versions.node}-${process.arch}-check.v8cache`);
    writeFileSync(unused, 'an old build', { mode: 0o600 });
    utimesSync(unused, old, old);
    const help = runCli(['levels', '--help'], { env: { OS2LEVEL_COMPILE_CACHE: dir } });
    expect(help.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([entryName('check'), entryName('levels')].sort());
  });

  it('lives in $XDG_CACHE_HOME/os2level/compile by default, and nowhere when switched off', () => {
    const xdg = tempDir();
    expect(check({ XDG_CACHE_HOME: xdg }).stdout).toBe(reference);
    expect(readdirSync(join(xdg, 'os2level/compile'))).toEqual([entryName('check')]);

    const off = tempDir();
    for (const value of ['off', '0', 'false', '']) {
      expect(check({ XDG_CACHE_HOME: off, OS2LEVEL_COMPILE_CACHE: value }).stdout).toBe(reference);
    }
    expect(readdirSync(off)).toEqual([]);
  });

  it('replaces a damaged entry and still prints the same report', () => {
    const dir = join(tempDir(), 'cache');
    mkdirSync(dir, { mode: 0o700 });
    const entry = join(dir, entryName('check'));
    for (const damaged of [Buffer.from('not bytecode at all'), Buffer.alloc(300_000, 7)]) {
      writeFileSync(entry, damaged, { mode: 0o600 });
      const run = check({ OS2LEVEL_COMPILE_CACHE: dir });
      expect(run.stdout).toBe(reference);
      const now = readFileSync(entry);
      expect(now.equals(damaged)).toBe(false);
      expect(now.length).toBeGreaterThan(200_000);
    }
    // The fresh entry is accepted in turn.
    const written = readFileSync(entry);
    expect(check({ OS2LEVEL_COMPILE_CACHE: dir }).stdout).toBe(reference);
    expect(readFileSync(entry).equals(written)).toBe(true);
  });

  it('never reads an entry others can write, nor follows a link; replaces both with a private file', () => {
    const dir = join(tempDir(), 'cache');
    mkdirSync(dir, { mode: 0o700 });
    const entry = join(dir, entryName('check'));
    writeFileSync(entry, Buffer.alloc(1000, 1));
    chmodSync(entry, 0o666);
    expect(check({ OS2LEVEL_COMPILE_CACHE: dir }).stdout).toBe(reference);
    expect(statSync(entry).mode & 0o777).toBe(0o600);
    expect(statSync(entry).size).toBeGreaterThan(200_000);

    const elsewhere = join(tempDir(), 'planted.v8cache');
    writeFileSync(elsewhere, Buffer.alloc(1000, 2), { mode: 0o600 });
    const linked = join(dir, entryName('badge'));
    symlinkSync(elsewhere, linked);
    expect(runCli(['badge', repo, '--as-of', '2026-06-01'], { env: { OS2LEVEL_COMPILE_CACHE: dir } }).status).toBeLessThanOrEqual(1);
    // The link was replaced by a file of its own; what it pointed to is untouched.
    expect(lstatSync(linked).isSymbolicLink()).toBe(false);
    expect(readFileSync(elsewhere).equals(Buffer.alloc(1000, 2))).toBe(true);
    expect(() => readlinkSync(linked)).toThrow();
  });

  it('a cache directory that cannot be written costs nothing but the cache', () => {
    const parent = tempDir();
    const blocked = join(parent, 'cache');
    writeFileSync(blocked, 'a file where the directory would be');
    const run = check({ OS2LEVEL_COMPILE_CACHE: blocked });
    expect(run.stdout).toBe(reference);
    expect(run.stderr).toBe('');
    expect(readFileSync(blocked, 'utf8')).toBe('a file where the directory would be');

    // A directory others may write to is not used either.
    const shared = join(parent, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(check({ OS2LEVEL_COMPILE_CACHE: shared }).stdout).toBe(reference);
    expect(readdirSync(shared)).toEqual([]);
  });
});
