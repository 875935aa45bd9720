// Generated benchmark repositories (used by bench/run.mjs and bench/compareBuilds.mjs): one
// `git fast-import` stream each, so a 20,000-commit history or 100,000 files take seconds.
// A repository holds every file of a small OS2 product in the first commit, one small change per
// later commit, annotated tags spread over the history, and optionally remote-tracking branches
// of every kind the git facts tell apart: merged, ahead and old, ahead and recent.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MPL = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
const MANIFEST = readFileSync(join(ROOT, 'examples/os2.example.yaml'), 'utf8');
const README = `# OS2bench

OS2bench lets municipal case workers book meeting rooms, cars and equipment across
administrations, and gives citizens a self-service page for booking public facilities.
It replaces spreadsheets and phone calls with one shared calendar, sends reminders, and
reports how rooms are used so that administrations can plan their buildings better.

## Installation

Run the container image and point it at the database.
`;

/** The environment git runs with while generating (no user or system config). */
export function gitEnv(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.dk',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.dk',
  };
}

/**
 * Writes the repository `dir`: `files` files, `commits` commits on main, `tags` annotated tags,
 * and `branches` remote-tracking branches under refs/remotes/origin/ (with origin/HEAD → main):
 * a third merged into main, a third ahead of main and untouched for over a year, a third ahead
 * and recent. `now` (seconds) fixes the dates, so two runs write the same history.
 */
export async function fastImport(dir, { files, commits, tags, branches = 0, now = Math.floor(Date.now() / 1000), env = gitEnv(dir) }) {
  mkdirSync(dir, { recursive: true });
  spawnSync('git', ['init', '-q', '-b', 'main', dir], { env });
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, env, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))));
  let buffered = [];
  let size = 0;
  const write = async (s) => {
    buffered.push(s);
    size += s.length;
    if (size > 1 << 20) await flush();
  };
  const flush = async () => {
    const chunk = buffered.join('');
    buffered = [];
    size = 0;
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
  };
  const data = (s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const start = now - 3 * 365 * 86400;
  const step = Math.floor((now - 86400 - start) / Math.max(1, commits));
  const dateOf = (i) => start + i * step;
  const fixed = {
    'README.md': README,
    'LICENSE': MPL,
    'CHANGELOG.md': '# Changelog\n\n' + Array.from({ length: 20 }, (_, i) => `## 1.${tags - 1 - i}.0\n\n- Changes.\n\n`).join(''),
    'SECURITY.md': '# Security\n\nReport vulnerabilities to security@example.dk.\n',
    'CONTRIBUTING.md': '# Contributing\n\nOpen an issue first.\n',
    'os2.yaml': MANIFEST,
    'docs/installation.md': '# Installation\n\nRun the container.\n',
    'docs/architecture.md': '# Architecture\n\nA web front end and an API.\n',
    'Dockerfile': 'FROM node:20\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test -- --coverage\n',
    'package.json': JSON.stringify({ name: 'os2bench', license: 'MPL-2.0', scripts: { test: 'vitest' } }),
  };
  await write(`commit refs/heads/main\nmark :1\ncommitter Bench <bench@example.dk> ${dateOf(0)} +0000\n${data('Initial import #1')}`);
  for (const [path, content] of Object.entries(fixed)) await write(`M 100644 inline ${path}\n${data(content)}`);
  const generated = Math.max(0, files - Object.keys(fixed).length);
  for (let i = 0; i < generated; i++) {
    const path = i % 10 === 0 ? `src/m${Math.floor(i / 200)}/f${i}.test.ts` : `src/m${Math.floor(i / 200)}/f${i}.ts`;
    const content = i % 10 === 0 ? `import { v${i + 1} } from './f${i + 1}.js';\ntest('v', () => expect(v${i + 1}).toBe(${i + 1}));\n` : `export const v${i} = ${i};\n`;
    await write(`M 100644 inline ${path}\n${data(content)}`);
  }
  for (let c = 2; c <= commits; c++) {
    await write(`commit refs/heads/main\nmark :${c}\ncommitter Bench <bench@example.dk> ${dateOf(c - 1)} +0000\n${data(`Change ${c} #${c % 500}`)}from :${c - 1}\nM 100644 inline src/churn/c${c % 50}.ts\n${data(`export const c = ${c};\n`)}`);
  }
  const tagEvery = Math.max(1, Math.floor(commits / Math.max(1, tags)));
  let tagged = 0;
  for (let c = tagEvery; c <= commits && tagged < tags; c += tagEvery, tagged++) {
    const name = `v1.${tagged}.0`;
    await write(`tag ${name}\nfrom :${c}\ntagger Bench <bench@example.dk> ${dateOf(c - 1) + 60} +0000\n${data(`Release ${name}`)}`);
  }
  let mark = commits;
  for (let b = 0; b < branches; b++) {
    const ref = `refs/remotes/origin/${['merged', 'old-fork', 'feature'][b % 3]}/b${b}`;
    // Forked from a commit spread over the history (never the tip, so every branch is behind too).
    const base = Math.max(1, Math.floor(((b + 1) / (branches + 1)) * (commits - 1)));
    if (b % 3 === 0) {
      await write(`reset ${ref}\nfrom :${base}\n\n`);
      continue;
    }
    const when = b % 3 === 1 ? Math.min(dateOf(base - 1) + 3600, now - 400 * 86400) : now - (b % 30) * 86400 - 3600;
    for (let k = 0; k < 1 + (b % 3); k++) {
      mark++;
      await write(`commit ${ref}\nmark :${mark}\ncommitter Bench <bench@example.dk> ${when + k * 60} +0000\n${data(`Branch ${b} work ${k}`)}${k === 0 ? `from :${base}\n` : ''}M 100644 inline src/branch/b${b}.ts\n${data(`export const b = ${b + k};\n`)}`);
    }
  }
  if (branches > 0) await write(`reset refs/remotes/origin/main\nfrom :${commits}\n\n`);
  await write('done\n');
  await flush();
  child.stdin.end();
  await done;
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${r.stderr}`);
  };
  git('remote', 'add', 'origin', 'https://github.com/OS2offdig/os2bench.git');
  if (branches > 0) git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  git('reset', '--hard', '-q');
}
