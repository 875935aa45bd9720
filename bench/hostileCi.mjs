// Hostile CI definitions (part of `npm run bench`; also runs alone): a Jenkinsfile of 45 000 and
// of 300 000 words whose steps continue line after line (quadratic when every step name scanned
// the rest of its arguments), and GitLab CI with nested !reference tags (exponential without
// memoising). Each is `check --facts` on a real git repository, reported as a ratio against the
// same check of the repository without that file, measured in the same run.
//
// Usage: node bench/hostileCi.mjs [--bin path/to/bin/os2level.js] [--reps 3] [--timeout-s 180]
//   --bin   measure another build (e.g. one of an earlier commit) with the same inputs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Jenkinsfile of `words` words: `sh 'x',` lines inside one stage, then a test stage. */
export function jenkinsfile(words) {
  const lines = "sh 'x',\n".repeat(Math.floor(words / 2));
  return `pipeline {\n  stages {\n    stage('Build') {\n      steps {\n${lines}      }\n    }\n    stage('Test') {\n      steps {\n        sh 'npm test'\n      }\n    }\n  }\n}\n`;
}

/** Three levels of hidden jobs each listing the level below `fan` times, over a leaf of `fan` lines; `jobs` jobs use the top. */
export function nestedReferences(fan, jobs) {
  let y = '.l0:\n  script:\n' + Array.from({ length: fan }, (_, i) => `    - echo ${i}\n`).join('');
  for (let l = 1; l <= 3; l++) y += `.l${l}:\n  script:\n` + Array.from({ length: fan }, () => `    - !reference [.l${l - 1}, script]\n`).join('');
  for (let j = 0; j < jobs; j++) y += `job${j}:\n  script: !reference [.l3, script]\n`;
  return y;
}

export const CASES = [
  { name: 'Jenkinsfile, 45 000 words', file: 'Jenkinsfile', text: () => jenkinsfile(45_000) },
  { name: 'Jenkinsfile, 300 000 words', file: 'Jenkinsfile', text: () => jenkinsfile(300_000) },
  { name: '!reference 3 levels × 14 (38 416 lines)', file: '.gitlab-ci.yml', text: () => nestedReferences(14, 1) },
  { name: '!reference 3 levels × 20, 3 jobs (480 000 lines)', file: '.gitlab-ci.yml', text: () => nestedReferences(20, 3) },
];

const GIT_ENV = { PATH: process.env.PATH, HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.dk', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.dk' };
const git = (cwd, args) => spawnSync('git', args, { cwd, env: GIT_ENV, stdio: 'ignore' });

function repoWith(dir, files) {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'bench']);
  return dir;
}

function time(bin, dir, timeoutS) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'check', dir, '--facts', '--output', join(dir, '..', 'facts.json')], { stdio: 'ignore', timeout: timeoutS * 1000 });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, timedOut: r.error?.code === 'ETIMEDOUT', status: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs every case with `bin`; returns rows of { case, seconds, baselineSeconds, ratio, timedOut }. */
export function runHostileCi({ bin = join(ROOT, 'bin/os2level.js'), reps = 3, timeoutS = 180, log = () => {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'os2level-bench-ci-'));
  try {
    const readme = { 'README.md': '# OS2bench\n\nA product.\n' };
    const baseline = median(Array.from({ length: reps }, () => time(bin, repoWith(join(work, 'plain', 'repo'), readme), timeoutS).seconds));
    const rows = [];
    for (const [i, c] of CASES.entries()) {
      const dir = repoWith(join(work, `case-${i}`, 'repo'), { ...readme, [c.file]: c.text() });
      const runs = [];
      for (let r = 0; r < reps; r++) {
        const t = time(bin, dir, timeoutS);
        runs.push(t);
        if (t.timedOut) break;
      }
      const timedOut = runs.some((t) => t.timedOut);
      const seconds = timedOut ? timeoutS : median(runs.map((t) => t.seconds));
      rows.push({ case: c.name, seconds, baselineSeconds: baseline, ratio: seconds / baseline, timedOut });
      log(`${c.name}: ${timedOut ? `> ${timeoutS}` : seconds.toFixed(2)} s (${(seconds / baseline).toFixed(1)}× the check without it)`);
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const rows = runHostileCi({ bin: option('--bin', undefined), reps: Number(option('--reps', 3)), timeoutS: Number(option('--timeout-s', 180)), log: (m) => process.stderr.write(`bench: ${m}\n`) });
  for (const r of rows) console.log(`${r.case.padEnd(48)} ${(r.timedOut ? `>${r.seconds}` : r.seconds.toFixed(2)).padStart(8)} s  ${`${r.ratio.toFixed(1)}×`.padStart(8)}${r.timedOut ? ' (timed out)' : ''}`);
}
