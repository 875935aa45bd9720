/**
 * Class 8, wrong answers from bad data, end to end through the built CLI on real repositories:
 * impossible coverage totals (src/coverage/outcome.ts acceptCounts), a corrupt HEAD commit
 * (src/facts/git.ts), impossible calendar dates (src/manifest/calendarDate.ts) and an os2.yaml
 * that init would write over the limit validate enforces (src/init/manifestDocument.ts).
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';
import { MPL_TEXT } from '../helpers/products.js';
import { expectNoCrash, factsOf, reportOf, req, runCli } from './support.js';

afterAll(cleanupTempDirs);

const README = '# App\n\nApp lets case workers book rooms. It replaces spreadsheets with one shared calendar for everyone.\n';

describe('class 8 (bad data is not believed): coverage that claims more than exists is an invalid report', () => {
  it.each([
    ['lcov LH > LF', 'coverage/lcov.info', 'TN:\nSF:src/a.js\nDA:1,1\nLF:10\nLH:50\nend_of_record\n', /50 lines covered of 10/],
    ['lcov BRH > BRF', 'coverage/lcov.info', 'TN:\nSF:src/a.js\nDA:1,1\nLF:1\nLH:1\nBRF:2\nBRH:9\nend_of_record\n', /9 branches covered of 2/],
    [
      'Cobertura lines-covered > lines-valid',
      'coverage.xml',
      '<?xml version="1.0" ?>\n<coverage version="7.4" lines-valid="10" lines-covered="50" line-rate="5" branches-valid="0" branches-covered="0" branch-rate="0"><packages/></coverage>\n',
      /50 lines covered of 10/,
    ],
    [
      'Cobertura condition-coverage (5/2)',
      'coverage.xml',
      '<?xml version="1.0" ?>\n<coverage version="7.4"><packages><package name="p"><classes><class name="a" filename="a.py"><lines><line number="1" hits="1" branch="true" condition-coverage="250% (5/2)"/></lines></class></classes></package></packages></coverage>\n',
      /5 branches covered of 2/,
    ],
    [
      'Clover coveredstatements > statements',
      'clover.xml',
      '<?xml version="1.0"?>\n<coverage generated="1" clover="4.4.1"><project timestamp="1"><metrics statements="10" coveredstatements="50" conditionals="0" coveredconditionals="0"/></project></coverage>\n',
      /50 statements covered of 10/,
    ],
  ])('%s: no percentage, coverage unknown with the reason', (_what, path, content, reason) => {
    const repo = createRepo({ 'README.md': README, 'LICENSE': MPL_TEXT, [path]: content }).commit('first');
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(facts.coverage.reports).toEqual([]);
    expect(facts.coverage.linePercent).toBeNull();
    expect(facts.coverage.branchPercent).toBeNull();
    expect(facts.coverage.failures).toEqual([expect.objectContaining({ path, reason: expect.stringMatching(/invalid report/) })]);
    expect(facts.coverage.failures[0].reason).toMatch(reason);
    const report = reportOf(repo.dir);
    expect(req(report, 'tests.coverage').outcome).not.toBe('pass');
    expect(req(report, 'tests.coverage-high').outcome).not.toBe('pass');
  });

  it('a valid report next to an invalid one counts alone', () => {
    const repo = createRepo({
      'README.md': README,
      'web/coverage/lcov.info': 'SF:a\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n',
      'api/coverage/lcov.info': 'SF:b\nLF:1\nLH:400\nend_of_record\n',
    }).commit('first');
    const { facts } = factsOf(repo.dir);
    expect(facts.coverage.linePercent).toBe(50);
    expect(facts.coverage.failures.map((f: any) => f.path)).toEqual(['api/coverage/lcov.info']);
  });
});

describe('class 8 (bad data is not believed): a corrupt HEAD commit is unknown history, not "no commits"', () => {
  it('overwritten loose object of the HEAD commit', () => {
    const repo = createRepo({ 'README.md': README, 'LICENSE': MPL_TEXT }).commit('first');
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const object = join(repo.dir, '.git', 'objects', head.slice(0, 2), head.slice(2));
    chmodSync(object, 0o644);
    writeFileSync(object, 'garbage, not a zlib stream');
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(facts.git).toEqual({ status: 'unknown', reason: 'head-unreadable' });
    const report = reportOf(repo.dir);
    for (const id of ['versioning.vcs', 'versioning.active', 'versioning.releases']) {
      expect(req(report, id)).toMatchObject({ outcome: 'unknown', code: 'git.unreadable' });
    }
  });

  it('a repository that really has no commits stays known, with none', () => {
    const repo = createRepo({ 'README.md': README });
    const { facts } = factsOf(repo.dir);
    expect(facts.git).toMatchObject({ status: 'known', value: { head: null, commitCount: 0 } });
  });
});

describe('class 8 (bad data is not believed): only real calendar dates are approval dates', () => {
  const manifest = (approvedBy: string): string =>
    `schemaVersion: 1\nproduct:\n  name: App\nexplanations:\n  tests.coverage:\n    reason: "Measured by the supplier, outside this repository"\n    approvedBy: ${JSON.stringify(approvedBy)}\n`;
  const explanationOf = (approvedBy: string): any => {
    const repo = createRepo({ 'README.md': README, 'os2.yaml': manifest(approvedBy) }).commit('first');
    return req(reportOf(repo.dir), 'tests.coverage').explanation;
  };

  it.each([
    ['styregruppen, 2025-02-30', null],
    ['styregruppen, 9999-99-99', null],
    ['styregruppen, 2025-13-01', null],
    ['styregruppen 2025-02-30, confirmed 2025-03-04', '2025-03-04'],
    ['styregruppen, 2024-02-29', '2024-02-29'],
    ['styregruppen, 2025-02-29', null],
  ])('approvedBy %j gives approvedOn %j', (approvedBy, approvedOn) => {
    const e = explanationOf(approvedBy);
    expect(e.approvedBy).toBe(approvedBy);
    expect(e.approvedOn).toBe(approvedOn);
    if (approvedOn === null) expect(e.ageDays).toBeNull();
    else expect(e.ageDays).toBeGreaterThan(0);
  });

  it('--as-of refuses a day that is not in the calendar', () => {
    const repo = createRepo({ 'README.md': README }).commit('first');
    const run = runCli(['check', repo.dir, '--as-of', '2025-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a valid date/);
  });
});

describe('class 8 (bad data is not believed): init never writes an os2.yaml that validate refuses', () => {
  it('a README title of a megabyte is bounded, and the written os2.yaml validates', () => {
    const title = Array.from({ length: 174_000 }, () => 'ordet').join(' ');
    const repo = createRepo({ 'README.md': `# ${title}\n\nA paragraph about the product.\n`, 'LICENSE': MPL_TEXT }).commit('first');
    const init = runCli(['init', repo.dir]);
    expectNoCrash(init);
    expect(init.status, init.stderr).toBe(0);
    const written = join(repo.dir, 'os2.yaml');
    expect(statSync(written).size).toBeLessThan(1024 * 1024);
    const name: string = parse(readFileSync(written, 'utf8')).product.name;
    expect(name.length).toBeLessThanOrEqual(2001);
    expect(name).toMatch(/^ordet ordet .*ordet…$/);
    const validate = runCli(['validate', written]);
    expect(validate.status, validate.stderr).toBe(0);
  });
});
