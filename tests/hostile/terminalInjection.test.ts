/**
 * Class: no terminal injection. Raw ESC/CSI/OSC, BEL, C1 controls and bidi overrides in file
 * names, README headings, publiccode.yml, portfolio names, governance-report text and manifest keys
 * never reach a terminal, a Markdown file or a CI annotation: they are shown as visible escapes
 * (`\u001b`). JSON keeps the data as it is. The manifest schema refuses control characters in its
 * strings with an error naming the field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, tempDir } from '../helpers/gitRepo.js';
import { MPL_TEXT, n1Manifest, productReadme } from '../helpers/products.js';
import { expectNoCrash, runCli } from './support.js';

afterAll(cleanupTempDirs);

const ESC = '\x1b';
const OSC_TITLE = `${ESC}]0;pwned\x07`;
const CLEAR = `${ESC}[2J`;
const C1_CSI = '\u009b31m';
const RLO = '\u202e';

/** Raw characters no text-like output may contain (tab and newline are fine; so is nothing else). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileProduct() {
  const repo = createRepo({
    'README.md': `${productReadme('OS2hostile')}\n## Install${CLEAR}${OSC_TITLE}\n\nRun it.\n`,
    'LICENSE': MPL_TEXT,
    [`docs/arch${ESC}[31mred${C1_CSI}.md`]: '# Architecture\n\nA web front end.\n',
    [`SECURITY${RLO}dm.md`]: '# Security\n\nMail security@example.dk.\n',
    [`tests/test_${ESC}]8;;http://evil.example${ESC}\\link.py`]: 'def test_x():\n    assert True\n',
    'publiccode.yml': `publiccodeYmlVersion: "0.4"\nname: "OS2\\e[1mbold\\u202e"\nurl: "https://github.com/OS2offdig/os2hostile"\n`,
    'os2.yaml': stringify(n1Manifest()),
  });
  repo.commit(`Initial import ${CLEAR} #1`);
  return repo;
}

describe('outside strings are made printable in every text-like output', () => {
  const repo = hostileProduct();

  it('the hostile strings are in the data: JSON keeps them exactly (escaped only by JSON itself)', () => {
    const run = runCli(['check', repo.dir, '--format', 'json', '--verbose', '--as-of', '2026-06-01']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(JSON.stringify(JSON.parse(run.stdout))).toContain('docs/arch\\u001b[31mred');
    expect(JSON.parse(run.stdout).results[0].requirements.flatMap((r: any) => r.evidence.map((e: any) => JSON.stringify(e))).join()).toContain('\\u001b');
  });

  it.each(['text', 'markdown', 'github', 'junit', 'sarif', 'governance-report', 'os2-self-assessment', 'os2-self-assessment-md', 'os2-evaluation'])('--format %s has no raw control character', (format) => {
    const run = runCli(['check', repo.dir, '--format', format, '--verbose', '--as-of', '2026-06-01'], { env: { FORCE_COLOR: '0' } });
    expectNoCrash(run);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it.each(['text', 'markdown'])('--format %s shows the escapes visibly', (format) => {
    const run = runCli(['check', repo.dir, '--format', format, '--verbose', '--as-of', '2026-06-01']);
    expect(run.stdout).toContain('docs/arch\\u001b[31mred\\u009b31m.md');
  });

  it('colour on a terminal keeps its own escapes but none from the repository', () => {
    const run = runCli(['check', repo.dir, '--verbose', '--as-of', '2026-06-01'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    const withoutOwnColour = run.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(withoutOwnColour).not.toMatch(RAW_CONTROL);
    expect(withoutOwnColour).toContain('\\u001b[31m');
  });

  it('--report markdown= and --report github= files have no raw control character', () => {
    const dir = tempDir();
    const run = runCli(['check', repo.dir, '--report', `markdown=${join(dir, 'r.md')}`, '--report', `github=${join(dir, 'r.txt')}`, '--as-of', '2026-06-01']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).not.toMatch(RAW_CONTROL);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).not.toMatch(RAW_CONTROL);
  });

  it('fix lists hostile paths printably', () => {
    const run = runCli(['fix', '--to-level', '3', repo.dir, '--dry-run', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
  });

  it('scan table and markdown views escape portfolio names and repository strings', () => {
    const dir = tempDir();
    const portfolio = join(dir, 'portfolio.yaml');
    writeFileSync(portfolio, stringify({ schemaVersion: 1, products: [{ name: `OS2${OSC_TITLE}scan${RLO}`, repositories: [`file://${repo.dir}`] }] }));
    for (const format of ['table', 'markdown', 'csv']) {
      const run = runCli(['scan', portfolio, '--format', format, '--cache-dir', join(dir, 'cache'), '--as-of', '2026-06-01']);
      expectNoCrash(run);
      // CSV ends its records with CRLF (RFC 4180); that CR is the format's own.
      expect(format === 'csv' ? run.stdout.replace(/\r\n/g, '\n') : run.stdout, format).not.toMatch(RAW_CONTROL);
      // Markdown escapes the backslash of the escape once more, which renders as the same text.
      expect(run.stdout, format).toMatch(/\\{1,2}u001b\]0;pwned\\{1,2}u0007/);
      expect(run.stderr, format).not.toMatch(RAW_CONTROL);
    }
  }, 60_000);

  it('import-report shows governance-report text printably', () => {
    const source = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/governance-reports/2021-05-GOVERNANCE_REPORT.md'), 'utf8');
    const hostile = source.replace('Alle kommuner booker mødelokaler og biler', `Alle kommuner${OSC_TITLE}${CLEAR} booker${RLO} biler`);
    expect(hostile).not.toBe(source);
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md'), hostile);
    const run = runCli(['import-report', join(dir, 'report.md'), '--manifest', join(dir, 'os2.yaml')], { cwd: dir });
    expectNoCrash(run);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\u001b]0;pwned\\u0007');
  });
});

describe('diagnostics on stderr are printable', () => {
  it('an unknown manifest key holding ESC is shown escaped', () => {
    const repo = createRepo({ 'os2.yaml': `schemaVersion: 1\nproduct:\n  name: OS2x\n"evil${OSC_TITLE}": 1\n` });
    repo.commit('x');
    const run = runCli(['check', repo.dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evil\\u001b]0;pwned\\u0007');
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('the manifest schema refuses control characters, naming the field', () => {
  const validate = (manifest: Record<string, unknown>) => {
    const dir = tempDir();
    const file = join(dir, 'os2.yaml');
    writeFileSync(file, stringify(manifest));
    return runCli(['validate', file]);
  };

  it.each([
    ['product.name', 'NUL', (m: any) => (m.product.name = 'OS2\u0000x')],
    ['product.name', 'ESC', (m: any) => (m.product.name = `OS2${OSC_TITLE}`)],
    ['product.name', 'a newline', (m: any) => (m.product.name = 'OS2\nfake line')],
    ['repository.organisation', 'a C1 control', (m: any) => (m.repository.organisation = 'OS2\u009boffdig')],
    ['governance.lead.name', 'a bidi override', (m: any) => (m.governance.lead.name = `Anne${RLO}Jensen`)],
    ['governance.participants[1]', 'BEL', (m: any) => (m.governance.participants[1] = 'Ballerup\x07')],
    ['product.description', 'ESC', (m: any) => (m.product.description = `Books rooms.${CLEAR}`)],
  ])('%s with %s: exit 2, the field named', (field, _what, spoil) => {
    const manifest = n1Manifest();
    spoil(manifest);
    const run = validate(manifest);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${field.replace(/[.[\]]/g, '\\$&')}: must not contain control characters`));
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it('prose keeps its tabs and newlines', () => {
    const manifest = n1Manifest();
    manifest.product.description = 'Books rooms.\n\tAnd cars, with Danish letters: æøå.';
    const run = validate(manifest);
    expect(run.status, run.stderr).toBe(0);
  });
});
