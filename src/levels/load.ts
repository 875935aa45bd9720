/**
 * Loads a requirement catalogue (levels/os2-2018.yaml, or a file given with `--levels`) and
 * validates it: the JSON Schema for its shape, then what a schema cannot say (unique ids, levels
 * that exist, check kinds from the closed registry with parameters valid for that kind). Every
 * problem is raised together as one InputError with file:line:column.
 *
 * Parsing the 98 kB catalogue with positions and validating it costs ~0.5 s per run, so the build
 * (scripts/precompile.mjs) runs this same loader once and writes the result, with the SHA-256 of
 * the YAML it came from, to dist/levels/os2-2018.json. The default catalogue is taken from there
 * only while the YAML's bytes still hash to that value: an edited YAML is never shadowed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { getCheck, checkKinds } from '../checks/registry.js';
import { InputError, type SourceProblem } from '../errors.js';
import { didYouMean } from '../yaml/didYouMean.js';
import { loadYamlFile, type LoadedYaml } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';
import { defaultChecklistsPath, loadChecklists, selectGeneration } from '../checklist/load.js';
import type { Checklists } from '../checklist/types.js';
import type { LevelCatalogue } from './types.js';

/** A catalogue with its checklist generations, before one generation is selected. */
export type CatalogueWithChecklists = Omit<LevelCatalogue, 'checklist'>;
type StoredCatalogue = Omit<CatalogueWithChecklists, 'path'>;

// Two levels below the package root both as src/levels/ (vitest) and dist/levels/ (built).
const LEVELS_URL = new URL('../../levels/os2-2018.yaml', import.meta.url);
const SCHEMA_URL = new URL('../../schemas/levels.schema.json', import.meta.url);
// Next to the built module: dist/levels/os2-2018.json. Absent under vitest (src/levels/), so tests use the full path.
const PRECOMPILED_URL = new URL('./os2-2018.json', import.meta.url);

/** What the build writes: the validated catalogue (without `path`) and the hash of the YAML it came from. */
export interface PrecompiledCatalogue {
  sourceSha256: string;
  catalogue: StoredCatalogue;
}

/** Where the build writes the precompiled default catalogue. */
export function precompiledLevelsPath(): string {
  return fileURLToPath(PRECOMPILED_URL);
}

export const sha256Hex = (...parts: (Uint8Array | string)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** Absolute path of the catalogue shipped with the package. */
export function defaultLevelsPath(): string {
  return fileURLToPath(LEVELS_URL);
}

let schema: object | undefined;
/** The level-file JSON Schema, read once. */
export function levelsSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

export interface LoadLevelsOptions {
  /** Checklist generation id or alias (`--checklist`); the default generation without one. */
  checklist?: string;
}

/**
 * Loads and validates a catalogue with OS2's checklist generations and selects one; throws
 * InputError listing every problem. Without a path, the shipped catalogue, from its precompiled
 * form when that is current (see the top of this file). A catalogue given with `--levels` is
 * paired with the shipped checklists.
 */
export async function loadLevels(path?: string, opts: LoadLevelsOptions = {}): Promise<LevelCatalogue> {
  let base: CatalogueWithChecklists | undefined;
  if (path === undefined) base = await loadPrecompiledLevels(defaultLevelsPath(), precompiledLevelsPath(), defaultChecklistsPath());
  base ??= await loadCatalogueWithChecklists(path ?? defaultLevelsPath());
  return withChecklist(base, opts.checklist);
}

/** The full path for a level file and the shipped checklists, without the precompiled shortcut. */
export async function loadCatalogueWithChecklists(path: string, checklistsPath = defaultChecklistsPath()): Promise<CatalogueWithChecklists> {
  const [{ path: from, ...catalogue }, checklists] = await Promise.all([loadLevelsFromYaml(path), loadChecklists(checklistsPath)]);
  // The same key order as the precompiled form (path last), so both print alike.
  return { ...catalogue, checklists, path: from };
}

/**
 * Selects the generation and derives each requirement's item per generation (`refs`, used when
 * reading reports written in an older numbering). Parts naming requirements this catalogue does
 * not have (a trimmed `--levels` file) are dropped; such an item is then decided by nothing.
 */
export function withChecklist(base: CatalogueWithChecklists, name?: string): LevelCatalogue {
  const ids = new Set(base.requirements.map((r) => r.id));
  const checklists: Checklists = {
    ...base.checklists,
    generations: base.checklists.generations.map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, parts: i.parts.filter((p) => ids.has(p.id)) })) })),
  };
  const checklist = selectGeneration(checklists, name);
  const names: [string, string][] = [...checklists.generations.map((g): [string, string] => [g.id, g.id]), ...Object.entries(checklists.aliases)];
  const itemByGeneration = new Map(checklists.generations.map((g) => [g.id, new Map(g.items.flatMap((i) => i.parts.map((p) => [p.id, i.id] as const)))]));
  const requirements = base.requirements.map((r) => ({
    ...r,
    refs: Object.fromEntries(names.map(([name, id]) => [name, itemByGeneration.get(id)?.get(r.id) ?? null])),
  }));
  return { ...base, requirements, checklists, checklist };
}

/**
 * The precompiled catalogue if it was built from exactly the bytes now at `yamlPath` and
 * `checklistsPath`; undefined when it is missing, unreadable, or stale (then the caller takes the
 * full path, which also reports any problem in the YAML).
 */
export async function loadPrecompiledLevels(yamlPath: string, precompiledPath: string, checklistsPath = defaultChecklistsPath()): Promise<CatalogueWithChecklists | undefined> {
  let cached: Partial<PrecompiledCatalogue>;
  let hash: string;
  try {
    const [yaml, checklists, json] = await Promise.all([readFile(yamlPath), readFile(checklistsPath), readFile(precompiledPath, 'utf8')]);
    hash = sha256Hex(yaml, checklists);
    cached = JSON.parse(json) as Partial<PrecompiledCatalogue>;
  } catch {
    return undefined;
  }
  if (typeof cached.sourceSha256 !== 'string' || typeof cached.catalogue !== 'object' || cached.catalogue === null) return undefined;
  if (cached.sourceSha256 !== hash) return undefined;
  return { ...cached.catalogue, path: yamlPath };
}

/** The full path: parse with positions, validate, and check what the schema cannot. */
export async function loadLevelsFromYaml(path: string): Promise<Omit<LevelCatalogue, 'checklists' | 'checklist'>> {
  const loaded = await loadYamlFile(path, { what: 'a level catalogue (--levels)' });
  const problems = [...validateAgainstSchema(levelsSchema(), loaded), ...catalogueProblems(loaded)];
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    const noun = problems.length === 1 ? 'problem' : 'problems';
    throw new InputError(`${path}: ${problems.length} ${noun} in the level catalogue`, problems, 'levels-invalid');
  }
  return { ...(loaded.data as Omit<LevelCatalogue, 'path' | 'checklists' | 'checklist'>), path };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rules across entries. Written defensively: they also run when the schema already failed. */
function catalogueProblems(loaded: LoadedYaml): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const data = loaded.data;
  if (!isRecord(data)) return problems;
  const problem = (pointer: string, code: string, message: string, key = false): void => {
    const pos = loaded.locate(pointer, { key });
    problems.push({ file: loaded.file, line: pos.line, column: pos.column, code, message, path: pointer });
  };

  const levels = new Set<unknown>();
  if (Array.isArray(data.levels)) {
    data.levels.forEach((l, i) => {
      if (!isRecord(l)) return;
      if (levels.has(l.level)) problem(`/levels/${i}/level`, 'levels-duplicate-level', `levels[${i}].level: level ${String(l.level)} is listed twice`);
      levels.add(l.level);
    });
  }

  if (!Array.isArray(data.requirements)) return problems;
  const seen = new Map<string, number>();
  data.requirements.forEach((r, i) => {
    if (!isRecord(r)) return;
    const at = `/requirements/${i}`;
    const id = typeof r.id === 'string' ? r.id : `requirements[${i}]`;
    if (typeof r.id === 'string') {
      const first = seen.get(r.id);
      if (first !== undefined) {
        const firstLine = loaded.locate(`/requirements/${first}/id`).line;
        problem(`${at}/id`, 'levels-duplicate-id', `requirements[${i}].id: "${r.id}" is already used by requirements[${first}] (line ${firstLine})`);
      } else {
        seen.set(r.id, i);
      }
    }
    if (levels.size > 0 && typeof r.level === 'number' && !levels.has(r.level)) {
      problem(`${at}/level`, 'levels-unknown-level', `requirement ${id}: level ${r.level} is not among the catalogue's levels`);
    }
    if (isRecord(r.check) && typeof r.check.kind === 'string') problems.push(...checkProblems(loaded, `${at}/check`, id, r.check));
  });
  return problems;
}

/** The kind must be in the registry, and the params must satisfy that kind's parameter schema. */
function checkProblems(loaded: LoadedYaml, at: string, id: string, check: Record<string, unknown>): SourceProblem[] {
  const kind = check.kind as string;
  const def = getCheck(kind);
  if (!def) {
    const pos = loaded.locate(`${at}/kind`);
    const message = `requirement ${id}: unknown check kind "${kind}"${didYouMean(kind, checkKinds)}; known kinds: ${checkKinds.join(', ')}`;
    return [{ file: loaded.file, ...pos, code: 'levels-unknown-check', message, path: `${at}/kind` }];
  }
  if (check.params !== undefined && !isRecord(check.params)) return []; // the schema reports the type
  const base = `${at}/params`;
  const params: LoadedYaml = { file: loaded.file, text: loaded.text, data: check.params ?? {}, locate: (p, o) => loaded.locate(base + p, o) };
  return validateAgainstSchema(def.paramsSchema, params).map((p) => ({
    ...p,
    path: base + (p.path ?? ''),
    message: `requirement ${id}: check "${kind}" ${p.message.startsWith('(document): ') ? `params: ${p.message.slice(12)}` : `params.${p.message}`}`,
  }));
}
