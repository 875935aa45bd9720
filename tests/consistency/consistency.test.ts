/**
 * Consistency findings as tables: Facts in (hand-built, no disk), codes and args out. Findings that a
 * requirement already decides (licence, coverage) are checked to come from that requirement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableRepoUrl, consistencyFindings, PATH_FIELDS } from '../../src/evaluate/consistency.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Facts, PubliccodeFacts } from '../../src/facts/types.js';
import { emptyFacts, inGit, loadTestCatalogue, NOW, remote, STUB_CATALOGUE, tag, withManifest } from '../helpers/facts.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

const files = (facts: Facts, paths: string[]): Facts => ({ ...facts, files: { ...facts.files, paths } });
const withRemote = (facts: Facts, url: string): Facts => inGit(facts, { remotes: [remote(url)] });
const withPubliccode = (facts: Facts, value: Partial<PubliccodeFacts>): Facts => ({
  ...facts,
  publiccode: { status: 'known', value: { path: 'publiccode.yml', name: null, license: null, usedBy: [], developmentStatus: null, description: null, contractors: [], ...value } },
});
const codes = (facts: Facts): { code: string; args: Record<string, unknown> }[] => consistencyFindings(facts, STUB_CATALOGUE, NOW, []);

describe('consistency findings from facts', () => {
  it.each<[string, Facts, { code: string; args: Record<string, unknown> }[]]>([
    ['nothing declared, nothing found', emptyFacts(), []],
    // organisation
    ['organisation agrees with the remote owner (any case)',
      withRemote(withManifest(emptyFacts(), { repository: { organisation: 'os2mo' } }), 'https://github.com/OS2mo/os2mo.git'), []],
    ['organisation disagrees with the remote owner',
      withRemote(withManifest(emptyFacts(), { repository: { organisation: 'OS2mo' } }), 'https://github.com/magenta-aps/os2mo.git'),
      [{ code: 'consistency.organisation', args: { declared: 'OS2mo', remote: ['magenta-aps'] } }]],
    ['organisation declared, no remote: nothing to compare',
      inGit(withManifest(emptyFacts(), { repository: { organisation: 'OS2mo' } })), []],
    // repository URL
    ['repository.url matches an ssh remote', withRemote(withManifest(emptyFacts(), { repository: { url: 'https://github.com/OS2mo/os2mo' } }), 'git@github.com:OS2mo/os2mo.git'), []],
    ['repository.url differs from the remote',
      withRemote(withManifest(emptyFacts(), { repository: { url: 'https://github.com/OS2mo/os2mo' } }), 'https://gitlab.com/magenta/os2mo.git'),
      [{ code: 'consistency.repository-url', args: { declared: 'https://github.com/OS2mo/os2mo', remote: ['https://gitlab.com/magenta/os2mo.git'] } }]],
    // participants against publiccode usedBy
    ['participants and usedBy name the same bodies',
      withPubliccode(withManifest(emptyFacts(), { governance: { participants: ['Aarhus Kommune', 'Ballerup Kommune'] } }), { usedBy: ['ballerup kommune', 'Aarhus  Kommune'] }), []],
    ['participants and usedBy differ',
      withPubliccode(withManifest(emptyFacts(), { governance: { participants: ['Aarhus Kommune', 'Ballerup Kommune'] } }), { usedBy: ['Aarhus Kommune', 'Odense Kommune'] }),
      [{ code: 'consistency.participants', args: { field: 'governance.participants', path: 'publiccode.yml', onlyManifest: ['Ballerup Kommune'], onlyPubliccode: ['Odense Kommune'] } }]],
    ['relevance.usedBy is compared when declared',
      withPubliccode(withManifest(emptyFacts(), { relevance: { usedBy: ['Aarhus Kommune'] }, governance: { participants: ['X'] } }), { usedBy: ['Aarhus Kommune'] }), []],
    ['usedBy without declared participants: nothing to compare', withPubliccode(withManifest(emptyFacts(), {}), { usedBy: ['Aarhus Kommune'] }), []],
    // declared paths
    ['declared paths that exist (file and folder)',
      files(withManifest(emptyFacts(), { documentation: { install: 'docs/install.md', technical: 'docs/' }, security: { description: 'SECURITY.md' } }), ['docs/install.md', 'SECURITY.md']), []],
    ['declared paths that do not exist or leave the repository',
      files(withManifest(emptyFacts(), {
        documentation: { install: 'docs/install.md', trainingMaterial: ['https://example.dk/guide', 'docs/guide.pdf'] },
        quality: { coverage: { report: '../coverage/lcov.info' }, thirdPartyReviews: [{ by: 'Supplier', report: 'reviews/2025.pdf' }] },
        security: { description: 'We encrypt all data at rest.' },
        operations: { components: ['Node.js'] },
      }), ['README.md']),
      [
        { code: 'consistency.path-missing', args: { field: 'documentation.install', path: 'docs/install.md' } },
        { code: 'consistency.path-missing', args: { field: 'documentation.trainingMaterial', path: 'docs/guide.pdf' } },
        { code: 'consistency.path-outside', args: { field: 'quality.coverage.report', path: '../coverage/lcov.info' } },
        { code: 'consistency.path-missing', args: { field: 'quality.thirdPartyReviews[0].report', path: 'reviews/2025.pdf' } },
      ]],
    // maintenance contracts
    ['a contract running until today or later',
      withPubliccode(emptyFacts(), { contractors: [{ name: 'Magenta ApS', until: '2026-06-01' }, { name: 'Open', until: null }] }), []],
    ['a contract that ended',
      withPubliccode(emptyFacts(), { contractors: [{ name: 'Magenta ApS', until: '2025-12-31' }] }),
      [{ code: 'consistency.contract-expired', args: { path: 'publiccode.yml', contractor: 'Magenta ApS', until: '2025-12-31' } }]],
    // stable without a release
    ['stable with a version tag', withPubliccode(inGit(emptyFacts(), { tags: [tag('v1.0.0', '2026-01-01T00:00:00Z')] }), { developmentStatus: 'stable' }), []],
    ['stable without a version tag',
      withPubliccode(inGit(emptyFacts(), { tags: [tag('before-rewrite', '2026-01-01T00:00:00Z')] }), { developmentStatus: 'stable' }),
      [{ code: 'consistency.stable-unreleased', args: { path: 'publiccode.yml', tags: 1 } }]],
    ['stable, history partial: cannot tell', withPubliccode(inGit(emptyFacts(), { partialHistory: true }), { developmentStatus: 'stable' }), []],
    ['stable, git unreadable: cannot tell', withPubliccode(emptyFacts(), { developmentStatus: 'stable' }), []],
    ['development without a tag is fine', withPubliccode(inGit(emptyFacts()), { developmentStatus: 'development' }), []],
  ])('%s', (_name, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });
});

describe('findings a requirement decides are lifted, not recomputed', () => {
  it('takes the licence disagreement from legal.licence-consistent', async () => {
    const catalogue = await loadTestCatalogue();
    const facts = withManifest(emptyFacts({ licence: { status: 'known', value: { path: 'LICENSE', spdx: 'MIT', others: [] } } }), { licence: { code: 'MPL-2.0' } });
    const evaluation = evaluate(facts, catalogue, { now: NOW });
    expect(evaluation.requirements.find((r) => r.id === 'legal.licence-consistent')?.code).toBe('consistent.mismatch');
    expect(evaluation.consistency).toContainEqual({
      code: 'consistency.licence',
      args: { requirement: 'legal.licence-consistent', source: 'os2.yaml:licence.code', declared: 'MPL-2.0', detected: 'MIT' },
    });
  });

  it('takes the coverage disagreement from tests.coverage once, not again from tests.coverage-high', async () => {
    const catalogue = await loadTestCatalogue();
    const facts = emptyFacts({ coverage: { reports: [], failures: [], linePercent: 40, branchPercent: null, declaredPercent: 80, declaredReportUrl: null } });
    const evaluation = evaluate(facts, catalogue, { now: NOW });
    expect(evaluation.consistency.filter((f) => f.code === 'consistency.coverage')).toEqual([
      { code: 'consistency.coverage', args: { requirement: 'tests.coverage', declared: 80, measured: 40 } },
    ]);
  });

  it('says nothing about the licence when the requirement passes or cannot tell', async () => {
    const catalogue = await loadTestCatalogue();
    const facts = withManifest(emptyFacts(), { licence: { code: 'MPL-2.0' } });
    expect(evaluate(facts, catalogue, { now: NOW }).consistency).toEqual([]);
  });
});

describe('repository URLs compare by host and path', () => {
  it.each([
    ['https://github.com/OS2mo/os2mo.git', 'github.com/os2mo/os2mo'],
    ['git@github.com:OS2mo/os2mo.git', 'github.com/os2mo/os2mo'],
    ['ssh://git@github.com:22/OS2mo/os2mo', 'github.com/os2mo/os2mo'],
    ['https://github.com/OS2mo/os2mo/', 'github.com/os2mo/os2mo'],
  ])('%s', (url, expected) => expect(comparableRepoUrl(url)).toBe(expected));
});

describe('PATH_FIELDS covers every path-or-URL field of the manifest schema', () => {
  it('lists each $ref to pathOrUrl or pathOrUrlList', () => {
    const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/os2-manifest.schema.json'), 'utf8'));
    const found: string[] = [];
    const walk = (node: any, path: string): void => {
      if (!node || typeof node !== 'object') return;
      if (typeof node.$ref === 'string' && /pathOrUrl(List)?$/.test(node.$ref)) found.push(path);
      if (typeof node.$ref === 'string' && node.$ref.endsWith('/boardDecision')) found.push(`${path}.minutes`);
      for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, path ? `${path}.${k}` : k);
      if (node.items) walk(node.items, `${path}[]`);
      for (const alt of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) walk(alt, path);
    };
    walk(schema, '');
    expect(found.length).toBeGreaterThan(10);
    for (const f of found) expect(PATH_FIELDS, f).toContain(f);
  });
});


describe('build output', () => {
  it('an untracked coverage report is not a disagreement (the coverage facts report it instead)', async () => {
    const { emptyFacts, withManifest } = await import('../helpers/facts.js');
    const facts = withManifest(emptyFacts(), { quality: { coverage: { report: 'coverage/lcov.info' } } });
    expect(consistencyFindings(facts, {} as never, new Date('2026-06-01'), []).filter((f) => f.args.field === 'quality.coverage.report')).toEqual([]);
  });
});
