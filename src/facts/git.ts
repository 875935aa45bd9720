/**
 * Git facts: history, tags, remotes and branches, read with a handful of git processes that run
 * concurrently. Output formats use unit (0x1f) and record (0x1e) separators so no subject, tag
 * message or signature can break parsing. Anything git cannot answer (missing objects in a shallow
 * or partial clone, an unborn branch) degrades to null/empty rather than failing the whole record.
 */
import { NO_DIFF_PROGRAMS, openGit, runGit } from '../repo/git.js';
import { known, unknownFact, type GitBranch, type GitCommit, type GitFacts, type GitTag, type Known } from './types.js';
import { parseVersionTag } from './versions.js';
import { parseRemoteConfig } from './remotes.js';

// Remote URLs are parsed in remotes.ts; re-exported for callers that import them from here.
export { parseRemoteConfig, parseRemoteUrl } from './remotes.js';

const US = '\x1f';
const RS = '\x1e';

/**
 * Branches listed in the facts: the default branch and the most recently changed others. One
 * `for-each-ref --no-merged` answers for all of them at once, whatever the number.
 */
const BRANCH_LIMIT = 50;

/** Documentation folders at the top level, in any case. */
const DOCS_DIR_PATHSPECS = [':(icase)docs/', ':(icase)doc/', ':(icase)documentation/'];
const README_NAME = /^readme/i;

/**
 * The pathspecs whose last change dates the documentation: the top-level README entries HEAD has
 * (files or folders, any case), each as a literal, and the documentation folders. Not the
 * wildcard `:(icase)README*`: a wildcard makes git descend into every changed folder of every
 * commit, which took ~1.6 s on a 20,000-commit history of 100,000 files, against ~0.15 s for
 * these. (A README variant deleted before HEAD no longer counts; its replacement does.)
 */
export function docsPathspecs(topLevelNames: string[]): string[] {
  return [...topLevelNames.filter((n) => README_NAME.test(n)).map((n) => `:(literal)${n}`), ...DOCS_DIR_PATHSPECS];
}

/** When the documentation last changed: a root-tree listing, then one history walk limited to its paths. */
async function docsLastChangedOut(root: string): Promise<string | null> {
  const names = await attempt(root, ['ls-tree', '-z', '--name-only', 'HEAD']);
  if (names === null) return null;
  return attempt(root, ['log', ...NO_DIFF_PROGRAMS, '-1', '--format=%cI', 'HEAD', '--', ...docsPathspecs(names.split('\0').filter(Boolean))]);
}

/** ISO 8601 in UTC (`2026-01-15T12:00:00Z`), so dates compare as strings; null when unparseable. */
export function isoUtc(date: string): string | null {
  const t = Date.parse(date.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

/** git output, or null when git failed (missing objects, unborn HEAD, no such ref). */
async function attempt(root: string, args: string[]): Promise<string | null> {
  try {
    return await runGit(root, args);
  } catch {
    return null;
  }
}

const records = (out: string | null): string[][] =>
  (out ?? '')
    .split(RS)
    .map((r) => r.replace(/\n$/, ''))
    .filter((r) => r !== '')
    .map((r) => r.split(US));

/** `log -z` output: NUL ends each record (a commit message cannot hold NUL), the subject is the last field. */
export function parseCommits(out: string | null): GitCommit[] {
  return (out ?? '')
    .split('\0')
    .filter((r) => r !== '')
    .map((r) => r.split(US))
    .flatMap(([hash, date, parents, ...subject]) =>
    hash && date !== undefined
      ? [{ hash, date: isoUtc(date) ?? date, subject: subject.join(US), parents: parents ? parents.split(' ').filter(Boolean).length : 0 }]
      : [],
  );
}

export function parseTags(out: string | null): GitTag[] {
  return records(out).flatMap(([name, type, taggerDate, peeledDate, commitDate, signature]) => {
    if (!name) return [];
    const annotated = type === 'tag';
    const raw = annotated ? taggerDate || peeledDate : type === 'commit' ? commitDate : '';
    const { isVersion, isSemver } = parseVersionTag(name);
    return [
      {
        name,
        date: raw ? isoUtc(raw) : null,
        annotated,
        signed: annotated && signature === 'signed',
        isVersion,
        isSemver,
      },
    ];
  });
}

interface RefTip {
  ref: string;
  symref: string;
  date: string | null;
  /** The commit (or object) the ref points at; '' when not read. */
  object: string;
}

/**
 * One `for-each-ref` for tags, local and remote-tracking branches. %(contents:signature) is the
 * PGP/SSH/X.509 block git splits off a tag message: text, never verified (that would run gpg);
 * only its presence is printed.
 */
const REFS_FORMAT = `--format=${RS}%(refname)${US}%(objecttype)${US}%(taggerdate:iso-strict)${US}%(*committerdate:iso-strict)${US}%(committerdate:iso-strict)${US}%(if)%(contents:signature)%(then)signed%(end)${US}%(symref)${US}%(objectname)`;
const TAGS_FORMAT = `--format=${RS}%(refname:strip=2)${US}%(objecttype)${US}%(taggerdate:iso-strict)${US}%(*committerdate:iso-strict)${US}%(committerdate:iso-strict)${US}%(if)%(contents:signature)%(then)signed%(end)`;
const BRANCHES_FORMAT = `--format=${RS}%(refname)${US}%(symref)${US}%(committerdate:iso-strict)`;

const branchTip = (ref: string, symref: string | undefined, date: string | undefined, object = ''): RefTip => ({ ref, symref: symref ?? '', date: date ? isoUtc(date) : null, object });

/** The combined listing split into tags (in parseTags' record form) and branch tips. */
function splitRefs(out: string): { tagsOut: string; refs: RefTip[] } {
  const tagRecords: string[] = [];
  const refs: RefTip[] = [];
  for (const [ref, type = '', taggerDate = '', peeledDate = '', commitDate = '', signature = '', symref, object] of records(out)) {
    if (!ref) continue;
    if (ref.startsWith('refs/tags/')) tagRecords.push(`${RS}${ref.slice('refs/tags/'.length)}${US}${type}${US}${taggerDate}${US}${peeledDate}${US}${commitDate}${US}${signature}`);
    else refs.push(branchTip(ref, symref, commitDate, object));
  }
  return { tagsOut: tagRecords.join(''), refs };
}

/**
 * Tags and branch tips. When an object is missing the combined listing fails; then each part is
 * read on its own as before: tags degraded to names only, branches absent if their tips are.
 */
async function readRefs(root: string): Promise<{ tags: GitTag[]; refs: RefTip[] }> {
  const all = await attempt(root, ['for-each-ref', REFS_FORMAT, 'refs/tags', 'refs/heads', 'refs/remotes']);
  if (all !== null) {
    const { tagsOut, refs } = splitRefs(all);
    return { tags: parseTags(tagsOut), refs };
  }
  const [tagsOut, refsOut] = await Promise.all([
    attempt(root, ['for-each-ref', TAGS_FORMAT, 'refs/tags']),
    attempt(root, ['for-each-ref', BRANCHES_FORMAT, 'refs/heads', 'refs/remotes']),
  ]);
  const tags = tagsOut !== null ? parseTags(tagsOut) : parseTags(await attempt(root, ['for-each-ref', `--format=${RS}%(refname:strip=2)`, 'refs/tags']));
  return { tags, refs: records(refsOut).flatMap(([ref, symref, date]) => (ref ? [branchTip(ref, symref, date)] : [])) };
}

const shortBranch = (ref: string): string => ref.replace(/^refs\/heads\//, '').replace(/^refs\/remotes\//, '');

/** origin/HEAD (any remote's HEAD if origin has none), else the current branch, else main/master. */
function chooseDefaultBranch(refs: RefTip[], currentBranch: string | null): { name: string; ref: string } | null {
  const byRef = new Map(refs.map((r) => [r.ref, r]));
  const remoteHeads = refs.filter((r) => r.symref && /^refs\/remotes\/[^/]+\/HEAD$/.test(r.ref));
  const remoteHead = remoteHeads.find((r) => r.ref === 'refs/remotes/origin/HEAD') ?? remoteHeads[0];
  const resolve = (name: string): { name: string; ref: string } | null => {
    if (byRef.has(`refs/heads/${name}`)) return { name, ref: `refs/heads/${name}` };
    const remote = [...byRef.keys()].find((r) => /^refs\/remotes\/[^/]+\//.test(r) && r.replace(/^refs\/remotes\/[^/]+\//, '') === name);
    return remote ? { name, ref: remote } : null;
  };
  if (remoteHead) {
    const target = remoteHead.symref;
    const remoteName = remoteHead.ref.split('/')[2]!;
    const name = target.replace(`refs/remotes/${remoteName}/`, '');
    if (byRef.has(`refs/heads/${name}`)) return { name, ref: `refs/heads/${name}` };
    if (byRef.has(target)) return { name, ref: target };
  }
  if (currentBranch && byRef.has(`refs/heads/${currentBranch}`)) return { name: currentBranch, ref: `refs/heads/${currentBranch}` };
  return resolve('main') ?? resolve('master');
}

/**
 * Whether each branch has commits the default branch lacks, from one `for-each-ref --no-merged`
 * (a branch is merged when its tip is reachable from the default branch). A tip equal to the
 * default branch's needs no walk; when no other tip differs, no process runs at all.
 */
async function aheadOfDefault(root: string, base: RefTip, refs: RefTip[]): Promise<GitBranch[]> {
  const differs = refs.filter((r) => r.ref !== base.ref && !(r.object !== '' && r.object === base.object));
  let unmerged: Set<string> | null = new Set();
  if (differs.length > 0) {
    const out = await attempt(root, ['for-each-ref', '--format=%(refname)', `--no-merged=${base.ref}`, 'refs/heads', 'refs/remotes']);
    unmerged = out === null ? null : new Set(out.split('\n').filter(Boolean));
  }
  return refs.map((r) => ({ name: shortBranch(r.ref), date: r.date, aheadOfDefault: r.ref === base.ref ? false : unmerged === null ? null : unmerged.has(r.ref) }));
}

/** The whole history in one walk: how many commits, and the date of the earliest root commit. */
function parseHistoryWalk(out: string): { count: number; firstCommitDate: string | null } {
  let count = 0;
  let first: number | null = null;
  for (let start = 0; start < out.length; ) {
    let end = out.indexOf('\n', start);
    if (end < 0) end = out.length;
    const sep = out.indexOf(US, start);
    if (sep >= 0 && sep < end) {
      count++;
      // A root commit has no parents: nothing after the separator.
      if (sep === end - 1) {
        const seconds = Number(out.slice(start, sep));
        if (Number.isFinite(seconds) && (first === null || seconds < first)) first = seconds;
      }
    }
    start = end + 1;
  }
  return { count, firstCommitDate: first === null ? null : isoUtc(new Date(first * 1000).toISOString()) };
}

/**
 * Reads the git facts of `root`. Unknown (with the reason from openGit) when it is not a
 * repository or its HEAD commit cannot be read; a repository without commits is known, with a
 * zero count and nulls.
 */
export async function collectGitFacts(root: string, opts: { recentLimit?: number } = {}): Promise<Known<GitFacts>> {
  const info = await openGit(root);
  if (!info.isRepository) return unknownFact(info.reason ?? 'not-a-repository');
  const recentLimit = Math.max(0, opts.recentLimit ?? 100);

  // Every independent read at once; history reads simply fail (null) in a repository without commits.
  const [headOut, configOut, refsRead, walkOut, logOut, docsOut] = await Promise.all([
    // HEAD's object id, its commit (read, so a missing object shows) and the branch it names
    // (`HEAD` when detached). `--` keeps a work-tree file named HEAD from making it ambiguous.
    attempt(root, ['rev-parse', 'HEAD', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD', '--']),
    attempt(root, ['config', '-z', '--get-regexp', '^(remote\\..+\\.(url|promisor|partialclonefilter)|extensions\\.partialclone)$']),
    readRefs(root),
    // One walk for the count and the root commits (those without parents).
    attempt(root, ['log', ...NO_DIFF_PROGRAMS, `--format=%ct${US}%P`, 'HEAD']),
    attempt(root, ['log', '-z', ...NO_DIFF_PROGRAMS, `--max-count=${Math.max(1, recentLimit)}`, `--format=%H${US}%cI${US}%P${US}%s`, 'HEAD']),
    docsLastChangedOut(root),
  ]);

  const [, commitLine, symbolicLine] = (headOut ?? '').split('\n');
  const head = headOut === null ? null : commitLine?.trim() || null;
  // A repository without commits has no HEAD id at all; one whose HEAD commit cannot be read is
  // not "no commits" but a history we could not see.
  if (!head && (await attempt(root, ['rev-parse', '-q', '--verify', 'HEAD']))?.trim()) return unknownFact('head-unreadable');
  const symbolic = symbolicLine?.trim() ?? '';
  const currentBranch = head && symbolic.startsWith('refs/') ? symbolic.replace(/^refs\/heads\//, '') || null : null;
  const { remotes, partial } = parseRemoteConfig(configOut);
  const { tags, refs } = refsRead;

  let commitCount = 0;
  let firstCommitDate: string | null = null;
  let lastCommitDate: string | null = null;
  let recentCommits: GitCommit[] = [];
  let docsLastChanged: string | null = null;
  // HEAD exists but a history read failed (e.g. objects missing): what we have covers part of it.
  let historyIncomplete = false;
  if (head) {
    if (walkOut !== null) ({ count: commitCount, firstCommitDate } = parseHistoryWalk(walkOut));
    const commits = parseCommits(logOut);
    lastCommitDate = commits[0]?.date ?? null;
    recentCommits = commits.slice(0, recentLimit);
    docsLastChanged = docsOut?.trim() ? isoUtc(docsOut) : null;
    historyIncomplete = walkOut === null || logOut === null;
  }

  const defaultBranch = chooseDefaultBranch(refs, currentBranch);
  const candidates = refs
    .filter((r) => !r.symref && !r.ref.endsWith('/HEAD'))
    .sort((a, b) => (a.ref === defaultBranch?.ref ? -1 : b.ref === defaultBranch?.ref ? 1 : (b.date ?? '').localeCompare(a.date ?? '') || a.ref.localeCompare(b.ref)))
    .slice(0, BRANCH_LIMIT);
  const base = defaultBranch ? refs.find((r) => r.ref === defaultBranch.ref) : undefined;
  const branches = base
    ? await aheadOfDefault(root, base, candidates)
    : candidates.map((r) => ({ name: shortBranch(r.ref), date: r.date, aheadOfDefault: null }));

  return known({
    head,
    detached: head !== null && currentBranch === null,
    defaultBranch: defaultBranch?.name ?? null,
    commitCount,
    firstCommitDate,
    lastCommitDate,
    recentCommits,
    tags,
    remotes,
    branches,
    partialHistory: info.shallow || partial || historyIncomplete,
    docsLastChanged,
  });
}
