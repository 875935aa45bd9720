/**
 * Finds, loads and validates a product's os2.yaml. Every problem (YAML syntax, schema violation,
 * explanation for an id that does not exist) is collected and raised together as one InputError,
 * so a broken manifest stops the run (exit code 2) with everything the author needs to fix it.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { InputError, type SourceProblem } from '../errors.js';
import { isGitInternal } from '../repo/safePath.js';
import { didYouMean } from '../yaml/didYouMean.js';
import { loadYamlFile, type LoadedYaml, type Position } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';

/** Names tried in order; the first that exists wins. */
export const MANIFEST_NAMES = ['os2.yaml', 'os2.yml', '.os2.yaml'] as const;

// Two levels below the package root both as src/manifest/ (vitest) and dist/manifest/ (built).
const SCHEMA_URL = new URL('../../schemas/os2-manifest.schema.json', import.meta.url);

let schema: object | undefined;
/** The manifest JSON Schema, read once. */
export function manifestSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

export interface LoadManifestOptions {
  /** Known requirement ids; when given, explanations and notApplicable entries must name one. */
  requirementIds?: ReadonlySet<string>;
}

export interface LoadedManifest {
  path: string;
  data: Record<string, unknown>;
  /** Where each key stands (1-based line and column), by dotted path, so findings can point at it. */
  keys: Record<string, Position>;
}

/** Loads and validates a manifest; throws InputError listing every problem. */
export async function loadManifest(path: string, opts: LoadManifestOptions = {}): Promise<LoadedManifest> {
  return validateManifest(await loadYamlFile(path, { what: 'os2.yaml' }), path, opts);
}

/** Validates a manifest already parsed (e.g. read from git objects); throws InputError listing every problem. */
export function validateManifest(loaded: LoadedYaml, path: string, opts: LoadManifestOptions = {}): LoadedManifest {
  const problems = validateAgainstSchema(manifestSchema(), loaded);
  if (opts.requirementIds) problems.push(...unknownRequirementIds(loaded, opts.requirementIds));
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    const noun = problems.length === 1 ? 'problem' : 'problems';
    throw new InputError(`${path}: ${problems.length} ${noun} in the manifest`, problems, 'manifest-invalid');
  }
  return { path, data: loaded.data as Record<string, unknown>, keys: keyPositions(loaded) };
}

/** Bounded: a manifest is small, and a hostile one must not make this walk long. */
const MAX_KEYS = 2000;

function keyPositions(loaded: LoadedYaml): Record<string, Position> {
  const out = new Map<string, Position>();
  const walk = (value: unknown, dotted: string, pointer: string): void => {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (out.size >= MAX_KEYS) return;
      const d = dotted ? `${dotted}.${key}` : key;
      const p = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      out.set(d, loaded.locate(p, { key: true }));
      walk(value[key], d, p);
    }
  };
  walk(loaded.data, '', '');
  return Object.fromEntries(out);
}

const ID_SECTIONS = ['explanations', 'notApplicable'] as const;

/** Typo protection: an explanation for an id that does not exist would silently explain nothing. */
function unknownRequirementIds(loaded: LoadedYaml, ids: ReadonlySet<string>): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const data = loaded.data;
  if (!isRecord(data)) return problems;
  for (const section of ID_SECTIONS) {
    const entries = data[section];
    if (!isRecord(entries)) continue;
    for (const id of Object.keys(entries)) {
      if (ids.has(id)) continue;
      const path = `/${section}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const pos = loaded.locate(path, { key: true });
      problems.push({
        file: loaded.file,
        ...pos,
        code: 'unknown-requirement-id',
        message: `${section}: unknown requirement id "${id}"${didYouMean(id, ids)}`,
        path,
      });
    }
  }
  const explained = data.explanations;
  const notApplicable = data.notApplicable;
  if (isRecord(explained) && isRecord(notApplicable)) {
    for (const id of Object.keys(notApplicable)) {
      if (!Object.prototype.hasOwnProperty.call(explained, id)) continue;
      const path = `/notApplicable/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      problems.push({
        file: loaded.file,
        ...loaded.locate(path, { key: true }),
        code: 'conflicting-declaration',
        message: `notApplicable: "${id}" is also under explanations; a requirement is either not applicable or explained, not both`,
        path,
      });
    }
  }
  return problems;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The manifest path in `dir`: the first of MANIFEST_NAMES that exists, else `dir/os2.yaml` (which
 * the caller finds absent). A manifest that is a symlink leading out of `dir` is refused, so a
 * scanned repository cannot make the tool read files elsewhere.
 */
export function findManifest(dir: string): string {
  for (const name of MANIFEST_NAMES) {
    const candidate = join(dir, name);
    try {
      lstatSync(candidate);
    } catch {
      continue;
    }
    let real: string;
    let base: string;
    try {
      real = realpathSync(candidate);
      base = realpathSync(dir);
    } catch {
      // A dangling symlink: let loading report it as not found.
      return candidate;
    }
    const rel = relative(base, real);
    if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
      const problem = { file: candidate, line: 1, column: 1, code: 'path-outside-directory', message: `${name} points outside ${dir}` };
      throw new InputError(`${candidate}: points outside ${dir}`, [problem], 'path-outside-directory');
    }
    if (isGitInternal(base, real)) {
      const problem = { file: candidate, line: 1, column: 1, code: 'path-outside-directory', message: `${name} points into the git directory, which is not repository content` };
      throw new InputError(`${candidate}: points into the git directory`, [problem], 'path-outside-directory');
    }
    return candidate;
  }
  return join(dir, MANIFEST_NAMES[0]);
}
