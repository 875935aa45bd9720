/**
 * Coverage reports written by the real tools, not by hand: each case runs the tool on a tiny
 * program from tests/coverage/real/fixtures/ in a temporary directory, reads the report with the
 * project's own reader (format detection + streaming parser) and checks the figures against what
 * the tool itself says (its text summary, CSV or JSON totals) and against counts known from the
 * fixture program. A missing tool fails the test with the Debian package to install: CI installs
 * them (.ci/run), so a silent skip would hide a parser that no longer reads real output.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { skipWithout } from '../helpers/requiredTool.js';
import type { CoverageReportFacts } from '../../src/facts/types.js';
import { readCoverageReport } from '../../src/facts/coverage.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT = resolve(HERE, '../..');
const FIXTURES = join(HERE, 'real', 'fixtures');
const TOOL_TIMEOUT = 180_000;

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh copy of one fixture directory. */
async function fixtureCopy(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `os2level-cov-${name}-`));
  temps.push(dir);
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

interface Run {
  stdout: string;
  stderr: string;
}

/** The tool's environment: this suite's, without what the running vitest sets for its workers. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(?:VITEST|VITE_|NODE_V8_COVERAGE$|NODE_OPTIONS$|TEST$|FORCE_COLOR$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Promise<Run> {
  return new Promise((done, fail) => {
    execFile(cmd, args, { cwd, env, timeout: TOOL_TIMEOUT, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${cmd} ${args.join(' ')} failed (${err.message.split('\n')[0]})\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      else done({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Whether the command runs at all (ENOENT and non-zero exits are both "not usable"). */
async function works(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, tmpdir());
    return true;
  } catch {
    return false;
  }
}


/** The project's reader on a report file, with the format it detected. */
async function read(path: string): Promise<CoverageReportFacts> {
  const r = await readCoverageReport(path, path);
  if (!r.ok) throw new Error(`${path}: ${r.reason}`);
  return r.report;
}

const figures = (r: CoverageReportFacts) => ({
  linesCovered: r.linesCovered,
  linesTotal: r.linesTotal,
  branchesCovered: r.branchesCovered,
  branchesTotal: r.branchesTotal,
});

describe('reports written by real coverage tools', () => {
  it(
    'vitest + @vitest/coverage-v8: lcov, Cobertura, Istanbul summary and final agree with its own summary',
    async (ctx) => {
      const vitest = join(PROJECT, 'node_modules', 'vitest', 'vitest.mjs');
      if (!existsSync(vitest) || !existsSync(join(PROJECT, 'node_modules', '@vitest', 'coverage-v8'))) skipWithout(ctx, 'vitest with @vitest/coverage-v8', 'npm ci');
      const dir = await fixtureCopy('vitest');
      // The fixture's test imports `vitest`, and vitest loads its coverage provider from the root:
      // both resolve from this project's node_modules.
      await symlink(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const out = join(dir, 'coverage');
      const reporters = ['lcov', 'cobertura', 'json-summary', 'json', 'text-summary'].flatMap((r) => [`--coverage.reporter=${r}`]);
      const { stdout } = await run(
        process.execPath,
        [vitest, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs'), '--coverage.enabled', ...reporters, `--coverage.reportsDirectory=${out}`],
        dir,
      );

      // calc.js: executable lines 2, 3, 5, 6 (classify) and 10, 11 (unused); the test runs 2 and 3.
      // The `if` has two branches, one taken.
      const expected = { linesCovered: 2, linesTotal: 6, branchesCovered: 1, branchesTotal: 2 };

      // vitest's own text summary: "Lines        : 33.33% ( 2/6 )".
      const textFigure = (what: string) => {
        const m = new RegExp(String.raw`${what}\s*:\s*[\d.]+%\s*\(\s*(\d+)\/(\d+)\s*\)`).exec(stdout);
        if (!m) throw new Error(`no "${what}" line in vitest's text summary:\n${stdout}`);
        return { covered: Number(m[1]), total: Number(m[2]) };
      };
      const textLines = textFigure('Lines');
      const textBranches = textFigure('Branches');
      expect({ linesCovered: textLines.covered, linesTotal: textLines.total, branchesCovered: textBranches.covered, branchesTotal: textBranches.total }).toEqual(expected);

      // …and its JSON summary, read with JSON.parse rather than the project's parser.
      const summary = JSON.parse(await readFile(join(out, 'coverage-summary.json'), 'utf8')) as {
        total: { lines: { covered: number; total: number }; branches: { covered: number; total: number } };
      };
      expect({
        linesCovered: summary.total.lines.covered,
        linesTotal: summary.total.lines.total,
        branchesCovered: summary.total.branches.covered,
        branchesTotal: summary.total.branches.total,
      }).toEqual(expected);

      const reports = {
        lcov: await read(join(out, 'lcov.info')),
        cobertura: await read(join(out, 'cobertura-coverage.xml')),
        'istanbul-summary': await read(join(out, 'coverage-summary.json')),
        'istanbul-final': await read(join(out, 'coverage-final.json')),
      };
      for (const [format, report] of Object.entries(reports)) {
        expect(report.format, `format detected for the ${format} report`).toBe(format);
        expect(figures(report), `${format} figures`).toEqual(expected);
      }
    },
    TOOL_TIMEOUT,
  );

  it(
    'coverage.py: `coverage xml` (Cobertura) agrees with `coverage report` and `coverage json`',
    async (ctx) => {
      // Debian's python3-coverage installs `python3-coverage`; a pip install gives `python3 -m coverage`.
      const candidates: [string, string[]][] = [
        ['python3-coverage', []],
        ['python3', ['-m', 'coverage']],
        ['coverage', []],
      ];
      let coverage: [string, string[]] | undefined;
      for (const c of candidates) {
        if (await works(c[0], [...c[1], '--version'])) {
          coverage = c;
          break;
        }
      }
      if (!coverage) skipWithout(ctx, 'coverage.py', 'apt-get install -y python3-coverage');
      const [cmd, pre] = coverage;
      const dir = await fixtureCopy('python');
      const env = cleanEnv({ COVERAGE_FILE: join(dir, '.coverage'), PYTHONDONTWRITEBYTECODE: '1' });
      const cov = (...args: string[]) => run(cmd, [...pre, ...args], dir, env);
      await cov('run', '--branch', '--source=.', '--omit=run_calc.py', 'run_calc.py');
      const report = await cov('report');
      await cov('xml', '-o', join(dir, 'coverage.xml'));
      await cov('json', '-o', join(dir, 'coverage.json'));

      // `coverage report`: "TOTAL   8   4   2   1   50%" (Stmts, Miss, Branch, BrPart, Cover).
      const total = /^TOTAL\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%$/m.exec(report.stdout);
      if (!total) throw new Error(`no TOTAL row in \`coverage report\`:\n${report.stdout}`);
      const statements = Number(total[1]);
      const missed = Number(total[2]);
      const json = JSON.parse(await readFile(join(dir, 'coverage.json'), 'utf8')) as { totals: { covered_branches: number; num_branches: number } };

      // calc.py: 8 statements (2 `def`s and 6 in the bodies); the run executes the `def`s, the `if`
      // and its `return`. The `if` has two branches (to line 3 and to line 4), one taken.
      const expected = { linesCovered: 4, linesTotal: 8, branchesCovered: 1, branchesTotal: 2 };
      expect({ linesCovered: statements - missed, linesTotal: statements, branchesCovered: json.totals.covered_branches, branchesTotal: json.totals.num_branches }).toEqual(expected);

      const xml = await read(join(dir, 'coverage.xml'));
      expect(xml.format).toBe('cobertura');
      expect(figures(xml)).toEqual(expected);
    },
    TOOL_TIMEOUT,
  );

  it(
    'Go: `go test -coverprofile` agrees with `go test` and `go tool cover -func`',
    async (ctx) => {
      if (!(await works('go', ['version']))) skipWithout(ctx, 'Go', 'apt-get install -y golang-go');
      const dir = await fixtureCopy('go');
      // Kept as calc_test.go.in so os2level's own test detection does not count a Go test here.
      await rename(join(dir, 'calc_test.go.in'), join(dir, 'calc_test.go'));
      // The Debian toolchain only, no downloads; caches in the temporary directory.
      const env = cleanEnv({
        GOFLAGS: '-mod=mod',
        GOPROXY: 'off',
        GOTOOLCHAIN: 'local',
        GO111MODULE: 'on',
        GOCACHE: join(dir, '.cache', 'build'),
        GOPATH: join(dir, '.cache', 'gopath'),
        GOMODCACHE: join(dir, '.cache', 'mod'),
        CGO_ENABLED: '0',
      });
      const profile = join(dir, 'cover.out');
      const test = await run('go', ['test', `-coverprofile=${profile}`, './...'], dir, env);
      const func = await run('go', ['tool', 'cover', `-func=${profile}`], dir, env);

      // calc.go: Classify has 4 statements (the `if`, both `return`s, the assignment), Unused 2;
      // the test runs the `if` and the first `return`.
      const expected = { linesCovered: 2, linesTotal: 6, branchesCovered: null, branchesTotal: null };
      const parsed = await read(profile);
      expect(parsed.format).toBe('go');
      expect(parsed.lineUnit).toBe('statements');
      expect(figures(parsed)).toEqual(expected);

      // Go itself prints only the percentage of statements, to one decimal.
      const percent = ((parsed.linesCovered / parsed.linesTotal) * 100).toFixed(1);
      const fromTest = /coverage: ([\d.]+)% of statements/.exec(test.stdout)?.[1];
      const fromFunc = /^total:\s+\(statements\)\s+([\d.]+)%$/m.exec(func.stdout)?.[1];
      expect(fromTest, `go test output:\n${test.stdout}`).toBe(percent);
      expect(fromFunc, `go tool cover -func output:\n${func.stdout}`).toBe(percent);
    },
    TOOL_TIMEOUT,
  );

  it(
    'JaCoCo: the agent and JaCoCo\'s XML formatter agree with its CSV report',
    async (ctx) => {
      const java = '/usr/share/java';
      const jars = ['org.jacoco.agent.jar', 'org.jacoco.core.jar', 'org.jacoco.report.jar', 'asm.jar', 'asm-commons.jar', 'asm-tree.jar'];
      const absent = jars.filter((j) => !existsSync(join(java, j)));
      if (absent.length) skipWithout(ctx, `JaCoCo (${absent.join(', ')} in ${java})`, 'apt-get install -y libjacoco-java');
      if (!(await works('javac', ['-version'])) || !(await works('jar', ['--version']))) skipWithout(ctx, 'a JDK (javac, jar)', 'apt-get install -y default-jdk-headless');

      const dir = await fixtureCopy('java');
      // org.jacoco.agent.jar carries the runnable agent as a nested jacocoagent.jar.
      await run('jar', ['xf', join(java, 'org.jacoco.agent.jar'), 'jacocoagent.jar'], dir);
      const classpath = ['org.jacoco.core.jar', 'org.jacoco.report.jar', 'asm.jar', 'asm-commons.jar', 'asm-tree.jar'].map((j) => join(java, j)).join(':');
      await mkdir(join(dir, 'classes'));
      await mkdir(join(dir, 'tool'));
      // Release 11 class files: JaCoCo 0.8.6 (Debian bookworm) predates Java 17's class format.
      await run('javac', ['--release', '11', '-g', '-d', 'classes', 'Calc.java'], dir);
      await run('javac', ['-cp', classpath, '-d', 'tool', 'JacocoReport.java'], dir);
      await run('java', [`-javaagent:${join(dir, 'jacocoagent.jar')}=destfile=${join(dir, 'jacoco.exec')}`, '-cp', 'classes', 'Calc'], dir);
      await run('java', ['-cp', `${classpath}:tool`, 'JacocoReport', 'jacoco.exec', 'classes', '.', 'jacoco.xml', 'jacoco.csv'], dir);

      // JaCoCo's CSV report: one row per class; the totals are the sums of its LINE_* and BRANCH_* columns.
      const [header, ...rows] = (await readFile(join(dir, 'jacoco.csv'), 'utf8')).trim().split(/\r?\n/).map((l) => l.split(','));
      const col = (name: string) => {
        const i = header!.indexOf(name);
        if (i < 0) throw new Error(`no ${name} column in JaCoCo's CSV`);
        return rows.reduce((sum, r) => sum + Number(r[i]), 0);
      };
      const csv = {
        linesCovered: col('LINE_COVERED'),
        linesTotal: col('LINE_COVERED') + col('LINE_MISSED'),
        branchesCovered: col('BRANCH_COVERED'),
        branchesTotal: col('BRANCH_COVERED') + col('BRANCH_MISSED'),
      };

      // Calc.java: 10 lines with code (the implicit constructor's line 1, 3/4/6/7 in classify,
      // 11/12 in unused, 16/17/19 in main); main runs 16 and 19, classify 3 and 4. Two `if`s of
      // two branches each, one taken each.
      const expected = { linesCovered: 4, linesTotal: 10, branchesCovered: 2, branchesTotal: 4 };
      expect(csv).toEqual(expected);
      const xml = await read(join(dir, 'jacoco.xml'));
      expect(xml.format).toBe('jacoco');
      expect(figures(xml)).toEqual(expected);
    },
    TOOL_TIMEOUT,
  );
});
