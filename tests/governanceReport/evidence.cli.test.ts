/**
 * The product's own governance report as declared evidence in `check` (built CLI, real git
 * repositories): a product with a filled-in report and no os2.yaml gets a level from it, each
 * declared requirement names the report's file:line and date, os2.yaml and the repository outrank it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson, PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { MPL_TEXT, productReadme } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: unknown) => void)(ajv);
const validateReport = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/report.schema.json'), 'utf8')));

/** A 2026 self-evaluation in the form's own layout, answering the minimum and N1 items. */
const SELF_EVALUATION = `---
title: OS2example governancerapport
---

# Governancerapport for OS2example

> **Dato for udfyldelse:** 2026-05-10<br/>

## RELEVANS

| # | Krav | Produktniveau | Retningslinjer | Efterlevet? | Dokumentation |
| --- | --- | --- | --- | --- | --- |
| R1 | Løsningen skaber lokal værdi | sandkasse | Beskriv værdien. | Ja | Sagsbehandlerne sparer to timer om ugen |
| R2 | Løsningen er accepteret af lokal linjeledelse | 2 | Henvis til accept. | Nej | [Ikke udfyldt] |

## FORMKRAV

| # | Krav | Produktniveau | Retningslinjer | Efterlevet? | Dokumentation |
| --- | --- | --- | --- | --- | --- |
| F1 | Alt kildekode til projektet udvikles synligt og aktivt i et repositorie og versionskontrolsystem, anvist af OS2 | sandkasse | Upload koden. | Ja | https://github.com/OS2offdig/os2example |
| F2 | Open Source licenskriterier overholdes | sandkasse | Angiv licensen. | Ja | MPL-2.0 |
| F3 | Udbudsregler og alm. lovformlighed er overholdt | sandkasse | Bekræft udbudspligt. | Ja | Udviklet på OS2's rammeaftale; databehandleraftaler med alle kommuner |
| F4 | Der er tænkt på sikkerheden i løsningen | sandkasse | Beskriv sikkerheden. | Ja | Adgang via kommunens AD; se SECURITY.md |
| F5 | Løsningens formål og værdi er beskrevet | sandkasse | Henvis til README. | Ja | README.md |
| F19 | Løsningen er leveret i et containerformat f.eks. docker (anbefaling) | 2 | Angiv container. | Ikke relevant | Leveres som SaaS hos leverandøren |
`;

function product(files: Record<string, string> = {}): TestRepo {
  const repo = createRepo({
    'README.md': productReadme('OS2example'),
    LICENSE: MPL_TEXT,
    'SECURITY.md': '# Security\n\nReport vulnerabilities to security@os2example.dk.\n',
    'src/app.py': 'print("hello")\n',
    ...files,
  });
  repo.remote('origin', 'https://github.com/OS2offdig/os2example.git');
  repo.commit('Initial import #1', '2026-01-15T12:00:00Z');
  return repo;
}

const req = (report: any, id: string): any => report.results[0].requirements.find((r: any) => r.id === id);

function expectValid(report: unknown): void {
  validateReport(report);
  expect(validateReport.errors ?? [], JSON.stringify(validateReport.errors?.slice(0, 3))).toEqual([]);
}

describe('check with a governance report and no os2.yaml', () => {
  it('reaches a level from the report that it does not reach without it', () => {
    const without = checkJson(product().dir);
    expect(without.report.results[0].achievedLevel).toBeNull();

    const repo = product({ 'docs/GOVERNANCE_REPORT.md': SELF_EVALUATION });
    const { run, report } = checkJson(repo.dir);
    expect(run.stderr).toBe('');
    expectValid(report);
    const result = report.results[0];
    expect(result.manifest).toBeNull();
    expect(result.achievedLevel).toBe(0);
    expect(result.governanceReport).toMatchObject({ path: 'docs/GOVERNANCE_REPORT.md', source: 'repository', generation: '2026', form: 'self-evaluation', date: '2026-05-10', stale: [] });
    expect(result.governanceReport.decided).toEqual(expect.arrayContaining(['relevance.local-value', 'legal.procurement', 'legal.lawfulness', 'operations.container']));
    expect(result.notices.map((n: any) => n.code)).toEqual(['manifest.absent', 'report.used']);
  });

  it('marks each declared requirement as declared, with the report\'s file:line and date', () => {
    const repo = product({ 'docs/GOVERNANCE_REPORT.md': SELF_EVALUATION });
    const { report } = checkJson(repo.dir, ['--lang', 'en']);
    // F3 "Ja" declares both requirements of the item.
    for (const id of ['legal.procurement', 'legal.lawfulness']) {
      expect(req(report, id)).toMatchObject({
        outcome: 'pass', basis: 'declared', code: 'report.declared',
        evidence: [{ kind: 'report', path: 'docs/GOVERNANCE_REPORT.md', line: 22 }],
        reportAnswer: { path: 'docs/GOVERNANCE_REPORT.md', line: 22, item: 'F3', status: 'met', statusText: 'Ja', date: '2026-05-10', used: true },
      });
      expect(req(report, id).message).toBe('Declared in the governance report docs/GOVERNANCE_REPORT.md:22 (F3: "Ja", dated 2026-05-10).');
    }
    // "Ikke relevant" with a reason is not applicable; a "no" with a placeholder stays unmet and is no explanation.
    expect(req(report, 'operations.container')).toMatchObject({ outcome: 'not-applicable', notApplicable: { reason: 'Leveres som SaaS hos leverandøren' } });
    expect(req(report, 'relevance.line-management')).toMatchObject({ outcome: 'fail', explanation: null });
    expect(req(report, 'relevance.line-management').reportAnswer).toBeUndefined();
  });

  it('shows the source in the text report', () => {
    const repo = product({ 'docs/GOVERNANCE_REPORT.md': SELF_EVALUATION });
    const run = runCli(['check', repo.dir, '--as-of', '2026-06-01', '--lang', 'en', '--verbose']);
    expect(run.stdout).toContain('Governance report docs/GOVERNANCE_REPORT.md (2026 checklist, dated 2026-05-10)');
    expect(run.stdout).toContain('Declared in the governance report docs/GOVERNANCE_REPORT.md:22 (F3: "Ja", dated 2026-05-10). (declared)');
  });
});

describe('precedence and choice of report', () => {
  it('never outranks the repository: a "Ja" for a licence the repository lacks stays a failure', () => {
    const repo = createRepo({ 'README.md': productReadme('OS2example'), 'docs/GOVERNANCE_REPORT.md': SELF_EVALUATION });
    repo.commit('Initial', '2026-01-15T12:00:00Z');
    const { report } = checkJson(repo.dir);
    expect(req(report, 'legal.licence')).toMatchObject({ outcome: 'fail' });
    expect(req(report, 'legal.licence').reportAnswer).toMatchObject({ item: 'F2', used: false });
  });

  it('stays below os2.yaml: a declaration or an explanation there wins', () => {
    const manifest = 'schemaVersion: 1\nproduct:\n  name: OS2example\nlegal:\n  procurement:\n    statement: Udbudt i 2024\nexplanations:\n  relevance.local-value:\n    reason: Lokal værdi måles først i 2027\n';
    const repo = product({ 'docs/GOVERNANCE_REPORT.md': SELF_EVALUATION, 'os2.yaml': manifest });
    const { report } = checkJson(repo.dir);
    expect(req(report, 'legal.procurement')).toMatchObject({ outcome: 'pass', code: 'declared.pass', reportAnswer: { used: false } });
    expect(req(report, 'relevance.local-value')).toMatchObject({ outcome: 'explained', reportAnswer: { used: false } });
    expect(req(report, 'legal.lawfulness')).toMatchObject({ outcome: 'pass', code: 'report.declared' });
  });

  it('takes --governance-report FILE, and os2.yaml governance.report', () => {
    const outside = join(tempDir(), 'selvevaluering.md');
    writeFileSync(outside, SELF_EVALUATION);
    const repo = product();
    const named = checkJson(repo.dir, ['--governance-report', outside]);
    expect(named.report.results[0].governanceReport).toMatchObject({ path: outside, source: 'option' });
    expect(named.report.results[0].achievedLevel).toBe(0);

    const declared = product({ 'kvalitet/egen-rapport.md': SELF_EVALUATION, 'os2.yaml': 'schemaVersion: 1\nproduct:\n  name: OS2example\ngovernance:\n  report: kvalitet/egen-rapport.md\n' });
    expect(checkJson(declared.dir).report.results[0].governanceReport).toMatchObject({ path: 'kvalitet/egen-rapport.md', source: 'manifest' });
  });

  it('a named report that does not exist is an input error (exit 2)', () => {
    const run = runCli(['check', product().dir, '--governance-report', join(tempDir(), 'missing.md')]);
    expect(run.status).toBe(2);
  });

  it('flags a report older than the checklist or than --governance-report-max-age', () => {
    const old = SELF_EVALUATION.replace('2026-05-10', '2025-01-10');
    const repo = product({ 'docs/GOVERNANCE_REPORT.md': old });
    const { report } = checkJson(repo.dir, ['--governance-report-max-age', '100']);
    expect(report.results[0].governanceReport.stale).toEqual(['older-than-checklist', 'older-than-max-age']);
    expect(report.results[0].notices.map((n: any) => n.code)).toEqual(['manifest.absent', 'report.used', 'report.older-than-checklist', 'report.too-old']);
  });

  it('a blank template in the repository carries nothing', () => {
    const blank = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/governance-reports/blank-governance_template.md'), 'utf8');
    const { report } = checkJson(product({ 'governance_report.md': blank }).dir);
    expect(report.results[0].governanceReport).toMatchObject({ decided: [], tally: { read: 0, 'not-filled': 5 } });
    expect(report.results[0].requirements.filter((r: any) => r.reportAnswer)).toEqual([]);
  });
});

describe('scan with a governance report and no os2.yaml', () => {
  function scanJson(portfolio: object): any {
    const dir = tempDir('os2level-portfolio-');
    const file = join(dir, 'portfolio.yaml');
    writeFileSync(file, JSON.stringify(portfolio));
    const out = join(dir, 'scan.json');
    const run = runCli(['scan', file, '--format', 'json', '-o', out, '--cache-dir', tempDir('os2level-cache-'), '--retries', '0']);
    expect(run.status, run.stderr).toBe(0);
    return { dir, scan: JSON.parse(readFileSync(out, 'utf8')) };
  }
  const outcomes = (result: any) => result.requirements.map((r: any) => `${r.id}=${r.outcome}:${r.code}`);

  it('gets the level check gives, from the report found in the repository, with the same sourced outcomes', () => {
    const repo = product({ 'docs/GOVERNANCE_REPORT.md': SELF_EVALUATION });
    const checked = checkJson(repo.dir).report.results[0];
    const { scan } = scanJson({ schemaVersion: 1, products: [{ name: 'OS2example', repositories: [{ url: repo.dir, publicUrl: 'https://github.com/OS2offdig/os2example' }] }] });
    const scanned = scan.products[0].repositories?.[0]?.result ?? scan.products[0].result ?? scan.products[0];
    expect(scanned.achievedLevel).toBe(0);
    expect(outcomes(scanned)).toEqual(outcomes(checked));
    expect(scanned.requirements.find((r: any) => r.id === 'legal.procurement').evidence).toEqual([expect.objectContaining({ kind: 'report', path: 'docs/GOVERNANCE_REPORT.md', line: 22 })]);
  });

  it('reads the report a portfolio entry names: a path in the repository, or a local file', () => {
    const repo = product({ 'kvalitet/rapport.md': SELF_EVALUATION });
    const none = checkJson(repo.dir, ['--no-discover']).report.results[0];
    expect(none.achievedLevel).toBeNull();
    const inRepo = scanJson({ schemaVersion: 1, products: [{ name: 'A', repositories: [repo.dir], governanceReport: 'kvalitet/rapport.md' }] }).scan;
    const a = inRepo.products[0].repositories?.[0]?.result ?? inRepo.products[0].result ?? inRepo.products[0];
    expect(a.achievedLevel).toBe(0);
    expect(a.governanceReport).toMatchObject({ path: 'kvalitet/rapport.md', source: 'option' });

    const bare = product();
    const dir = tempDir('os2level-reports-');
    writeFileSync(join(dir, 'b.md'), SELF_EVALUATION);
    const portfolioDir = tempDir('os2level-portfolio-');
    const file = join(portfolioDir, 'portfolio.yaml');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, products: [{ name: 'B', repositories: [bare.dir], governanceReport: { file: join(dir, 'b.md') } }] }));
    const out = join(portfolioDir, 'scan.json');
    const run = runCli(['scan', file, '--format', 'json', '-o', out, '--cache-dir', tempDir('os2level-cache-'), '--retries', '0']);
    expect(run.status, run.stderr).toBe(0);
    const scanB = JSON.parse(readFileSync(out, 'utf8'));
    const b = scanB.products[0].repositories?.[0]?.result ?? scanB.products[0].result ?? scanB.products[0];
    expect(b.achievedLevel).toBe(0);
    expect(b.governanceReport).toMatchObject({ source: 'option', generation: '2026' });
  });
});
