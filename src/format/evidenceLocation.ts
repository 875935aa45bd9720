/**
 * Where in the repository a requirement's outcome points, for the CI views (SARIF, GitHub, JUnit):
 * the first evidence naming a tracked file (a heading, a CI step, a coverage report) with its line
 * and column; a manifest field with the line of its key in os2.yaml; else — for something that is
 * absent — the manifest, when there is one, since that is where it can be declared. With neither,
 * no file: the result is about the repository as a whole (SARIF places it at the root). Never a
 * file that does not exist. Paths are repository-relative with forward slashes; anything outside the
 * repository (a --coverage or --manifest file elsewhere) is not a location.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Evidence } from '../checks/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';

export interface SourceLocation {
  path: string;
  line?: number;
  column?: number;
}

/** Evidence kinds whose `path` is a file in the repository (`declared` names a manifest field instead). */
const FILE_KINDS: ReadonlySet<Evidence['kind']> = new Set(['file', 'heading', 'ci', 'coverage', 'publiccode']);

export function evidenceLocation(q: Pick<ReportRequirement, 'evidence'>, result: RepositoryResult): SourceLocation | null {
  const manifest = manifestLocation(result);
  for (const e of q.evidence) {
    if (e.kind === 'declared' && manifest && e.line) return at(manifest.path, e);
    if (!FILE_KINDS.has(e.kind) || !e.path) continue;
    const path = inRepository(e.path, result.path);
    if (!path) continue;
    // A coverage report is evidence as a whole: its first line.
    if (e.kind === 'coverage' && !e.line) return { path, line: 1 };
    return at(path, e);
  }
  return manifest;
}

/** The manifest, when the repository has one inside it. */
export function manifestLocation(result: RepositoryResult): SourceLocation | null {
  const path = result.manifest ? inRepository(result.manifest, result.path) : null;
  return path ? { path } : null;
}

function at(path: string, e: Evidence): SourceLocation {
  if (!e.line || e.line < 1) return { path };
  return e.column && e.column > 0 ? { path, line: e.line, column: e.column } : { path, line: e.line };
}

function inRepository(path: string, root: string): string | null {
  const rel = isAbsolute(path) ? relative(root, path) : path;
  const posix = rel.split(sep).join('/').replace(/^\.\//, '');
  if (!posix || posix.startsWith('../') || posix === '..' || isAbsolute(posix)) return null;
  return posix;
}
