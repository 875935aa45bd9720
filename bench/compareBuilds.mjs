// Compares two builds on the same repositories: `check --format json` and `check --facts` of each
// must be the same, apart from the catalogue's path and the branch facts of builds from before
// `aheadOfDefault` (their ahead/behind counts are turned into it). For a change that must not
// alter any report (a faster collector, a merged git call).
//
// Usage: node bench/compareBuilds.mjs <old bin/os2level.js> <new bin/os2level.js> <repo>... [--as-of 2026-06-01]
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';

const args = process.argv.slice(2);
const asOfAt = args.indexOf('--as-of');
const asOf = asOfAt >= 0 ? args.splice(asOfAt, 2)[1] : '2026-06-01';
const [oldBin, newBin, ...repos] = args;
if (!oldBin || !newBin || repos.length === 0) {
  console.error('usage: node bench/compareBuilds.mjs <old bin> <new bin> <repo>... [--as-of YYYY-MM-DD]');
  process.exit(2);
}

const run = (bin, argv) => {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout.replace(/"path": "[^"]*levels\/os2-2018\.yaml"/g, '"path": "<levels>"') };
};
const branchesAsNow = (facts) => {
  const branches = facts?.git?.value?.branches;
  if (Array.isArray(branches)) facts.git.value.branches = branches.map(({ ahead, behind, ...b }) => ('aheadOfDefault' in b ? b : { ...b, aheadOfDefault: ahead === null ? null : ahead > 0 }));
  return facts;
};

let differ = 0;
for (const repo of repos) {
  for (const [what, argv, parse] of [
    ['report', ['check', repo, '--format', 'json', '--as-of', asOf], JSON.parse],
    ['facts', ['check', repo, '--facts', '--as-of', asOf], (s) => branchesAsNow(JSON.parse(s))],
  ]) {
    const a = run(oldBin, argv);
    const b = run(newBin, argv);
    const same = a.status === b.status && isDeepStrictEqual(parse(a.stdout), parse(b.stdout));
    if (!same) differ++;
    console.log(`${same ? 'same' : 'DIFFERENT'}  ${what}  ${repo}  (exit ${a.status} / ${b.status})`);
  }
}
process.exit(differ ? 1 : 0);
