/**
 * Hangs and blow-ups, end to end on real repositories and the built CLI: a Jenkinsfile of a few
 * hundred thousand words and nested GitLab `!reference` tags are parsed (or refused with their
 * reason) rather than taking minutes; a scan with two products on one repository exits by itself;
 * `--timeout` stops a product whose collection is long synchronous work while the rest of the scan
 * goes on; and a timeout a timer cannot hold is refused. Speed is not asserted (the machine is
 * shared): bench/run.mjs measures it. Every run has a deadline, so a hang fails the test.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cliAsync.js';
import { cleanupTempDirs, createRepo, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';
import { expectNoCrash, runCli } from './support.js';

afterAll(cleanupTempDirs);

const AS_OF = '2026-06-01';

function factsOf(repo: TestRepo): any {
  const out = join(tempDir(), 'facts.json');
  const run = runCli(['check', repo.dir, '--facts', '--as-of', AS_OF, '--output', out]);
  expectNoCrash(run);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Words that continue a step's argument list line after line (`sh x,`): scanned from every step name, this was quadratic. */
const continuedWords = (words: number): string => Array.from({ length: words / 2 }, () => 'sh x,\n').join('');

describe('a Jenkinsfile of a few hundred thousand words', () => {
  it('is parsed to the end and classified: 300 000 words', () => {
    const text = `pipeline {\n  stages {\n    stage('Build') {\n      steps {\n${continuedWords(300_000)}      }\n    }\n    stage('Test') {\n      steps {\n        sh 'npm test'\n      }\n    }\n  }\n}\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024); // within the read limit, so all of it is read
    const repo = createRepo({ Jenkinsfile: text }).commit('CI #1');
    const ci = factsOf(repo).ci;
    expect(ci.files).toEqual([{ path: 'Jenkinsfile', system: 'jenkins' }]);
    const test = ci.steps.filter((s: any) => s.kinds.includes('test'));
    expect(test.map((s: any) => [s.job, s.command])).toEqual([['Test', 'npm test']]);
  });

  it('every step of 45 000 words of comma-continued steps is read, in its stage', () => {
    const lines = Array.from({ length: 22_500 }, (_, i) => `sh 'make part-${i}',\n`).join('');
    const repo = createRepo({ Jenkinsfile: `node {\n  stage('Build') {\n${lines}  }\n}\n` }).commit('CI #1');
    const steps = factsOf(repo).ci.steps;
    // `sh 'a', sh 'b'` continues the first step's arguments, as Groovy reads it; each step still names its own command.
    expect(steps).toHaveLength(22_500);
    expect(new Set(steps.map((s: any) => s.job))).toEqual(new Set(['Build']));
    expect(steps[22_499].command).toBe('make part-22499');
  });
});

describe('GitLab CI with nested !reference tags', () => {
  /** Levels of hidden jobs, each listing the level below `fan` times; the leaf has `fan` lines. */
  function nested(levels: number, fan: number, jobs: number): string {
    let y = '.l0:\n  script:\n' + Array.from({ length: fan }, (_, i) => `    - echo ${i}\n`).join('');
    for (let l = 1; l <= levels; l++) y += `.l${l}:\n  script:\n` + Array.from({ length: fan }, () => `    - !reference [.l${l - 1}, script]\n`).join('');
    for (let j = 0; j < jobs; j++) y += `job${j}:\n  script: !reference [.l${levels}, script]\n`;
    return y;
  }

  it('expands each reference once and gives every line of every job', () => {
    const repo = createRepo({ '.gitlab-ci.yml': nested(3, 6, 3) }).commit('CI #1');
    const ci = factsOf(repo).ci;
    expect(ci.files).toEqual([{ path: '.gitlab-ci.yml', system: 'gitlab-ci' }]);
    expect(ci.steps).toHaveLength(3 * 6 ** 4);
    expect(ci.steps.filter((s: any) => s.job === 'job2' && s.command === 'echo 5')).toHaveLength(6 ** 3);
  });

  it('refuses an expansion past the bound, with the bound in the reason', () => {
    const repo = createRepo({ '.gitlab-ci.yml': nested(6, 20, 5) }).commit('CI #1');
    const ci = factsOf(repo).ci;
    expect(ci.files).toEqual([{ path: '.gitlab-ci.yml', system: 'gitlab-ci', parseError: '!reference tags expand to more than 50000 script lines' }]);
    expect(ci.steps).toEqual([]);
  });

  it('refuses references that nest deeper than GitLab allows, or refer to themselves', () => {
    const deep = createRepo({ '.gitlab-ci.yml': nested(12, 1, 1) }).commit('CI #1');
    expect(factsOf(deep).ci.files[0].parseError).toBe('!reference tags nest more than 10 levels deep');
    const loop = createRepo({ '.gitlab-ci.yml': '.a:\n  script:\n    - !reference [.b, script]\n.b:\n  script:\n    - !reference [.a, script]\njob:\n  script: !reference [.a, script]\n' }).commit('CI #1');
    expect(factsOf(loop).ci.files[0].parseError).toMatch(/^!reference \[\.\w, script\] refers to itself$/);
  });
});

/** Processes still running with their working directory inside `dir` (git children left behind). */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) found.push(`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`);
    } catch {
      /* gone, or not ours to see */
    }
  }
  return found;
}

function portfolioOf(products: Record<string, unknown>[]): string {
  const file = join(tempDir('os2level-portfolio-'), 'portfolio.yaml');
  writeFileSync(file, stringify({ schemaVersion: 1, products }));
  return file;
}

const scanArgs = (portfolio: string, cacheDir: string, out: string, extra: string[] = []): string[] => ['scan', portfolio, '--format', 'json', '-o', out, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0', ...extra];

describe('scan: every child process ends', () => {
  it('a scan with two products on one repository exits by itself, leaving no git process behind', async () => {
    const n1 = createN1Product({ ...n1Manifest() });
    const portfolio = portfolioOf([
      { name: 'First', repositories: [`file://${n1.dir}`] },
      { name: 'Second', repositories: [`file://${n1.dir}`] },
      { name: 'Third', repositories: [{ url: `file://${n1.dir}`, ref: 'main' }] },
    ]);
    const cacheDir = tempDir('os2level-cache-');
    for (const round of ['clone', 'fetch']) {
      const out = join(tempDir(), 'scan.json');
      const run = await runCliAsync(scanArgs(portfolio, cacheDir, out, ['--concurrency', '3']), { timeoutMs: 60_000 });
      expect(run.killed, `${round}: the scan did not exit by itself`).toBe(false);
      expect(run.status, run.stderr).toBe(0);
      const products = JSON.parse(readFileSync(out, 'utf8')).products;
      expect(products.map((e: any) => [e.name, e.status]), round).toEqual([['First', 'ok'], ['Second', 'ok'], ['Third', 'ok']]);
      expect(processesIn(cacheDir)).toEqual([]);
    }
  }, 150_000);
});

describe('scan --timeout', () => {
  it('stops a product whose facts take long synchronous work; the product is a timeout entry and the rest go on', async () => {
    // Many paths holding one large CI file: stored once, but parsed once per path (minutes of work in all).
    const heavy = createRepo({ 'README.md': '# Heavy\n' }).commit('Heavy #1');
    const blob = Array.from({ length: 120_000 }, () => "sh 'x',\n").join('');
    const oid = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: heavy.dir, input: `node {\n${blob}}\n`, encoding: 'utf8' }).trim();
    const index = Array.from({ length: 400 }, (_, i) => `100644 ${oid}\tci/${i}/Jenkinsfile\n`).join('');
    execFileSync('git', ['update-index', '--index-info'], { cwd: heavy.dir, input: index });
    heavy.git(['commit', '-q', '-m', 'CI #2']); // not `commit -A`: the paths exist only in the index
    const n1 = createN1Product({ ...n1Manifest() });
    const portfolio = portfolioOf([
      { name: 'Heavy', repositories: [`file://${heavy.dir}`] },
      { name: 'Light', repositories: [`file://${n1.dir}`] },
    ]);
    const cacheDir = tempDir('os2level-cache-');
    const out = join(tempDir(), 'scan.json');
    const run = await runCliAsync(scanArgs(portfolio, cacheDir, out, ['--timeout', '3', '--concurrency', '2']), { timeoutMs: 90_000 });
    expect(run.killed, 'the timeout did not stop the product').toBe(false);
    expect(run.status, run.stderr).toBe(0);
    const products = JSON.parse(readFileSync(out, 'utf8')).products;
    expect(products.find((e: any) => e.name === 'Heavy')).toMatchObject({ status: 'error', error: { code: 'timeout' } });
    expect(products.find((e: any) => e.name === 'Light')).toMatchObject({ status: 'ok' });
    expect(processesIn(cacheDir)).toEqual([]);
  }, 120_000);

  it('refuses a timeout a timer cannot hold, with the bound; the largest one it can hold times nothing out', async () => {
    const refused = runCli(['scan', '--dir', tempDir(), '--timeout', '3000000']);
    expect(refused.status).toBe(2);
    expect(refused.stderr.split('\n')[0]).toMatch(/--timeout.*at most 2147483 seconds/);
    const n1 = createN1Product({ ...n1Manifest() });
    const out = join(tempDir(), 'scan.json');
    const run = await runCliAsync(scanArgs(portfolioOf([{ name: 'One', repositories: [`file://${n1.dir}`] }]), tempDir('os2level-cache-'), out, ['--timeout', '2147483']), { timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).products[0]).toMatchObject({ name: 'One', status: 'ok' });
  }, 90_000);
});
