/**
 * Where a repository's files are read from. Collectors take a `RepoRoot`: a plain string is a
 * work tree on disk (what `check` reads, unchanged); a `git-objects` source reads the tree and
 * blobs of pinned commits straight from git's object store, so a scan never writes a scanned
 * repository's files to disk. A git-objects source may overlay several repositories (a product
 * spanning code, docs and deployment repositories): the first repository that has a path wins.
 */

/** One commit of one repository, read from its object store. */
export interface GitTree {
  /** The git directory (a bare clone, or a work tree's `.git`). */
  gitDir: string;
  /** The commit whose tree is read (full hash). */
  commit: string;
  /** How the repository is named in reports (a URL with credentials removed, or a path). */
  label: string;
}

export type RepoSource =
  | { kind: 'worktree'; root: string }
  | {
      kind: 'git-objects';
      /** Overlaid in order: for a path present in several, the first repository's file is read. */
      trees: GitTree[];
      /** The name reports use for the whole source (the result's `path`). */
      label: string;
    };

export type GitObjectsSource = Extract<RepoSource, { kind: 'git-objects' }>;

/** A string is a work-tree root: every existing caller keeps passing one. */
export type RepoRoot = string | RepoSource;

export const isGitObjects = (root: RepoRoot): root is GitObjectsSource => typeof root !== 'string' && root.kind === 'git-objects';

/** The work-tree path of a root that is not a git-objects source. */
export const worktreeRoot = (root: Exclude<RepoRoot, GitObjectsSource>): string => (typeof root === 'string' ? root : root.root);

/** True for a path whose segments include `.git` (any case): git's own data, never repository content. */
export const hasGitDirSegment = (path: string): boolean => path.split(/[\\/]/).some((s) => s.toLowerCase() === '.git');
