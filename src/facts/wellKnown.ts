/**
 * Well-known files found by name among the tracked files: README, licence, security policy,
 * contribution guide, changelog, templates and tool configurations. Names match case-insensitively
 * with any extension and language suffix (`README.en.md`), each only where its convention puts it.
 * Only the index is consulted, so ignored and untracked files never count.
 */
import { readRepoText } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import type { FileIndexFacts, FileRef, SecurityFileFacts, WellKnownFacts } from './types.js';

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

export async function collectWellKnown(root: RepoRoot, index: FileIndexFacts): Promise<WellKnownFacts> {
  const files = index.paths.map(split);
  const where = (test: (f: Split) => boolean): FileRef[] => files.filter(test).map((f) => ({ path: f.path }));

  const securityRefs = pick(files, SECURITY, DOCS_HOMES);
  const security: SecurityFileFacts[] = [];
  for (const ref of securityRefs) security.push({ path: ref.path, hasContact: await hasContact(root, ref.path) });

  return {
    readme: pick(files, README, DOCS_HOMES),
    licence: pick(
      files.filter((f) => !NOT_LICENCE_TEXT.test(f.base)),
      LICENCE,
      [''],
    ),
    security,
    contributing: pick(files, CONTRIBUTING, DOCS_HOMES),
    changelog: pick(files, CHANGELOG, ['', 'docs']),
    codeOfConduct: pick(files, CODE_OF_CONDUCT, DOCS_HOMES),
    issueTemplates: where(isIssueTemplate),
    dependencyUpdates: [...where(isDependencyUpdateConfig), ...(await renovateInPackageJson(root, files))],
    lintConfigs: await lintConfigs(root, files),
    interfaceSpecs: where(isInterfaceSpec),
    containers: await containers(root, files),
    governanceReports: where((f) => /(governance[_-]?report|governancerapport|selvevaluering)[^/]*\.md$/i.test(f.lower)),
  };
}

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
async function renovateInPackageJson(root: RepoRoot, files: Split[]): Promise<FileRef[]> {
  if (!files.some((f) => f.path === 'package.json')) return [];
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

/** Python tool sections that make `setup.cfg`/`pyproject.toml`/`tox.ini` a lint configuration. */
const PY_LINT_SECTION = /^\s*\[(?:tool\.(?:ruff|black|pylint|flake8|isort)|flake8|pylint|pycodestyle)[\].]/m;

async function lintConfigs(root: RepoRoot, files: Split[]): Promise<FileRef[]> {
  const out: FileRef[] = [];
  for (const f of files) {
    if (LINT_NAMES.some((re) => re.test(f.lower))) out.push({ path: f.path });
    else if (/^(setup\.cfg|pyproject\.toml|tox\.ini)$/.test(f.lower)) {
      const read = await readRepoText(root, f.path, CONFIG_READ_BYTES);
      if (read.ok && !read.binary && PY_LINT_SECTION.test(read.text)) out.push({ path: f.path });
    }
  }
  return out;
}

function isInterfaceSpec(f: Split): boolean {
  return (
    /^(openapi|swagger)([.\-_][^/]*)?\.(ya?ml|json)$/.test(f.lower) ||
    /\.openapi\.(ya?ml|json)$/.test(f.lower) ||
    /^asyncapi([.\-_][^/]*)?\.(ya?ml|json)$/.test(f.lower) ||
    /\.(graphql|graphqls)$/.test(f.lower) ||
    f.lower === 'schema.gql' ||
    f.lower.endsWith('.wsdl')
  );
}

const CONTAINER_NAMES: RegExp[] = [
  /^(docker|container)file$/,
  /\.(docker|container)file$/,
  /^(docker|container)file\.[^/]+$/,
  /^docker-compose[^/]*\.ya?ml$/,
  /^compose[^/]*\.ya?ml$/,
  /^chart\.yaml$/,
];
const K8S_DIR = /(^|\/)(k8s|kubernetes|manifests)(\/|$)/;
const K8S_WORKLOAD = /^\s*kind:\s*["']?(Deployment|StatefulSet|DaemonSet|CronJob|Job|Pod)\b/m;

async function containers(root: RepoRoot, files: Split[]): Promise<FileRef[]> {
  const out: FileRef[] = [];
  let k8sReads = 0;
  for (const f of files) {
    if (CONTAINER_NAMES.some((re) => re.test(f.lower))) out.push({ path: f.path });
    else if (K8S_DIR.test(f.dir) && /\.ya?ml$/.test(f.lower) && k8sReads < MAX_K8S_READS) {
      k8sReads++;
      const read = await readRepoText(root, f.path, CONFIG_READ_BYTES);
      if (read.ok && !read.binary && K8S_WORKLOAD.test(read.text)) out.push({ path: f.path });
    }
  }
  return out;
}
