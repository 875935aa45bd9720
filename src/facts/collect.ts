/**
 * Collecting facts: the only step that does I/O. Everything the checks need is read once, here,
 * into one JSON-serialisable record. Independent collectors run concurrently.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { findManifest, loadManifest } from '../manifest/load.js';
import { collectChangelog } from './changelog.js';
import { collectCiFacts } from './ci.js';
import { collectCoverageFacts } from './coverage.js';
import { collectDocs } from './docs.js';
import { collectFileIndex } from './fileIndex.js';
import { collectGitFacts } from './git.js';
import { collectLicence } from './licence.js';
import { collectPubliccode } from './publiccode.js';
import { collectReadme } from './readme.js';
import { collectTestFacts } from './tests.js';
import type { Facts, ManifestFacts } from './types.js';
import { collectWellKnown } from './wellKnown.js';

export interface CollectOptions {
  /** An explicit manifest path (from `--manifest`); else os2.yaml in the repository root. */
  manifestPath?: string;
  /** Requirement ids of the catalogue in use, so explanations for unknown ids are input errors. */
  requirementIds?: ReadonlySet<string>;
  /** Coverage reports named on the command line (`--coverage`). */
  coverageReports?: string[];
}

export async function collectFacts(dir: string, opts: CollectOptions = {}): Promise<Facts> {
  const root = resolve(dir);
  let info;
  try {
    info = await stat(root);
  } catch (e) {
    throw new InputError(`${dir}: no such directory`, [], (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'dir-not-found' : 'dir-unreadable');
  }
  if (!info.isDirectory()) throw new InputError(`${dir}: not a directory`, [], 'not-a-directory');

  const manifest = await collectManifest(root, opts);
  const files = await collectFileIndex(root);
  const [wellKnown, git, ci, publiccode, coverage] = await Promise.all([
    collectWellKnown(root, files),
    collectGitFacts(root),
    collectCiFacts(root, files),
    collectPubliccode(root, files),
    collectCoverageFacts(root, files, { extraReports: opts.coverageReports ?? [], manifest }),
  ]);
  const [readme, docs, licence, changelog] = await Promise.all([
    collectReadme(root, wellKnown),
    collectDocs(root, files, wellKnown),
    collectLicence(root, files, wellKnown),
    collectChangelog(root, wellKnown),
  ]);
  return {
    factsVersion: 1,
    root,
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
  };
}

async function collectManifest(root: string, opts: CollectOptions): Promise<ManifestFacts> {
  const path = opts.manifestPath ? resolve(opts.manifestPath) : findManifest(root);
  const exists = await stat(path).then(() => true, () => false);
  // A missing default manifest is not an error (declared requirements then fail as not declared);
  // a manifest the user named explicitly must exist.
  if (!exists && !opts.manifestPath) return { status: 'absent', lookedFor: path };
  const loaded = await loadManifest(path, { requirementIds: opts.requirementIds });
  return { status: 'loaded', path: loaded.path, data: loaded.data };
}
