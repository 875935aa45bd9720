/** `os2level publiccode`: collect facts, plan the values, apply them to the existing file, validate. */
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readEditableText, type Skipped } from '../repo/repositoryFile.js';
import { collectFacts } from '../facts/collect.js';
import type { LevelCatalogue } from '../levels/types.js';
import { applyEdits, parsePubliccode } from './document.js';
import { planPubliccode, type PubliccodeEdit, type PubliccodeNote, type PubliccodeOptions } from './plan.js';
import { validatePubliccode, type PubliccodeProblem } from './validate.js';
import { parse } from 'yaml';

export interface GeneratedPubliccode {
  /** The repository's publiccode.yml (existing, or where a new one goes). */
  path: string;
  /** The repository and the file's path in it, for writing it back through the repository writer. */
  root: string;
  relativePath: string;
  existed: boolean;
  text: string;
  /** Edits that changed the file. */
  applied: PubliccodeEdit[];
  notes: PubliccodeNote[];
  problems: PubliccodeProblem[];
}

export interface GenerateOptions extends PubliccodeOptions {
  catalogue: LevelCatalogue;
  manifestPath?: string;
}

export async function generatePubliccode(dir: string, opts: GenerateOptions): Promise<GeneratedPubliccode> {
  const facts = await collectFacts(dir, { manifestPath: opts.manifestPath, requirementIds: new Set(opts.catalogue.requirements.map((r) => r.id)) });
  const relative = facts.publiccode?.status === 'known' ? facts.publiccode.value.path : 'publiccode.yml';
  const path = join(facts.root, relative);
  const original = facts.publiccode ? editableOrRefuse(path, await readEditableText(facts.root, relative)) : null;
  const parsed = parsePubliccode(original);
  if ('errors' in parsed) {
    throw new InputError(`${path}: cannot update a publiccode.yml that does not parse; fix it first`, parsed.errors.map((message) => ({ file: path, line: 1, column: 1, code: 'yaml-syntax', message })), 'publiccode-unparsable');
  }
  const plan = planPubliccode(facts, opts.catalogue, parsed.data, opts);
  const { applied, text } = applyEdits(parsed, plan.edits, original);
  return { path, root: facts.root, relativePath: relative, existed: original !== null, text, applied, notes: plan.notes, problems: validatePubliccode(parse(text) ?? {}) };
}

/** The existing file's text; one that cannot be edited without damage or leaving the repository stops the command. */
function editableOrRefuse(path: string, read: Awaited<ReturnType<typeof readEditableText>>): string | null {
  if (read.ok) return read.text;
  if (read.reason === 'not-found') return null;
  throw notEditable(path, read);
}

export function notEditable(path: string, skipped: Skipped): InputError {
  const why =
    skipped.reason === 'not-utf8'
      ? 'is not UTF-8 (or UTF-16 with a byte-order mark) text; left untouched rather than risk damaging it: convert it to UTF-8 first'
      : skipped.reason === 'symlink'
        ? `is a symbolic link (${skipped.detail}); a link is never replaced`
        : skipped.reason === 'outside-repository'
          ? `would be written outside the repository (${skipped.detail})`
          : `cannot be edited (${skipped.detail})`;
  return new InputError(`${path}: ${why}`, [{ file: path, line: 1, column: 1, code: `publiccode-${skipped.reason}`, message: why }], 'publiccode-not-editable');
}

