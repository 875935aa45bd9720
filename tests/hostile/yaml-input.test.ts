/**
 * Hostile YAML, end to end. The loaders' own tests (tests/yaml/load.test.ts,
 * tests/manifest/load.test.ts, tests/facts/publiccode.test.ts) cover the mechanisms; these cover
 * the CLI: a hostile os2.yaml or level file is refused with exit 2 and a position, quickly; hostile
 * YAML *in the repository* (publiccode.yml, CI definitions) is report data, never a crash or a hang.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { aliasBomb, checkJson, expectNoCrash, factsOf, refusal, reportOf, req } from './support.js';

afterAll(cleanupTempDirs);

const MANIFEST = 'schemaVersion: 1\nproduct:\n  name: OS2hostile\n';

describe('YAML alias bombs, deep nesting and oversized manifests: bounded, clear error', () => {
  it('refuses an alias-bomb os2.yaml at the alias, in well under a second of parsing', () => {
    const repo = createRepo().commit('first', undefined, { 'os2.yaml': MANIFEST + aliasBomb('bomb') });
    const started = Date.now();
    const run = refusal(repo.dir);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.stderr).toMatch(/os2\.yaml:\d+:\d+: .*alias/);
  });

  it('refuses nesting deeper than the bound, flow and block, without a stack overflow', () => {
    const flow = createRepo().commit('first', undefined, { 'os2.yaml': MANIFEST + 'deep: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n' });
    expect(refusal(flow.dir).stderr).toMatch(/os2\.yaml:\d+:\d+: nesting is deeper than \d+ levels/);
    const block = createRepo().commit('first', undefined, {
      'os2.yaml': MANIFEST + Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n',
    });
    expect(refusal(block.dir).stderr).toMatch(/os2\.yaml:\d+:\d+: nesting is deeper than \d+ levels/);
  });

  it('refuses an oversized os2.yaml before parsing it', () => {
    const repo = createRepo().commit('first', undefined, { 'os2.yaml': MANIFEST + `  description: "${'x'.repeat(2 * 1024 * 1024)}"\n` });
    expect(refusal(repo.dir).stderr).toMatch(/os2\.yaml:1:1: file is [\d.]+ MiB \(\d+ bytes\); the limit for os2.yaml is 1 MiB/);
  });

  it('refuses an alias bomb in a --levels file with exit 2', () => {
    const levels = join(tempDir(), 'levels.yaml');
    writeFileSync(levels, aliasBomb('requirements'));
    const repo = createRepo().commit('first', undefined, { 'a.txt': 'a\n' });
    expect(refusal(repo.dir, ['--levels', levels]).stderr).toMatch(/levels\.yaml:\d+:\d+: .*alias/);
  });

  it('records alias bombs in publiccode.yml and in every YAML CI system as unreadable files, and still reports', () => {
    const repo = createRepo().commit('first', undefined, {
      'README.md': '# OS2hostile\n',
      'publiccode.yml': aliasBomb('usedBy', 8, 9, 'Aarhus Kommune'),
      '.gitlab-ci.yml': aliasBomb('bomb') + 'test:\n  script: *l7\n',
      '.travis.yml': aliasBomb('bomb') + 'script: *l7\n',
      '.woodpecker.yml': aliasBomb('bomb') + 'steps:\n  test:\n    image: node\n    commands: *l7\n',
      'bitbucket-pipelines.yml': aliasBomb('bomb') + 'pipelines:\n  default: *l7\n',
      'azure-pipelines.yml': aliasBomb('bomb') + 'steps: *l7\n',
      '.circleci/config.yml': aliasBomb('bomb') + 'jobs:\n  test:\n    steps: *l7\n',
      '.github/workflows/ci.yml': aliasBomb('bomb') + 'jobs:\n  test:\n    steps: *l7\n',
    });
    const started = Date.now();
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(facts.publiccode.value.parseError).toMatch(/alias/i);
    // Every CI file recognised is recorded as unreadable, with the reason.
    expect(facts.ci.files.length).toBeGreaterThanOrEqual(6);
    for (const f of facts.ci.files) expect(f.parseError, f.path).toMatch(/alias/i);
    // No system expanded the bomb into millions of steps.
    expect(facts.ci.steps.length).toBeLessThan(1000);
    const report = reportOf(repo.dir);
    expect(['fail', 'unknown']).toContain(req(report, 'tests.ci').outcome);
  });
});

describe('duplicate keys', () => {
  it('refuses a duplicate key in os2.yaml at the second occurrence', () => {
    const repo = createRepo().commit('first', undefined, { 'os2.yaml': MANIFEST + 'product:\n  name: Again\n' });
    expect(refusal(repo.dir).stderr).toMatch(/os2\.yaml:4:1: duplicate key "product"/);
  });

  it('refuses keys that differ only in quoting as duplicates', () => {
    const repo = createRepo().commit('first', undefined, { 'os2.yaml': 'schemaVersion: 1\nproduct:\n  name: A\n  "name": B\n' });
    expect(refusal(repo.dir).stderr).toMatch(/os2\.yaml:4:3: duplicate key "name"/);
  });

  it('records a duplicate key in publiccode.yml as a parse error in the report, not a refusal', () => {
    const repo = createRepo().commit('first', undefined, { 'publiccode.yml': 'name: A\nname: B\nlegal:\n  license: MPL-2.0\n' });
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(run.status).toBe(0);
    expect(facts.publiccode.value.parseError).toMatch(/unique|duplicate/i);
    reportOf(repo.dir);
  });
});

describe('__proto__ and constructor keys: data, never prototypes', () => {
  it('refuses __proto__ and constructor in os2.yaml as unknown keys, at their positions', () => {
    const repo = createRepo().commit('first', undefined, {
      'os2.yaml': MANIFEST + '__proto__:\n  targetLevel: 3\nconstructor:\n  prototype:\n    polluted: true\n',
    });
    const run = refusal(repo.dir);
    expect(run.stderr).toMatch(/os2\.yaml:4:1: unknown key "__proto__"/);
    expect(run.stderr).toMatch(/os2\.yaml:6:1: unknown key "constructor"/);
  });

  it('refuses __proto__ inside a nested manifest object instead of merging it', () => {
    const repo = createRepo().commit('first', undefined, {
      'os2.yaml': MANIFEST + 'governance:\n  __proto__:\n    participants: [A, B]\n',
    });
    expect(refusal(repo.dir).stderr).toMatch(/os2\.yaml:5:3: governance: unknown key "__proto__"/);
  });

  it('reads CI jobs named __proto__ and constructor as jobs, and takes no licence from a __proto__ object', () => {
    const repo = createRepo().commit('first', undefined, {
      '.github/workflows/ci.yml': 'on: push\njobs:\n  __proto__:\n    runs-on: x\n    steps:\n      - run: npm test\n  constructor:\n    runs-on: x\n    steps:\n      - run: npm run lint\n',
      'package.json': '{"name": "x", "__proto__": {"license": "MIT"}, "constructor": {"prototype": {"license": "MIT"}}}',
      'publiccode.yml': 'name: x\n__proto__:\n  usedBy: [Aarhus Kommune]\nlegal:\n  __proto__: {license: MIT}\n',
    });
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(facts.ci.steps.map((s: any) => [s.job, s.command])).toEqual([
      ['__proto__', 'npm test'],
      ['constructor', 'npm run lint'],
    ]);
    expect(facts.licence.value.others).toEqual([]);
    expect(facts.publiccode.value.license).toBeNull();
    expect(facts.publiccode.value.usedBy).toEqual([]);
    const report = reportOf(repo.dir);
    expect(req(report, 'legal.licence').outcome).toBe('fail');
  });

  it('an os2.yaml the validator accepts still cannot smuggle prototype keys through explanations', () => {
    const { run } = checkJson(PROJECT_ROOT, ['--manifest', join(writeManifest('explanations:\n  __proto__:\n    reason: x\n'), 'os2.yaml')]);
    expectNoCrash(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/__proto__/);
  });
});

function writeManifest(extra: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'os2.yaml'), MANIFEST + extra);
  return dir;
}
