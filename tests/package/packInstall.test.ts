/**
 * The package as npm users get it: `npm pack` holds the built CLI, the types and the data files
 * and declares what `npm publish` needs; the tarball installed into a fresh global prefix gives a
 * working `os2level` that checks a repository from another directory. Slow (a real pack and an
 * install, ~20–40 s): it runs in the normal suite with its own timeout. The install prefers the
 * npm cache (`npm ci` put every dependency's tarball there): `--offline` first, and only when the
 * cache lacks a dependency's registry metadata (a global install resolves without the lockfile)
 * `--prefer-offline`, which fetches just that metadata once; later runs are offline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { createN1Product } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
// npm and the installed bin run on the Node.js running the suite (.ci/run runs it on 20, 22 and 24).
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

function npm(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 100_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package (slow: packs and installs)', () => {
  it('declares what publishing needs, and the pack lists the built CLI, the types and the data', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.bin).toEqual({ os2level: 'bin/os2level.js' });
    expect(pkg.types).toBe('./dist/index.d.ts');
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'schemas', 'levels']));
    expect(pkg.scripts.prepare).toBeDefined();
    // The suite's `pretest` built dist/; scripts are skipped so the listing does not rebuild it.
    const dry = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], PROJECT_ROOT);
    expect(dry.status, dry.stderr).toBe(0);
    const files: string[] = JSON.parse(dry.stdout)[0].files.map((f: { path: string }) => f.path);
    for (const f of ['bin/os2level.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'levels/os2-2018.yaml', 'schemas/os2-manifest.schema.json', 'package.json', 'README.md', 'LICENSE']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('tests/') || f.startsWith('src/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  it('the tarball installed into a temporary prefix runs `os2level check` from another directory', () => {
    const dest = tempDir('os2level-pack-');
    const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dest], PROJECT_ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(dest, JSON.parse(packed.stdout)[0].filename);
    expect(existsSync(tarball)).toBe(true);

    const prefix = tempDir('os2level-prefix-');
    const install = (mode: string) => npm(['install', '-g', mode, '--no-audit', '--no-fund', '--prefix', prefix, tarball], dest);
    let installed = install('--offline');
    if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) installed = install('--prefer-offline');
    expect(installed.status, installed.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'os2level');
    expect(existsSync(bin)).toBe(true);
    expect(readdirSync(join(prefix, 'lib', 'node_modules', 'os2level', 'dist')).length).toBeGreaterThan(0);

    const repo = createN1Product();
    const elsewhere = tempDir();
    const run = spawnSync(bin, ['check', repo.dir, '--format', 'json', '--as-of', '2026-06-01'], { cwd: elsewhere, env: { PATH: env.PATH, HOME: process.env.HOME, LANG: 'C' }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.results[0].achievedLevel).toBe(1);
    expect(report.results[0].path).toBe(repo.dir);
    const version = spawnSync(bin, ['--version'], { cwd: elsewhere, env: { PATH: env.PATH }, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(pkg.version);
  }, 120_000);
});
