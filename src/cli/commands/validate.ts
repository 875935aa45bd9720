import type { Command } from 'commander';
import { resolve } from 'node:path';
import { EXIT_OK } from '../../report/exitCode.js';
import { addCommonOptions, loadCatalogue } from './shared.js';
import { writeStdout } from '../output.js';

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description('validate an os2.yaml: YAML syntax, the manifest schema, and requirement ids; every problem as file:line:column')
    .argument('[file]', 'the manifest (default: os2.yaml in the current directory)');
  addCommonOptions(cmd);
  cmd.action(async (file: string | undefined, opts: { levels?: string }) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const { findManifest, loadManifest } = await import('../../manifest/load.js');
    const catalogue = await loadCatalogue(opts);
    const path = file ? resolve(file) : findManifest(process.cwd());
    // Throws InputError with every problem; the program prints them and exits 2.
    await loadManifest(path, { requirementIds: new Set(catalogue.requirements.map((r) => r.id)) });
    await writeStdout(`${path}: valid\n`);
    process.exitCode = EXIT_OK;
  });
}
