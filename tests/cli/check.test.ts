/**
 * End to end: the built CLI on real temporary git repositories. Each fixture reaches a known level;
 * assertions are on the JSON contract (levels, gap ids, outcomes, codes) and on exit codes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cleanupTempDirs, createRepo, tempDir, writeFiles } from '../helpers/gitRepo.js';
import { checkJson, PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { createN1Product, createN2Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const reportSchema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/report.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: unknown) => void)(ajv);
const validateReport = ajv.compile(reportSchema);

function expectValidReport(report: unknown): void {
  const ok = validateReport(report);
  expect(validateReport.errors ?? [], JSON.stringify(validateReport.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

const outcomeOf = (report: any, id: string): string => report.results[0].requirements.find((r: any) => r.id === id)?.outcome;
const reqOf = (report: any, id: string): any => report.results[0].requirements.find((r: any) => r.id === id);

describe('check on a repository with nothing', () => {
  it('does not reach the minimum and lists each reason', () => {
    const repo = createRepo({ 'main.c': 'int main(void) { return 0; }\n' });
    repo.commit('first', '2026-01-15T12:00:00Z');
    const { run, report } = checkJson(repo.dir);
    expect(run.status).toBe(0);
    expectValidReport(report);
    const r = report.results[0];
    expect(r.achievedLevel).toBeNull();
    expect(r.nextLevel).toBe(0);
    expect(r.manifest).toBeNull();
    expect(r.notices.map((n: any) => n.code)).toEqual(['manifest.absent']);
    expect(r.gap).toEqual(expect.arrayContaining(['docs.readme', 'versioning.vcs', 'legal.licence', 'legal.procurement', 'legal.lawfulness', 'security.considered']));
    expect(reqOf(report, 'docs.readme').code).toBe('readme.missing');
    expect(reqOf(report, 'versioning.vcs').code).toBe('git.no-remote');
    expect(reqOf(report, 'legal.licence').code).toBe('licence.missing');
    expect(reqOf(report, 'legal.procurement').code).toBe('declared.no-manifest');
    // Every gap entry carries remediation in the report's language.
    for (const id of r.gap) expect(reqOf(report, id).remediation.length).toBeGreaterThan(10);
  });

  it('prints the summary line and remediation in text', () => {
    const repo = createRepo({ 'a.txt': 'x\n' });
    repo.commit('first');
    const run = runCli(['check', repo.dir, '--as-of', '2026-06-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Not at the minimum level yet: \d+ of its 6 must items are not met/);
    expect(run.stdout).toContain('→');
    expect(run.stdout).not.toMatch(/\u001b\[/); // no colour codes when not a terminal
  });
});

describe('levels reached', () => {
  it('reaches N1 with a manifest', () => {
    const repo = createN1Product();
    const { run, report } = checkJson(repo.dir);
    expect(run.status).toBe(0);
    expectValidReport(report);
    const r = report.results[0];
    const blocking = r.requirements.filter((q: any) => q.level <= 1 && q.strength === 'must' && !['pass', 'explained', 'not-applicable'].includes(q.outcome));
    expect(blocking.map((q: any) => `${q.id}:${q.code}`)).toEqual([]);
    expect(r.achievedLevel).toBe(1);
    expect(r.nextLevel).toBe(2);
    expect(r.gap).toContain('versioning.releases');
    expect(r.targetLevel).toBe(2);
    expect(reqOf(report, 'versioning.os2-organisation').basis).toBe('verified');
    expect(reqOf(report, 'governance.lead').basis).toBe('declared');
  });

  it('reaches N2 with releases, CI tests, coverage and the N2 declarations', () => {
    const repo = createN2Product();
    const { run, report } = checkJson(repo.dir);
    expect(run.status).toBe(0);
    expectValidReport(report);
    const r = report.results[0];
    const blocking = r.requirements.filter((q: any) => q.level <= 2 && q.strength === 'must' && !['pass', 'explained', 'not-applicable'].includes(q.outcome));
    expect(blocking.map((q: any) => `${q.id}:${q.code}`)).toEqual([]);
    expect(r.achievedLevel).toBe(2);
    expect(r.nextLevel).toBe(3);
    expect(reqOf(report, 'tests.coverage').args.percent).toBeCloseTo(66.67, 1);
    expect(reqOf(report, 'versioning.releases').args.tag).toBe('v1.1.0');
  });

  it('uses --as-of for time rules: the same N2 repository is stale two years later', () => {
    const repo = createN2Product();
    const { report } = checkJson(repo.dir, ['--as-of', '2028-06-01']);
    expect(outcomeOf(report, 'versioning.releases')).toBe('fail');
    expect(report.asOf).toBe('2028-06-01');
    // Since 2024, F1 asks that the code is developed visibly and actively: two years without a
    // commit is below the minimum.
    expect(outcomeOf(report, 'versioning.active')).toBe('fail');
    expect(report.results[0].achievedLevel).toBeNull();
    expect(report.results[0].gapItems).toEqual(['F1']);
  });
});

describe('comply or explain', () => {
  const withoutBoardInformed = (extra: Record<string, any>): Record<string, any> => {
    const m = n1Manifest();
    delete m.governance.board;
    return { ...m, ...extra };
  };

  it('an explained must lets the level pass and is listed as explained', () => {
    const repo = createN1Product(withoutBoardInformed({
      explanations: { 'governance.board-informed': { reason: 'The board meets in August.', approvedBy: 'steering group', expires: '2026-12-31' } },
    }));
    const { run, report } = checkJson(repo.dir);
    expect(run.status).toBe(0);
    expectValidReport(report);
    const q = reqOf(report, 'governance.board-informed');
    expect(q.outcome).toBe('explained');
    expect(q.checkOutcome).toBe('fail');
    expect(q.explanation).toMatchObject({ reason: 'The board meets in August.', expired: false });
    expect(report.results[0].achievedLevel).toBe(1);
    const text = runCli(['check', repo.dir, '--as-of', '2026-06-01']).stdout;
    expect(text).toContain('governance.board-informed');
    expect(text).toContain('The board meets in August.');
  });

  it('an expired explanation counts as missing', () => {
    const repo = createN1Product(withoutBoardInformed({
      explanations: { 'governance.board-informed': { reason: 'Postponed.', expires: '2026-05-31' } },
    }));
    const { report } = checkJson(repo.dir);
    const q = reqOf(report, 'governance.board-informed');
    expect(q.outcome).toBe('fail');
    expect(q.explanation.expired).toBe(true);
    expect(report.results[0].achievedLevel).toBe(0);
    expect(report.results[0].gap).toContain('governance.board-informed');
  });

  it('not-applicable lets the level pass and keeps the reason', () => {
    const repo = createN1Product(withoutBoardInformed({ notApplicable: { 'governance.board-informed': 'Not an OS2 board matter.' } }));
    const { report } = checkJson(repo.dir);
    expect(reqOf(report, 'governance.board-informed')).toMatchObject({ outcome: 'not-applicable', notApplicable: { reason: 'Not an OS2 board matter.' } });
    expect(report.results[0].achievedLevel).toBe(1);
  });
});

describe('inputs', () => {
  it('checks a directory outside git: files are read, git facts are absent', () => {
    const dir = tempDir();
    writeFiles(dir, { 'README.md': '# x\n\n' + 'Prose about the product. '.repeat(20), LICENSE: readFileSync(join(PROJECT_ROOT, 'LICENSE'), 'utf8'), '.gitignore': 'secret/\n', 'secret/SECURITY.md': 'x' });
    const { run, report } = checkJson(dir);
    expect(run.status).toBe(0);
    expectValidReport(report);
    expect(outcomeOf(report, 'docs.readme')).toBe('pass');
    expect(reqOf(report, 'legal.licence').args.spdx).toBe('MPL-2.0');
    expect(reqOf(report, 'versioning.vcs').code).toBe('git.not-repository');
    // .gitignore is honoured outside git too.
    expect(outcomeOf(report, 'security.considered')).toBe('fail');
  });

  it('a manifest with syntax errors exits 2 with file:line:column', () => {
    const repo = createRepo({ 'os2.yaml': 'schemaVersion: 1\nproduct:\n  name: [unclosed\n' });
    const run = runCli(['check', repo.dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`${repo.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/os2\\.yaml:\\d+:\\d+: `));
  });

  it('schema violations name the field at its position, all at once, with did-you-mean', () => {
    const repo = createRepo();
    writeFileSync(join(repo.dir, 'os2.yaml'), [
      'schemaVersion: 1',
      'product:',
      '  name: OS2example',
      '  targetLevel: 7',
      'goverance:',
      '  lead: x',
      'explanations:',
      '  docs.readmee:',
      '    reason: typo',
      '',
    ].join('\n'));
    const run = runCli(['validate', join(repo.dir, 'os2.yaml')]);
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.includes('os2.yaml:'));
    expect(lines.some((l) => /os2\.yaml:4:\d+: .*targetLevel/.test(l))).toBe(true);
    expect(lines.some((l) => /os2\.yaml:5:1: .*"goverance".*did you mean "governance"/.test(l))).toBe(true);
    expect(lines.some((l) => /os2\.yaml:8:\d+: .*"docs\.readmee".*did you mean "docs\.readme"/.test(l))).toBe(true);
  });

  it('validate accepts the shipped example and this repository\'s own manifest', () => {
    expect(runCli(['validate', 'examples/os2.example.yaml']).status).toBe(0);
    expect(runCli(['validate']).status).toBe(0);
  });

  it('a missing directory exits 2', () => {
    const run = runCli(['check', '/nonexistent/os2level-test']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no such directory/);
  });

  it('an unknown option or format exits 2, not 1', () => {
    expect(runCli(['check', '--no-such-option']).status).toBe(2);
    expect(runCli(['check', '--format', 'yaml']).status).toBe(2);
    expect(runCli(['check', '--as-of', '2026-13-45']).status).toBe(2);
  });
});

describe('the gate', () => {
  it('--min-level: 0 when reached, 1 when not', () => {
    const repo = createN1Product();
    expect(runCli(['check', repo.dir, '--min-level', '1', '--as-of', '2026-06-01']).status).toBe(0);
    const failed = runCli(['check', repo.dir, '--min-level', '2', '--as-of', '2026-06-01']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/level 2 not reached/);
  });

  it('--output writes the report to a file and nothing to stdout', () => {
    const repo = createN1Product();
    const out = join(tempDir(), 'report.json');
    const run = runCli(['check', repo.dir, '--format', 'json', '--output', out, '--as-of', '2026-06-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expectValidReport(JSON.parse(readFileSync(out, 'utf8')));
  });
});

describe('languages', () => {
  it('--lang da gives Danish texts; LANG=da_DK picks Danish by default', () => {
    const repo = createRepo({ 'a.txt': 'x' });
    repo.commit('x');
    const da = checkJson(repo.dir, ['--lang', 'da']).report;
    expect(da.lang).toBe('da');
    expect(reqOf(da, 'docs.readme').message).toMatch(/Der er ingen README/);
    const byLocale = runCli(['check', repo.dir, '--as-of', '2026-06-01'], { env: { LANG: 'da_DK.UTF-8' } });
    expect(byLocale.stdout).toMatch(/Endnu ikke på minimumsniveauet/);
  });
});

describe('levels and explain', () => {
  it('levels --format json lists the catalogue; text lists every id', () => {
    const json = JSON.parse(runCli(['levels', '--format', 'json']).stdout);
    const ids = json.requirements.map((r: any) => r.id);
    expect(ids.length).toBe(69);
    const text = runCli(['levels']).stdout;
    for (const id of ids) expect(text).toContain(id);
  });

  it('explain works in both languages and refuses unknown ids with a hint', () => {
    const en = runCli(['explain', 'docs.install', '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('explanations:');
    const da = runCli(['explain', 'docs.install', '--lang', 'da']);
    expect(da.stdout).toContain('Følg eller forklar');
    const bad = runCli(['explain', 'docs.instal']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('did you mean "docs.install"');
  });
});

describe('this repository checks itself', () => {
  it('produces a valid report of its own repository', () => {
    const { run, report } = checkJson(PROJECT_ROOT);
    expect(run.status).toBe(0);
    expectValidReport(report);
    expect(report.results[0].productName).toBe('os2level');
  });
});

it('--facts dumps the collected facts as JSON', () => {
  const repo = createN1Product();
  const run = runCli(['check', repo.dir, '--facts']);
  const facts = JSON.parse(run.stdout);
  expect(facts.factsVersion).toBe(2);
  expect(facts.manifest.status).toBe('loaded');
  expect(facts.files.paths).toContain('README.md');
  expect(stringify(facts).length).toBeGreaterThan(100);
});

describe('--levels: another catalogue', () => {
  it('a tightened coverage threshold moves an N2 product back to N1', () => {
    const repo = createN2Product();
    const levels = readFileSync(join(PROJECT_ROOT, 'levels/os2-2018.yaml'), 'utf8');
    const tightened = levels.replace(/minLinePercent: 50\b/, 'minLinePercent: 90');
    expect(tightened).not.toBe(levels);
    const file = join(tempDir(), 'strict-levels.yaml');
    writeFileSync(file, tightened);
    const { run, report } = checkJson(repo.dir, ['--levels', file]);
    expect(run.status).toBe(0);
    expect(report.catalogue.path).toBe(file);
    expect(reqOf(report, 'tests.coverage')).toMatchObject({ outcome: 'fail', code: 'coverage.low', args: { min: 90 } });
    expect(report.results[0].achievedLevel).toBe(1);
  });

  it('a broken catalogue exits 2 with its position', () => {
    const file = join(tempDir(), 'broken-levels.yaml');
    writeFileSync(file, 'schemaVersion: 1\nid: broken\nrequirements: [\n');
    const run = runCli(['check', PROJECT_ROOT, '--levels', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken-levels\.yaml:\d+:\d+: /);
  });
});
