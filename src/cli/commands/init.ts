import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import type { InitAnswers } from '../../init/build.js';
import { EXIT_OK } from '../../report/exitCode.js';
import { addCommonOptions, discoverOption, loadCatalogue, repositoryDir, resolveLang } from './shared.js';
import { writeStdout } from '../output.js';
import { printable } from '../printable.js';

interface InitOptions {
  yes?: boolean;
  force?: boolean;
  lang?: string;
  levels?: string;
  discover?: boolean;
}

export function registerInit(program: Command): void {
  const cmd = program
    .command('init')
    .description('write an os2.yaml pre-filled from the repository (README, licence, remote, docs, coverage, publiccode.yml, a governance report)')
    .argument('[dir]', 'the repository', '.')
    .option('-y, --yes', 'ask nothing; fill in only what the repository shows (also the case without a terminal)')
    .option('--force', 'replace an existing os2.yaml (without it, an existing os2.yaml only gets its gaps filled)')
    .addOption(discoverOption());
  addCommonOptions(cmd);
  cmd.action(async (dir: string, opts: InitOptions) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const [{ collectFacts }, { formatInitSummary }, { buildInit }, { validManifestText }, { MANIFEST_NAMES }, { replaceRepositoryFile }] = await Promise.all([
      import('../../facts/collect.js'),
      import('../../init/summary.js'),
      import('../../init/init.js'),
      import('../../init/manifestDocument.js'),
      import('../../manifest/load.js'),
      import('../../repo/repositoryFile.js'),
    ]);
    const root = resolve(await repositoryDir(dir, opts));
    const lang = resolveLang(opts.lang);
    const existing = MANIFEST_NAMES.map((n) => join(root, n)).find((p) => existsSync(p));
    const target = existing ?? join(root, MANIFEST_NAMES[0]);
    const catalogue = await loadCatalogue(opts);
    const facts = await collectFacts(root);
    if (existing && !opts.force) {
      // An existing manifest: fill its gaps, never replace what a person wrote.
      const [{ readEditableText }, { fillManifestGaps }, { initManifestData }, { formatGapSummary }, { checkManifestSource }] = await Promise.all([
        import('../../repo/repositoryFile.js'), import('../../init/fillGaps.js'), import('../../init/build.js'), import('../../init/summary.js'), import('../../init/manifestDocument.js'),
      ]);
      const rel = relative(root, existing);
      const read = await readEditableText(root, rel);
      if (!read.ok) {
        const why = read.reason === 'not-utf8' ? 'the existing manifest is not UTF-8 text; left untouched' : `cannot be edited (${read.reason}: ${read.detail})`;
        throw new InputError(`${existing}: ${why}`, [{ file: existing, line: 1, column: 1, code: `manifest-${read.reason}`, message: why }], 'manifest-not-writable');
      }
      const gaps = fillManifestGaps(read.text, initManifestData(facts, catalogue).data);
      if (gaps.added.length) {
        // Validated before writing, like a new manifest; the edited text itself is written.
        checkManifestSource(gaps.text, existing, new Set(catalogue.requirements.map((r) => r.id)));
        const outcome = await replaceRepositoryFile(root, rel, gaps.text);
        if (!outcome.ok) throw new InputError(`${existing}: not written (${outcome.reason}: ${outcome.detail})`, [{ file: existing, line: 1, column: 1, code: `manifest-${outcome.reason}`, message: outcome.detail }], 'manifest-not-writable');
      }
      await writeStdout(printable(formatGapSummary(gaps, relative(process.cwd(), existing) || existing, lang)));
      process.exitCode = EXIT_OK;
      return;
    }
    const interactive = !opts.yes && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
    const usedBy = facts.publiccode?.status === 'known' ? facts.publiccode.value.usedBy : [];
    const answers: InitAnswers = interactive ? await (await import('../../init/prompts.js')).askInitQuestions(lang, { participants: usedBy }) : {};
    const result = await buildInit(facts, catalogue, answers, lang);
    // Validate before writing: init never leaves a manifest that check would refuse.
    const text = validManifestText(result.doc, target, new Set(catalogue.requirements.map((r) => r.id)));
    // Through the repository writer: never over a symlink, never out of the repository, encoding kept.
    const outcome = await replaceRepositoryFile(root, relative(root, target), text);
    if (!outcome.ok) {
      const why = outcome.reason === 'not-utf8' ? 'the existing manifest is not UTF-8 text; left untouched' : `not written (${outcome.reason}: ${outcome.detail})`;
      throw new InputError(`${target}: ${why}`, [{ file: target, line: 1, column: 1, code: `manifest-${outcome.reason}`, message: why }], 'manifest-not-writable');
    }
    await writeStdout(printable(formatInitSummary(result, relative(process.cwd(), target) || target, lang)));
    process.exitCode = EXIT_OK;
  });
}
