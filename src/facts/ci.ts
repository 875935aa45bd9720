/**
 * CI facts: finds the CI definitions among the tracked files, parses each with its system's parser
 * and classifies every step. A malformed file gets a `parseError`; the others are still read.
 */
import { globMatcher, matchingPaths } from './globs.js';
import { parseAzurePipelines } from '../ci/azurePipelines.js';
import { parseBitbucketPipelines } from '../ci/bitbucketPipelines.js';
import { parseCircleci } from '../ci/circleci.js';
import { parseGithubActions, parseGithubCompositeAction } from '../ci/githubActions.js';
import { parseGitlabCi } from '../ci/gitlabCi.js';
import { parseJenkinsfile } from '../ci/jenkins.js';
import { classifyCommand, unionKinds } from '../ci/classify.js';
import type { CiParse } from '../ci/parse.js';
import { makefileTargets, noTargets, noxSessions, packageJsonScripts, toxEnvironments } from '../ci/projectTargets.js';
import { fullCommand } from '../ci/yamlSource.js';
import { parseTravis } from '../ci/travis.js';
import { parseDrone, parseWoodpecker } from '../ci/woodpecker.js';
import { readRepoText } from '../repo/safePath.js';
import type { RepoRoot } from '../repo/source.js';
import type { CiFacts, CiSystem, FileIndexFacts } from './types.js';
import { indexHas } from './indexLookup.js';

type Parser = (file: string, text: string) => CiParse;

/** Where each system keeps its definitions; GitLab is handled apart because it follows includes. */
const LOCATIONS = [
  { system: 'github-actions', glob: '.github/workflows/*.{yml,yaml}', parse: parseGithubActions },
  // Local composite actions (`uses: ./.github/actions/x`); reusable workflows are workflow files already read above.
  { system: 'github-actions', glob: '.github/actions/**/action.{yml,yaml}', parse: parseGithubCompositeAction },
  { system: 'jenkins', glob: '{**/,}{Jenkinsfile,Jenkinsfile.*,*.jenkinsfile,*.Jenkinsfile}', parse: parseJenkinsfile },
  { system: 'azure-pipelines', glob: '{{,.}azure-pipelines.{yml,yaml},{,.}azure-pipelines/**/*.{yml,yaml},.azure/pipelines/**/*.{yml,yaml}}', parse: parseAzurePipelines },
  { system: 'bitbucket-pipelines', glob: 'bitbucket-pipelines.{yml,yaml}', parse: parseBitbucketPipelines },
  { system: 'circleci', glob: '.circleci/config.{yml,yaml}', parse: parseCircleci },
  { system: 'travis', glob: '.travis.{yml,yaml}', parse: parseTravis },
  { system: 'woodpecker', glob: '{.woodpecker.{yml,yaml},.woodpecker/*.{yml,yaml}}', parse: parseWoodpecker },
  { system: 'drone', glob: '.drone.{yml,yaml}', parse: parseDrone },
] as const satisfies readonly { system: CiSystem; glob: string; parse: Parser }[];

const LOCATION_GLOBS = LOCATIONS.map((l) => l.glob);

const GITLAB_ENTRY = '.gitlab-ci.yml';

const readReason = (r: { reason: string; detail: string }): string => `${r.reason}: ${r.detail}`;

export async function collectCiFacts(root: RepoRoot, index: FileIndexFacts): Promise<CiFacts> {
  const facts: CiFacts = { files: [], steps: [] };
  // One pass over the index for every location, then each location's own files among the few found.
  const candidates = matchingPaths(index.paths, LOCATION_GLOBS, { caseSensitive: true }).filter((p) => !p.includes('node_modules/'));
  for (const location of LOCATIONS) {
    const here = globMatcher([location.glob], { caseSensitive: true });
    for (const path of candidates.filter(here)) {
      const read = await readRepoText(root, path);
      if (!read.ok) {
        facts.files.push({ path, system: location.system, parseError: readReason(read) });
        continue;
      }
      const parsed = read.binary ? { steps: [], parseError: 'binary file' } : location.parse(path, read.text);
      facts.files.push(parsed.parseError ? { path, system: location.system, parseError: parsed.parseError } : { path, system: location.system });
      facts.steps.push(...parsed.steps);
    }
  }
  if (indexHas(index.paths, GITLAB_ENTRY)) {
    const read = await readRepoText(root, GITLAB_ENTRY);
    if (!read.ok) {
      facts.files.push({ path: GITLAB_ENTRY, system: 'gitlab-ci', parseError: readReason(read) });
    } else {
      const parsed = await parseGitlabCi(
        GITLAB_ENTRY,
        read.text,
        async (path) => {
          const r = await readRepoText(root, path);
          return r.ok ? { ok: true, text: r.text } : { ok: false, reason: readReason(r) };
        },
        index.paths,
      );
      for (const f of parsed.files) facts.files.push({ ...f, system: 'gitlab-ci' });
      facts.steps.push(...parsed.steps);
    }
  }
  await followProjectTargets(root, index, facts);
  return facts;
}

/** The project's task-runner files at the root, read only when CI exists. */
const TARGET_FILES = [
  { path: 'Makefile', read: makefileTargets, key: 'make' },
  { path: 'GNUmakefile', read: makefileTargets, key: 'make' },
  { path: 'makefile', read: makefileTargets, key: 'make' },
  { path: 'package.json', read: packageJsonScripts, key: 'scripts' },
  { path: 'tox.ini', read: toxEnvironments, key: 'tox' },
  { path: 'noxfile.py', read: noxSessions, key: 'nox' },
] as const;

/**
 * A step that calls the project's own Makefile target, package.json script, tox environment or
 * nox session does what that target does: `make ci` whose recipe runs `pytest` is a test step.
 */
async function followProjectTargets(root: RepoRoot, index: FileIndexFacts, facts: CiFacts): Promise<void> {
  if (facts.steps.length === 0) return;
  const targets = noTargets();
  let any = false;
  for (const file of TARGET_FILES) {
    if (!indexHas(index.paths, file.path) || targets[file.key].size > 0) continue;
    const read = await readRepoText(root, file.path);
    if (!read.ok || read.binary) continue;
    for (const [name, commands] of file.read(read.text)) targets[file.key].set(name, commands);
    any = true;
  }
  if (!any) return;
  facts.steps = facts.steps.map((step) => {
    const script = fullCommand(step);
    if (script === undefined) return step;
    const kinds = classifyCommand(script, targets);
    const merged = unionKinds(step.kinds, kinds);
    return merged.join() === step.kinds.join() || merged[0] === 'other' ? step : { ...step, kinds: merged };
  });
}
