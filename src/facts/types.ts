import type { GovernanceReportReading } from '../governanceReport/types.js';
/**
 * The Facts record: everything the checks need, read once from a repository and its manifest.
 * It is plain JSON (no Dates, Maps or functions) so `check --facts` can dump it and a bug report
 * can carry it. A fact that could not be read is `{ status: 'unknown', reason }`, never a guess.
 */

export type Known<T> = { status: 'known'; value: T } | { status: 'unknown'; reason: string };

export const known = <T>(value: T): Known<T> => ({ status: 'known', value });
export const unknownFact = <T = never>(reason: string): Known<T> => ({ status: 'unknown', reason });

/** A file in the repository, by its path relative to the repository root, always with `/`. */
export interface FileRef {
  path: string;
  /** Size in bytes, when known. */
  size?: number;
}

export interface FileIndexFacts {
  /** `git` = `git ls-files`; `walk` = a directory walk honouring `.gitignore` (not a git repository). */
  source: 'git' | 'walk';
  /** Tracked files, sorted, relative, `/`-separated. Symlinks pointing outside the repository are excluded. */
  paths: string[];
  /** Symlinks whose target lies outside the repository (not followed). */
  symlinksOutside: string[];
  /** True when the walk stopped at its file limit. */
  truncated: boolean;
}

export interface Heading {
  /** File the heading is in. */
  path: string;
  text: string;
  /** 1 = top level. */
  depth: number;
  /** 1-based line. */
  line: number;
}

export interface ReadmeFacts {
  path: string;
  /** The title (first top-level heading) if any. */
  title: string | null;
  /** First paragraph of prose, trimmed, for `init`. */
  firstParagraph: string | null;
  /** Characters of prose outside code blocks, badges, HTML tags and link-only lines. */
  proseChars: number;
  /** True when only a prefix of a very large README was read. */
  truncated: boolean;
}

/** Documentation: README plus files in docs folders, with their headings. */
export interface DocsFacts {
  /** Documentation files (Markdown, AsciiDoc, reST, plain text) in docs/ doc/ documentation/ and the root. */
  textFiles: string[];
  /** Office/PDF documents (`.docx .doc .pdf .pptx .odt .odp .ppt`). */
  officeFiles: string[];
  /** Docs-site configurations found (mkdocs.yml, docs/conf.py, docusaurus.config.*, _config.yml, antora.yml). */
  siteConfigs: string[];
  /** Headings of the README and of every documentation text file (bounded per file). */
  headings: Heading[];
  /** Path of `ARCHITECTURE*` when present. */
  architecture: string | null;
  /**
   * Lines holding a `TODO(os2level)` placeholder (written by `os2level fix`) in the README and the
   * documentation files, so a section that is still only a template can be told from a real one.
   */
  placeholders?: { path: string; line: number }[];
  /**
   * Web links in the README and the documentation files: the first link to each host per file,
   * bounded. Checks ask whether the product points to OS2's own channels (os2.eu).
   */
  links?: { path: string; line: number; host: string; url: string }[];
}

export interface LicenceFacts {
  /** The licence file that was read, or null when none exists. */
  path: string | null;
  /** SPDX id identified from the text; null when the text matched no known licence. */
  spdx: string | null;
  /** Other SPDX ids found: further licence files, REUSE `LICENSES/`, package manifests. */
  others: { spdx: string; source: string }[];
}

export interface GitCommit {
  hash: string;
  /** ISO 8601 committer date. */
  date: string;
  subject: string;
  parents: number;
}

export interface GitTag {
  name: string;
  /** ISO 8601; for annotated tags the tagger date, else the commit date. */
  date: string | null;
  annotated: boolean;
  signed: boolean;
  /** The tag name parses as a version (SemVer with optional `v`, or a looser dotted version). */
  isVersion: boolean;
  /** Parses as strict SemVer 2.0.0 after an optional `v` prefix. */
  isSemver: boolean;
}

export interface GitRemote {
  name: string;
  /** The URL with any embedded credentials removed. */
  url: string;
  host: string | null;
  /** From a code host's URL only; null for a local path or file:// URL (a folder name is no owner). */
  owner: string | null;
  repo: string | null;
  /** Set on a remote read from a local repository's config: the name of the local remote it was found through. */
  via?: string;
}

export interface GitBranch {
  name: string;
  /** ISO date of the branch tip. */
  date: string | null;
  /**
   * The branch has commits the default branch does not (its tip is not reachable from the
   * default branch); false for the default branch itself; null when unknown.
   */
  aheadOfDefault: boolean | null;
}

export interface GitFacts {
  head: string | null;
  detached: boolean;
  defaultBranch: string | null;
  /** Total commits reachable from HEAD. */
  commitCount: number;
  firstCommitDate: string | null;
  lastCommitDate: string | null;
  /** Most recent commits (newest first), bounded (100 by default). */
  recentCommits: GitCommit[];
  tags: GitTag[];
  remotes: GitRemote[];
  branches: GitBranch[];
  /** True for shallow or partial clones: history-based facts cover only part of the history. */
  partialHistory: boolean;
  /** Date of the last commit touching the README or docs, per path group. */
  docsLastChanged: string | null;
}

export type CiSystem =
  | 'github-actions'
  | 'gitlab-ci'
  | 'jenkins'
  | 'azure-pipelines'
  | 'bitbucket-pipelines'
  | 'circleci'
  | 'travis'
  | 'woodpecker'
  | 'drone';

export type CiStepKind = 'test' | 'lint' | 'security-scan' | 'container-build' | 'coverage' | 'other';

export interface CiStep {
  file: string;
  system: CiSystem;
  job: string | null;
  /** The command or action reference, shortened. */
  command: string;
  kinds: CiStepKind[];
  /** 1-based line in the file, when known. */
  line?: number;
}

export interface CiFacts {
  files: { path: string; system: CiSystem; parseError?: string }[];
  steps: CiStep[];
}

export interface TestFacts {
  /** Test files by ecosystem (e.g. `javascript`, `python`), counts. */
  byEcosystem: Record<string, number>;
  /** A bounded sample of test files found. */
  sample: string[];
  total: number;
  /** Generator-made test files (e.g. create-react-app `App.test.js`), bounded; not counted in `total`. */
  boilerplate?: string[];
  /** True when the only test files are generated boilerplate (e.g. a framework's example test). */
  boilerplateOnly?: boolean;
}

export interface CoverageReportFacts {
  path: string;
  format: 'lcov' | 'cobertura' | 'jacoco' | 'clover' | 'istanbul-summary' | 'istanbul-final' | 'go';
  linesCovered: number;
  linesTotal: number;
  branchesCovered: number | null;
  branchesTotal: number | null;
  /** `statements` when the format counts statements, not lines (Clover, Go); absent means lines. */
  lineUnit?: 'statements';
}

export interface CoverageFacts {
  /** Reports read successfully. */
  reports: CoverageReportFacts[];
  /** Reports that could not be read, with reason. */
  failures: { path: string; reason: string }[];
  /** Reports read but not counted: another format of the same run sits in the same directory. */
  sameRunSkipped?: { path: string; sameRunAs: string }[];
  /** Merged line coverage in percent over all reports (sum of covered / sum of total), null when none. */
  linePercent: number | null;
  branchPercent: number | null;
  /** Declared in os2.yaml (`quality.coverage.percent`). */
  declaredPercent: number | null;
  declaredReportUrl: string | null;
}

export interface SecurityFileFacts {
  path: string;
  /** The file contains an e-mail address or a URL (a way to report privately). */
  hasContact: boolean;
}

export interface PubliccodeFacts {
  path: string;
  name: string | null;
  license: string | null;
  usedBy: string[];
  developmentStatus: string | null;
  description: string | null;
  contractors: { name: string; until: string | null }[];
  /** The `url` field (the repository's address), when set. */
  url?: string;
  parseError?: string;
}

/** Everything the manifest loader produced. The manifest data is plain, validated JSON. */
export type ManifestFacts =
  | { status: 'absent'; lookedFor: string }
  | {
      status: 'loaded';
      path: string;
      data: Record<string, unknown>;
      /** 1-based line and column of each key in the file, by dotted path (`legal.procurement`); for locating findings. */
      keys?: Record<string, { line: number; column: number }>;
    };

export interface WellKnownFacts {
  readme: FileRef[];
  licence: FileRef[];
  security: SecurityFileFacts[];
  contributing: FileRef[];
  changelog: FileRef[];
  codeOfConduct: FileRef[];
  issueTemplates: FileRef[];
  /** Dependabot / Renovate configuration. */
  dependencyUpdates: FileRef[];
  /** Linter and formatter configuration files. */
  lintConfigs: FileRef[];
  /** OpenAPI/Swagger, AsyncAPI, GraphQL schema, WSDL. */
  interfaceSpecs: FileRef[];
  /** Dockerfile/Containerfile, compose files, Helm charts, Kubernetes manifests. */
  containers: FileRef[];
  /** Governance/self-evaluation reports (`*GOVERNANCE_REPORT*.md`, `*governancerapport*`, `*Selvevaluering*`). */
  governanceReports: FileRef[];
}

export interface Facts {
  factsVersion: 2;
  /** Absolute path of the repository root that was scanned. */
  root: string;
  files: FileIndexFacts;
  wellKnown: WellKnownFacts;
  readme: Known<ReadmeFacts>;
  docs: DocsFacts;
  licence: Known<LicenceFacts>;
  git: Known<GitFacts>;
  ci: CiFacts;
  tests: TestFacts;
  coverage: CoverageFacts;
  publiccode: Known<PubliccodeFacts> | null;
  /** The changelog's version headings (newest first as written); null when there is no changelog. */
  changelog: Known<ChangelogFacts> | null;
  manifest: ManifestFacts;
  /** The product's governance report or self-evaluation, when one was named or found; null when none. */
  governanceReport: GovernanceReportFacts | null;
}

/** A governance report read as evidence (src/facts/governanceReport.ts). */
export interface GovernanceReportFacts {
  /** Repository-relative path, or the path as given on the command line. */
  path: string;
  /** `option`: --governance-report or a portfolio entry; `manifest`: os2.yaml governance.report; `repository`: found by name. */
  source: 'option' | 'manifest' | 'repository';
  /** The report as read; null when it could not be read (`problem` says why). */
  reading: GovernanceReportReading | null;
  problem: 'not-found' | 'unreadable' | 'too-large' | null;
}

export interface ChangelogFacts {
  path: string;
  /** Version strings found in the changelog's headings, in file order. */
  versions: string[];
}
