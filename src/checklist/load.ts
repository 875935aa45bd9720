/**
 * Loads OS2's checklist generations (levels/checklists.yaml) and validates them: the JSON Schema
 * for the shape, then what a schema cannot say (unique generation and item ids, a known default
 * and aliases, each requirement in at most one item per generation, no part asked below its item).
 * Requirement ids are checked against the catalogue by `selectChecklist`, which also picks the
 * generation `--checklist` names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError, type SourceProblem } from '../errors.js';
import { didYouMean } from '../yaml/didYouMean.js';
import { loadYamlFile, type LoadedYaml } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';
import type { LevelNumber, Strength } from '../levels/types.js';
import type { ChecklistGeneration, Checklists, ChecklistsFile, ItemPart } from './types.js';

const CHECKLISTS_URL = new URL('../../levels/checklists.yaml', import.meta.url);
const SCHEMA_URL = new URL('../../schemas/checklists.schema.json', import.meta.url);

/** Absolute path of the checklist file shipped with the package. */
export const defaultChecklistsPath = (): string => fileURLToPath(CHECKLISTS_URL);

let schema: object | undefined;
export function checklistsSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

export async function loadChecklists(path = defaultChecklistsPath()): Promise<Checklists> {
  const loaded = await loadYamlFile(path, { what: 'a checklist file' });
  const problems = [...validateAgainstSchema(checklistsSchema(), loaded)];
  if (problems.length === 0) problems.push(...checklistProblems(loaded));
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new InputError(`${path}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the checklist file`, problems, 'checklists-invalid');
  }
  return normaliseChecklists(loaded.data as ChecklistsFile);
}

/** Bare ids and overrides become parts with the level and strength they have in their generation. */
export function normaliseChecklists(file: ChecklistsFile): Checklists {
  return {
    default: file.default,
    aliases: { ...(file.aliases ?? {}) },
    generations: file.generations.map((g) => ({
      ...g,
      from: typeof g.from === 'string' ? g.from : g.from.toISOString().slice(0, 10),
      items: g.items.map(({ requirements, ...item }) => ({
        ...item,
        parts: requirements.map((r): ItemPart => {
          const o = typeof r === 'string' ? { id: r } : r;
          return { id: o.id, level: (o.level ?? item.level) as LevelNumber, strength: (o.strength ?? item.strength) as Strength };
        }),
      })),
    })),
  };
}

function checklistProblems(loaded: LoadedYaml): SourceProblem[] {
  const data = loaded.data as ChecklistsFile;
  const problems: SourceProblem[] = [];
  const problem = (pointer: string, code: string, message: string): void => {
    const pos = loaded.locate(pointer);
    problems.push({ file: loaded.file, line: pos.line, column: pos.column, code, message, path: pointer });
  };
  const ids = data.generations.map((g) => g.id);
  data.generations.forEach((g, gi) => {
    if (ids.indexOf(g.id) !== gi) problem(`/generations/${gi}/id`, 'checklists-duplicate-generation', `generation "${g.id}" is listed twice`);
    const items = new Set<string>();
    const owner = new Map<string, string>();
    g.items.forEach((item, ii) => {
      const at = `/generations/${gi}/items/${ii}`;
      if (items.has(item.id)) problem(`${at}/id`, 'checklists-duplicate-item', `generation ${g.id}: item ${item.id} is listed twice`);
      items.add(item.id);
      item.requirements.forEach((r, ri) => {
        const o = typeof r === 'string' ? { id: r } : r;
        const first = owner.get(o.id);
        if (first) problem(`${at}/requirements/${ri}`, 'checklists-requirement-twice', `generation ${g.id}: ${o.id} decides both ${first} and ${item.id}`);
        owner.set(o.id, item.id);
        if (typeof r !== 'string' && r.level !== undefined && r.level < item.level) {
          problem(`${at}/requirements/${ri}/level`, 'checklists-part-below-item', `generation ${g.id}: ${o.id} is asked at level ${r.level}, below its item ${item.id} (level ${item.level})`);
        }
      });
    });
  });
  const known = new Set(ids);
  if (!known.has(data.default)) problem('/default', 'checklists-unknown-default', `default "${data.default}" is not a generation${didYouMean(data.default, ids)}`);
  for (const [alias, target] of Object.entries(data.aliases ?? {})) {
    if (!known.has(target)) problem(`/aliases/${alias}`, 'checklists-unknown-alias', `alias "${alias}" points to "${target}", which is not a generation`);
  }
  return problems;
}

/** Generation ids and aliases `--checklist` accepts. */
export const checklistNames = (c: Checklists): string[] => [...c.generations.map((g) => g.id), ...Object.keys(c.aliases)];

/** The generation `name` selects (an id or an alias), the default without one; an unknown name is an input error. */
export function selectGeneration(c: Checklists, name?: string): ChecklistGeneration {
  const id = name === undefined ? c.default : (c.aliases[name] ?? name);
  const found = c.generations.find((g) => g.id === id);
  if (!found) {
    const names = checklistNames(c);
    throw new InputError(`--checklist: unknown checklist generation "${name}"${didYouMean(name ?? '', names)}; known: ${names.join(', ')}`, [], 'checklist-unknown');
  }
  return found;
}
