/**
 * The product's own governance report or self-evaluation, read as evidence: the file named by
 * `--governance-report` (or a portfolio entry's `governanceReport:`), else os2.yaml's
 * `governance.report`, else the first report found by its well-known name (`*GOVERNANCE_REPORT*.md`,
 * `Governancerapport.md`, `governance*.md`, `docs/**\/selvevaluering*.md`, the 2026 form's JSON
 * export). A file that holds no checklist item is no report; the next candidate is tried.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Checklists } from '../checklist/types.js';
import { readGovernanceReportText } from '../governanceReport/reader.js';
import { GOVERNANCE_REPORT_MAX_BYTES } from '../governanceReport/read.js';
import { readInputFile } from '../repo/readInput.js';
import { readRepoText } from '../repo/safePath.js';
import { isGitObjects, type RepoRoot } from '../repo/source.js';
import type { FileIndexFacts, GovernanceReportFacts, ManifestFacts } from './types.js';

/** How strongly a file name says "governance report", best first; null for any other file. */
function rank(path: string): number | null {
  const lower = path.toLowerCase();
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  if (lower.split('/').some((s) => s === 'node_modules' || s === 'vendor' || s.startsWith('.'))) return null;
  if (!/\.(md|markdown|json)$/.test(name)) return null;
  const markdown = !name.endsWith('.json');
  if (markdown && /governance[_ -]?report/.test(name)) return 0;
  if (markdown && name.includes('governancerapport')) return 1;
  if (markdown && name.includes('selvevaluering')) return lower.includes('/') && !lower.startsWith('docs/') ? 4 : 2;
  if (markdown && name.startsWith('governance')) return 3;
  if (!markdown && (/selvevaluering|self-assessment|checkliste|governance/.test(name) || lower.startsWith('docs/self-assessment/'))) return 5;
  return null;
}

/** Candidates in the order they are tried: by name, then the newest date in the name, then path. */
export function governanceReportCandidates(paths: readonly string[]): string[] {
  const dated = (p: string): string => /(\d{4}-\d{2}-\d{2})/.exec(p)?.[1] ?? '';
  return paths
    .map((p) => ({ p, r: rank(p) }))
    .filter((c): c is { p: string; r: number } => c.r !== null)
    .sort((a, b) => a.r - b.r || dated(b.p).localeCompare(dated(a.p)) || a.p.localeCompare(b.p))
    .map((c) => c.p);
}

const MAX_CANDIDATES = 8;

export interface GovernanceReportOptions {
  /** A report named on the command line: a file on disk for a work tree, a repository path for git objects. */
  explicit?: string;
  /** OS2's checklist generations, asked for only when there is a report to read. */
  checklists: () => Promise<Pick<Checklists, 'generations'>>;
}

export async function collectGovernanceReport(repo: RepoRoot, files: FileIndexFacts, manifest: ManifestFacts, opts: GovernanceReportOptions): Promise<GovernanceReportFacts | null> {
  const catalogue = async (): Promise<{ checklists: Pick<Checklists, 'generations'> }> => ({ checklists: await opts.checklists() });
  if (opts.explicit !== undefined) {
    // An absolute path is a local file (a portfolio's `governanceReport: {file}`, or the command
    // line); a relative one is a path in the repository when reading git objects (a scan's clone),
    // and a file from the current directory for a work tree (`check --governance-report`).
    if (isGitObjects(repo) && !isAbsolute(opts.explicit)) return fromRepository(repo, opts.explicit, 'option', catalogue);
    const bytes = await readInputFile(resolve(opts.explicit), { what: 'a governance report (--governance-report)', maxBytes: GOVERNANCE_REPORT_MAX_BYTES });
    const reading = readGovernanceReportText(bytes.toString('utf8'), { path: opts.explicit, catalogue: await catalogue() });
    return { path: opts.explicit, source: 'option', reading, problem: null };
  }
  const declared = manifest.status === 'loaded' ? (manifest.data.governance as Record<string, unknown> | undefined)?.report : undefined;
  if (typeof declared === 'string' && declared.trim()) return fromRepository(repo, declared.trim().replace(/^\.\//, ''), 'manifest', catalogue);
  for (const path of governanceReportCandidates(files.paths).slice(0, MAX_CANDIDATES)) {
    const found = await fromRepository(repo, path, 'repository', catalogue);
    if (found.reading && found.reading.items.length > 0) return found;
  }
  return null;
}

async function fromRepository(repo: RepoRoot, path: string, source: GovernanceReportFacts['source'], catalogue: () => Promise<{ checklists: Pick<Checklists, 'generations'> }>): Promise<GovernanceReportFacts> {
  const read = await readRepoText(repo, path, GOVERNANCE_REPORT_MAX_BYTES);
  if (!read.ok) return { path, source, reading: null, problem: read.reason === 'not-found' ? 'not-found' : 'unreadable' };
  if (read.binary) return { path, source, reading: null, problem: 'unreadable' };
  if (read.truncated) return { path, source, reading: null, problem: 'too-large' };
  return { path, source, reading: readGovernanceReportText(read.text, { path, catalogue: await catalogue() }), problem: null };
}
