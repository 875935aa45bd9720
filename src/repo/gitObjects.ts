/**
 * Reading files from git objects: the tree of a pinned commit (`git ls-tree -r -z --full-tree`)
 * and blobs (`git cat-file --batch`, bounded by the same byte limits as reads from disk). Symlinks
 * (mode 120000) are resolved only inside the tree; a target that leaves it is refused, as on disk.
 * git runs with the same safe config and clean environment as every other git call.
 */
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { runGit, spawnGit, type GitProcess } from './git.js';
import { decodeText, DEFAULT_MAX_BYTES, type ReadResult, type ResolveResult } from './safePath.js';
import { hasGitDirSegment, type GitObjectsSource, type GitTree } from './source.js';

export interface TreeEntry {
  mode: string;
  oid: string;
  /** Blob size in bytes; null for submodules (gitlinks). */
  size: number | null;
}

export interface TreeListing {
  entries: Map<string, TreeEntry>;
}

const MODE_SYMLINK = '120000';
const MODE_GITLINK = '160000';
const MAX_SYMLINK_HOPS = 40;
/** Blobs larger than this many times the read limit are streamed and cut off, not piped through --batch. */
const BATCH_SIZE_FACTOR = 4;


const treeKey = (t: GitTree): string => `${t.gitDir}\0${t.commit}`;
const listings = new Map<string, Promise<TreeListing>>();

/** The whole tree of `tree.commit`, listed once per process. */
export function listTree(tree: GitTree): Promise<TreeListing> {
  const key = treeKey(tree);
  let p = listings.get(key);
  if (!p) {
    p = runGit(tree.gitDir, ['ls-tree', '-r', '-z', '-l', '--full-tree', tree.commit]).then(parseLsTree);
    p.catch(() => listings.delete(key));
    listings.set(key, p);
  }
  return p;
}

/** `<mode> SP <type> SP <oid> SP+ <size> TAB <path> NUL`, as `ls-tree -l -z` prints it. */
export function parseLsTree(out: string): TreeListing {
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , oid, size] = record.slice(0, tab).trim().split(/\s+/);
    if (!mode || !oid) continue;
    entries.set(record.slice(tab + 1), { mode, oid, size: size && size !== '-' ? Number(size) : null });
  }
  return { entries };
}

/**
 * The git processes reading one tree's objects: its `cat-file --batch` reader and any blob
 * streams. Each tree of a source has its own (two products on one repository share nothing), and
 * `releaseTrees` is the one place that ends them; a tree once released starts no process again,
 * so a read still in flight when collection ends (or fails) cannot leave a child behind.
 */
class TreeProcesses {
  private batch: BatchReader | null = null;
  private readonly streams = new Set<GitProcess>();
  private released = false;

  constructor(private readonly gitDir: string) {}

  reader(): BatchReader {
    if (this.released) throw new Error('git objects read after the source was released');
    this.batch ??= new BatchReader(this.gitDir);
    return this.batch;
  }

  stream(oid: string): Readable {
    if (this.released) throw new Error('git objects read after the source was released');
    const child = spawnGit(this.gitDir, ['cat-file', 'blob', oid], ['ignore', 'pipe', 'ignore']);
    this.streams.add(child);
    child.on('close', () => this.streams.delete(child));
    child.on('error', () => this.streams.delete(child));
    child.stdout.on('close', () => child.kill());
    return child.stdout;
  }

  release(): void {
    this.released = true;
    this.batch?.close();
    this.batch = null;
    for (const child of this.streams) {
      child.stdout?.destroy();
      child.kill();
    }
    this.streams.clear();
  }
}

const processes = new WeakMap<GitTree, TreeProcesses>();

function processesOf(tree: GitTree): TreeProcesses {
  let p = processes.get(tree);
  if (!p) {
    p = new TreeProcesses(tree.gitDir);
    processes.set(tree, p);
  }
  return p;
}

/** Forgets the listings and ends every git process reading the source (call when its facts are collected, on every path). */
export function releaseTrees(source: GitObjectsSource): void {
  for (const t of source.trees) {
    listings.delete(treeKey(t));
    processesOf(t).release();
  }
}

type Located = { ok: true; tree: GitTree; path: string; entry: TreeEntry } | Extract<ResolveResult, { ok: false }>;

/** Normalises a `/`-path; null when it climbs above the root. */
function normalise(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** Resolves `relPath` inside one tree, following symlinks that stay inside it. */
async function resolveInTree(tree: GitTree, relPath: string): Promise<Located> {
  const { entries } = await listTree(tree);
  let path = normalise(relPath);
  if (path === null) return { ok: false, reason: 'outside-repository', detail: relPath };
  for (let hops = 0; hops <= MAX_SYMLINK_HOPS; hops++) {
    const parts = path.split('/');
    let rewritten: string | null = null;
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const entry = entries.get(prefix);
      if (!entry || entry.mode !== MODE_SYMLINK) continue;
      const target = (await readBlob(tree, entry.oid, 4096)).toString('utf8');
      if (target.startsWith('/')) return { ok: false, reason: 'outside-repository', detail: relPath };
      const next = normalise(posix.join(posix.dirname(prefix), target, ...parts.slice(i)));
      if (next === null) return { ok: false, reason: 'outside-repository', detail: relPath };
      rewritten = next;
      break;
    }
    if (rewritten === null) {
      const entry = entries.get(path);
      if (!entry) return { ok: false, reason: 'not-found', detail: `${relPath}: ENOENT` };
      if (entry.mode === MODE_GITLINK) return { ok: false, reason: 'unreadable', detail: `${relPath}: not a regular file` };
      // A crafted tree may hold a `.git` entry; it is git's name, never content (as on disk).
      if (hasGitDirSegment(path)) return { ok: false, reason: 'outside-repository', detail: `${relPath}: inside the git directory, which is not repository content` };
      return { ok: true, tree, path, entry };
    }
    path = rewritten;
  }
  return { ok: false, reason: 'unreadable', detail: `${relPath}: ELOOP` };
}

/** Resolves `relPath` in the overlaid trees: the first tree that has it (or refuses it) decides. */
export async function resolveInSource(source: GitObjectsSource, relPath: string): Promise<Located> {
  if (relPath.startsWith('/') || relPath.split(/[\\/]/).includes('..')) return { ok: false, reason: 'outside-repository', detail: relPath };
  let last: Located = { ok: false, reason: 'not-found', detail: `${relPath}: ENOENT` };
  for (const tree of source.trees) {
    last = await resolveInTree(tree, relPath);
    if (last.ok || last.reason !== 'not-found') return last;
  }
  return last;
}

/** The counterpart of readRepoText for a git-objects source: same limits, same decoding. */
export async function readSourceText(source: GitObjectsSource, relPath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const located = await resolveInSource(source, relPath);
  if (!located.ok) return located;
  try {
    const buf = await readBlob(located.tree, located.entry.oid, maxBytes, located.entry.size);
    return { ok: true, ...decodeText(buf), truncated: located.entry.size !== null ? located.entry.size > maxBytes : buf.length >= maxBytes };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: `${relPath}: ${(e as Error).message}` };
  }
}

export interface SourceIndex {
  paths: string[];
  symlinksOutside: string[];
}

/** Every path of the overlaid trees (files, symlinks that stay inside, gitlinks), first tree winning. */
export async function indexSource(source: GitObjectsSource): Promise<SourceIndex> {
  const seen = new Set<string>();
  const paths: string[] = [];
  const outside: string[] = [];
  for (const tree of source.trees) {
    const { entries } = await listTree(tree);
    for (const [path, entry] of entries) {
      if (seen.has(path)) continue;
      seen.add(path);
      if (entry.mode === MODE_SYMLINK) {
        const r = await resolveInTree(tree, path);
        // A dangling link that points inside still counts as inside, as on disk.
        if (!r.ok && r.reason === 'outside-repository') {
          outside.push(path);
          continue;
        }
      }
      paths.push(path);
    }
  }
  return { paths, symlinksOutside: outside };
}

/** A located blob as a byte stream (for coverage reports, which can be hundreds of megabytes). */
export function streamBlob(tree: GitTree, oid: string): Readable {
  return processesOf(tree).stream(oid);
}

/** Up to `maxBytes` of a blob. */
export async function readBlob(tree: GitTree, oid: string, maxBytes: number, size: number | null = null): Promise<Buffer> {
  if (size !== null && size > maxBytes * BATCH_SIZE_FACTOR) return readStreamPrefix(streamBlob(tree, oid), maxBytes);
  return processesOf(tree).reader().read(oid, maxBytes);
}

export async function readStreamPrefix(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    chunks.push(b.subarray(0, Math.max(0, maxBytes - length)));
    length += b.length;
    if (length >= maxBytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

/**
 * One `git cat-file --batch` process per git directory; requests run one after another. Every
 * byte of a blob must be consumed to stay in step, but only the first `maxBytes` are kept.
 */
class BatchReader {
  private child: GitProcess | null = null;
  private chunks: Buffer[] = [];
  private available = 0;
  private ended: Error | null = null;
  private wake: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly gitDir: string) {}

  read(oid: string, maxBytes: number): Promise<Buffer> {
    const next = this.queue.then(() => this.readOne(oid, maxBytes));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.closed = true;
    this.child?.stdin.end();
    this.child?.kill();
    this.child = null;
  }

  private start(): GitProcess {
    if (this.child) return this.child;
    // Once closed, never again: a queued read must not start a process nobody will end.
    if (this.closed) throw new Error('git cat-file reader closed');
    const child = spawnGit(this.gitDir, ['cat-file', '--batch']);
    this.chunks = [];
    this.available = 0;
    this.ended = null;
    child.stdout.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.available += b.length;
      this.wake?.();
    });
    const end = (e: Error): void => {
      this.ended ??= e;
      this.wake?.();
    };
    child.on('error', end);
    child.on('close', () => end(new Error('git cat-file ended')));
    child.stdin.on('error', end);
    child.stderr.resume();
    this.child = child;
    return child;
  }

  private async waitFor(n: number): Promise<void> {
    while (this.available < n) {
      if (this.ended) throw this.ended;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = null;
    }
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.available = rest.length;
    return out;
  }

  private async readLine(): Promise<string> {
    for (;;) {
      const all = this.take(this.available);
      const nl = all.indexOf(0x0a);
      this.chunks = all.length ? [all] : [];
      this.available = all.length;
      if (nl >= 0) {
        const line = this.take(nl + 1);
        return line.subarray(0, nl).toString('utf8');
      }
      await this.waitFor(this.available + 1);
    }
  }

  private async readOne(oid: string, maxBytes: number): Promise<Buffer> {
    if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new Error(`not an object id: ${oid}`);
    const child = this.start();
    child.stdin.write(`${oid}\n`);
    const header = await this.readLine();
    const m = /^(\S+) (\S+) (\d+)$/.exec(header);
    if (!m) throw new Error(`git cat-file: ${header}`);
    if (m[2] !== 'blob') {
      await this.skip(Number(m[3]) + 1);
      throw new Error(`not a blob: ${m[2]}`);
    }
    const size = Number(m[3]);
    const keep = Math.min(size, maxBytes);
    const kept: Buffer[] = [];
    let remaining = size + 1; // content and the newline after it
    let keptLength = 0;
    while (remaining > 0) {
      await this.waitFor(1);
      const part = this.take(Math.min(this.available, remaining));
      remaining -= part.length;
      if (keptLength < keep) {
        const slice = part.subarray(0, keep - keptLength);
        kept.push(Buffer.from(slice));
        keptLength += slice.length;
      }
    }
    return Buffer.concat(kept);
  }

  private async skip(n: number): Promise<void> {
    let remaining = n;
    while (remaining > 0) {
      await this.waitFor(1);
      remaining -= this.take(Math.min(this.available, remaining)).length;
    }
  }
}
