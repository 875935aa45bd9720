import { Option, type Command } from 'commander';
import { EXIT_GATE_FAILED, EXIT_OK } from '../../report/exitCode.js';
import { emit, writeOutput } from '../output.js';
import { parseAsOf, collect } from '../options.js';
import { addCommonOptions, discoverOption, loadCatalogue, repositoryDir, resolveLang } from './shared.js';
import { printDiagnostic } from '../errors.js';

const SOFTWARE_TYPES = ['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles'];
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'];

interface PubliccodeOptions {
  write?: boolean;
  preferOs2yaml?: boolean;
  output?: string;
  manifest?: string;
  platform?: string[];
  softwareType?: string;
  maintenanceType?: string;
  asOf?: Date;
  lang?: string;
  levels?: string;
  discover?: boolean;
}

export function registerPubliccode(program: Command): void {
  const cmd = program
    .command('publiccode')
    .description('write publiccode.yml (standard 0.4) from os2.yaml and the repository, or fill the gaps of an existing one without changing what it holds')
    .argument('[dir]', 'repository', '.')
    .option('--write', 'write publiccode.yml in the repository (default: print it to stdout)')
    .option('-o, --output <file>', 'write the result to this file instead')
    .option('--prefer-os2yaml', 'let values declared in os2.yaml replace the file\'s (values guessed from the repository never replace what is written)')
    .option('--manifest <path>', 'the os2.yaml to use (default: os2.yaml in the repository)')
    .option('--platform <name>', 'a platform users use the software on: web, windows, mac, linux, ios, android (repeatable)', collect)
    .addOption(new Option('--software-type <type>', 'the softwareType').choices(SOFTWARE_TYPES))
    .addOption(new Option('--maintenance-type <type>', 'maintenance.type').choices(MAINTENANCE_TYPES))
    .option('--as-of <date>', 'what counts as a recent release is judged as of this date (YYYY-MM-DD)', parseAsOf)
    .addOption(discoverOption());
  addCommonOptions(cmd);
  cmd.addHelpText('after', '\nOnly gaps are filled: a value the file holds is kept, and where os2level would write something else the difference is listed on stderr. The description is written in the --lang language. Exit 1 when the file still lacks required fields or has invalid values (listed on stderr).');
  cmd.action(async (dir: string, opts: PubliccodeOptions) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const [{ generatePubliccode }, { message }] = await Promise.all([import('../../publiccode/generate.js'), import('../../report/messages.js')]);
    const lang = resolveLang(opts.lang);
    const catalogue = await loadCatalogue(opts);
    const result = await generatePubliccode(await repositoryDir(dir, opts), {
      catalogue, lang, now: opts.asOf ?? new Date(), manifestPath: opts.manifest, preferOs2yaml: opts.preferOs2yaml === true,
      platforms: opts.platform, softwareType: opts.softwareType, maintenanceType: opts.maintenanceType,
    });
    const target = opts.output ?? (opts.write ? result.path : undefined);
    if (target) {
      if (target !== result.path) await writeOutput(target, result.text);
      else if (result.applied.length > 0 || !result.existed) {
        // Inside the repository: the repository writer keeps the file's encoding and never follows a link out.
        const [{ replaceRepositoryFile }, { notEditable }] = await Promise.all([import('../../repo/repositoryFile.js'), import('../../publiccode/generate.js')]);
        const outcome = await replaceRepositoryFile(result.root, result.relativePath, result.text);
        if (!outcome.ok) throw notEditable(target, outcome);
      }
      const done = result.applied.length > 0 || target !== result.path ? message('publiccode.written', { path: target, count: result.applied.length }, lang) : message('publiccode.unchanged', { path: target }, lang);
      printDiagnostic(done);
    } else {
      await emit(result.text, undefined);
    }
    const todo = [
      ...result.notes.map((n) => message(n.code, n.args, lang)),
      ...result.problems.map((p) => message(p.kind === 'missing' ? 'publiccode.problem-missing' : 'publiccode.problem-invalid', { pointer: p.pointer, detail: p.detail }, lang)),
    ];
    if (todo.length) printDiagnostic(`${message('publiccode.todo', {}, lang)}\n${todo.map((t) => `  - ${t}`).join('\n')}`);
    process.exitCode = result.problems.length ? EXIT_GATE_FAILED : EXIT_OK;
  });
}
