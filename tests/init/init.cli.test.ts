/**
 * `os2level init` on real temporary repositories of several shapes: the manifest it writes is valid
 * (loadManifest), carries what the repository shows, and `check` accepts it. Prompts are answered
 * through a real pseudo-terminal; `--yes` and a missing terminal never prompt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadLevels } from '../../src/levels/load.js';
import { loadManifest } from '../../src/manifest/load.js';
import { BIN, checkJson, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, type TestRepo } from '../helpers/gitRepo.js';
import { MPL_TEXT } from '../helpers/products.js';

const FIXTURES = new URL('../fixtures/governance-reports/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

let ids: Set<string>;
beforeAll(async () => {
  ids = new Set((await loadLevels()).requirements.map((r) => r.id));
});
afterAll(cleanupTempDirs);

const README = `# OS2booking

OS2booking lets municipal case workers book meeting rooms, cars and equipment across
administrations, and gives citizens a self-service page for booking public facilities.

## Installation

Run the container image and point it at the database.
`;

const PUBLICCODE = `publiccodeYmlVersion: "0.4"
name: OS2booking-pc
url: https://github.com/OS2booking/os2booking
legal:
  license: MPL-2.0
usedBy:
  - Aarhus Kommune
  - Ballerup Kommune
maintenance:
  type: contract
  contractors:
    - name: Magenta ApS
      until: "2027-01-01"
description:
  da:
    shortDescription: Booking af lokaler
    longDescription: Booking af lokaler, biler og udstyr på tværs af forvaltninger i kommunerne, med selvbetjening for borgerne.
`;

async function manifestOf(repo: TestRepo): Promise<Record<string, any>> {
  return (await loadManifest(join(repo.dir, 'os2.yaml'), { requirementIds: ids })).data as Record<string, any>;
}

function expectCheckAccepts(repo: TestRepo): void {
  const { run, report } = checkJson(repo.dir);
  expect(run.status, run.stderr).toBe(0);
  expect(report.results[0].path).toBeTruthy();
}

describe('init on a bare repository', () => {
  it('writes a valid manifest named after the directory, with hints for everything else', async () => {
    const repo = createRepo({ 'main.py': 'print(1)\n' }).commit('Initial');
    const run = runCli(['init', repo.dir, '--yes', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const data = await manifestOf(repo);
    expect(data).toEqual({ schemaVersion: 1, product: { name: repo.dir.split('/').pop() } });
    const text = readFileSync(join(repo.dir, 'os2.yaml'), 'utf8');
    expect(text).toContain('# The product: its name');
    expect(text).toContain('# governance:');
    expect(text).toContain('#   lead: { name: "First Last"');
    // Inside product:, so removing the # gives product.targetLevel, never a second product: key.
    expect(text).toMatch(/^product:\n  # targetLevel: 1 /m);
    expect(text.match(/^#? ?product:/gm)).toHaveLength(1);
    expect(parseDocument(text.replace('  # targetLevel: 1', '  targetLevel: 1'), { uniqueKeys: true }).errors).toEqual([]);
    expect(run.stdout).toContain('product.name');
    expectCheckAccepts(repo);
  });
});

describe('init on a repository with README, LICENSE, publiccode.yml and a GitHub remote', () => {
  it('carries name, description, licence, repository, issue tracker, docs, coverage and publiccode data', async () => {
    const repo = createRepo({
      'README.md': README,
      LICENSE: MPL_TEXT,
      'publiccode.yml': PUBLICCODE,
      'docs/architecture.md': '# Architecture\n\nA web front end and an API over PostgreSQL.\n',
      'coverage/lcov.info': 'TN:\nSF:src/app.py\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n',
      'src/app.py': 'print(1)\n',
    });
    repo.remote('origin', 'https://deploy:s3cr3t-token@github.com/OS2booking/os2booking.git').commit('Initial');
    const run = runCli(['init', repo.dir, '--yes', '--lang', 'da']);
    expect(run.status, run.stderr).toBe(0);
    const data = await manifestOf(repo);
    expect(data).toEqual({
      schemaVersion: 1,
      product: { name: 'OS2booking', description: expect.stringMatching(/^OS2booking lets municipal case workers book/) },
      repository: { url: 'https://github.com/OS2booking/os2booking', organisation: 'OS2booking' },
      licence: { code: 'MPL-2.0' },
      issueTracker: { url: 'https://github.com/OS2booking/os2booking/issues' },
      documentation: { install: 'README.md', technical: 'docs/architecture.md' },
      quality: { coverage: { report: 'coverage/lcov.info' } },
      relevance: { usedBy: ['Aarhus Kommune', 'Ballerup Kommune'] },
      operations: { maintainers: ['Magenta ApS'] },
    });
    const text = readFileSync(join(repo.dir, 'os2.yaml'), 'utf8');
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('deploy');
    expect(text).toContain('# Produktet: navn');
    expect(text).toContain('# Afsnit, repositoriet ikke kunne udfylde');
    expectCheckAccepts(repo);
  });

  it('takes name and description from publiccode.yml when the README has none, and a GitLab tracker', async () => {
    const repo = createRepo({ 'publiccode.yml': PUBLICCODE, 'main.go': 'package main\n' });
    repo.remote('origin', 'git@gitlab.com:os2/os2booking.git').commit('Initial');
    expect(runCli(['init', repo.dir, '--yes']).status).toBe(0);
    const data = await manifestOf(repo);
    expect(data.product).toEqual({ name: 'OS2booking-pc', description: expect.stringMatching(/^Booking af lokaler/) });
    expect(data.licence).toEqual({ code: 'MPL-2.0' });
    expect(data.issueTracker).toEqual({ url: 'https://gitlab.com/os2/os2booking/-/issues' });
  });
});

describe('init with a governance report in the repository', () => {
  const cases: [string, string, (data: Record<string, any>) => void][] = [
    ['2021-05-GOVERNANCE_REPORT.md', '2021-10', (d) => {
      expect(d.relevance.valueForOthers).toBe('Alle kommuner booker mødelokaler og biler på samme måde');
      expect(d.legal.lawfulness).toEqual({ statement: 'Indkøbt på SKI 02.19 efter miniudbud' });
      expect(d.explanations).toBeUndefined();
    }],
    ['2025-governance_report.md', '2025', (d) => {
      expect(d.relevance.localValue).toBe('Borgerne køber p-tilladelse uden at møde op');
      expect(d.notApplicable['operations.container']).toBe('Leveres som SaaS; containere giver ikke mening');
    }],
    ['2026-06-01-OS2kantine-selvevaluering.md', '2026', (d) => {
      expect(d.notApplicable['operations.container']).toBe('Afvikles hos kantineleverandøren som SaaS');
      expect(d.governance.portfolio).toEqual({ url: 'https://www.os2.eu/os2kantine' });
      expect(d.explanations).toBeUndefined();
    }],
  ];

  it.each(cases)('%s (template %s) is carried in, and check accepts the result', async (file, version, assert) => {
    const repo = createRepo({ 'README.md': README, LICENSE: MPL_TEXT, [`docs/${file}`]: fixture(file) }).commit('Initial');
    const run = runCli(['init', repo.dir, '--yes', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`docs/${file}`);
    expect(run.stdout).toContain(`template ${version}`);
    const data = await manifestOf(repo);
    expect(data.product.name).toBe('OS2booking');
    assert(data);
    expectCheckAccepts(repo);
  });
});

describe('existing manifests', () => {
  it('only gets its gaps filled without --force: what was there keeps its bytes, and is replaced with --force', async () => {
    const kept = '# Our manifest\nschemaVersion: 1\nproduct: { name: Kept }   # the name we use\n';
    const repo = createRepo({ 'README.md': README, LICENSE: MPL_TEXT, 'os2.yaml': kept }).commit('Initial');
    const filled = runCli(['init', repo.dir, '--yes', '--lang', 'en']);
    expect(filled.status, filled.stderr).toBe(0);
    const text = readFileSync(join(repo.dir, 'os2.yaml'), 'utf8');
    expect(text.startsWith('# Our manifest\nschemaVersion: 1\nproduct: { name: Kept, description: ')).toBe(true);
    expect(text).toContain('}   # the name we use\n');
    const data = await manifestOf(repo);
    expect(data.product.name).toBe('Kept');
    expect(data.licence.code).toBe('MPL-2.0');
    expect(filled.stdout).toMatch(/product\.name: "Kept" \(init: "OS2booking"\)/);
    // A second run is a no-op.
    const again = runCli(['init', repo.dir, '--yes', '--lang', 'en']);
    expect(again.stdout).toMatch(/already has everything/);
    expect(readFileSync(join(repo.dir, 'os2.yaml'), 'utf8')).toBe(text);
    const forced = runCli(['init', repo.dir, '--yes', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect((await manifestOf(repo)).product.name).toBe('OS2booking');
  });

  it('counts os2.yml as an existing manifest too', () => {
    const repo = createRepo({ 'os2.yml': 'schemaVersion: 1\nproduct: { name: Kept }\n' }).commit('Initial');
    expect(runCli(['init', repo.dir, '--yes']).status).toBe(0);
    expect(existsSync(join(repo.dir, 'os2.yaml'))).toBe(false);
    expect(readFileSync(join(repo.dir, 'os2.yml'), 'utf8').startsWith('schemaVersion: 1\nproduct: { name: Kept')).toBe(true);
  });

  it('refuses a directory that does not exist (exit 2)', () => {
    expect(runCli(['init', '/nonexistent/os2level-init', '--yes']).status).toBe(2);
  });
});

describe('questions', () => {
  it('are not asked without a terminal, even without --yes', async () => {
    const repo = createRepo({ 'README.md': README }).commit('Initial');
    // runCli pipes stdin/stdout: no TTY. A prompt would wait for input and time out.
    const run = runCli(['init', repo.dir]);
    expect(run.status, run.stderr).toBe(0);
    const data = await manifestOf(repo);
    expect(data.governance).toBeUndefined();
    expect(data.product.targetLevel).toBeUndefined();
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('are answered on a real terminal: target level, lead and participants', async () => {
    const repo = createRepo({ 'README.md': README, 'publiccode.yml': PUBLICCODE }).commit('Initial');
    const driver = fileURLToPath(new URL('./ptyDriver.py', import.meta.url));
    const spec = {
      argv: [process.execPath, BIN, 'init', repo.dir, '--lang', 'en'],
      cwd: repo.dir,
      env: { NO_COLOR: '1', TERM: 'xterm', LANG: 'C' },
      steps: [
        ['aim for?', '\x1b[B\x1b[B\r'], // 1 → 0 → 2
        ['Project lead', 'Anne Jensen\r'],
        ["lead's organisation", 'Aarhus Kommune\r'],
        ['Participating', '\r'], // accept the default from publiccode.yml's usedBy
      ],
    };
    const run = spawnSync('python3', [driver, JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const data = await manifestOf(repo);
    expect(data.product.targetLevel).toBe(2);
    expect(data.governance).toEqual({
      lead: { name: 'Anne Jensen', organisation: 'Aarhus Kommune' },
      participants: ['Aarhus Kommune', 'Ballerup Kommune'],
    });
    expect(readFileSync(join(repo.dir, 'os2.yaml'), 'utf8')).not.toContain('#   targetLevel');
  });

  it.skipIf(!python)('--yes asks nothing on a terminal', async () => {
    const repo = createRepo({ 'README.md': README }).commit('Initial');
    const driver = fileURLToPath(new URL('./ptyDriver.py', import.meta.url));
    const spec = { argv: [process.execPath, BIN, 'init', repo.dir, '--yes'], cwd: repo.dir, env: { NO_COLOR: '1', TERM: 'xterm' }, steps: [] };
    const run = spawnSync('python3', [driver, JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stdout).toBe(0);
    expect(existsSync(join(repo.dir, 'os2.yaml'))).toBe(true);
    expect((await manifestOf(repo)).governance).toBeUndefined();
  });
});

describe('what init writes', () => {
  it('has one comment per section and keeps them through a round trip', () => {
    const repo = createRepo({ 'README.md': README, LICENSE: MPL_TEXT }).commit('Initial');
    expect(runCli(['init', repo.dir, '--yes', '--lang', 'en']).status).toBe(0);
    const doc = parseDocument(readFileSync(join(repo.dir, 'os2.yaml'), 'utf8'));
    const map = doc.contents as any;
    for (const pair of map.items) expect(pair.key.commentBefore, String(pair.key.value)).toBeTruthy();
  });
});
