// The benchmark (`npm run bench`; not part of the test suite). Generates its inputs in a temporary
// directory (bench/repos.mjs), runs the built CLI as a user would (`node bin/os2level.js` as a
// subprocess), and reports every figure as a ratio against baselines measured in the same run,
// interleaved (each repetition runs every case once, so a change of load hits all of them alike):
//   (a) the git floor: the plain git commands the facts need, run directly one after another;
//   (b) Node start-up (`node -e 0`);
//   (c) repolinter (the TODO Group's linter, default ruleset), installed into a temporary folder.
// Repository shapes: 1,000 files; 100,000 files; a deep history (20,000 commits, 2,000 tags);
// many branches (200 remote-tracking branches, merged, old and ahead, recent and ahead).
// Prints a table and writes bench/out/results.json.
//
// Usage: node bench/run.mjs [--reps 5] [--quick] [--checks-only] [--keep]
//   --quick        smaller shapes (10k files, 5k commits; 20 MB lcov; 10 products) to try the script
//   --checks-only  only start-up and the repository shapes (no lcov, scan or hostile CI)
//   --keep         keep the generated inputs (their directory is printed)
//   --compare-bin P     also measure another build's bin/os2level.js (before/after figures)
//   --repolinter-prefix D  use (or install into) this npm prefix for repolinter
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHostileCi } from './hostileCi.mjs';
import { fastImport as importRepository, gitEnv } from './repos.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/os2level.js');
const OUT_DIR = join(ROOT, 'bench/out');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const quick = flag('--quick');
const REPS = Math.max(1, Number(option('--reps', quick ? 3 : 5)));
const CHECKS_ONLY = flag('--checks-only');
/** Another build's bin/os2level.js, measured alongside (before/after figures). */
const COMPARE_BIN = option('--compare-bin', null);
/** The repository shapes, each with what it stresses. */
const SHAPES = [
  { name: '1k files', files: 1000, commits: 200, tags: 20, branches: 0 },
  { name: '100k files', files: quick ? 10000 : 100000, commits: 2000, tags: 200, branches: 0 },
  { name: 'deep history', files: 2000, commits: quick ? 5000 : 20000, tags: quick ? 500 : 2000, branches: 0 },
  { name: 'many branches', files: 1000, commits: 5000, tags: 500, branches: 200 },
];
const LCOV_MB = Number(option('--lcov-mb', quick ? 20 : 200));
const PRODUCTS = Number(option('--products', quick ? 10 : 50));
const LONG_RUN_TIMEOUT_MS = 20 * 60 * 1000;

if (!existsSync(join(ROOT, 'dist/bundle/os2level.cjs'))) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does).');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'os2level-bench-'));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0 ? '/usr/bin/time' : null;
const GIT_ENV = gitEnv(work);

// ---------------------------------------------------------------- measuring

/**
 * Runs `cmd args` once and returns wall seconds and peak RSS in MB. Wall time is measured here;
 * the peak RSS comes from `/usr/bin/time -v` (the largest process of the command), or, without
 * it, from a preload that reports Node's own maxRSS (Node commands only).
 */
function measureOnce(cmd, cmdArgs, { cwd = work, env = {}, timeout = LONG_RUN_TIMEOUT_MS } = {}) {
  const timeFile = join(work, `time-${process.pid}.txt`);
  rmSync(timeFile, { force: true });
  let file = cmd;
  let argv = cmdArgs;
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (TIME) {
    file = TIME;
    argv = ['-v', '-o', timeFile, cmd, ...cmdArgs];
  } else if (cmd === process.execPath) {
    argv = ['--import', join(ROOT, 'bench/maxrss.mjs'), ...cmdArgs];
    childEnv.OS2LEVEL_BENCH_MAXRSS_FILE = timeFile;
  }
  const started = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], timeout, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMb = null;
  let status = r.status;
  if (existsSync(timeFile)) {
    const text = readFileSync(timeFile, 'utf8');
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? (/^maxrss (\d+)$/m.exec(text)?.[1]);
    if (kb) rssMb = Number(kb) / 1024;
    const exit = /Exit status: (\d+)/.exec(text)?.[1];
    if (TIME && exit !== undefined) status = Number(exit);
    if (TIME && /Command terminated by signal/.test(text)) status = -1;
  }
  return { seconds, rssMb, status, timedOut: r.error?.code === 'ETIMEDOUT', stderr: (r.stderr ?? '').toString().slice(-2000) };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

/** Runs a command `reps` times; the median wall time and peak RSS, and every run's exit status. */
function measure(label, cmd, cmdArgs, opts = {}, reps = REPS) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const r = measureOnce(cmd, cmdArgs, opts);
    runs.push(r);
    if (r.timedOut) break;
  }
  const m = { label, seconds: median(runs.map((r) => r.seconds)), rssMb: median(runs.map((r) => r.rssMb)), runs: runs.map((r) => ({ seconds: round(r.seconds, 3), rssMb: round(r.rssMb, 1), status: r.status })) };
  if (runs.some((r) => r.timedOut)) m.timedOut = true;
  const bad = runs.find((r) => opts.okStatus && !opts.okStatus.includes(r.status));
  if (bad) m.failed = `exit ${bad.status}: ${bad.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  log(`${label}: ${fmtS(m.seconds)} s, ${fmtMb(m.rssMb)} MB${m.failed ? ` (FAILED ${m.failed})` : ''}`);
  return m;
}

const round = (x, d) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const fmtS = (x) => (x === null ? '—' : x.toFixed(2));
const fmtMb = (x) => (x === null ? '—' : x.toFixed(0));
const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
const fmtX = (x) => (x === null ? '—' : `${x.toFixed(2)}×`);

// ---------------------------------------------------------------- inputs

/** A generated repository (bench/repos.mjs) with the bench's git environment. */
const fastImport = (dir, shape) => importRepository(dir, { ...shape, env: GIT_ENV });

async function generateLcov(file, targetMb) {
  const out = createWriteStream(file);
  const target = targetMb * 1024 * 1024;
  let written = 0;
  for (let record = 0; written < target; record++) {
    const lines = [`TN:`, `SF:src/module${record}/file${record}.ts`, `FN:1,fn${record}`, `FNDA:1,fn${record}`];
    for (let l = 1; l <= 400; l++) lines.push(`DA:${l},${(l + record) % 3}`);
    for (let b = 0; b < 20; b++) lines.push(`BRDA:${b + 1},0,${b},${b % 2}`);
    lines.push('LF:400', `LH:${400 - Math.floor((400 - (record % 3)) / 3)}`, 'BRF:20', 'BRH:10', 'end_of_record', '');
    const chunk = lines.join('\n');
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

/**
 * The plain git commands the facts need, one per question, run one after another as one shell
 * script: the tracked files with their modes, tags and branches, the history length (the cheapest
 * walk), the recent commits, which branches are ahead of main, and the last documentation change.
 */
const GIT_FLOOR = [
  'git ls-files -s -z',
  "git for-each-ref --format='%(refname)%1f%(objecttype)%1f%(taggerdate:iso-strict)%1f%(*committerdate:iso-strict)%1f%(committerdate:iso-strict)%1f%(if)%(contents:signature)%(then)signed%(end)%1f%(symref)%1f%(objectname)' refs/tags refs/heads refs/remotes",
  'git rev-list --count HEAD',
  "git log -z --no-ext-diff --max-count=100 --format='%H%x1f%cI%x1f%P%x1f%s' HEAD",
  "git for-each-ref --format='%(refname)' --no-merged=refs/heads/main refs/heads refs/remotes",
  'git log -1 --format=%cI HEAD -- README.md docs/',
].map((c) => `${c} >/dev/null`).join(' && ');

/**
 * Each case run once per repetition, in turn; per case the median wall time and peak RSS. Every
 * case runs once unmeasured first, so os2level's compile cache (src/cli/launch.ts) holds this
 * build's entry for the command, as on a user's machine after the first run; the `compile cache
 * off` cases show the first run's cost.
 */
function measureInterleaved(cases, reps = REPS) {
  for (const c of cases) if (c.args?.[0] === BIN) measureOnce(c.cmd, c.args, c.opts ?? {});
  const runs = cases.map(() => []);
  for (let i = 0; i < reps; i++) {
    cases.forEach((c, j) => {
      if (c.skipAfterFirst && i > 0) return;
      runs[j].push(measureOnce(c.cmd, c.args, c.opts ?? {}));
    });
  }
  return cases.map((c, j) => {
    const rs = runs[j];
    const m = { label: c.label, seconds: median(rs.map((r) => r.seconds)), rssMb: median(rs.map((r) => r.rssMb)), runs: rs.map((r) => ({ seconds: round(r.seconds, 3), rssMb: round(r.rssMb, 1), status: r.status })) };
    const bad = rs.find((r) => c.opts?.okStatus && !c.opts.okStatus.includes(r.status));
    if (bad) m.failed = `exit ${bad.status}: ${bad.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    if (rs.some((r) => r.timedOut)) m.timedOut = true;
    log(`${c.label}: ${fmtS(m.seconds)} s, ${fmtMb(m.rssMb)} MB (median of ${rs.length})${m.failed ? ` (FAILED ${m.failed})` : ''}`);
    return m;
  });
}

/** repolinter in a temporary prefix (never a dependency of the project); `--repolinter-prefix` reuses one. */
async function installRepolinter() {
  const given = option('--repolinter-prefix', null);
  const prefix = given ?? join(work, 'repolinter');
  mkdirSync(prefix, { recursive: true });
  if (given && existsSync(join(prefix, 'node_modules/.bin/repolinter'))) {
    const version = JSON.parse(readFileSync(join(prefix, 'node_modules/repolinter/package.json'), 'utf8')).version;
    return { bin: join(prefix, 'node_modules/.bin/repolinter'), version };
  }
  log('installing repolinter into a temporary folder (npm install --prefix …)');
  const r = spawnSync('npm', ['install', '--prefix', prefix, 'repolinter', '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', timeout: 10 * 60 * 1000 });
  const bin = join(prefix, 'node_modules/.bin/repolinter');
  if (r.status !== 0 || !existsSync(bin)) {
    const why = (r.error?.message ?? r.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
    log(`repolinter could not be installed; its rows are left out. ${why}`);
    return { bin: null, why: why || `npm exited ${r.status}` };
  }
  const version = JSON.parse(readFileSync(join(prefix, 'node_modules/repolinter/package.json'), 'utf8')).version;
  return { bin, version };
}

// ---------------------------------------------------------------- the run

async function main() {
  const started = Date.now();
  const results = {
    when: new Date().toISOString(),
    machine: { nodeExtraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: round(totalmem() / 2 ** 30, 1), loadAverageAtStart: loadavg().map((x) => round(x, 2)), node: process.version, git: spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim(), peakRssFrom: TIME ? '/usr/bin/time -v' : 'Node maxRSS preload' },
    parameters: { shapes: SHAPES, lcovMb: LCOV_MB, products: PRODUCTS, reps: REPS, compareBin: COMPARE_BIN },
    repolinter: null,
    baselines: {},
    check: [],
    lcov: null,
    scan: null,
    hostileCi: null,
    targets: [],
  };
  const repolinter = await installRepolinter();
  results.repolinter = repolinter.bin ? { version: repolinter.version, ruleset: 'default' } : { unavailable: repolinter.why };

  const startCases = [
    { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
    { label: 'os2level --version', cmd: process.execPath, args: [BIN, '--version'] },
    { label: 'os2level --help', cmd: process.execPath, args: [BIN, '--help'] },
    ...(COMPARE_BIN ? [{ label: 'compared build --version', cmd: process.execPath, args: [COMPARE_BIN, '--version'] }] : []),
  ];
  const [nodeStart, cliStart, helpStart, compareStart = null] = measureInterleaved(startCases, Math.max(REPS, 11));
  results.baselines = { nodeStart, cliStart, helpStart, compareStart };

  const smallest = join(work, 'repo-1k-files');
  for (const shape of SHAPES) {
    const dir = shape.name === '1k files' ? smallest : join(work, `repo-${shape.name.replace(/\W+/g, '-')}`);
    log(`generating "${shape.name}": ${shape.files} files, ${shape.commits} commits, ${shape.tags} tags, ${shape.branches} remote-tracking branches`);
    const genStart = Date.now();
    await fastImport(dir, shape);
    log(`  generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s`);
    const checkArgs = (bin) => [bin, 'check', dir, '--format', 'json', '--output', join(work, 'report.json')];
    const cases = [
      { label: `node -e 0 [${shape.name}]`, cmd: process.execPath, args: ['-e', '0'] },
      { label: `git floor [${shape.name}]`, cmd: '/bin/sh', args: ['-c', GIT_FLOOR], opts: { cwd: dir, env: GIT_ENV, okStatus: [0] } },
      { label: `check [${shape.name}]`, cmd: process.execPath, args: checkArgs(BIN), opts: { okStatus: [0] } },
      { label: `check, compile cache off [${shape.name}]`, cmd: process.execPath, args: checkArgs(BIN), opts: { okStatus: [0], env: { OS2LEVEL_COMPILE_CACHE: 'off' } } },
      ...(repolinter.bin ? [{ label: `repolinter [${shape.name}]`, cmd: repolinter.bin, args: ['lint', dir], opts: { okStatus: [0, 1] } }] : []),
      ...(COMPARE_BIN ? [{ label: `compared build check [${shape.name}]`, cmd: process.execPath, args: checkArgs(COMPARE_BIN), opts: { okStatus: [0] } }] : []),
    ];
    const [node, gitFloor, check, checkCold, ...rest] = measureInterleaved(cases);
    const rl = repolinter.bin ? rest.shift() : null;
    const compared = COMPARE_BIN ? rest.shift() : null;
    const floor = gitFloor.seconds + node.seconds;
    results.check.push({
      shape: shape.name,
      files: shape.files,
      commits: shape.commits,
      tags: shape.tags,
      branches: shape.branches,
      check,
      checkWithoutCompileCache: checkCold,
      nodeStart: node,
      gitFloor,
      floorSeconds: round(floor, 3),
      repolinter: rl,
      compared,
      vsFloor: round(ratio(check.seconds, floor), 2),
      withoutCompileCacheVsFloor: round(ratio(checkCold.seconds, floor), 2),
      repolinterSpeedup: rl ? round(ratio(rl.seconds, check.seconds), 2) : null,
      speedupOverCompared: compared ? round(ratio(compared.seconds, check.seconds), 2) : null,
    });
    if (dir !== smallest) rmSync(dir, { recursive: true, force: true }); // the smallest is kept for the lcov run
  }

  if (CHECKS_ONLY) return finish(results, started);

  // A 200 MB lcov report, read by `check --coverage` on the smallest repository.
  {
    const dir = smallest;
    const file = join(work, 'lcov.info');
    log(`generating a ${LCOV_MB} MB lcov report`);
    await generateLcov(file, LCOV_MB);
    const bytes = statSync(file).size;
    const read = measure('cat lcov', '/bin/sh', ['-c', `cat '${file}' >/dev/null`], {}, REPS);
    const base = measure('check 1k files (no coverage)', process.execPath, [BIN, 'check', dir, '--format', 'json', '--output', join(work, 'report.json')], { okStatus: [0] }, REPS);
    const withLcov = measure('check 1k files --coverage lcov', process.execPath, [BIN, 'check', dir, '--coverage', file, '--format', 'json', '--output', join(work, 'report.json')], { okStatus: [0] }, REPS);
    const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
    const coverage = report.results?.[0]?.requirements?.find((r) => r.id === 'tests.coverage');
    results.lcov = {
      megabytes: round(bytes / 2 ** 20, 1),
      check: withLcov,
      checkWithoutCoverage: base,
      catFile: read,
      parseSeconds: round(withLcov.seconds - base.seconds, 2),
      mbPerSecond: round(bytes / 2 ** 20 / Math.max(0.001, withLcov.seconds - base.seconds), 0),
      peakRssMb: round(withLcov.rssMb, 1),
      vsCheckWithoutCoverage: round(ratio(withLcov.seconds, base.seconds), 2),
      vsCat: round(ratio(withLcov.seconds, read.seconds), 2),
      rssVsCheckWithoutCoverage: round(ratio(withLcov.rssMb, base.rssMb), 2),
      coverageOutcome: coverage ? { outcome: coverage.outcome, code: coverage.code, args: coverage.args } : null,
    };
    rmSync(file, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }

  // A portfolio of local repositories: single checks one after another, then `scan --concurrency 2`.
  {
    const portfolio = join(work, 'portfolio');
    log(`generating a portfolio of ${PRODUCTS} products`);
    for (let p = 0; p < PRODUCTS; p++) await fastImport(join(portfolio, `os2product-${String(p + 1).padStart(2, '0')}`), { files: 300, commits: 500, tags: 20 });
    const help = spawnSync(process.execPath, [BIN, 'scan', '--help'], { encoding: 'utf8' });
    if (help.status !== 0) {
      log('scan not available in this build');
      results.scan = { unavailable: 'scan not available' };
    } else {
      let sum = 0;
      let peak = 0;
      for (let p = 0; p < PRODUCTS; p++) {
        const r = measureOnce(process.execPath, [BIN, 'check', join(portfolio, `os2product-${String(p + 1).padStart(2, '0')}`), '--format', 'json', '--output', join(work, 'report.json')]);
        sum += r.seconds;
        peak = Math.max(peak, r.rssMb ?? 0);
      }
      log(`sum of ${PRODUCTS} single checks: ${sum.toFixed(2)} s`);
      const scanReps = Math.min(REPS, 2);
      const runs = [];
      for (let i = 0; i < scanReps; i++) {
        const cache = join(work, `scan-cache-${i}`);
        runs.push(measure(`scan ${PRODUCTS} --concurrency 2`, process.execPath, [BIN, 'scan', '--dir', portfolio, '--concurrency', '2', '--cache-dir', cache, '--format', 'json', '--output', join(work, 'scan.json')], { okStatus: [0, 1] }, 1));
        rmSync(cache, { recursive: true, force: true });
      }
      const scan = { ...runs[0], seconds: median(runs.map((r) => r.seconds)), rssMb: median(runs.map((r) => r.rssMb)), runs: runs.flatMap((r) => r.runs) };
      let scanned = null;
      try {
        const report = JSON.parse(readFileSync(join(work, 'scan.json'), 'utf8'));
        scanned = Array.isArray(report.products) ? report.products.length : Array.isArray(report.entries) ? report.entries.length : null;
      } catch {
        /* recorded as null */
      }
      results.scan = {
        products: PRODUCTS,
        productsInReport: scanned,
        sumOfSingleChecksSeconds: round(sum, 2),
        singleCheckPeakRssMb: round(peak, 1),
        halfSumSeconds: round(sum / 2, 2),
        scan,
        vsHalfSum: round(ratio(scan.seconds, sum / 2), 2),
      };
    }
    rmSync(portfolio, { recursive: true, force: true });
  }

  // Hostile CI definitions: a huge Jenkinsfile and nested !reference tags (bench/hostileCi.mjs).
  log('hostile CI definitions');
  results.hostileCi = runHostileCi({ reps: REPS, log }).map((r) => ({ ...r, seconds: round(r.seconds, 2), baselineSeconds: round(r.baselineSeconds, 2), ratio: round(r.ratio, 2) }));

  return finish(results, started);
}

/** The targets the README states, the table, and bench/out/results.json. */
function finish(results, started) {
  const startup = ratio(results.baselines.cliStart.seconds, results.baselines.nodeStart.seconds);
  results.targets.push({ target: 'os2level --version within 1.5× node -e 0', value: round(startup, 2), met: startup !== null && startup <= 1.5 });
  for (const c of results.check) {
    results.targets.push({ target: `check within 2× (Node start-up + git floor), ${c.shape}`, value: c.vsFloor, met: c.vsFloor !== null && c.vsFloor <= 2 });
    results.targets.push({ target: `≥ 3× faster than repolinter, ${c.shape}`, value: c.repolinterSpeedup, met: c.repolinterSpeedup === null ? null : c.repolinterSpeedup >= 3, note: c.repolinter ? undefined : 'repolinter not installed' });
  }
  if (results.lcov) results.targets.push({ target: `${LCOV_MB} MB lcov with peak memory < 256 MB`, value: results.lcov.peakRssMb, met: results.lcov.peakRssMb !== null && results.lcov.peakRssMb < 256 });
  if (results.scan?.vsHalfSum !== undefined) {
    results.targets.push({ target: `${PRODUCTS}-product scan, concurrency 2, close to half the sum of single checks (≤ 1.2×)`, value: results.scan.vsHalfSum, met: results.scan.vsHalfSum !== null && results.scan.vsHalfSum <= 1.2 });
  } else if (results.scan) results.targets.push({ target: 'scan at concurrency 2', value: null, met: null, note: 'scan not available' });
  results.machine.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  results.totalSeconds = round((Date.now() - started) / 1000, 1);

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  printTable(results);
  console.log(`\nresults: ${join(OUT_DIR, 'results.json')}`);
}

function printTable(r) {
  const rows = [['case', 'wall s', 'peak MB', 'baseline', 'baseline s', 'ratio']];
  const b = r.baselines;
  rows.push(['node -e 0', fmtS(b.nodeStart.seconds), fmtMb(b.nodeStart.rssMb), '', '', '']);
  rows.push(['os2level --version', fmtS(b.cliStart.seconds), fmtMb(b.cliStart.rssMb), 'node -e 0', fmtS(b.nodeStart.seconds), fmtX(ratio(b.cliStart.seconds, b.nodeStart.seconds))]);
  rows.push(['os2level --help', fmtS(b.helpStart.seconds), fmtMb(b.helpStart.rssMb), 'node -e 0', fmtS(b.nodeStart.seconds), fmtX(ratio(b.helpStart.seconds, b.nodeStart.seconds))]);
  if (b.compareStart) rows.push(['', '', '', 'compared build --version', fmtS(b.compareStart.seconds), fmtX(ratio(b.compareStart.seconds, b.cliStart.seconds)) + ' slower']);
  for (const c of r.check) {
    rows.push([`check, ${c.shape}`, fmtS(c.check.seconds), fmtMb(c.check.rssMb), 'node -e 0 + git floor', fmtS(c.floorSeconds), fmtX(c.vsFloor)]);
    rows.push(['', '', '', `  (node -e 0 ${fmtS(c.nodeStart.seconds)}, git floor ${fmtS(c.gitFloor.seconds)})`, '', '']);
    rows.push(['  compile cache off', fmtS(c.checkWithoutCompileCache.seconds), fmtMb(c.checkWithoutCompileCache.rssMb), 'node -e 0 + git floor', fmtS(c.floorSeconds), fmtX(c.withoutCompileCacheVsFloor)]);
    if (c.repolinter) rows.push(['', '', '', 'repolinter', `${fmtS(c.repolinter.seconds)}${c.repolinter.timedOut ? '+' : ''}`, `${fmtX(c.repolinterSpeedup)} faster`]);
    if (c.compared) rows.push(['', '', '', 'compared build', fmtS(c.compared.seconds), `${fmtX(c.speedupOverCompared)} faster`]);
  }
  if (r.lcov) {
    rows.push([`check + ${r.lcov.megabytes} MB lcov`, fmtS(r.lcov.check.seconds), fmtMb(r.lcov.check.rssMb), 'check, no coverage', fmtS(r.lcov.checkWithoutCoverage.seconds), fmtX(r.lcov.vsCheckWithoutCoverage)]);
    rows.push(['', '', '', 'cat the file', fmtS(r.lcov.catFile.seconds), fmtX(r.lcov.vsCat)]);
  }
  if (r.scan?.scan) rows.push([`scan ${r.scan.products} products, conc. 2`, fmtS(r.scan.scan.seconds), fmtMb(r.scan.scan.rssMb), '½ Σ single checks', fmtS(r.scan.halfSumSeconds), fmtX(r.scan.vsHalfSum)]);
  else if (r.scan) rows.push(['scan', '—', '—', r.scan.unavailable ?? 'scan not available', '', '']);
  for (const c of r.hostileCi ?? []) rows.push([c.case, c.timedOut ? `>${fmtS(c.seconds)}` : fmtS(c.seconds), '—', 'check without it', fmtS(c.baselineSeconds), fmtX(c.ratio)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  console.log(`\nos2level benchmark — ${r.machine.cpus} CPUs, Node ${r.machine.node}, ${r.machine.git}, load ${r.machine.loadAverageAtStart.join(' ')} → ${r.machine.loadAverageAtEnd.join(' ')}; median of ${r.parameters.reps}`);
  // Node reads the extra certificates at start-up: every Node process here, node -e 0 included, pays it.
  if (r.machine.nodeExtraCaCerts) console.log('NODE_EXTRA_CA_CERTS is set: every Node start-up, node -e 0 included, reads those certificates first');
  if (r.repolinter?.version) console.log(`repolinter ${r.repolinter.version}, default ruleset`);
  else console.log(`repolinter unavailable: ${r.repolinter?.unavailable}`);
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, j) => (j === 0 || j === 3 ? String(cell).padEnd(widths[j]) : String(cell).padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('\ntargets:');
  for (const t of r.targets) console.log(`  ${t.met === null ? '?' : t.met ? '✓' : '✗'} ${t.target}: ${t.value ?? t.note ?? '—'}`);
}

try {
  await main();
} finally {
  if (flag('--keep')) log(`inputs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
