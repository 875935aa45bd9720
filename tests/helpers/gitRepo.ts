/**
 * Builds real git repositories in temporary directories for tests: files, commits with fixed
 * dates, lightweight and annotated tags, remotes, branches. Nothing is mocked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const created: string[] = [];

/** A fresh empty temporary directory, removed by `cleanupTempDirs()`. */
export function tempDir(prefix = 'os2level-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  while (created.length) rmSync(created.pop()!, { recursive: true, force: true });
}

/** Writes files (path → content) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function symlink(dir: string, linkPath: string, target: string): void {
  const full = join(dir, linkPath);
  mkdirSync(dirname(full), { recursive: true });
  symlinkSync(target, full);
}

const isolatedEnv = (home: string, date?: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.dk',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.dk',
  ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
});

export class TestRepo {
  constructor(readonly dir: string) {}

  git(args: string[], date?: string): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: isolatedEnv(this.dir, date),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  write(files: Record<string, string | Buffer>): this {
    writeFiles(this.dir, files);
    return this;
  }

  /** Stages everything and commits with the given ISO date (default 2026-01-15T12:00:00Z). */
  commit(message: string, date = '2026-01-15T12:00:00Z', files?: Record<string, string | Buffer>): this {
    if (files) this.write(files);
    this.git(['add', '-A']);
    this.git(['commit', '--allow-empty', '-q', '-m', message], date);
    return this;
  }

  /** A lightweight tag, or an annotated one when `message` is given (dated `date`). */
  tag(name: string, opts: { message?: string; date?: string } = {}): this {
    if (opts.message !== undefined) this.git(['tag', '-a', name, '-m', opts.message], opts.date);
    else this.git(['tag', name]);
    return this;
  }

  remote(name: string, url: string): this {
    this.git(['remote', 'add', name, url]);
    return this;
  }

  branch(name: string, checkout = false): this {
    this.git(checkout ? ['checkout', '-q', '-b', name] : ['branch', name]);
    return this;
  }

  checkout(ref: string): this {
    this.git(['checkout', '-q', ref]);
    return this;
  }
}

/** `git init` in a fresh temporary directory with the default branch `main`. */
export function createRepo(files: Record<string, string | Buffer> = {}): TestRepo {
  const dir = tempDir();
  const repo = new TestRepo(dir);
  repo.git(['init', '-q', '-b', 'main']);
  repo.git(['config', 'commit.gpgsign', 'false']);
  repo.git(['config', 'tag.gpgsign', 'false']);
  if (Object.keys(files).length) repo.write(files);
  return repo;
}
