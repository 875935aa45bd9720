/**
 * The CI views on a real repository far from the minimum (a git repository with one commit and no
 * manifest: 30+ requirements not met), through the built CLI: GitHub shows at most 10 errors and
 * leads with what blocks the gate; JUnit fails only what fails the gate; the text view lists no
 * item beyond the JSON gap.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, type TestRepo } from '../helpers/gitRepo.js';

const AS_OF = ['--as-of', '2026-06-01', '--lang', 'en'];
const SATISFIED = ['pass', 'explained', 'not-applicable'];
let repo: TestRepo;
let report: Report;

beforeAll(() => {
  repo = createRepo({ 'README.md': '# tool\n', 'src/main.c': 'int main(void) { return 0; }\n' });
  repo.commit('first');
  const run = runCli(['check', repo.dir, '--format', 'json', ...AS_OF]);
  report = JSON.parse(run.stdout) as Report;
});
afterAll(cleanupTempDirs);

const titleId = (line: string): string => /title=(?:[RFSG]\d+ · )?([^%]+)%3A/.exec(line)![1]!;

describe('github annotations on a repository with 30+ unmet requirements', () => {
  it('has 30+ unmet requirements to choose from', () => {
    expect(report.results[0]!.requirements.filter((q) => !SATISFIED.includes(q.outcome)).length).toBeGreaterThanOrEqual(30);
  });

  for (const minLevel of [undefined, '1', '2']) {
    it(`at most 10 per severity, the gate's blockers first, must before should (${minLevel === undefined ? 'next level' : `--min-level ${minLevel}`})`, () => {
      const args = minLevel === undefined ? [] : ['--min-level', minLevel];
      const run = runCli(['check', repo.dir, '--format', 'github', ...AS_OF, ...args]);
      expect(run.status).toBe(minLevel === undefined ? 0 : 1);
      const lines = run.stdout.split('\n\n')[0]!.split('\n');
      const errors = lines.filter((l) => l.startsWith('::error'));
      for (const s of ['::error', '::warning', '::notice']) expect(lines.filter((l) => l.startsWith(s)).length).toBeLessThanOrEqual(10);
      expect(errors.length).toBeGreaterThan(0);
      // The errors come first and are exactly gate blockers, lowest level first.
      expect(lines.slice(0, errors.length)).toEqual(errors);
      const gate = minLevel === undefined ? report.results[0]!.nextLevel! : Number(minLevel);
      const byId = new Map(report.results[0]!.requirements.map((q) => [q.id, q]));
      const blockers = report.results[0]!.requirements.filter((q) => q.level <= gate && q.strength === 'must' && !SATISFIED.includes(q.outcome));
      expect(errors).toHaveLength(Math.min(10, blockers.length));
      const levels = errors.map((l) => byId.get(titleId(l))!.level);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
      for (const l of errors) expect(byId.get(titleId(l))!.strength).toBe('must');
      // The closing notice names what only the summary holds.
      expect(lines.at(-1)).toMatch(/^::notice title=os2level::.*more findings are in the job summary\./);
    });
  }
});

describe('junit on the same repository', () => {
  const parse = (xml: string) => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n) }).parse(xml);
    return (doc.testsuites.testsuite as any[]).flatMap((s) => s.testcase as any[]);
  };

  it('without --min-level only the minimum items fail; the rest are skipped as above the gate', () => {
    const cases = parse(runCli(['check', repo.dir, '--format', 'junit', ...AS_OF]).stdout);
    const failed = cases.filter((c) => 'failure' in c).map((c) => String(c['@_classname']).split('.').at(-1));
    expect(failed.sort()).toEqual([...report.results[0]!.gapItems].sort());
    const skipped = cases.filter((c) => 'skipped' in c);
    expect(skipped.length).toBeGreaterThan(20);
    for (const c of skipped) expect(c.skipped['@_message']).toMatch(/^Not gated: not met only above the required level minimum: |^Not applicable/);
  });

  it('--min-level 1 fails the minimum and N1 items', () => {
    const cases = parse(runCli(['check', repo.dir, '--format', 'junit', '--min-level', '1', ...AS_OF]).stdout);
    const failedLevels = cases.filter((c) => 'failure' in c).map((c) => (c.properties.property as any[]).find((p) => p['@_name'] === 'level')['@_value']);
    expect(new Set(failedLevels)).toEqual(new Set(['minimum', 'N1']));
  });
});

describe('text on the same repository', () => {
  it('lists exactly the JSON gap items as blockers, nothing of later levels, and points to os2level init', () => {
    const text = runCli(['check', repo.dir, ...AS_OF]).stdout;
    const r = report.results[0]!;
    const blockerSection = text.split('\n\n').find((b) => b.startsWith('Blocking minimum'))!;
    const shownItems = [...blockerSection.matchAll(/^ {2}[✗◐?] ([RFSG]\d+) /gmu)].map((m) => m[1]);
    expect(shownItems).toEqual(r.gapItems);
    for (const id of r.gapItems) expect(blockerSection).toContain(`os2level explain ${id}`);
    // No requirement above the next level is listed (the folded lines count them instead).
    for (const q of r.requirements.filter((x) => x.level > r.nextLevel! && x.item !== null)) expect(text).not.toContain(` ${q.id} [`);
    expect(text).toMatch(/^ {2}N1: \d+ must and \d+ should items not met yet; os2level check --verbose lists them$/m);
    expect(text).toContain('`os2level init`');
    expect(text).not.toMatch(/--verbose\)|\+\d+ >/);
  });

  it('--compact prints one line per item', () => {
    const out = runCli(['check', repo.dir, '--compact', ...AS_OF]).stdout.trimEnd().split('\n');
    const itemLines = out.filter((l) => /^[✓◐✗–?] [RFSG]\d+ /u.test(l));
    expect(itemLines).toHaveLength(report.results[0]!.items.length);
    // The next level's blockers first.
    expect(itemLines.slice(0, report.results[0]!.gapItems.length).map((l) => l.split(/\s+/)[1])).toEqual(report.results[0]!.gapItems);
    for (const l of itemLines.filter((x) => !x.startsWith('✓'))) expect(l).toMatch(/· os2level explain [RFSG]\d+$/);
  });
});
