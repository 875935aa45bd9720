/** Runs the built CLI (bin/os2level.js → dist/) as a real subprocess. `npm test` builds first. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/os2level.js', import.meta.url));
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? PROJECT_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1', ...opts.env },
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `check --format json` and parses the report. */
export function checkJson(dir: string, extra: string[] = []): { run: CliRun; report: any } {
  const run = runCli(['check', dir, '--format', 'json', '--as-of', '2026-06-01', ...extra]);
  let report: any = null;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    /* the test asserts on run */
  }
  return { run, report };
}
