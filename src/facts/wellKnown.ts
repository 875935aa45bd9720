/**
 * Well-known files found by name among the tracked files: README, licence, security policy,
 * contribution guide, changelog, templates and tool configurations. Names match case-insensitively
 * with any extension and language suffix (`README.en.md`), each only where its convention puts it.
 * Only the index is consulted, so ignored and untracked files never count.
 */
import { readRepoText } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import type { FileIndexFacts, FileRef, SecurityFileFacts, WellKnownFacts } from './types.js';
import { indexHas } from './indexLookup.js';

/** Config files are small; a prefix this size holds any section header worth finding. */
const CONFIG_READ_BYTES = 256 * 1024;
/** Kubernetes folders can hold many manifests; only this many are opened. */
const MAX_K8S_READS = 50;

interface Split {
  path: string;
  /** Folder, lower-cased, '' at the root. */
  dir: string;
  /** File name as written. */
  base: string;
  lower: string;
}

const split = (path: string): Split => {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  return { path, dir: slash < 0 ? '' : path.slice(0, slash).toLowerCase(), base, lower: base.toLowerCase() };
};

/**
 * A well-known name: `stem` with any extension or language suffix (`readme`, `readme.md`,
 * `readme.en.md`, `readme-da.md`). `plain` ranks candidates: `NAME.md`, then `NAME` with one
 * documentation extension or none, then variants.
 */
interface WellKnownName {
  any: RegExp;
  rank: (lower: string) => number;
}

const named = (stem: string): WellKnownName => {
  const exact = new RegExp(`^${stem}\\.md$`, 'i');
  const plain = new RegExp(`^${stem}(?:\\.(?:markdown|rst|adoc|asciidoc|txt))?$`, 'i');
  return {
    any: new RegExp(`^${stem}(?:[.\\-_][^/]*)?$`, 'i'),
    rank: (lower) => (exact.test(lower) ? 0 : plain.test(lower) ? 1 : 2),
  };
};

const README = named('readme');
const LICENCE = named('(?:licen[cs]es?|copying(?:\\.lesser)?|unlicen[cs]e)');
/** Scripts and data named like a licence (`license-check.js`) are not licence texts. */
const NOT_LICENCE_TEXT = /\.(?:js|mjs|cjs|ts|py|java|go|rb|php|cs|json|ya?ml|xml|toml|sh|html?)$/i;
const SECURITY = named('security');
const CONTRIBUTING = named('contributing');
const CODE_OF_CONDUCT = named('code[_-]?of[_-]?conduct');
const CHANGELOG = named('(?:changelog|change_log|changes|history|news|release[_-]?notes|releases)');

const DOCS_HOMES = ['', 'docs', '.github'];
const CHANGELOG_HOMES = ['', 'docs'];
const LICENCE_HOMES = [''];
/** Every folder some `pick` looks in: only files there are candidates for it. */
const PICK_PLACES = new Set([...DOCS_HOMES, ...CHANGELOG_HOMES, ...LICENCE_HOMES]);

/** Root first, then docs/, then .github/; at each place plain `NAME.md` before other forms. */
function pick(files: Split[], name: WellKnownName, places: string[]): FileRef[] {
  return files
    .filter((f) => places.includes(f.dir) && name.any.test(f.base))
    .sort(
      (a, b) =>
        places.indexOf(a.dir) - places.indexOf(b.dir) ||
        name.rank(a.lower) - name.rank(b.lower) ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    )
    .map((f) => ({ path: f.path }));
}

const GOVERNANCE_REPORT = /(governance[_-]?report|governancerapport|selvevaluering)[^/]*\.md$/i;

/** The files each family could come from, sorted out in one pass over the index (in index order). */
interface Candidates {
  /** Files in one of PICK_PLACES (few, whatever the size of the repository). */
  near: Split[];
  issueTemplates: FileRef[];
  dependencyUpdates: FileRef[];
  interfaceSpecs: FileRef[];
  governanceReports: FileRef[];
  lint: Split[];
  containers: Split[];
}

/** Folders (besides the root) where a family looks at every file: the picks, issue templates, dependency updates. */
const NEAR_DIR = /^(?:docs|\.github|\.gitlab)\//i;

function sortOut(paths: string[]): Candidates {
  // Elsewhere a family looks only at file names, all of them matched by ANYWHERE (lower-cased);
  // the other paths (nearly all in a large repository) are passed over without being split.
  const c: Candidates = { near: [], issueTemplates: [], dependencyUpdates: [], interfaceSpecs: [], governanceReports: [], lint: [], containers: [] };
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    if (slash >= 0 && !NEAR_DIR.test(path) && !ANYWHERE.test(path.slice(slash + 1).toLowerCase())) continue;
    const f = split(path);
    if (PICK_PLACES.has(f.dir)) c.near.push(f);
    if (isIssueTemplate(f)) c.issueTemplates.push({ path });
    if (isDependencyUpdateConfig(f)) c.dependencyUpdates.push({ path });
    if (isInterfaceSpec(f)) c.interfaceSpecs.push({ path });
    if (GOVERNANCE_REPORT.test(f.lower)) c.governanceReports.push({ path });
    if (LINT_NAME.test(f.lower) || PY_LINT_FILE.test(f.lower)) c.lint.push(f);
    if (CONTAINER_NAME.test(f.lower) || (K8S_DIR.test(f.dir) && YAML_FILE.test(f.lower))) c.containers.push(f);
  }
  return c;
}

export async function collectWellKnown(root: RepoRoot, index: FileIndexFacts): Promise<WellKnownFacts> {
  const c = sortOut(index.paths);

  const securityRefs = pick(c.near, SECURITY, DOCS_HOMES);
  const security: SecurityFileFacts[] = [];
  for (const ref of securityRefs) security.push({ path: ref.path, hasContact: await hasContact(root, ref.path) });

  return {
    readme: pick(c.near, README, DOCS_HOMES),
    licence: pick(
      c.near.filter((f) => !NOT_LICENCE_TEXT.test(f.base)),
      LICENCE,
      LICENCE_HOMES,
    ),
    security,
    contributing: pick(c.near, CONTRIBUTING, DOCS_HOMES),
    changelog: pick(c.near, CHANGELOG, CHANGELOG_HOMES),
    codeOfConduct: pick(c.near, CODE_OF_CONDUCT, DOCS_HOMES),
    issueTemplates: c.issueTemplates,
    dependencyUpdates: [...c.dependencyUpdates, ...(await renovateInPackageJson(root, index.paths))],
    lintConfigs: await lintConfigs(root, c.lint),
    interfaceSpecs: c.interfaceSpecs,
    containers: await containers(root, c.containers),
    governanceReports: c.governanceReports,
  };
}

/** One regular expression for a list of them: the list's alternatives, tested in one call. */
const anyOf = (list: RegExp[]): RegExp => new RegExp(list.map((re) => `(?:${re.source})`).join('|'));

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const URL = /https?:\/\/[^\s<>()[\]"']+\.[^\s<>()[\]"']+/i;

/** A way to report privately: an e-mail address or a link (a form, a security advisory page). */
async function hasContact(root: RepoRoot, path: string): Promise<boolean> {
  const read = await readRepoText(root, path, CONFIG_READ_BYTES);
  return read.ok && !read.binary && (EMAIL.test(read.text) || URL.test(read.text));
}

function isIssueTemplate(f: Split): boolean {
  if (f.dir === '.github/issue_template' || f.dir.startsWith('.github/issue_template/')) return !/^config\.ya?ml$/.test(f.lower);
  if (f.dir === '.gitlab/issue_templates') return true;
  return ['', 'docs', '.github'].includes(f.dir) && /^issue_template(\.[^/]*)?$/.test(f.lower);
}

/** Renovate also reads its configuration from the `renovate` key of the root package.json. */
async function renovateInPackageJson(root: RepoRoot, paths: readonly string[]): Promise<FileRef[]> {
  if (!indexHas(paths, 'package.json')) return [];
  const read = await readRepoText(root, 'package.json', CONFIG_READ_BYTES);
  if (!read.ok || read.binary) return [];
  try {
    const data = JSON.parse(read.text) as Record<string, unknown> | null;
    return data && typeof data === 'object' && data.renovate && typeof data.renovate === 'object' ? [{ path: 'package.json' }] : [];
  } catch {
    return [];
  }
}

function isDependencyUpdateConfig(f: Split): boolean {
  // Dependabot on GitHub, and GitLab's Dependabot-compatible `.gitlab/dependabot.yml`.
  if (['.github', '.gitlab'].includes(f.dir) && /^dependabot\.ya?ml$/.test(f.lower)) return true;
  if (['', '.github', '.gitlab'].includes(f.dir) && /^renovate\.json5?$/.test(f.lower)) return true;
  return ['', '.github', '.gitlab'].includes(f.dir) && /^\.renovaterc(\.json5?)?$/.test(f.lower);
}

/** Config files that are lint/format configuration by their name alone. */
const LINT_NAMES: RegExp[] = [
  /^\.editorconfig$/,
  /^\.eslintrc(\.[a-z0-9]+)?$/,
  /^eslint\.config\.[a-z]+$/,
  /^\.prettierrc(\.[a-z0-9]+)?$/,
  /^prettier\.config\.[a-z]+$/,
  /^biome\.jsonc?$/,
  /^\.stylelintrc(\.[a-z0-9]+)?$/,
  /^stylelint\.config\.[a-z]+$/,
  /^\.?ruff\.toml$/,
  /^\.flake8$/,
  /^\.?pylintrc$/,
  /^checkstyle[^/]*\.xml$/,
  /^pmd[^/]*\.xml$/,
  /^\.php[-_]cs(?:[-_.][^/]*)?$/,
  /^phpcs\.xml(\.dist)?$/,
  /^\.rubocop\.ya?ml$/,
  /^\.golangci\.(ya?ml|toml|json)$/,
  /^\.clang-format$/,
  /^\.pre-commit-config\.ya?ml$/,
  /^\.?rustfmt\.toml$/,
];

const LINT_NAME = anyOf(LINT_NAMES);
const PY_LINT_FILE = /^(setup\.cfg|pyproject\.toml|tox\.ini)$/;

/** Python tool sections that make `setup.cfg`/`pyproject.toml`/`tox.ini` a lint configuration. */
const PY_LINT_SECTION = /^\s*\[(?:tool\.(?:ruff|black|pylint|flake8|isort)|flake8|pylint|pycodestyle)[\].]/m;

async function lintConfigs(root: RepoRoot, files: Split[]): Promise<FileRef[]> {
  const out: FileRef[] = [];
  for (const f of files) {
    if (LINT_NAME.test(f.lower)) out.push({ path: f.path });
    else if (PY_LINT_FILE.test(f.lower)) {
      const read = await readRepoText(root, f.path, CONFIG_READ_BYTES);
      if (read.ok && !read.binary && PY_LINT_SECTION.test(read.text)) out.push({ path: f.path });
    }
  }
  return out;
}

const INTERFACE_SPEC = anyOf([
  /^(openapi|swagger)([.\-_][^/]*)?\.(ya?ml|json)$/,
  /\.openapi\.(ya?ml|json)$/,
  /^asyncapi([.\-_][^/]*)?\.(ya?ml|json)$/,
  /\.(graphql|graphqls)$/,
  /^schema\.gql$/,
  /\.wsdl$/,
]);

function isInterfaceSpec(f: Split): boolean {
  return INTERFACE_SPEC.test(f.lower);
}

const CONTAINER_NAMES: RegExp[] = [
  /^(docker|container)file$/,
  /\.(docker|container)file$/,
  /^(docker|container)file\.[^/]+$/,
  /^docker-compose[^/]*\.ya?ml$/,
  /^compose[^/]*\.ya?ml$/,
  /^chart\.yaml$/,
];
const CONTAINER_NAME = anyOf(CONTAINER_NAMES);
const K8S_DIR = /(^|\/)(k8s|kubernetes|manifests)(\/|$)/;
const YAML_FILE = /\.ya?ml$/;
/** Every file name a family looks for in any folder (see sortOut). */
const ANYWHERE = anyOf([INTERFACE_SPEC, GOVERNANCE_REPORT, LINT_NAME, PY_LINT_FILE, CONTAINER_NAME, YAML_FILE]);
const K8S_WORKLOAD = /^\s*kind:\s*["']?(Deployment|StatefulSet|DaemonSet|CronJob|Job|Pod)\b/m;

async function containers(root: RepoRoot, files: Split[]): Promise<FileRef[]> {
  const out: FileRef[] = [];
  let k8sReads = 0;
  for (const f of files) {
    if (CONTAINER_NAME.test(f.lower)) out.push({ path: f.path });
    else if (K8S_DIR.test(f.dir) && YAML_FILE.test(f.lower) && k8sReads < MAX_K8S_READS) {
      k8sReads++;
      const read = await readRepoText(root, f.path, CONFIG_READ_BYTES);
      if (read.ok && !read.binary && K8S_WORKLOAD.test(read.text)) out.push({ path: f.path });
    }
  }
  return out;
}
