import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { EXIT_OK } from '../../report/exitCode.js';
import { writeOutput, writeStdout } from '../output.js';
import { addCommonOptions, discoverOption, loadCatalogue, repositoryDir, resolveLang } from './shared.js';
import { printDiagnostic } from '../errors.js';
import { printable } from '../printable.js';

interface ImportReportOptions {
  manifest?: string;
  write?: boolean;
  force?: boolean;
  format: 'text' | 'json';
  lang?: string;
  levels?: string;
  discover?: boolean;
}

export function registerImportReport(program: Command): void {
  const cmd = program
    .command('import-report')
    .description('read a filled-in OS2 governance report or self-evaluation (any checklist generation and layout) and show, or with --write merge, what it carries into os2.yaml')
    .argument('<file>', 'the governance report (Markdown, or the 2026 self-evaluation JSON export)')
    .option('--manifest <path>', 'the os2.yaml to merge into (default: os2.yaml at the top of the work tree the current directory is in; created when absent)')
    .option('--write', 'merge into the manifest (validated first, written atomically, comments kept)')
    .option('--force', 'replace values the manifest already has where the report says otherwise')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(discoverOption('without --manifest: os2.yaml in the current directory itself, not at the top of its work tree'));
  addCommonOptions(cmd);
  cmd.action(async (file: string, opts: ImportReportOptions) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const [{ formatImportJson, formatImportText }, { importGovernanceReport }, { IMPORT_WORDS, fillIn }, { validManifestText }, { findManifest }] = await Promise.all([
      import('../../governanceReport/format.js'),
      import('../../governanceReport/importReport.js'),
      import('../../governanceReport/messages.js'),
      import('../../init/manifestDocument.js'),
      import('../../manifest/load.js'),
    ]);
    const catalogue = await loadCatalogue(opts);
    const lang = resolveLang(opts.lang);
    // Without --manifest: os2.yaml at the top of the work tree the current directory belongs to.
    const manifestPath = opts.manifest ? resolve(opts.manifest) : findManifest(resolve(await repositoryDir('.', opts)));
    const result = await importGovernanceReport(resolve(file), manifestPath, catalogue, { force: opts.force });
    const changes = result.merge.applied.length;
    let written = false;
    if (opts.write && (changes > 0 || result.created)) {
      // Validate before writing: a merge that would break the manifest writes nothing (exit 2).
      const text = validManifestText(result.doc, manifestPath, new Set(catalogue.requirements.map((r) => r.id)));
      await writeOutput(manifestPath, text);
      written = true;
    }
    const outcome = { plan: result.plan, manifestPath, merge: result.merge, written, created: result.created && written, force: Boolean(opts.force) };
    await writeStdout(opts.format === 'json' ? formatImportJson(outcome) : printable(formatImportText(outcome, lang)));
    const note = written ? (result.created ? IMPORT_WORDS.created : IMPORT_WORDS.wrote) : opts.write ? null : IMPORT_WORDS.dryRun;
    if (note) printDiagnostic(fillIn(note[lang], { file: manifestPath, count: changes }));
    process.exitCode = EXIT_OK;
  });
}
