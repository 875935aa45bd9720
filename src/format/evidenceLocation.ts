/**
 * Where in the repository a requirement's outcome points: the first evidence naming a tracked
 * file (with its line), else the manifest. Paths are repository-relative with forward slashes;
 * anything outside the repository (a --coverage or --manifest file elsewhere) is not a location.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Evidence } from '../checks/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';

export interface SourceLocation {
  path: string;
  line?: number;
}

/** Evidence kinds whose `path` is a file in the repository (`declared` names a manifest field instead). */
const FILE_KINDS: ReadonlySet<Evidence['kind']> = new Set(['file', 'heading', 'ci', 'coverage', 'publiccode']);

export function evidenceLocation(q: ReportRequirement, result: RepositoryResult): SourceLocation | null {
  for (const e of q.evidence) {
    if (!FILE_KINDS.has(e.kind) || !e.path) continue;
    const path = inRepository(e.path, result.path);
    if (path) return e.line && e.line > 0 ? { path, line: e.line } : { path };
  }
  const manifest = result.manifest ? inRepository(result.manifest, result.path) : null;
  return manifest ? { path: manifest } : null;
}

function inRepository(path: string, root: string): string | null {
  const rel = isAbsolute(path) ? relative(root, path) : path;
  const posix = rel.split(sep).join('/').replace(/^\.\//, '');
  if (!posix || posix.startsWith('../') || posix === '..' || isAbsolute(posix)) return null;
  return posix;
}
