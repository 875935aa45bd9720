import { afterAll, describe, expect, it } from 'vitest';
import { collectFileIndex } from '../../src/facts/fileIndex.js';
import type { WellKnownFacts } from '../../src/facts/types.js';
import { collectWellKnown } from '../../src/facts/wellKnown.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

async function wellKnownOf(files: Record<string, string | Buffer>, untracked: Record<string, string> = {}): Promise<WellKnownFacts> {
  const repo = createRepo(files).commit('initial').write(untracked);
  return collectWellKnown(repo.dir, await collectFileIndex(repo.dir));
}

const paths = (refs: { path: string }[]): string[] => refs.map((r) => r.path);

describe('collectWellKnown: names', () => {
  it.each([
    ['readme.md', 'readme'],
    ['README.rst', 'readme'],
    ['README.en.md', 'readme'],
    ['Readme', 'readme'],
    ['LICENSE.md', 'licence'],
    ['LICENCE', 'licence'],
    ['COPYING', 'licence'],
    ['.github/SECURITY.rst', 'security'],
    ['docs/Contributing.adoc', 'contributing'],
    ['.github/CODE_OF_CONDUCT.md', 'codeOfConduct'],
    ['docs/CHANGELOG.md', 'changelog'],
    ['HISTORY.rst', 'changelog'],
    ['.github/ISSUE_TEMPLATE/bug_report.md', 'issueTemplates'],
    ['.gitlab/issue_templates/Bug.md', 'issueTemplates'],
    ['.github/dependabot.yml', 'dependencyUpdates'],
    ['renovate.json5', 'dependencyUpdates'],
    ['.eslintrc.cjs', 'lintConfigs'],
    ['web/eslint.config.js', 'lintConfigs'],
    ['.golangci.yaml', 'lintConfigs'],
    ['config/checkstyle/checkstyle.xml', 'lintConfigs'],
    ['docs/api/openapi.yaml', 'interfaceSpecs'],
    ['api/service.openapi.json', 'interfaceSpecs'],
    ['schema.graphql', 'interfaceSpecs'],
    ['Dockerfile', 'containers'],
    ['docker/api.Dockerfile', 'containers'],
    ['docker-compose.prod.yml', 'containers'],
    ['charts/app/Chart.yaml', 'containers'],
    ['docs/OS2_GOVERNANCE_REPORT.md', 'governanceReports'],
    ['Selvevaluering-2025.md', 'governanceReports'],
  ] as const)('%s is a %s file', async (path, kind) => {
    const facts = await wellKnownOf({ [path]: 'content https://example.dk\n' });
    expect(paths(facts[kind])).toEqual([path]);
  });

  it.each([
    ['src/README.md', 'readme'],
    ['docs/LICENSE', 'licence'],
    ['scripts/license-check.js', 'licence'],
    ['src/SECURITY.md', 'security'],
    ['.github/CHANGELOG.md', 'changelog'],
    ['.github/ISSUE_TEMPLATE/config.yml', 'issueTemplates'],
    ['src/dependabot.yml', 'dependencyUpdates'],
    ['src/queries/list.gql', 'interfaceSpecs'],
    ['docs/governance.md', 'governanceReports'],
  ] as const)('%s is not a %s file where it lies', async (path, kind) => {
    const facts = await wellKnownOf({ [path]: 'x\n' });
    expect(paths(facts[kind])).toEqual([]);
  });

  it('orders READMEs by preference: root README.md, other root forms, language variants, docs/, .github/', async () => {
    const facts = await wellKnownOf({
      '.github/README.md': 'g',
      'docs/README.md': 'd',
      'README.en.md': 'en',
      'README.rst': 'rst',
      'README.md': 'md',
    });
    expect(paths(facts.readme)).toEqual(['README.md', 'README.rst', 'README.en.md', 'docs/README.md', '.github/README.md']);
  });

  it('uses tracked files only, never the disk listing', async () => {
    const facts = await wellKnownOf({ 'src/a.ts': 'x' }, { 'README.md': 'untracked', LICENSE: 'untracked' });
    expect(facts.readme).toEqual([]);
    expect(facts.licence).toEqual([]);
  });
});

describe('collectWellKnown: contents', () => {
  it('records whether a security policy gives a private contact', async () => {
    const facts = await wellKnownOf({
      'SECURITY.md': '# Security\nReport to sikkerhed@kommune.dk.\n',
      'docs/security.md': '# Security\nWe take security seriously.\n',
      '.github/SECURITY.md': 'Use https://github.com/OS2x/x/security/advisories/new\n',
    });
    expect(facts.security).toEqual([
      { path: 'SECURITY.md', hasContact: true },
      { path: 'docs/security.md', hasContact: false },
      { path: '.github/SECURITY.md', hasContact: true },
    ]);
  });

  it('counts setup.cfg and pyproject.toml as lint configuration only with a lint section', async () => {
    const facts = await wellKnownOf({
      'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n',
      'setup.cfg': '[metadata]\nname = x\n',
      'svc/setup.cfg': '[flake8]\nmax-line-length = 100\n',
    });
    expect(paths(facts.lintConfigs)).toEqual(['pyproject.toml', 'svc/setup.cfg']);
  });

  it('counts Kubernetes manifests that declare a workload', async () => {
    const facts = await wellKnownOf({
      'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n',
      'k8s/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
      'config/app.yaml': 'kind: Deployment\n',
    });
    expect(paths(facts.containers)).toEqual(['k8s/deployment.yaml']);
  });
});
