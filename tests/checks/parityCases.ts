/**
 * One passing and one failing Facts per requirement of the shipped catalogue, keyed by id. The
 * passing side starts from `perfectFacts()` (examples/os2.example.yaml, validated, plus a
 * repository that shows everything); each failing side takes away exactly what its requirement
 * needs. parity.test.ts fails when the catalogue gains an id this table lacks.
 */
import { fileURLToPath } from 'node:url';
import { loadManifest } from '../../src/manifest/load.js';
import type { Facts } from '../../src/facts/types.js';
import { commit, emptyFacts, gitFacts, monthsAgo, remote, tag, withManifest } from '../helpers/facts.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/os2.example.yaml', import.meta.url));

/** Paths the example manifest declares, so they exist in the perfect repository. */
const DECLARED_PATHS = ['docs/install.md', 'docs/architecture.md', 'docs/api/openapi.yaml', 'docs/security.md', 'docs/legal/dpa-template.md', 'docs/governance/coordination-group.md', 'docs/vision.md', 'coverage/lcov.info'];

export async function perfectFacts(): Promise<Facts> {
  const { data } = await loadManifest(EXAMPLE);
  const { explanations: _e, notApplicable: _n, ...manifest } = data;
  const paths = [...DECLARED_PATHS, 'README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'SECURITY.md', 'LICENSE', '.editorconfig', '.github/dependabot.yml', 'Dockerfile', '.github/workflows/ci.yml', 'docs/operations.md', 'src/app.test.ts'].sort();
  const commits = Array.from({ length: 20 }, (_, i) => commit(`Fix booking overlap (#${100 + i})`, monthsAgo(0, i + 1)));
  const base = emptyFacts({
    files: { source: 'git', paths, symlinksOutside: [], truncated: false },
    wellKnown: {
      readme: [{ path: 'README.md' }],
      licence: [{ path: 'LICENSE' }],
      security: [{ path: 'SECURITY.md', hasContact: true }],
      contributing: [{ path: 'CONTRIBUTING.md' }],
      changelog: [{ path: 'CHANGELOG.md' }],
      dependencyUpdates: [{ path: '.github/dependabot.yml' }],
      lintConfigs: [{ path: '.editorconfig' }],
      interfaceSpecs: [{ path: 'docs/api/openapi.yaml' }],
      containers: [{ path: 'Dockerfile' }],
    },
    readme: { status: 'known', value: { path: 'README.md', title: 'OS2example', firstParagraph: 'Books rooms.', proseChars: 1200, truncated: false } },
    docs: {
      textFiles: ['README.md', 'docs/architecture.md', 'docs/install.md', 'docs/operations.md'],
      officeFiles: [],
      siteConfigs: [],
      headings: [{ path: 'README.md', text: 'Requirements', depth: 2, line: 20 }],
      architecture: null,
    },
    licence: { status: 'known', value: { path: 'LICENSE', spdx: 'MPL-2.0', others: [] } },
    git: {
      status: 'known',
      value: gitFacts({
        recentCommits: commits,
        commitCount: 250,
        tags: [tag('v2.0.0', monthsAgo(4), { annotated: true, signed: true }), tag('v2.1.0', monthsAgo(1), { annotated: true, signed: true })],
        remotes: [remote('https://github.com/OS2mo/os2example.git')],
        docsLastChanged: monthsAgo(1),
      }),
    },
    ci: {
      files: [{ path: '.github/workflows/ci.yml', system: 'github-actions' }],
      steps: [
        { file: '.github/workflows/ci.yml', system: 'github-actions', job: 'test', command: 'npm test', kinds: ['test', 'coverage'] },
        { file: '.github/workflows/ci.yml', system: 'github-actions', job: 'scan', command: 'github/codeql-action/analyze@v3', kinds: ['security-scan'] },
      ],
    },
    tests: { byEcosystem: { javascript: 12 }, sample: ['src/app.test.ts'], total: 12 },
    coverage: {
      reports: [{ path: 'coverage/lcov.info', format: 'lcov', linesCovered: 800, linesTotal: 1000, branchesCovered: null, branchesTotal: null }],
      failures: [], linePercent: 80, branchPercent: null, declaredPercent: null, declaredReportUrl: null,
    },
    changelog: { status: 'known', value: { path: 'CHANGELOG.md', versions: ['2.1.0', '2.0.0'] } },
  });
  return withManifest(base, manifest);
}

// ---- small, pure mutators ----

const clone = <T>(v: T): T => structuredClone(v);
function manifestOf(f: Facts): Record<string, unknown> {
  if (f.manifest.status !== 'loaded') throw new Error('parity facts carry a manifest');
  return f.manifest.data;
}
/** Facts with the manifest field at `dotted` removed (or set, when a value is given). */
function declare(f: Facts, dotted: string, value?: unknown): Facts {
  const data = clone(manifestOf(f));
  const keys = dotted.split('.');
  let cur = data as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete cur[keys.at(-1)!];
  else cur[keys.at(-1)!] = value;
  return withManifest(f, data);
}
const undeclare = (...fields: string[]) => (f: Facts): Facts => fields.reduce((acc, field) => declare(acc, field), f);
const git = (f: Facts, over: Partial<ReturnType<typeof gitFacts>>): Facts => {
  if (f.git.status !== 'known') throw new Error('parity facts are in git');
  return { ...f, git: { status: 'known', value: { ...f.git.value, ...over } } };
};
const wellKnown = (over: Partial<Facts['wellKnown']>) => (f: Facts): Facts => ({ ...f, wellKnown: { ...f.wellKnown, ...over } });
const docs = (over: Partial<Facts['docs']>) => (f: Facts): Facts => ({ ...f, docs: { ...f.docs, ...over } });
const coverage = (linePercent: number) => (f: Facts): Facts => ({ ...f, coverage: { ...f.coverage, linePercent } });
const licence = (spdx: string) => (f: Facts): Facts => ({ ...f, licence: { status: 'known', value: { path: 'LICENSE', spdx, others: [] } } });
const pipe = (...fs: ((f: Facts) => Facts)[]) => (f: Facts): Facts => fs.reduce((acc, fn) => fn(acc), f);

export interface ParityCase {
  /** Defaults to the perfect facts. */
  good?: (perfect: Facts) => Facts;
  bad: (perfect: Facts) => Facts;
}

export const PARITY_CASES: Record<string, ParityCase> = {
  // documentation
  'docs.readme': { bad: pipe((f) => ({ ...f, readme: { status: 'known', value: { path: 'README.md', title: null, firstParagraph: null, proseChars: 40, truncated: false } } }), undeclare('product.description')) },
  'docs.install': {
    good: pipe(undeclare('documentation.install'), docs({ headings: [{ path: 'README.md', text: 'Kom i gang', depth: 2, line: 5 }] })),
    bad: undeclare('documentation.install'),
  },
  'docs.technical': { bad: pipe(docs({ textFiles: ['README.md'] }), undeclare('documentation.technical')) },
  'docs.interfaces': { bad: pipe(wellKnown({ interfaceSpecs: [] }), undeclare('documentation.interfaces')) },
  'docs.contributing': { bad: wellKnown({ contributing: [] }) },
  'docs.open-format': { bad: docs({ textFiles: [], officeFiles: ['docs/vejledning.docx', 'docs/arkitektur.pdf'] }) },
  'docs.coding-standards': {
    good: pipe(wellKnown({ lintConfigs: [] }), docs({ headings: [{ path: 'CONTRIBUTING.md', text: 'Kodestandard', depth: 2, line: 9 }] })),
    bad: wellKnown({ lintConfigs: [] }),
  },
  'docs.implementation-guide': { bad: undeclare('documentation.implementationGuide') },
  'docs.training-material': { bad: undeclare('documentation.trainingMaterial') },
  'docs.presentation-material': { bad: undeclare('documentation.presentationMaterial') },
  'docs.strategic-communication': { bad: undeclare('documentation.strategicCommunication') },
  'docs.fresh': { bad: (f) => git(f, { docsLastChanged: monthsAgo(20) }) },
  'docs.political-communication': { bad: (f) => declare(f, 'documentation.politicalCommunication', ['../../politik.pdf']) },
  'docs.os2-channels': {
    good: pipe(undeclare('product.website'), undeclare('documentation.os2Channels'), docs({ links: [{ path: 'README.md', line: 3, host: 'www.os2.eu', url: 'https://www.os2.eu/produkt/os2example' }] })),
    bad: pipe(undeclare('product.website'), undeclare('documentation.os2Channels')),
  },
  'docs.architecture-standards': {
    good: pipe(undeclare('documentation.architectureFramework'), docs({ headings: [{ path: 'docs/architecture.md', text: 'Rammearkitektur og standarder', depth: 2, line: 4 }] })),
    bad: undeclare('documentation.architectureFramework'),
  },
  // versioning
  'versioning.vcs': { bad: pipe((f) => git(f, { remotes: [] }), undeclare('repository.url')) },
  'versioning.active': { bad: (f) => git(f, { lastCommitDate: monthsAgo(18) }) },
  'versioning.os2-organisation': { bad: pipe((f) => git(f, { remotes: [remote('https://github.com/acme/os2example.git')] }), undeclare('repository.organisation')) },
  'versioning.issue-tracker': { bad: pipe((f) => git(f, { remotes: [remote('https://git.kommune.dk/it/os2example.git')] }), undeclare('issueTracker')) },
  'versioning.issue-references': { bad: (f) => git(f, { recentCommits: Array.from({ length: 20 }, (_, i) => commit('Tidy up', monthsAgo(0, i + 1))) }) },
  'versioning.single-mainline': { bad: (f) => declare(f, 'codebase.singleCoreVersion', false) },
  'versioning.releases': { bad: (f) => git(f, { tags: [tag('v1.0.0', monthsAgo(30), { annotated: true, signed: true })] }) },
  'versioning.semver': { bad: (f) => git(f, { tags: [tag('v2.1', monthsAgo(1), { annotated: true, signed: true })] }) },
  'versioning.changelog': { bad: wellKnown({ changelog: [] }) },
  'versioning.changelog-current': { bad: (f) => ({ ...f, changelog: { status: 'known', value: { path: 'CHANGELOG.md', versions: ['2.0.0'] } } }) },
  'versioning.signed-tags': { bad: (f) => git(f, { tags: [tag('v2.1.0', monthsAgo(1), { annotated: true })] }) },
  // tests
  'tests.present': { bad: (f) => ({ ...f, tests: { byEcosystem: {}, sample: [], total: 0 } }) },
  'tests.ci': { bad: (f) => ({ ...f, ci: { ...f.ci, steps: f.ci.steps.filter((s) => !s.kinds.includes('test')) } }) },
  'tests.coverage': { bad: coverage(40) },
  'tests.coverage-high': { good: coverage(70), bad: coverage(69.9) },
  'tests.dependency-updates': { bad: wellKnown({ dependencyUpdates: [] }) },
  'tests.security-scanning': { bad: (f) => ({ ...f, ci: { ...f.ci, steps: f.ci.steps.filter((s) => !s.kinds.includes('security-scan')) } }) },
  'tests.third-party-review': { bad: undeclare('quality.thirdPartyReviews') },
  // operations
  'operations.requirements': { bad: docs({ headings: [] }) },
  'operations.setup': { bad: undeclare('operations.backup') },
  'operations.container': { bad: wellKnown({ containers: [] }) },
  'operations.implementation-plan': { bad: undeclare('operations.implementationPlan') },
  // legal and security
  'legal.licence': { bad: pipe(licence('CC-BY-SA-4.0'), undeclare('licence.code')) },
  'legal.os2-licence': {
    good: pipe(licence('EUPL-1.2'), (f) => declare(f, 'licence.code', 'EUPL-1.2'), (f) => declare(f, 'licence.boardDecision', 'https://os2.eu/bestyrelse/2022')),
    bad: pipe(licence('EUPL-1.2'), (f) => declare(f, 'licence.code', 'EUPL-1.2')),
  },
  'legal.licence-consistent': { bad: (f) => declare(f, 'licence.code', 'EUPL-1.2') },
  'legal.procurement': { bad: undeclare('legal.procurement') },
  'legal.lawfulness': { bad: undeclare('legal.lawfulness') },
  'security.considered': { bad: pipe(wellKnown({ security: [] }), undeclare('security.description')) },
  'security.disclosure': { bad: pipe(wellKnown({ security: [{ path: 'SECURITY.md', hasContact: false }] }), undeclare('security.contact')) },
  // relevance
  'relevance.local-value': { bad: undeclare('relevance.localValue') },
  'relevance.value-for-others': { bad: undeclare('relevance.valueForOthers') },
  'relevance.line-management': { bad: undeclare('relevance.lineManagement.date') },
  'relevance.cross-municipal': { bad: pipe((f) => declare(f, 'relevance.usedBy', ['Aarhus Kommune']), (f) => declare(f, 'governance.participants', ['Aarhus Kommune'])) },
  'relevance.national-strategy': { bad: (f) => declare(f, 'relevance.nationalStrategies', []) },
  // governance
  'governance.portfolio': { bad: undeclare('governance.portfolio') },
  'governance.secretariat': { bad: undeclare('governance.secretariat') },
  'governance.lead': { bad: undeclare('governance.lead.organisation') },
  'governance.board-informed': { bad: undeclare('governance.board.informed') },
  'governance.participants': { bad: (f) => declare(f, 'governance.participants', ['Aarhus Kommune']) },
  'governance.project-model': { bad: undeclare('governance.projectModel') },
  'governance.board-approved': { bad: undeclare('governance.board.approved') },
  'governance.steering-group': { bad: undeclare('governance.steeringGroup.mandate') },
  'governance.coordination-group': { bad: (f) => declare(f, 'governance.coordinationGroup.mandate', 'docs/governance/missing.md') },
  'governance.project-model-documented': { bad: undeclare('governance.projectModel.document') },
  'governance.joining-agreement': { bad: undeclare('governance.joiningAgreement') },
  'governance.steering-group-approved': { bad: undeclare('governance.board.approvedSteeringGroup') },
  'governance.board-in-steering-group': { bad: undeclare('governance.steeringGroup.boardRepresentative') },
  'governance.funding': { bad: undeclare('governance.funding.agreement') },
  'governance.community': { bad: undeclare('governance.community') },
  // strategy
  'strategy.os2-strategy': { bad: undeclare('strategy.os2Strategy') },
  'strategy.innovation': { bad: undeclare('strategy.innovation') },
  'strategy.mission-link': { bad: undeclare('strategy.missionLink') },
  'strategy.product-vision': { bad: (f) => declare(f, 'strategy.productVision', '../../etc/passwd') },
  'strategy.vision-alignment': { bad: undeclare('strategy.visionAlignment') },
};
