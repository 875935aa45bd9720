/**
 * Shared pieces of the hostile-input tests: every test runs the built CLI end to end on a real
 * temporary repository and asserts on the exit code, the absence of a crash and the honest outcome.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { checkJson, runCli, type CliRun } from '../helpers/cli.js';

export { checkJson, runCli };

/** Plain git outside the test repository helper (clones, plumbing), isolated from the caller's config. */
export function plainGit(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.dk',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.dk',
      GIT_ALLOW_PROTOCOL: 'file',
    },
  });
}

/** No stack trace, no unhandled rejection, no Node internal error text on either stream. */
export function expectNoCrash(run: CliRun): void {
  const out = run.stdout + run.stderr;
  expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|UnhandledPromiseRejection|TypeError|RangeError|ReferenceError|Maximum call stack|heap out of memory/);
  expect(run.status, run.stderr).toBeGreaterThanOrEqual(0);
}

/** A report's requirement by id. */
export const req = (report: any, id: string): any => report.results[0].requirements.find((r: any) => r.id === id);

/** `check --facts` as parsed JSON, with the run for assertions. */
export function factsOf(dir: string, extra: string[] = []): { run: CliRun; facts: any } {
  const run = runCli(['check', dir, '--facts', ...extra]);
  let facts: any = null;
  try {
    facts = JSON.parse(run.stdout);
  } catch {
    /* the test asserts on run */
  }
  return { run, facts };
}

/** A check that must produce a report (exit 0) without crashing; returns the report. */
export function reportOf(dir: string, extra: string[] = []): any {
  const { run, report } = checkJson(dir, extra);
  expectNoCrash(run);
  expect(run.status, run.stderr).toBe(0);
  expect(report, run.stdout.slice(0, 500)).not.toBeNull();
  return report;
}

/** A check that must refuse its input (exit 2) with a `file:line:column` diagnostic and no report. */
export function refusal(dir: string, extra: string[] = []): CliRun {
  const { run } = checkJson(dir, extra);
  expectNoCrash(run);
  expect(run.status, run.stdout.slice(0, 500)).toBe(2);
  expect(run.stdout).toBe('');
  return run;
}

/** A YAML alias bomb: `levels` anchors of `width` references each (width^levels nodes expanded). */
export function aliasBomb(key: string, levels = 8, width = 9, leaf = 'npm test'): string {
  const lines = [`l0: &l0 [${Array(width).fill(JSON.stringify(leaf)).join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push(`${key}: *l${levels - 1}`);
  return lines.join('\n') + '\n';
}
