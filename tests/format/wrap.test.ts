/**
 * Wrapping for the terminal: at word boundaries only, with hanging indents, colour codes taking no
 * columns; and the built CLI on a pseudo-terminal 80 columns wide (util-linux `script`, the
 * equivalent of a tmux capture): every line fits, and the words are exactly those of the unwrapped
 * output, so none was cut in two. Not a terminal: no wrapping.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleWidth, wrapLine, wrapText } from '../../src/format/wrap.js';
import { BIN, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, createRepo, type TestRepo } from '../helpers/gitRepo.js';
import { skipWithout } from '../helpers/requiredTool.js';

describe('wrapLine', () => {
  it('breaks at spaces, keeps the indent and aligns under a leading marker', () => {
    const line = '    → Put the full, unmodified licence text in a root `LICENSE` file; OS2 standard is MPL-2.0.';
    const out = wrapLine(line, 40);
    for (const l of out) expect(visibleWidth(l)).toBeLessThanOrEqual(40);
    expect(out[0]!.startsWith('    → Put')).toBe(true);
    for (const l of out.slice(1)) expect(l).toMatch(/^ {6}\S/);
    expect(out.join(' ').split(/\s+/)).toEqual(line.split(/\s+/));
  });

  it('never cuts a word: one longer than the width stands whole on its own line', () => {
    const out = wrapLine('  see --coverage=coverage/lcov.info/with/a/long/path for more', 20);
    expect(out).toContain('  --coverage=coverage/lcov.info/with/a/long/path');
    expect(out.join(' ').split(/\s+/).filter(Boolean)).toEqual(['see', '--coverage=coverage/lcov.info/with/a/long/path', 'for', 'more']);
  });

  it('counts colour codes as no columns', () => {
    const red = '\u001b[31mnot met\u001b[39m';
    expect(visibleWidth(red)).toBe(7);
    expect(wrapLine(`  ✗ ${red} ${red}`, 20)).toEqual([`  ✗ ${red} ${red}`]);
  });

  it('leaves text alone without a width', () => {
    const long = 'word '.repeat(50);
    expect(wrapText(long, undefined)).toBe(long);
  });
});

describe('the CLI on an 80-column terminal', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo({ 'README.md': '# tool\n' });
    repo.commit('first');
  });
  afterAll(cleanupTempDirs);

  it('wraps every line to 80 columns without cutting a word; piped output is not wrapped', (ctx) => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) skipWithout(ctx, 'script (util-linux)', 'apt-get install util-linux');
    const args = ['check', repo.dir, '--as-of', '2026-06-01', '--lang', 'en'];
    const command = `stty cols 80 rows 40; exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1', TERM: 'xterm' },
      timeout: 60_000,
    });
    expect(tty.status, tty.stderr).toBe(0);
    const lines = tty.stdout.replace(/\r/g, '').trimEnd().split('\n');
    const piped = runCli(args).stdout;
    // The piped output has lines longer than 80 columns, so wrapping had work to do.
    expect(piped.split('\n').some((l) => visibleWidth(l) > 80)).toBe(true);
    for (const l of lines) if (l.trim().split(' ').length > 1) expect(visibleWidth(l), l).toBeLessThanOrEqual(80);
    expect(lines.join('\n').split(/\s+/).filter(Boolean)).toEqual(piped.split(/\s+/).filter(Boolean));
  });

  it('colours bars by state: a level not reached is never green', () => {
    const out = runCli(['check', repo.dir, '--as-of', '2026-06-01', '--lang', 'en'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout;
    const bars = out.split('\n').filter((l) => l.includes('░') || l.includes('█'));
    expect(bars).toHaveLength(4);
    // Nothing is reached here: the minimum bar (the next level) is yellow, none is green.
    for (const b of bars) expect(b).not.toContain('\u001b[32m');
    expect(bars[0]).toContain('\u001b[33m');
  });
});
