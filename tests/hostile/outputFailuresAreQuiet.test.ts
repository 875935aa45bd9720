/**
 * Class: no stack traces from the output side. stdout closed early (EPIPE: `| true`, `| head -c 1`)
 * ends quietly with the exit code the run would have had anyway (never 1 from EPIPE alone); stdout
 * on a full disk (`> /dev/full`, ENOSPC) is exit 2 with exactly one line on stderr. The built CLI
 * runs in a real shell pipeline; every run has a timeout so a hang fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { createN1Product } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const product = createN1Product();

/** `node bin/os2level.js ARGS` inside `pipeline` (where `$OS2` stands for the command); status of the CLI itself. */
function inShell(args: string[], pipeline: string) {
  const cmd = `node "${BIN}" ${args.map((a) => `'${a}'`).join(' ')}`;
  const script = `${pipeline.replace('$OS2', cmd)}; echo "status=\${PIPESTATUS[0]}" >&3`;
  const r = spawnSync('bash', ['-c', `exec 3>&1; { ${script}; } 2>&1 >/dev/null | cat >&2`], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1' },
  });
  expect(r.signal, 'hung').toBeNull();
  const status = Number(/status=(\d+)/.exec(r.stdout)?.[1] ?? -1);
  return { status, stderr: r.stderr };
}

const NO_TRACE = /\n\s+at |EPIPE|Error:|node:internal|Unhandled/;

// Commands that print to stdout, and the code each exits with when stdout is fine.
const PRINTERS: [string, string[], number][] = [
  ['check (text)', ['check', product.dir, '--as-of', '2026-06-01'], 0],
  ['check --format json --verbose (larger than a pipe buffer)', ['check', product.dir, '--format', 'json', '--verbose', '--as-of', '2026-06-01'], 0],
  ['check --facts', ['check', product.dir, '--facts'], 0],
  ['check --min-level 3 (not reached)', ['check', product.dir, '--min-level', '3', '--as-of', '2026-06-01'], 1],
  ['levels', ['levels'], 0],
  ['explain', ['explain', 'docs.readme'], 0],
  ['badge', ['badge', product.dir], 0],
  ['validate', ['validate', join(product.dir, 'os2.yaml')], 0],
  ['publiccode', ['publiccode', product.dir, '--as-of', '2026-06-01'], 1],
  ['fix --dry-run', ['fix', '--to-level', '3', product.dir, '--dry-run'], 0],
];

describe('stdout closed early (EPIPE) ends quietly with the conventional status', () => {
  it.each(PRINTERS)('%s | true', (_name, args, code) => {
    const run = inShell(args, '$OS2 | true');
    expect(run.status, run.stderr).toBe(code);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it.each(PRINTERS)('%s | head -c 1', (_name, args, code) => {
    const run = inShell(args, '$OS2 | head -c 1');
    expect(run.status, run.stderr).toBe(code);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it('the run goes on after EPIPE: --report files are still written', () => {
    const dir = tempDir();
    const sarif = join(dir, 'r.sarif');
    const run = inShell(['check', product.dir, '--format', 'json', '--verbose', '--report', `sarif=${sarif}`, '--as-of', '2026-06-01'], '$OS2 | head -c 1');
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(sarif)).toBe(true);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });
});

describe('stdout on a full disk (ENOSPC) is exit 2 with one line', () => {
  it.each(PRINTERS)('%s > /dev/full', (_name, args) => {
    const run = inShell(args, '$OS2 > /dev/full');
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^os2level: could not write stdout: ENOSPC/);
  });

  it('--output /dev/full is exit 2 with one line too', () => {
    const run = inShell(['check', product.dir, '--output', '/dev/full'], '$OS2');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^os2level: could not write \/dev\/full: ENOSPC/);
  });
});
