import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectCoverageFacts } from '../../src/facts/coverage.js';
import type { FileIndexFacts, ManifestFacts } from '../../src/facts/types.js';
import { cleanupTempDirs, symlink, tempDir, writeFiles } from '../helpers/gitRepo.js';
import { CLOVER, COBERTURA, GO_PROFILE, ISTANBUL_FINAL, ISTANBUL_SUMMARY, JACOCO, LCOV } from './fixtures.js';

afterAll(cleanupTempDirs);

const indexOf = (paths: string[]): FileIndexFacts => ({ source: 'git', paths: [...paths].sort(), symlinksOutside: [], truncated: false });
const noManifest: ManifestFacts = { status: 'absent', lookedFor: 'os2.yaml' };
const manifest = (coverage: Record<string, unknown>): ManifestFacts => ({ status: 'loaded', path: 'os2.yaml', data: { quality: { coverage } } });

describe('collectCoverageFacts', () => {
  it('merges reports by summing covered and total: lcov 30/40 + cobertura 10/60 → 40 %', async () => {
    const root = tempDir();
    writeFiles(root, { 'web/coverage/lcov.info': LCOV, 'api/coverage.xml': COBERTURA });
    const facts = await collectCoverageFacts(root, indexOf(['web/coverage/lcov.info', 'api/coverage.xml']), { extraReports: [], manifest: noManifest });
    expect(facts.failures).toEqual([]);
    expect(facts.reports.map((r) => [r.path, r.format, r.linesCovered, r.linesTotal]).sort()).toEqual([
      ['api/coverage.xml', 'cobertura', 10, 60],
      ['web/coverage/lcov.info', 'lcov', 30, 40],
    ]);
    expect(facts.linePercent).toBe(40);
    // branches 3/4 + 2/8 = 5/12
    expect(facts.branchPercent).toBe(41.67);
    expect(facts.declaredPercent).toBeNull();
  });

  it('sums every format: 30/40 + 10/60 + 45/50 + 80/100 + 25/50 + 3/4 (other dir) + 5/7', async () => {
    const root = tempDir();
    const files = {
      'a/lcov.info': LCOV,
      'b/coverage.xml': COBERTURA,
      'c/jacoco.xml': JACOCO,
      'd/clover.xml': CLOVER,
      'e/coverage-summary.json': ISTANBUL_SUMMARY,
      'f/coverage-final.json': ISTANBUL_FINAL,
      'g/coverage.out': GO_PROFILE,
    };
    writeFiles(root, files);
    const facts = await collectCoverageFacts(root, indexOf(Object.keys(files)), { extraReports: [], manifest: noManifest });
    expect(facts.failures).toEqual([]);
    expect(facts.reports).toHaveLength(7);
    // (30+10+45+80+25+3+5) / (40+60+50+100+50+4+7) = 198/311
    expect(facts.linePercent).toBe(Math.round((198 / 311) * 10000) / 100);
    expect(facts.linePercent).toBe(63.67);
  });

  it('counts one format of the same run when several sit in one directory', async () => {
    const root = tempDir();
    writeFiles(root, { 'coverage/lcov.info': LCOV, 'coverage/coverage-final.json': ISTANBUL_FINAL, 'coverage/clover.xml': CLOVER });
    const paths = ['coverage/lcov.info', 'coverage/coverage-final.json', 'coverage/clover.xml'];
    const facts = await collectCoverageFacts(root, indexOf(paths), { extraReports: [], manifest: noManifest });
    expect(facts.reports.map((r) => r.path)).toEqual(['coverage/lcov.info']);
    expect(facts.sameRunSkipped?.map((s) => [s.path, s.sameRunAs]).sort()).toEqual([
      ['coverage/clover.xml', 'coverage/lcov.info'],
      ['coverage/coverage-final.json', 'coverage/lcov.info'],
    ]);
    expect(facts.linePercent).toBe(75);
  });

  it('reads --coverage files outside the repository, and the manifest report inside it only', async () => {
    const root = tempDir();
    const outside = tempDir();
    writeFiles(outside, { 'build/jacoco.xml': JACOCO, 'secret.info': LCOV });
    writeFiles(root, { 'reports/unit.lcov': LCOV });
    symlink(root, 'reports/escape.info', join(outside, 'secret.info'));
    const facts = await collectCoverageFacts(root, indexOf([]), {
      extraReports: [join(outside, 'build/jacoco.xml')],
      manifest: manifest({ report: ['reports/unit.lcov', '../escape.info', 'reports/escape.info'], percent: 82.5, reportUrl: 'https://ci.example.dk/coverage' }),
    });
    expect(facts.reports.map((r) => [r.format, r.linesCovered, r.linesTotal])).toEqual([
      ['jacoco', 45, 50],
      ['lcov', 30, 40],
    ]);
    expect(facts.reports[0]!.path).toMatch(/build\/jacoco\.xml$/);
    expect(facts.failures.map((f) => [f.path, f.reason.split(':')[0]])).toEqual([
      ['../escape.info', 'outside-repository'],
      ['reports/escape.info', 'outside-repository'],
    ]);
    expect(facts.linePercent).toBe(83.33);
    expect(facts.declaredPercent).toBe(82.5);
    expect(facts.declaredReportUrl).toBe('https://ci.example.dk/coverage');
  });

  it('a broken or unrecognised report is a failure with its reason, the rest still count', async () => {
    const root = tempDir();
    writeFiles(root, { 'x/coverage.xml': COBERTURA.slice(0, 300), 'y/lcov.info': LCOV, 'z/cover.out': 'garbage\n' });
    const facts = await collectCoverageFacts(root, indexOf(['x/coverage.xml', 'y/lcov.info', 'z/cover.out']), {
      extraReports: ['does-not-exist.info'],
      manifest: noManifest,
      cwd: root,
    });
    expect(facts.reports.map((r) => r.path)).toEqual(['y/lcov.info']);
    expect(facts.failures.map((f) => f.path).sort()).toEqual(['does-not-exist.info', 'x/coverage.xml', 'z/cover.out']);
    expect(facts.failures.find((f) => f.path === 'x/coverage.xml')!.reason).toMatch(/^cobertura: malformed XML at line \d+, column \d+/);
    expect(facts.linePercent).toBe(75);
  });

  it('no reports: no percentages; a declaration alone is kept as declared', async () => {
    const facts = await collectCoverageFacts(tempDir(), indexOf([]), { extraReports: [], manifest: manifest({ percent: 71, report: 'https://sonar.example.dk/p' }) });
    expect(facts).toMatchObject({ reports: [], failures: [], linePercent: null, branchPercent: null, declaredPercent: 71, declaredReportUrl: 'https://sonar.example.dk/p' });
  });
});
