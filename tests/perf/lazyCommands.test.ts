/**
 * Commands are registered cheaply and import their implementation only when they run: `--help`
 * and `--version` must print exactly what they printed when every command was imported eagerly
 * (tests/perf/help/, recorded from that build; UPDATE_GOLDEN=1 rewrites them after a deliberate
 * change), and must not load the checks, the git layer, Ajv, YAML or the interactive prompts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const HELP_DIR = fileURLToPath(new URL('./help/', import.meta.url));
const COMMANDS = ['check', 'validate', 'levels', 'scan', 'merge', 'explain', 'badge', 'publiccode', 'fix', 'init', 'import-report'];
// `scan --concurrency` defaults to the number of CPUs of the machine the help was recorded on.
const portable = (help: string): string => help.replace(/\(default: \d+\)/g, '(default: N)');

describe('--help and --version with lazily loaded commands', () => {
  it.each([['os2level', []], ...COMMANDS.map((c) => [c, [c]])] as [string, string[]][])('%s --help is unchanged', (name, args) => {
    const run = runCli([...args, '--help']);
    expect(run.status).toBe(0);
    const golden = join(HELP_DIR, `${name}.txt`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, run.stdout);
    expect(portable(run.stdout)).toBe(portable(readFileSync(golden, 'utf8')));
  });

  it('--version prints the package version', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  // The unbundled program (tsc's output): its module names say what was loaded, and the bundle
  // keeps the same lazy boundaries (each dynamic import is a chunk of its own).
  const loadedBy = (args: string[], entry = join(PROJECT_ROOT, 'dist/cli/main.js')): string[] => {
    const record = join(tempDir(), 'imports.txt');
    writeFileSync(record, '');
    const r = spawnSync(process.execPath, ['--import', fileURLToPath(new URL('./record-imports.mjs', import.meta.url)), entry, ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1', OS2LEVEL_RECORD_IMPORTS: record },
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(record, 'utf8').split('\n').filter(Boolean);
  };
  const HEAVY = /checkRepository|\/facts\/|\/checks\/|\/repo\/git|levels\/load|simple-git|ajv|\/yaml\/(load|validate)|node_modules\/yaml|@inquirer|playwright|scan\/run/;

  it.each([[['--version']], [['--help']], [['check', '--help']], [['init', '--help']], [['scan', '--help']]])('%j loads no implementation', (args) => {
    const loaded = loadedBy(args);
    // The recorder works: the program itself was seen.
    expect(loaded.some((u) => u.includes('dist/cli/program.js'))).toBe(true);
    expect(loaded.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it('the installed command starts from the bundle: --version loads nothing else, --help no package', () => {
    expect(loadedBy(['--version'], BIN).filter((u) => u.startsWith('file:'))).toEqual([pathToFileURL(BIN).href]);
    // The launcher compiles dist/bundle/os2level.cjs itself (vm.Script with V8's code cache), so
    // the only modules Node loads are the launcher's; the bundle then requires Node's built-ins only.
    const help = loadedBy(['--help'], BIN);
    expect(help.filter((u) => u.startsWith('file:'))).toEqual([BIN, join(PROJECT_ROOT, 'dist/cli/launch.js'), join(PROJECT_ROOT, 'dist/cacheDir.js')].map((p) => pathToFileURL(p).href));
    expect(help.filter((u) => u.startsWith('cjs:') && !u.startsWith('cjs:node:'))).toEqual([]);
    expect(help.some((u) => u.startsWith('cjs:node:'))).toBe(true);
  });

  it('the bundle carries the precompiled validators: validating os2.yaml requires no validator file', () => {
    const loaded = loadedBy(['validate', join(PROJECT_ROOT, 'os2.yaml')], BIN);
    expect(loaded.filter((u) => u.startsWith('cjs:') && u.includes('precompiled'))).toEqual([]);
    // The unbundled program requires the same validator from its file.
    expect(loadedBy(['validate', join(PROJECT_ROOT, 'os2.yaml')]).some((u) => u.startsWith('cjs:') && u.endsWith('os2-manifest.cjs'))).toBe(true);
  });

  it('a command that runs loads what it needs', () => {
    const loaded = loadedBy(['levels', '--format', 'json']);
    expect(loaded.some((u) => u.includes('dist/levels/load.js'))).toBe(true);
  });
});
