/**
 * Collecting facts: the only step that does I/O. Everything the checks need is read once, here,
 * into one JSON-serialisable record. Independent collectors run concurrently.
 */
import { stat } from 'node:fs/promises';
import { refuseSpecialFile } from '../repo/readInput.js';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { findManifest, loadManifest, MANIFEST_NAMES, validateManifest } from '../manifest/load.js';
import { releaseTrees } from '../repo/gitObjects.js';
import { readRepoText } from '../repo/safePath.js';
import type { GitObjectsSource, RepoRoot, RepoSource } from '../repo/source.js';
import { DEFAULT_MAX_BYTES as YAML_MAX_BYTES, parseYamlText } from '../yaml/load.js';
import { collectChangelog } from './changelog.js';
import { collectCiFacts } from './ci.js';
import { collectCoverageFacts } from './coverage.js';
import { collectDocs } from './docs.js';
import { collectFileIndex } from './fileIndex.js';
import { collectGovernanceReport } from './governanceReport.js';
import { loadLevels } from '../levels/load.js';
import type { Checklists } from '../checklist/types.js';
import { collectGitFacts } from './git.js';
import { withLocalUpstreams } from './localUpstreams.js';
import { collectLicence } from './licence.js';
import { collectPubliccode } from './publiccode.js';
import { collectReadme } from './readme.js';
import { collectTestFacts } from './tests.js';
import { known, type Facts, type GitFacts, type Known, type ManifestFacts } from './types.js';
import { collectWellKnown } from './wellKnown.js';

export interface CollectOptions {
  /** An explicit manifest path (from `--manifest`); else os2.yaml in the repository root. */
  manifestPath?: string;
  /** Requirement ids of the catalogue in use, so explanations for unknown ids are input errors. */
  requirementIds?: ReadonlySet<string>;
  /** Coverage reports named on the command line (`--coverage`). */
  coverageReports?: string[];
  /**
   * A governance report named on the command line (`--governance-report`) or by a portfolio entry:
   * a file on disk for a work tree, a repository-relative path for git objects. Without it, os2.yaml's
   * `governance.report` or a report found by its well-known name is used.
   */
  governanceReport?: string;
  /** OS2's checklist generations, to recognise the report's; the shipped levels/checklists.yaml when absent. */
  checklists?: Pick<Checklists, 'generations'>;
}

/**
 * `dir` is a work tree on disk (`check`), or a RepoSource: a `git-objects` source reads pinned
 * commits from git's object store and never touches a work tree (`scan`).
 */
export async function collectFacts(dir: string | RepoSource, opts: CollectOptions = {}): Promise<Facts> {
  if (typeof dir !== 'string' && dir.kind === 'git-objects') {
    try {
      return await collectSourceFacts(dir, opts);
    } finally {
      releaseTrees(dir);
    }
  }
  if (typeof dir !== 'string') dir = dir.root;
  const root = resolve(dir);
  let info;
  try {
    info = await stat(root);
  } catch (e) {
    throw new InputError(`${dir}: no such directory`, [], (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'dir-not-found' : 'dir-unreadable');
  }
  if (!info.isDirectory()) throw new InputError(`${dir}: not a directory`, [], 'not-a-directory');

  // A --coverage FIFO or device is a broken input (exit 2); a missing report stays a recorded failure.
  for (const given of opts.coverageReports ?? []) await refuseSpecialFile(resolve(given), '--coverage');
  const manifest = await collectManifest(root, opts);
  return collectFrom(root, root, manifest, collectRepositoryGitFacts(root), opts.coverageReports ?? [], opts);
}

/**
 * Git facts with the code-host remotes of a local remote added (remotes.ts), so a clone of a clone
 * and the bare clone a scan makes of a path both know where the code is hosted.
 */
async function collectRepositoryGitFacts(root: string): Promise<Known<GitFacts>> {
  const facts = await collectGitFacts(root);
  if (facts.status !== 'known') return facts;
  return known({ ...facts.value, remotes: await withLocalUpstreams(root, facts.value.remotes) });
}

/**
 * The collectors every repository goes through, on a work tree or on git objects alike. Git facts
 * come in from the caller because a multi-repository source merges them.
 */
async function collectFrom(repo: RepoRoot, label: string, manifest: ManifestFacts, gitFacts: Promise<Known<GitFacts>>, extraReports: string[], opts: CollectOptions): Promise<Facts> {
  const files = await collectFileIndex(repo);
  const [wellKnown, git, ci, publiccode, coverage, governanceReport] = await Promise.all([
    collectWellKnown(repo, files),
    gitFacts,
    collectCiFacts(repo, files),
    collectPubliccode(repo, files),
    collectCoverageFacts(repo, files, { extraReports, manifest }),
    // The generations are loaded only when there is a report to read.
    collectGovernanceReport(repo, files, manifest, { explicit: opts.governanceReport, checklists: async () => opts.checklists ?? shippedChecklists() }),
  ]);
  const [readme, docs, licence, changelog] = await Promise.all([
    collectReadme(repo, wellKnown),
    collectDocs(repo, files, wellKnown),
    collectLicence(repo, files, wellKnown),
    collectChangelog(repo, wellKnown),
  ]);
  return {
    factsVersion: 2,
    root: label,
    files,
    wellKnown,
    readme,
    docs,
    licence,
    git,
    ci,
    tests: collectTestFacts(files),
    coverage,
    publiccode,
    changelog,
    manifest,
    governanceReport,
  };
}

let shipped: Promise<Checklists> | undefined;
/**
 * The shipped checklist generations, loaded once per process (a scan worker collects many
 * repositories) from the precompiled catalogue: validating the YAML afresh takes seconds.
 */
const shippedChecklists = (): Promise<Checklists> => (shipped ??= loadLevels().then((c) => c.checklists));

async function collectManifest(root: string, opts: CollectOptions): Promise<ManifestFacts> {
  const path = opts.manifestPath ? resolve(opts.manifestPath) : findManifest(root);
  const exists = await stat(path).then(() => true, () => false);
  // A missing default manifest is not an error (declared requirements then fail as not declared);
  // a manifest the user named explicitly must exist.
  if (!exists && !opts.manifestPath) return { status: 'absent', lookedFor: path };
  const loaded = await loadManifest(path, { requirementIds: opts.requirementIds });
  return { status: 'loaded', path: loaded.path, data: loaded.data, keys: loaded.keys };
}

/**
 * The same collectors over git objects. Several repositories are overlaid (the first that has a
 * path wins, so the manifest comes from the first repository that has one); git facts are the
 * first repository's, with the tags of all of them.
 */
async function collectSourceFacts(source: GitObjectsSource, opts: CollectOptions): Promise<Facts> {
  const manifest = await collectSourceManifest(source, opts);
  return collectFrom(source, source.label, manifest, collectSourceGitFacts(source), [], opts);
}

async function collectSourceGitFacts(source: GitObjectsSource): Promise<Known<GitFacts>> {
  const all = await Promise.all(source.trees.map((t) => collectRepositoryGitFacts(t.gitDir)));
  const [primary, ...others] = all;
  if (!primary || primary.status !== 'known') return primary ?? { status: 'unknown', reason: 'not-a-repository' };
  const tags = [...primary.value.tags];
  const names = new Set(tags.map((t) => t.name));
  for (const o of others) {
    if (o.status !== 'known') continue;
    for (const t of o.value.tags) if (!names.has(t.name)) (names.add(t.name), tags.push(t));
  }
  return known({ ...primary.value, tags });
}

async function collectSourceManifest(source: GitObjectsSource, opts: CollectOptions): Promise<ManifestFacts> {
  for (const name of MANIFEST_NAMES) {
    const read = await readRepoText(source, name, YAML_MAX_BYTES);
    if (!read.ok && read.reason === 'not-found') continue;
    const file = `${source.label}/${name}`;
    const problem = (code: string, message: string): InputError => new InputError(`${file}: ${message}`, [{ file, line: 1, column: 1, code, message }], code);
    if (!read.ok) throw problem(read.reason === 'outside-repository' ? 'path-outside-directory' : 'file-unreadable', `${name}: ${read.reason}`);
    if (read.truncated) throw problem('file-too-large', `file is larger than the limit of ${YAML_MAX_BYTES} bytes`);
    if (read.binary || read.encoding === 'latin1') throw problem('file-not-utf8', 'file is not valid UTF-8 text');
    const loaded = validateManifest(parseYamlText(read.text, file), file, { requirementIds: opts.requirementIds });
    return { status: 'loaded', path: name, data: loaded.data, keys: loaded.keys };
  }
  return { status: 'absent', lookedFor: MANIFEST_NAMES[0] };
}
