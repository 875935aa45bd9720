/**
 * End to end: the built CLI writes every format from a real temporary git repository; several
 * reports in one run; writes that fail; --strict; the badge command. Output is parsed, never
 * compared as prose.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItems } from '../../src/format/checklist.js';
import { formAnswer } from '../../src/format/formAnswer.js';
import { STATUS_MARK } from '../../src/format/governanceReport.js';
import { formatNames } from '../../src/format/registry.js';
import { loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue } from '../../src/levels/types.js';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';
import { formTables, headings, rowsById } from './formTables.js';
import { sarifErrors } from './sarifSchema.js';

const AS_OF = ['--as-of', '2026-06-01'];
let repo: TestRepo;
let catalogue: LevelCatalogue;
let json: Report;

beforeAll(async () => {
  const manifest = n1Manifest();
  manifest.notApplicable = { 'docs.interfaces': 'The product has no interfaces to other systems.' };
  manifest.explanations = { 'docs.contributing': { reason: 'Contributions go through the OS2 secretariat.', approvedBy: 'steering group' } };
  repo = createN1Product(manifest);
  catalogue = await loadLevels();
  const run = runCli(['check', repo.dir, '--format', 'json', '--lang', 'en', ...AS_OF]);
  expect(run.status).toBe(0);
  json = JSON.parse(run.stdout) as Report;
});
afterAll(cleanupTempDirs);

const check = (...args: string[]) => runCli(['check', repo.dir, ...AS_OF, ...args]);
const unmet = (): string[] => json.results[0]!.requirements.filter((q) => q.outcome !== 'pass').map((q) => q.id);

describe('every format from the CLI', () => {
  it('lists every registered format as a --format choice', () => {
    const help = runCli(['check', '--help']);
    for (const name of formatNames) expect(help.stdout).toContain(name);
  });

  it('sarif: valid, one result per unmet requirement, repository-relative locations', () => {
    const run = check('--format', 'sarif', '--lang', 'en');
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; suppressions?: unknown[] }[];
    expect(results.map((r) => r.ruleId)).toEqual(unmet());
    for (const r of results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|^file:/);
    expect(results.find((r) => r.ruleId === 'docs.interfaces')!.suppressions).toHaveLength(1);
    expect(results.find((r) => r.ruleId === 'docs.contributing')!.suppressions).toHaveLength(1);
    expect(log.runs[0].tool.driver.rules).toHaveLength(catalogue.requirements.length);
  });

  it('junit: well-formed, one case per item (and per requirement outside the checklist); failures are the gap items', () => {
    const run = check('--format', 'junit');
    expect(run.status).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(run.stdout);
    const r = json.results[0]!;
    const outside = r.requirements.filter((q) => q.item === null);
    expect(Number(doc.testsuites['@_tests'])).toBe(r.items.length + outside.length);
    const blockingOutside = outside.filter((q) => q.strength === 'must' && q.level <= r.nextLevel! && !['pass', 'explained', 'not-applicable'].includes(q.outcome));
    expect(Number(doc.testsuites['@_failures'])).toBe(r.gapItems.length + blockingOutside.length);
    // With the gate at the level reached, nothing fails.
    const atN1 = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(check('--format', 'junit', '--min-level', '1').stdout);
    expect(Number(atN1.testsuites['@_failures'])).toBe(0);
  });

  it('markdown: level, progress table and the gap', () => {
    const run = check('--format', 'markdown', '--lang', 'en');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('**'))).toContain('Reached N1');
    expect(lines.filter((l) => /^\| (minimum|N\d) \|/.test(l))).toHaveLength(4);
    for (const id of json.results[0]!.gap) expect(run.stdout).toContain(`\`${id}\``);
    expect(run.stdout).toContain('<details>');
  });

  it('github: workflow commands, at most 10 per severity, then the Markdown summary; with $GITHUB_STEP_SUMMARY the summary is appended there', () => {
    const run = check('--format', 'github');
    expect(run.status).toBe(0);
    const [commands, ...rest] = run.stdout.split('\n\n');
    const lines = commands!.split('\n');
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
    for (const severity of ['error', 'warning', 'notice']) expect(lines.filter((l) => l.startsWith(`::${severity}`)).length).toBeLessThanOrEqual(10);
    expect(rest.join('\n\n')).toContain('### os2level · OS2example');

    const summaryFile = join(tempDir(), 'step_summary.md');
    writeFileSync(summaryFile, 'earlier step\n');
    const inCi = runCli(['check', repo.dir, ...AS_OF, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(inCi.status).toBe(0);
    expect(inCi.stdout).toBe(`${commands}\n`);
    const written = readFileSync(summaryFile, 'utf8');
    expect(written.startsWith('earlier step\n### os2level · OS2example')).toBe(true);
    expect(written.slice('earlier step\n'.length)).toBe(rest.join('\n\n'));
  });

  it("os2-self-assessment: Danish by default, the default generation's ids once each, statuses from the report", () => {
    const run = check('--format', 'os2-self-assessment');
    expect(run.status).toBe(0);
    const form = JSON.parse(run.stdout);
    expect(form).toMatchObject({ productName: 'OS2example', filledDate: '2026-06-01' });
    expect(form.filledBy).toMatch(/^os2level \d+\.\d+\.\d+/);
    const ids = form.krav.map((k: { id: string }) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = checklistItems(json.results[0]!, catalogue);
    expect(ids).toEqual(expected.map((i) => i.id));
    expect(ids).toHaveLength(43);
    const words = { yes: 'Ja', partly: 'Nej', no: 'Nej', 'not-relevant': 'Ikke relevant', open: null } as const;
    expect(form.krav.map((k: { efterlevet: string }) => k.efterlevet)).toEqual(expected.map((i) => words[formAnswer(i)]));
    expect(form.krav.find((k: { id: string }) => k.id === 'F5').krav).toBe('Løsningens formål og værdi er beskrevet');
  });

  it.each([
    ['da', ['RELEVANS', 'FORMKRAV', 'STRATEGISK SAMMENHÆNG', 'GOVERNANCE']],
    ['en', ['RELEVANCE', 'FORMAL REQUIREMENTS', 'STRATEGIC FIT', 'GOVERNANCE']],
  ] as const)('governance-report (%s): every checklist item once with the right mark, no local path', (lang, sections) => {
    const run = check('--format', 'governance-report', ...(lang === 'en' ? ['--lang', 'en'] : []));
    expect(run.status).toBe(0);
    expect(headings(run.stdout, 2)).toEqual(sections);
    const rows = rowsById(run.stdout);
    const expected = checklistItems(json.results[0]!, catalogue);
    expect([...rows.keys()]).toEqual(expected.map((i) => i.id));
    expect([...rows.values()].map((r) => r['🔽'])).toEqual(expected.map((i) => STATUS_MARK[formAnswer(i)]));
    expect(run.stdout).not.toContain(repo.dir);
  });

  it('os2-self-assessment-md: the 2026 form in Markdown, Danish by default, the same answers as the JSON export', () => {
    const md = check('--format', 'os2-self-assessment-md');
    const form = JSON.parse(check('--format', 'os2-self-assessment').stdout);
    expect(md.status).toBe(0);
    expect(headings(md.stdout, 1)).toEqual(['Governancerapport for OS2example']);
    const rows = rowsById(md.stdout);
    expect([...rows.keys()]).toHaveLength(43);
    for (const k of form.krav) expect(rows.get(k.id)!['Efterlevet?'], k.id).toBe(k.efterlevet ?? '');
    expect(md.stdout).not.toContain(repo.dir);
  });
});

describe('os2-evaluation from the CLI', () => {
  it.each(['da', 'en'] as const)('drafts the evaluation over a real repository (%s): every item with a light, the tallies add up', (lang) => {
    const run = check('--format', 'os2-evaluation', ...(lang === 'en' ? ['--lang', 'en'] : []));
    expect(run.status, run.stderr).toBe(0);
    expect(headings(run.stdout, 1)[0]).toBe(lang === 'da' ? '[UDKAST] Evaluering af OS2example' : '[DRAFT] Evaluation of OS2example');
    const rows = rowsById(run.stdout);
    const expected = checklistItems(json.results[0]!, catalogue);
    expect([...rows.keys()]).toEqual(expected.map((i) => i.id));
    const light = lang === 'da' ? 'Vurdering' : 'Assessment';
    for (const r of rows.values()) expect(['🟢', '🟡', '🔴', '⚪']).toContain(r[light]);
    // No product report is read here: every item says so, and green is only what os2level found.
    for (const r of rows.values()) expect(r[lang === 'da' ? 'Efterlevet?' : 'Complied with?']).toBe(lang === 'da' ? 'ikke besvaret' : 'not answered');
    for (const i of expected) if (formAnswer(i) === 'yes') expect(rows.get(i.id)![light], i.id).toBe('🟢');
    const byLevel = formTables(run.stdout).find((t) => t.rows.length === 5 && t.header.length === 5)!;
    const total = byLevel.rows[4]!.slice(1).map((c) => Number(c));
    expect(total.reduce((a, b) => a + b, 0)).toBe(43);
    expect(run.stdout).not.toContain(repo.dir);
    // The product reaches N1 by os2level's reading; the draft proposes a level and names os2level's.
    expect(run.stdout).toContain(lang === 'da' ? '(os2level alene: Niveau 1)' : '(os2level alone: Level 1)');
  });
});

describe('several reports in one run', () => {
  it('writes each --report file and still prints the main report on stdout', () => {
    const out = tempDir();
    const run = check('--format', 'json', '--report', `sarif=${join(out, 'os2level.sarif')}`, '--report', `junit=${join(out, 'os2level.xml')}`, '--report', `markdown=${join(out, 'summary.md')}`);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].achievedLevel).toBe(1);
    expect(sarifErrors(JSON.parse(readFileSync(join(out, 'os2level.sarif'), 'utf8')))).toEqual([]);
    expect(XMLValidator.validate(readFileSync(join(out, 'os2level.xml'), 'utf8'))).toBe(true);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('<details>');
    expect(readdirSync(out).sort()).toEqual(['os2level.sarif', 'os2level.xml', 'summary.md']);
  });

  it('rejects an unknown format with exit 2, naming the valid ones', () => {
    const out = tempDir();
    const run = check('--report', `pdf=${join(out, 'x.pdf')}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pdf');
    for (const name of formatNames) expect(run.stderr).toContain(name);
    expect(check('--report', 'sarif').status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 2 when a target directory is missing, writing the others', () => {
    const out = tempDir();
    const missing = join(out, 'no', 'such', 'dir', 'os2level.sarif');
    const run = check('--format', 'json', '--report', `sarif=${missing}`, '--report', `junit=${join(out, 'os2level.xml')}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(JSON.parse(run.stdout).results).toHaveLength(1);
    expect(existsSync(join(out, 'os2level.xml'))).toBe(true);
    expect(existsSync(join(out, 'no'))).toBe(false);
  });

  it('leaves an existing file whole when its replacement cannot be written', () => {
    const out = tempDir();
    // A name so long that the temporary file beside it exceeds the file-name limit: the write
    // fails after the target exists, which is where a truncating writer would destroy it.
    const target = join(out, `${'r'.repeat(240)}.sarif`);
    writeFileSync(target, 'PREVIOUS REPORT\n');
    const run = check('--report', `sarif=${target}`);
    expect(run.status).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('PREVIOUS REPORT\n');
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('replaces an existing report file when the write succeeds', () => {
    const out = tempDir();
    const target = join(out, 'summary.md');
    writeFileSync(target, 'PREVIOUS REPORT\n');
    expect(check('--report', `markdown=${target}`).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('### os2level');
  });
});

describe('--strict', () => {
  it('fails the gate on a should-requirement when every must holds', () => {
    // F4's private-disclosure part is a recommendation at N1: a SECURITY.md without a contact misses only it.
    const noContact = createN1Product(n1Manifest()).commit('Security notes without a contact (#2)', '2026-02-01T12:00:00Z', { 'SECURITY.md': '# Security\n\nAccess is controlled per role.\n' });
    const run = (...args: string[]) => runCli(['check', noContact.dir, ...AS_OF, ...args]);
    const r = (JSON.parse(run('--format', 'json').stdout) as Report).results[0]!;
    const atOrBelow = r.requirements.filter((q) => q.level <= 1 && !['pass', 'explained', 'not-applicable'].includes(q.outcome));
    expect(atOrBelow.filter((q) => q.strength === 'must')).toEqual([]);
    expect(atOrBelow.map((q) => q.id)).toEqual(['docs.interfaces', 'docs.contributing', 'security.disclosure']);
    expect(r.recommendationItems).toEqual(expect.arrayContaining(['F4', 'F7']));

    expect(run('--min-level', '1').status).toBe(0);
    const strict = run('--min-level', '1', '--strict');
    expect(strict.status).toBe(1);
    for (const q of atOrBelow) expect(strict.stderr).toContain(q.id);
    // Without a gate level, --strict has nothing to tighten.
    expect(run('--strict').status).toBe(0);
  });
});

describe('badge', () => {
  it('renders the same SVG twice, byte for byte, with the level reached', () => {
    const a = runCli(['badge', repo.dir, ...AS_OF, '--lang', 'da']);
    const b = runCli(['badge', repo.dir, ...AS_OF, '--lang', 'da']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(XMLValidator.validate(a.stdout)).toBe(true);
    expect(a.stdout).toContain('niveau 1');
  });

  it('writes a shields.io endpoint JSON', () => {
    const out = join(tempDir(), 'badge.json');
    const run = runCli(['badge', repo.dir, ...AS_OF, '--format', 'endpoint', '--lang', 'en', '--output', out]);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ schemaVersion: 1, label: 'OS2', message: 'level 1', color: 'green' });
  });

  it('is red on an empty repository and exits 2 on a missing one', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    expect(JSON.parse(runCli(['badge', dir, ...AS_OF, '-f', 'endpoint']).stdout).color).toBe('red');
    expect(runCli(['badge', join(dir, 'nope')]).status).toBe(2);
  });
});

describe("OS2's forms name no local absolute path", () => {
  it.each(['governance-report', 'os2-self-assessment', 'os2-self-assessment-md', 'os2-evaluation'])('%s, with the manifest and a coverage report given by absolute path', (format) => {
    repo.write({ 'coverage/lcov.info': 'TN:\nSF:src/app.py\nLF:10\nLH:8\nend_of_record\n' });
    const abs = ['--manifest', join(repo.dir, 'os2.yaml'), '--coverage', join(repo.dir, 'coverage/lcov.info')];
    for (const lang of ['da', 'en']) {
      const run = check('--format', format, '--lang', lang, ...abs);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).not.toContain(repo.dir);
      // Nor the temporary directory's real path (macOS /private/var…, symlinked tmp).
      expect(run.stdout).not.toMatch(/\/tmp\/|\/private\/var\/|[A-Z]:\\\\/);
    }
    // The JSON report names the repository by its path; the forms never do.
    expect(check('--format', 'json', ...abs).stdout).toContain(repo.dir);
  });
});
