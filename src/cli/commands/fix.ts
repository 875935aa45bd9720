import { Option, type Command } from 'commander';
import { EXIT_OK } from '../../report/exitCode.js';
import { parseAsOf } from '../options.js';
import { addCommonOptions, discoverOption, loadCatalogue, repositoryDir, resolveLang } from './shared.js';
import { writeStdout } from '../output.js';
import { printable } from '../printable.js';

interface FixCommandOptions {
  toLevel: string;
  dryRun?: boolean;
  manifest?: string;
  asOf?: Date;
  lang?: string;
  levels?: string;
  discover?: boolean;
}

// Spelled out, not built from the action name, so every message code can be found in the source.
const FIX_CODES = {
  create: { dryRun: 'fix.would-create', done: 'fix.created' },
  append: { dryRun: 'fix.would-append', done: 'fix.appended' },
} as const;

/** Why a planned file was not written (src/repo/repositoryFile.ts decides; the words are in the catalogue). */
const SKIP_CODES = {
  exists: 'fix.skipped-exists',
  'not-found': 'fix.skipped-exists',
  symlink: 'fix.skipped-symlink',
  'outside-repository': 'fix.skipped-outside',
  'not-a-file': 'fix.skipped-not-a-file',
  'not-utf8': 'fix.skipped-not-utf8',
} as const;

export function registerFix(program: Command): void {
  const cmd = program
    .command('fix')
    .description('create the repository files a level needs (README sections, SECURITY.md, CONTRIBUTING.md, CHANGELOG.md, docs/) from templates; never overwrites')
    .argument('[dir]', 'repository', '.')
    .addOption(new Option('--to-level <level>', 'address requirements failing at or below this level').choices(['0', '1', '2', '3']).makeOptionMandatory())
    .option('--dry-run', 'list what would be written, write nothing')
    .option('--manifest <path>', 'the os2.yaml to use (default: os2.yaml in the repository)')
    .option('--as-of <date>', 'evaluate time-based rules as of this date (YYYY-MM-DD)', parseAsOf)
    .addOption(discoverOption());
  addCommonOptions(cmd);
  cmd.addHelpText('after', '\nPlaceholders are HTML comments marked TODO(os2level): they never count as content, and no contact address is ever invented.');
  cmd.action(async (dir: string, opts: FixCommandOptions) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const [{ runFix }, { message }] = await Promise.all([import('../../fix/run.js'), import('../../report/messages.js')]);
    const lang = resolveLang(opts.lang);
    const catalogue = await loadCatalogue(opts);
    const result = await runFix(await repositoryDir(dir, opts), { catalogue, lang, toLevel: Number(opts.toLevel), dryRun: opts.dryRun ?? false, now: opts.asOf ?? new Date(), manifestPath: opts.manifest });
    const lines: string[] = [];
    if (result.files.length === 0) lines.push(message('fix.nothing', { level: opts.toLevel }, lang));
    for (const f of result.files) {
      const written = 'written' in f ? f.written : !opts.dryRun;
      const skipped = 'skipped' in f ? f.skipped : undefined;
      const code = opts.dryRun ? FIX_CODES[f.action].dryRun : !written ? SKIP_CODES[skipped?.reason ?? 'exists'] : FIX_CODES[f.action].done;
      lines.push(message(code, { path: f.path, requirements: f.requirements, placeholders: f.placeholders, detail: skipped?.detail ?? f.path }, lang));
      if (opts.dryRun) lines.push(...f.content.trimEnd().split('\n').map((l) => `    ${l}`));
    }
    if (result.files.some((f) => f.placeholders > 0)) lines.push('', message('fix.placeholders', {}, lang));
    if (result.after) {
      if (result.after.met.length) lines.push(message('fix.now-met', { ids: result.after.met }, lang));
      if (result.after.notMet.length) lines.push(message('fix.still-not-met', { ids: result.after.notMet }, lang));
    }
    for (const n of result.notes) lines.push(message(n.code, n.args, lang));
    // Paths and values in these lines can come from the repository.
    await writeStdout(printable(lines.join('\n')) + '\n');
    process.exitCode = EXIT_OK;
  });
}
