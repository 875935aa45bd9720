/** `os2level publiccode`: collect facts, plan the values, apply them to the existing file, validate. */
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { collectFacts } from '../facts/collect.js';
import { readRepoText } from '../repo/safePath.js';
import type { LevelCatalogue } from '../levels/types.js';
import { applyEdits, parsePubliccode, renderPubliccode } from './document.js';
import { planPubliccode, type PubliccodeEdit, type PubliccodeNote, type PubliccodeOptions } from './plan.js';
import { validatePubliccode, type PubliccodeProblem } from './validate.js';
import { parse } from 'yaml';

export interface GeneratedPubliccode {
  /** The repository's publiccode.yml (existing, or where a new one goes). */
  path: string;
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
  // Read by the repository reader: a publiccode.yml linked into .git/ or replaced by a FIFO is refused.
  const original = facts.publiccode ? await readExisting(facts.root, relative, path) : null;
  const parsed = parsePubliccode(original);
  if ('errors' in parsed) {
    throw new InputError(`${path}: cannot update a publiccode.yml that does not parse; fix it first`, parsed.errors.map((message) => ({ file: path, line: 1, column: 1, code: 'yaml-syntax', message })), 'publiccode-unparsable');
  }
  const plan = planPubliccode(facts, opts.catalogue, parsed.data, opts);
  const applied = applyEdits(parsed, plan.edits);
  const text = renderPubliccode(parsed, original, applied.length > 0);
  return { path, existed: original !== null, text, applied, notes: plan.notes, problems: validatePubliccode(parse(text) ?? {}) };
}

const PUBLICCODE_MAX_BYTES = 1024 * 1024;

async function readExisting(root: string, relative: string, path: string): Promise<string> {
  const read = await readRepoText(root, relative, PUBLICCODE_MAX_BYTES + 1);
  if (!read.ok) throw new InputError(`${path}: cannot read the existing publiccode.yml (${read.detail})`, [{ file: path, line: 1, column: 1, code: 'file-unreadable', message: read.detail }], 'file-unreadable');
  if (read.truncated || read.text.length > PUBLICCODE_MAX_BYTES) {
    throw new InputError(`${path}: the existing publiccode.yml is larger than the limit of 1 MiB`, [{ file: path, line: 1, column: 1, code: 'file-too-large', message: 'larger than 1 MiB' }], 'file-too-large');
  }
  return read.text;
}
