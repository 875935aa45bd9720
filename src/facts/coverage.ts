/**
 * Coverage facts: reads every coverage report that applies (given with `--coverage`, named by
 * `quality.coverage.report` in os2.yaml, or tracked in the repository) with the streaming parser
 * for its format, and merges them by summing covered and total counts (a multi-module product's
 * reports add up; percentages are never averaged). Reports in several formats in one directory are
 * one run written several ways (Istanbul writes lcov, Cobertura and JSON side by side), so only the
 * preferred format there is counted. A report that cannot be read is a failure with the reason.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { acceptCounts } from '../coverage/outcome.js';
import { COVERAGE_PARSERS, HEAD_BYTES, detectFormat, type CoverageFormat } from '../coverage/detect.js';
import type { Readable } from 'node:stream';
import { readBlob, resolveInSource, streamBlob } from '../repo/gitObjects.js';
import { formatSize, openRegularFile, readOpened } from '../repo/readInput.js';
import { resolveInside } from '../repo/safePath.js';
import { isGitObjects, worktreeRoot, type RepoRoot } from '../repo/source.js';
import type { CoverageFacts, CoverageReportFacts, FileIndexFacts, ManifestFacts } from './types.js';

export interface CoverageOptions {
  /** `--coverage FILE`: absolute or relative to `cwd`; may lie outside the repository, because the user named it. */
  extraReports: string[];
  manifest: ManifestFacts;
  /** Base for relative `extraReports`; the process's working directory by default. */
  cwd?: string;
}

/** What every name REPORT_NAME accepts holds (cov, cob, jacoco, clover): a quick first test over the index. */
const MAYBE_REPORT = /co[vb]|jacoco|clover/i;
/** Report files recognised by name among the tracked files. */
const REPORT_NAME = /(?:^|\/)(?:lcov\.info|[^/]+\.lcov|coverage\.xml|cobertura[^/]*\.xml|[^/]+\.cobertura\.xml|jacoco[^/]*\.xml|clover\.xml|coverage-summary\.json|coverage-final\.json|coverage\.out|cover\.out|[^/]+\.coverprofile)$/i;

/** Which format counts when one directory holds the same run in several. */
const PREFERENCE: readonly CoverageFormat[] = ['lcov', 'cobertura', 'jacoco', 'clover', 'istanbul-final', 'istanbul-summary', 'go'];

const READ_CHUNK = 1024 * 1024;

/** `blob`: a report read from git objects; `absolute` doubles as its identity for de-duplication. */
type Candidate =
  | { path: string; absolute: string; blob?: { head: () => Promise<Buffer>; stream: () => Readable } }
  | { path: string; failure: string };

export type ReportRead = { ok: true; report: CoverageReportFacts } | { ok: false; reason: string };

/** Coverage reports are streamed, never held whole; the bound stops an endless or absurd file. */
export const MAX_COVERAGE_REPORT_BYTES = 1024 * 1024 * 1024;

/**
 * Reads one report file (already resolved and allowed) with the parser its content calls for.
 * Opened once through the one opener (a FIFO or device is refused, not waited on) and streamed
 * from that same descriptor, so the file read is the file checked.
 */
export async function readCoverageReport(absolute: string, displayPath: string): Promise<ReportRead> {
  const opened = await openRegularFile(absolute);
  if (!opened.ok) return { ok: false, reason: opened.reason === 'not-a-file' ? opened.detail.replace(/^is /, '') : `unreadable: ${opened.detail}` };
  const { handle, size } = opened;
  let streamed = false;
  try {
    if (size > MAX_COVERAGE_REPORT_BYTES) return { ok: false, reason: `the file is ${formatSize(size)}; the limit for a coverage report is ${formatSize(MAX_COVERAGE_REPORT_BYTES)}` };
    let head: Buffer;
    try {
      head = await readOpened(handle, size, HEAD_BYTES);
    } catch (e) {
      return { ok: false, reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
    return await parseCoverageReport(head, displayPath, () => {
      streamed = true;
      return handle.createReadStream({ start: 0, end: MAX_COVERAGE_REPORT_BYTES - 1, highWaterMark: READ_CHUNK, autoClose: true });
    });
  } finally {
    // A stream closes the handle itself once it ends; otherwise close it here.
    if (!streamed) await handle.close();
  }
}

/** Detects the format from the first bytes and streams the whole report through its parser. */
async function parseCoverageReport(head: Buffer, displayPath: string, stream: () => Readable): Promise<ReportRead> {
  if (head.length === 0) return { ok: false, reason: 'empty file' };
  const format = detectFormat(displayPath, head);
  if (!format) return { ok: false, reason: 'not a recognised coverage format' };
  const parsed = await COVERAGE_PARSERS[format](stream());
  const outcome = parsed.ok ? acceptCounts(parsed.counts) : parsed;
  if (!outcome.ok) return { ok: false, reason: `${format}: ${outcome.reason}` };
  return { ok: true, report: { path: displayPath, format, ...outcome.counts } };
}

export async function collectCoverageFacts(source: RepoRoot, index: FileIndexFacts, opts: CoverageOptions): Promise<CoverageFacts> {
  const declared = declaredCoverage(opts.manifest);
  const candidates: Candidate[] = [];

  const root = isGitObjects(source) ? null : worktreeRoot(source);
  const rootReal = root === null ? '' : await realpath(root).catch(() => resolve(root));
  for (const given of opts.extraReports) {
    const absolute = resolve(opts.cwd ?? process.cwd(), given);
    const real = await realpath(absolute).catch(() => absolute);
    const rel = relative(rootReal, real);
    const inside = rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
    candidates.push({ path: inside ? rel.split(sep).join('/') : real, absolute: real });
  }
  const fromRepo = [...declared.reportPaths, ...index.paths.filter((p) => MAYBE_REPORT.test(p) && REPORT_NAME.test(p) && !p.includes('node_modules/'))];
  for (const path of fromRepo) {
    if (isGitObjects(source)) {
      const located = await resolveInSource(source, path);
      if (!located.ok) candidates.push({ path, failure: `${located.reason}: ${located.detail}` });
      else {
        const { tree, entry } = located;
        const blob = { head: () => readBlob(tree, entry.oid, HEAD_BYTES, entry.size), stream: () => streamBlob(tree, entry.oid) };
        // Identity and directory of the report within its repository (same-run grouping goes by directory).
        candidates.push({ path, absolute: `${tree.gitDir}//${located.path}`, blob });
      }
      continue;
    }
    const r = await resolveInside(root!, path);
    candidates.push(r.ok ? { path, absolute: r.absolute } : { path, failure: `${r.reason}: ${r.detail}` });
  }

  const facts: CoverageFacts = {
    reports: [],
    failures: [],
    linePercent: null,
    branchPercent: null,
    declaredPercent: declared.percent,
    declaredReportUrl: declared.reportUrl,
  };
  const read: { report: CoverageReportFacts; dir: string }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if ('failure' in c) {
      facts.failures.push({ path: c.path, reason: c.failure });
      continue;
    }
    if (seen.has(c.absolute)) continue;
    seen.add(c.absolute);
    const r = c.blob ? await parseCoverageReport(await c.blob.head(), c.path, c.blob.stream) : await readCoverageReport(c.absolute, c.path);
    if (r.ok) read.push({ report: r.report, dir: dirname(c.absolute) });
    else facts.failures.push({ path: c.path, reason: r.reason });
  }

  const skipped: { path: string; sameRunAs: string }[] = [];
  for (const dir of new Set(read.map((r) => r.dir))) {
    const here = read.filter((r) => r.dir === dir);
    const best = PREFERENCE.find((f) => here.some((r) => r.report.format === f));
    for (const r of here) {
      if (r.report.format === best) facts.reports.push(r.report);
      else skipped.push({ path: r.report.path, sameRunAs: here.find((h) => h.report.format === best)!.report.path });
    }
  }
  if (skipped.length) facts.sameRunSkipped = skipped;

  let linesCovered = 0;
  let linesTotal = 0;
  let branchesCovered = 0;
  let branchesTotal = 0;
  for (const r of facts.reports) {
    linesCovered += r.linesCovered;
    linesTotal += r.linesTotal;
    // Branch figures come only from reports that have them.
    if (r.branchesCovered !== null && r.branchesTotal !== null) {
      branchesCovered += r.branchesCovered;
      branchesTotal += r.branchesTotal;
    }
  }
  facts.linePercent = linesTotal > 0 ? roundPercent(linesCovered, linesTotal) : null;
  facts.branchPercent = branchesTotal > 0 ? roundPercent(branchesCovered, branchesTotal) : null;
  return facts;
}

const roundPercent = (covered: number, total: number): number => Math.round((covered / total) * 10000) / 100;

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** `quality.coverage` in os2.yaml: `report` (a path or a list; a URL there counts as the report URL), `percent`, `reportUrl`. */
function declaredCoverage(manifest: ManifestFacts): { reportPaths: string[]; percent: number | null; reportUrl: string | null } {
  const none = { reportPaths: [], percent: null, reportUrl: null };
  if (manifest.status !== 'loaded') return none;
  const quality = manifest.data['quality'];
  const coverage = typeof quality === 'object' && quality !== null ? (quality as Record<string, unknown>)['coverage'] : undefined;
  if (typeof coverage !== 'object' || coverage === null) return none;
  const c = coverage as Record<string, unknown>;
  const reports = (Array.isArray(c['report']) ? c['report'] : [c['report']]).filter((r): r is string => typeof r === 'string' && r.trim() !== '');
  const percentRaw = typeof c['percent'] === 'string' ? Number(String(c['percent']).replace('%', '').replace(',', '.')) : c['percent'];
  const percent = typeof percentRaw === 'number' && Number.isFinite(percentRaw) && percentRaw >= 0 && percentRaw <= 100 ? percentRaw : null;
  const reportUrl = typeof c['reportUrl'] === 'string' ? c['reportUrl'] : (reports.find(isUrl) ?? null);
  return { reportPaths: reports.filter((r) => !isUrl(r)), percent, reportUrl };
}
