import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { InputError, type SourceProblem } from '../../errors.js';
import type { Lang } from '../../levels/types.js';
import { EXIT_COULD_NOT_RUN, EXIT_OK } from '../../report/exitCode.js';
import { problemLabel, validateWords } from '../../report/problemWords.js';
import { printDiagnostic } from '../errors.js';
import { writeStdout } from '../output.js';
import { addCommonOptions, loadCatalogue, resolveLang, type CatalogueOptions } from './shared.js';

interface ValidateOptions extends CatalogueOptions {
  lang?: string;
  format: 'text' | 'json';
}

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description('validate an os2.yaml: YAML syntax, the manifest schema, and requirement ids; every problem as file:line:column')
    .argument('[file]', 'the manifest (default: os2.yaml in the current directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'));
  addCommonOptions(cmd);
  cmd.action(async (file: string | undefined, opts: ValidateOptions) => {
    // Imported when the command runs, so `--help` and other commands do not pay for them.
    const { findManifest, loadManifest } = await import('../../manifest/load.js');
    const lang = resolveLang(opts.lang);
    const catalogue = await loadCatalogue(opts);
    const path = file ? resolve(file) : findManifest(process.cwd());
    try {
      await loadManifest(path, { requirementIds: new Set(catalogue.requirements.map((r) => r.id)) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (opts.format === 'json') await writeStdout(json(path, false, e.problems, lang, e.message));
      else printProblems(path, e, lang);
      process.exitCode = EXIT_COULD_NOT_RUN;
      return;
    }
    await writeStdout(opts.format === 'json' ? json(path, true, [], lang) : `${validateWords('valid', lang, { path })}\n`);
    process.exitCode = EXIT_OK;
  });
}

/** `{ file, valid, problems: [{ file, line, column, code, kind, message }] }`; `error` when nothing could be read. */
function json(path: string, valid: boolean, problems: SourceProblem[], lang: Lang, error?: string): string {
  const out = {
    file: path,
    valid,
    problems: problems.map((p) => ({ file: p.file, line: p.line, column: p.column, code: p.code, kind: problemLabel(p.code, lang), message: p.message, ...(p.path !== undefined ? { path: p.path } : {}) })),
    ...(error && problems.length === 0 ? { error } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** As file:line:column lines on stderr; in Danish each led by the problem's kind in Danish. */
function printProblems(path: string, e: InputError, lang: Lang): void {
  if (lang === 'en') printDiagnostic(`os2level: ${e.message}`);
  else if (e.code === 'manifest-invalid') printDiagnostic(`os2level: ${validateWords(e.problems.length === 1 ? 'invalidOne' : 'invalid', lang, { path, count: e.problems.length })}`);
  else printDiagnostic(`os2level: ${path}: ${problemLabel(e.code, lang)}`);
  for (const p of e.problems) {
    printDiagnostic(lang === 'en' ? `${p.file}:${p.line}:${p.column}: ${p.message}` : `${p.file}:${p.line}:${p.column}: ${problemLabel(p.code, lang)}: ${p.message}`);
  }
}
